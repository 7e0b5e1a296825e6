// attemptServer for an OCI image: through docker when an engine answers, else unsupported_runtime with the reason.
// The container is the sandbox (no network, read-only root, no capabilities); the docker CLI runs under the
// listing's limits and timeout, and the container is removed by name whatever happens.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { failedAttempt, fillRecord, fillScratch, listedAttempt } from './attempt-common.ts';
import type { AttemptOptions, AttemptResult } from './attempt-types.ts';
import type { Launch } from './launch.ts';
import { diagnose } from './diagnose.ts';
import { listTools } from './list-tools.ts';
import { dockerRunArgs, imageRef, pullImage, removeContainer } from './oci.ts';
import { helperEnv } from './run-tool.ts';
import { checkDocker } from './runtimes.ts';

/** Inside the container the scratch placeholder points at its private /tmp. */
const CONTAINER_SCRATCH = '/tmp';

export async function attemptOci(launch: Extract<Launch, { kind: 'package' }>, options: AttemptOptions): Promise<AttemptResult> {
  const docker = await checkDocker(options.executables);
  if (!docker.available) return { status: 'unsupported_runtime', errorKind: 'oci', error: `oci images run through docker: ${docker.reason}` };
  const image = imageRef(launch.identifier, launch.version);
  try {
    await pullImage(docker.command, image, options.installTimeoutMs);
  } catch (error) {
    return failedAttempt(error, { image });
  }
  const name = `mcp-risk-${process.pid}-${randomUUID().slice(0, 8)}`;
  const scratch = await mkdtemp(join(options.workDir, 'server-')); // the docker CLI's HOME, nothing of the server's
  const dockerEnv = Object.fromEntries(Object.entries(helperEnv()).filter(([key]) => key.startsWith('DOCKER_')));
  try {
    const args = dockerRunArgs({
      image, name, allowNetwork: options.sandbox?.allowNetwork,
      env: fillRecord(launch.env, CONTAINER_SCRATCH), args: launch.args.map((a) => fillScratch(a, CONTAINER_SCRATCH)),
    });
    const result = await listTools({
      command: docker.command, args, env: dockerEnv, writableDir: scratch, timeoutMs: options.timeoutMs ?? 60_000,
      sandbox: { ...options.sandbox, unsafe: true }, // bwrap would hide the engine's socket; the container isolates instead
    });
    return listedAttempt(result, { image });
  } catch (error) {
    return failedAttempt(diagnose(error), { image });
  } finally {
    await removeContainer(docker.command, name);
    await rm(scratch, { recursive: true, force: true });
  }
}
