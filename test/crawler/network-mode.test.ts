// Network for listings is opt-in: without it a server that looks a name up at start-up is needs_network with the
// line that proves it; with it (pasta) the same server lists on the retry, the attempt says so, and the host's
// loopback services (PostgreSQL at 127.0.0.1:5432) stay out of reach. The fixture resolves the npm registry's
// host, the one outside name this machine resolves.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptServer, type AttemptOptions } from '../../crawler/attempt-server.ts';
import { packageLaunch } from '../../crawler/launch.ts';
import { FIXTURE_PACKAGES, npmPackage } from '../fixtures/packages/catalogue.ts';
import { startNpmRegistry } from '../helpers/npm-registry.ts';
import { runCli } from '../helpers/run-cli.ts';

// Not under /tmp: the sandbox hides the host's /tmp, and list-tools binds nothing but its own scratch dir.
const root = mkdtempSync('/var/tmp/mcp-risk-network-');
chmodSync(root, 0o755);
let registry: Awaited<ReturnType<typeof startNpmRegistry>>;
beforeAll(async () => { registry = await startNpmRegistry(FIXTURE_PACKAGES); });
afterAll(async () => { await registry?.close(); rmSync(root, { recursive: true, force: true }); });

const options = (extra: Partial<AttemptOptions> = {}): AttemptOptions => ({ cacheDir: join(root, 'cache'), workDir: root, timeoutMs: 30_000, npmRegistry: registry.url, ...extra });
const launch = () => packageLaunch(npmPackage('fixture-network', '1.0.0'));

describe('network mode', () => {
  it('is off by default: a start-up DNS lookup ends needs_network, proven by the server\'s stderr line', async () => {
    const r = await attemptServer(launch(), options());
    expect(r).toMatchObject({ status: 'needs_network', errorKind: 'E_NEEDS_NETWORK', networkMode: 'off', details: { rule: 'dns-lookup-failed', failure: 'crashed' } });
    expect(r.evidence).toMatch(/^Error: getaddrinfo (EAI_AGAIN|ENOTFOUND) registry\.npmjs\.org$/);
    expect(r.details?.tries).toHaveLength(1);
  });

  it('with allowNetwork, retries a needs_network server with the network and records the mode; host loopback stays closed', async () => {
    const r = await attemptServer(launch(), options({ allowNetwork: true }));
    expect(r).toMatchObject({ status: 'ok', networkMode: 'on' });
    expect((r.details?.tries as { network: string; status: string }[]).map((t) => `${t.network}:${t.status}`)).toEqual(['off:needs_network', 'on:ok']);
    const described = Object.fromEntries((r.tools ?? []).map((t) => [t.name, t.description]));
    expect(described.resolved).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(described.host_postgres).toBe('ECONNREFUSED');
  });

  it('list-tools --allow-network lists it; without the flag it names the code and the proving line, and suggests the flag', async () => {
    const installed = await attemptServer(launch(), options()); // installs into the cache the CLI then reads
    expect(installed.listedVersion).toBe('1.0.0');
    const server = join(root, 'cache', 'npm', 'fixture-network@1.0.0', 'node_modules', 'fixture-network', 'server.mjs');
    const off = await runCli(['list-tools', '--timeout', '20', '--', process.execPath, server]);
    expect(off.code).toBe(1);
    expect(off.stderr).toMatch(/E_NEEDS_NETWORK .*getaddrinfo (EAI_AGAIN|ENOTFOUND) registry\.npmjs\.org/);
    expect(off.stderr).toContain('--allow-network gives it some');
    const on = await runCli(['list-tools', '--allow-network', '--timeout', '20', '--', process.execPath, server]);
    expect(on.code).toBe(0);
    const listing = JSON.parse(on.stdout) as { tools: { name: string; description: string }[]; network: string };
    expect(listing.network).toBe('on');
    expect(listing.tools.find((t) => t.name === 'host_postgres')?.description).toBe('ECONNREFUSED');
  });
});
