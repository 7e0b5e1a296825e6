// Whether this machine can run PyPI packages (uv/uvx) and OCI images (a Docker engine), and if not, why, in words.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { runTool, stderrLines } from './run-tool.ts';
import { findExecutable } from './sandbox.ts';

export type RuntimeCheck = { available: true; command: string } | { available: false; reason: string };

export interface RuntimeOptions {
  /** The uvx executable; uv, which installs packages, is looked up beside it, then on PATH. @default the first `uvx` on PATH */
  uvx?: string;
  /** The docker CLI. @default the first `docker` on PATH */
  docker?: string;
  /** How long `docker info` may take to answer. @default 10000 */
  dockerInfoTimeoutMs?: number;
}

const executable = (file: string) => (existsSync(file) ? findExecutable(path.basename(file), path.dirname(file)) : undefined);

/** uv is usable: `command` is uv, which installs (`uv tool install`); uvx is its `uv tool run` shim. */
export function checkUv(opts: RuntimeOptions = {}): RuntimeCheck {
  const uvx = opts.uvx ? executable(opts.uvx) : findExecutable('uvx');
  if (!uvx) return { available: false, reason: `uvx is not installed (${opts.uvx ? `${opts.uvx} is not an executable` : 'no uvx on PATH'}); install uv from https://docs.astral.sh/uv/` };
  const uv = executable(path.join(path.dirname(uvx), 'uv')) ?? findExecutable('uv');
  if (!uv) return { available: false, reason: `uvx is at ${uvx} but uv, which installs packages, is not beside it or on PATH` };
  return { available: true, command: uv };
}

const dockerChecks = new Map<string, { at: number; check: Promise<RuntimeCheck> }>();
const DOCKER_CHECK_TTL_MS = 60_000;

/** A Docker engine answers `docker info`. The answer is kept for a minute: a crawl asks once per OCI server. */
export function checkDocker(opts: RuntimeOptions = {}): Promise<RuntimeCheck> {
  const docker = opts.docker ? executable(opts.docker) : findExecutable('docker');
  if (!docker) return Promise.resolve({ available: false, reason: `docker is not installed (${opts.docker ? `${opts.docker} is not an executable` : 'no docker on PATH'})` });
  const cached = dockerChecks.get(docker);
  if (cached && Date.now() - cached.at < DOCKER_CHECK_TTL_MS) return cached.check;
  const check = askEngine(docker, opts.dockerInfoTimeoutMs ?? 10_000);
  dockerChecks.set(docker, { at: Date.now(), check });
  return check;
}

async function askEngine(docker: string, timeoutMs: number): Promise<RuntimeCheck> {
  const run = await runTool(docker, ['info', '--format', '{{.ServerVersion}}'], { timeoutMs });
  if (run.code === 0 && run.stdout.trim()) return { available: true, command: docker };
  const why = run.timedOut ? `docker info did not answer within ${timeoutMs} ms`
    : run.spawnError ? `cannot run ${docker}: ${run.spawnError.code ?? run.spawnError.message}`
    : `docker info exited with ${run.code}${run.stderr.trim() ? `: ${stderrLines(run.stderr, 2)}` : ''}`;
  return { available: false, reason: `no Docker engine answers (${why})` };
}
