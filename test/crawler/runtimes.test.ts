// PyPI (uv/uvx) and OCI (docker) runtimes: detection and its reasons on this machine (no uvx, no Docker engine),
// and both branches end to end through stand-ins for uv and docker that serve a stdio fixture.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { attemptServer, type AttemptOptions } from '../../crawler/attempt-server.ts';
import type { Launch } from '../../crawler/launch.ts';
import { dockerRunArgs, imageRef } from '../../crawler/oci.ts';
import { checkDocker, checkUv } from '../../crawler/runtimes.ts';

const root = mkdtempSync(join(tmpdir(), 'mcp-risk-runtimes-'));
chmodSync(root, 0o755); // the sandboxed server runs as nobody when the tests run as root
afterAll(() => rmSync(root, { recursive: true, force: true }));

const options = (extra: Partial<AttemptOptions> = {}): AttemptOptions => ({ cacheDir: join(root, 'cache'), workDir: root, timeoutMs: 10_000, ...extra });
const pkg = (registryType: string, identifier: string, version?: string): Launch => ({ kind: 'package', registryType, identifier, version, args: [], env: {} });

/** An executable `name` in a fresh dir that runs the given fixture with node, logging to `<dir>/log`. */
function standIn(name: string, fixture?: string): { dir: string; file: string; log: () => unknown[] } {
  const dir = mkdtempSync(join(root, `${name}-`));
  chmodSync(dir, 0o755);
  const file = join(dir, name);
  const script = fixture ? fileURLToPath(new URL(`../fixtures/remote/${fixture}`, import.meta.url)) : undefined;
  writeFileSync(file, script ? `#!/bin/sh\nexec ${process.execPath} ${script} ${join(dir, 'log')} "$@"\n` : '#!/bin/sh\nexit 0\n');
  chmodSync(file, 0o755);
  const log = () => readFileSync(join(dir, 'log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown);
  return { dir, file, log };
}

describe('runtime detection on this machine', () => {
  it('says uvx is not installed, and the crawl records pypi servers as unsupported_runtime with that reason', async () => {
    expect(checkUv()).toEqual({ available: false, reason: expect.stringContaining('uvx is not installed (no uvx on PATH)') });
    const result = await attemptServer(pkg('pypi', 'mcp-server-time', '1.0.0'), options());
    expect(result).toMatchObject({ status: 'unsupported_runtime', errorKind: 'pypi', error: expect.stringMatching(/^pypi packages run through uvx: uvx is not installed/) });
  });

  it('says no Docker engine answers when the CLI is there without an engine', async () => {
    const check = await checkDocker();
    expect(check).toEqual({ available: false, reason: expect.stringMatching(/^no Docker engine answers \(docker info exited with \d+/) });
    const result = await attemptServer(pkg('oci', 'docker.io/mcp/time', '1.0.0'), options());
    expect(result).toMatchObject({ status: 'unsupported_runtime', errorKind: 'oci', error: expect.stringContaining('no Docker engine answers') });
  });

  it('says docker is not installed when there is no CLI', async () => {
    expect(await checkDocker({ docker: '/nonexistent/docker' })).toEqual({ available: false, reason: 'docker is not installed (/nonexistent/docker is not an executable)' });
  });

  it('finds uv beside uvx, and says when it is missing', () => {
    const alone = standIn('uvx');
    expect(checkUv({ uvx: alone.file })).toEqual({ available: false, reason: expect.stringContaining('uv, which installs packages, is not beside it') });
    const uv = standIn('uv');
    writeFileSync(join(uv.dir, 'uvx'), '#!/bin/sh\n');
    chmodSync(join(uv.dir, 'uvx'), 0o755);
    expect(checkUv({ uvx: join(uv.dir, 'uvx') })).toEqual({ available: true, command: uv.file });
  });
});

describe('oci through docker', () => {
  it('names images and locks the container down', () => {
    expect(imageRef('docker.io/mcp/time', '1.0.0')).toBe('docker.io/mcp/time:1.0.0');
    expect(imageRef('ghcr.io/acme/server:2.1', '9')).toBe('ghcr.io/acme/server:2.1');
    expect(imageRef('acme/server@sha256:abc', undefined)).toBe('acme/server@sha256:abc');
    expect(imageRef('localhost:5000/server', undefined)).toBe('localhost:5000/server:latest');
    const args = dockerRunArgs({ image: 'x:1', name: 'n', env: { TOKEN: 'p' }, args: ['--flag'] });
    expect(args.join(' ')).toContain('--network none --read-only');
    expect(args).toEqual(expect.arrayContaining(['--cap-drop', 'ALL', '--security-opt', 'no-new-privileges', '--pull', 'never']));
    expect(args.slice(-4)).toEqual(['-e', 'TOKEN=p', 'x:1', '--flag']);
  });

  it('pulls, lists through docker run, and removes the container (stand-in docker)', async () => {
    const docker = standIn('docker', 'fake-docker.mjs');
    const launch: Launch = { kind: 'package', registryType: 'oci', identifier: 'example.org/duplicates', version: '1.0', args: ['--dir', '{{scratch}}'], env: { API_KEY: 'mcp-risk-placeholder' } };
    const result = await attemptServer(launch, options({ executables: { docker: docker.file } }));
    expect(result).toMatchObject({ status: 'ok', details: { image: 'example.org/duplicates:1.0', serverInfo: { name: 'hostile' } } });
    expect(result.tools?.map((t) => t.name)).toEqual(['search', 'other']);
    const calls = docker.log() as string[][];
    expect(calls.map((c) => c[0])).toEqual(['info', 'pull', 'run', 'rm']);
    const run = calls[2];
    const name = run[run.indexOf('--name') + 1];
    expect(calls[3]).toEqual(['rm', '--force', name]);
    expect(run.slice(-5)).toEqual(['-e', 'API_KEY=mcp-risk-placeholder', 'example.org/duplicates:1.0', '--dir', '/tmp']);
  });

  it('reports a missing image as install_failed', async () => {
    const docker = standIn('docker', 'fake-docker.mjs');
    const result = await attemptServer(pkg('oci', 'example.org/missing', '1.0'), options({ executables: { docker: docker.file } }));
    expect(result).toMatchObject({ status: 'install_failed', errorKind: 'E_NO_VERSION', error: expect.stringContaining('manifest unknown') });
  });
});

describe('pypi through uv', () => {
  it('installs with uv tool install (wheels only) into the cache and lists the console script in the sandbox', async () => {
    const uv = standIn('uv', 'fake-uv.mjs');
    writeFileSync(join(uv.dir, 'uvx'), '#!/bin/sh\n');
    chmodSync(join(uv.dir, 'uvx'), 0o755);
    const cacheDir = join(root, 'pypi-cache');
    const result = await attemptServer(pkg('pypi', 'mcp-server-time', '1.0.0'), options({ cacheDir, executables: { uvx: join(uv.dir, 'uvx') } }));
    expect(result).toMatchObject({ status: 'ok', details: { installedVersion: '1.0.0' } });
    expect(result.tools?.map((t) => t.name)).toEqual(['search', 'other']);
    const [call] = uv.log() as { args: string[]; uv: Record<string, string> }[];
    expect(call.args).toEqual(['tool', 'install', '--no-build', '--quiet', 'mcp-server-time==1.0.0']);
    expect(call.uv.UV_TOOL_DIR.startsWith(join(cacheDir, 'pypi'))).toBe(true);
    // Cached: a second attempt installs nothing.
    await attemptServer(pkg('pypi', 'mcp-server-time', '1.0.0'), options({ cacheDir, executables: { uvx: join(uv.dir, 'uvx') } }));
    expect(uv.log()).toHaveLength(1);
  });

  it('falls back to the latest version when PyPI has no such version', async () => {
    const uv = standIn('uv', 'fake-uv.mjs');
    writeFileSync(join(uv.dir, 'uvx'), '#!/bin/sh\n');
    chmodSync(join(uv.dir, 'uvx'), 0o755);
    const result = await attemptServer(pkg('pypi', 'missing-server', '0.0.1'), options({ executables: { uvx: join(uv.dir, 'uvx') } }));
    // The stand-in knows no version of *missing* at all: both tries fail, the second without a version.
    expect(result).toMatchObject({ status: 'install_failed', errorKind: 'E_NO_VERSION' });
    expect((uv.log() as { args: string[] }[]).map((c) => c.args.at(-1))).toEqual(['missing-server==0.0.1', 'missing-server']);
  });
});
