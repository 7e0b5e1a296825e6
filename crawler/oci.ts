// Runs an OCI image's stdio server with docker: the image pulled first (outside the listing's deadline), then a
// container with no network, a read-only root, no capabilities and resource limits, removed by name afterwards
// (killing `docker run` does not stop its container).
import { InstallError } from './install-error.ts';
import { runTool, stderrLines } from './run-tool.ts';

export interface DockerRunOptions {
  image: string;
  /** The container's name, for removing it afterwards. */
  name: string;
  /** Arguments after the image. @default [] */
  args?: string[];
  /** Container environment (placeholders). @default {} */
  env?: Record<string, string>;
  /** Give the container the default bridge network. @default false: `--network none` */
  allowNetwork?: boolean;
  /** @default '2g' */
  memory?: string;
  /** @default 512 */
  pids?: number;
  /** @default 1 */
  cpus?: number;
}

/** `identifier:version` unless the identifier already names a tag or a digest. */
export function imageRef(identifier: string, version: string | undefined): string {
  const last = identifier.split('/').pop() ?? identifier;
  if (identifier.includes('@sha256:') || last.includes(':')) return identifier;
  return `${identifier}:${version ?? 'latest'}`;
}

/** The arguments of `docker run` for one listing. */
export function dockerRunArgs(opts: DockerRunOptions): string[] {
  const env = Object.entries(opts.env ?? {}).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
  return [
    'run', '--rm', '-i', '--name', opts.name, '--pull', 'never',
    '--network', opts.allowNetwork ? 'bridge' : 'none',
    '--read-only', '--tmpfs', '/tmp:rw,size=64m', '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges',
    '--memory', opts.memory ?? '2g', '--pids-limit', String(opts.pids ?? 512), '--cpus', String(opts.cpus ?? 1),
    ...env, opts.image, ...(opts.args ?? []),
  ];
}

/** Pulls the image; a missing image or tag is an install failure of that server, not of the crawler. */
export async function pullImage(docker: string, image: string, timeoutMs = 300_000): Promise<void> {
  const run = await runTool(docker, ['pull', '--quiet', image], { timeoutMs });
  if (run.timedOut) throw new InstallError(`docker pull ${image} took longer than ${timeoutMs} ms`, 'E_INSTALL_TIMEOUT', true);
  if (run.code !== 0) {
    const missing = /manifest unknown|not found|does not exist/i.test(run.stderr);
    throw new InstallError(`docker pull ${image} failed: ${stderrLines(run.stderr) || `exit ${run.code}`}`, missing ? 'E_NO_VERSION' : 'E_INSTALL', !missing);
  }
}

/** Removes the container if it is still there; never throws. */
export async function removeContainer(docker: string, name: string): Promise<void> {
  await runTool(docker, ['rm', '--force', name], { timeoutMs: 30_000 });
}
