// Coverage of npm stdio servers, end to end: release choice by engines, declared arguments, entry points and usage
// subcommands, and truthful failure kinds with their proof. Real npm installs from a local registry of fixture
// packages (test/fixtures/packages/catalogue.ts), real listings in the sandbox.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptServer, type AttemptOptions } from '../../crawler/attempt-server.ts';
import { packageLaunch } from '../../crawler/launch.ts';
import { FIXTURE_PACKAGES, npmPackage, STALLED } from '../fixtures/packages/catalogue.ts';
import { startNpmRegistry } from '../helpers/npm-registry.ts';

const root = mkdtempSync(join(tmpdir(), 'mcp-risk-coverage-'));
chmodSync(root, 0o755); // the sandboxed server runs as nobody when the tests run as root
let registry: Awaited<ReturnType<typeof startNpmRegistry>>;
beforeAll(async () => { registry = await startNpmRegistry(FIXTURE_PACKAGES, { stall: STALLED }); });
afterAll(async () => { await registry?.close(); rmSync(root, { recursive: true, force: true }); });

const options = (extra: Partial<AttemptOptions> = {}): AttemptOptions => ({
  cacheDir: join(root, 'cache'), workDir: root, timeoutMs: 30_000, npmRegistry: registry.url, ...extra,
});
const attempt = (identifier: string, version: string, extra: Record<string, unknown> = {}, opts?: Partial<AttemptOptions>) =>
  attemptServer(packageLaunch(npmPackage(identifier, version, extra)), options(opts));
const names = (r: { tools?: { name: string }[] }) => (r.tools ?? []).map((t) => t.name).sort();

describe('which release is listed', () => {
  it('installs the declared version when the registry has it', async () => {
    const r = await attempt('fixture-versions', '1.2.0');
    expect(r).toMatchObject({ status: 'ok', declaredVersion: '1.2.0', listedVersion: '1.2.0', details: { versionChoice: 'declared' } });
    expect(names(r)).toEqual(['v1_2_0']);
  });

  it('takes the nearest release of the same major that this Node.js can run, passing over one whose engines it cannot satisfy', async () => {
    const r = await attempt('fixture-versions', '1.3.0');
    expect(r).toMatchObject({ status: 'ok', declaredVersion: '1.3.0', listedVersion: '1.2.0', details: { versionChoice: 'same-major', passedOver: ['1.4.0'] } });
    expect(names(r)).toEqual(['v1_2_0']);
  });

  it('takes the newest compatible release when the declared major is gone', async () => {
    const r = await attempt('fixture-versions', '3.1.0');
    expect(r).toMatchObject({ status: 'ok', listedVersion: '2.0.0', details: { versionChoice: 'newest-compatible' } });
  });

  it('ends unsupported_runtime naming the range, without installing or running anything', async () => {
    const before = registry.requests.length;
    const r = await attempt('fixture-future', '1.0.0');
    expect(r).toMatchObject({ status: 'unsupported_runtime', errorKind: 'E_UNSUPPORTED_RUNTIME', listedVersion: null, details: { engines: '>=99', rule: 'npm-engines' } });
    expect(r.error).toContain('needs Node.js >=99');
    expect(r.evidence).toContain('engines.node ">=99"');
    expect(registry.requests.slice(before).filter((u) => u.endsWith('.tgz'))).toEqual([]);
  });
});

describe('entry points', () => {
  it('retries once with the subcommand the usage text names, and records which entry point worked', async () => {
    const r = await attempt('@fixture/subcommand', '1.0.0');
    expect(r).toMatchObject({ status: 'ok', entryPoint: 'fixture-subcommand mcp', networkMode: 'off' });
    expect(names(r)).toEqual(['build_project', 'list_schemes']);
    expect(r.details?.tries).toEqual([
      { entryPoint: 'fixture-subcommand', network: 'off', status: 'not_an_mcp_server', evidence: 'Usage: fixture-subcommand <command> [options]' },
      { entryPoint: 'fixture-subcommand mcp', network: 'off', status: 'ok', tools: 2 },
    ]);
    // The first executable that is not a helper (the doctor comes first in package.json).
    expect(r.details?.executable).toEqual({ name: 'fixture-subcommand', why: 'first', others: ['fixture-subcommand-doctor'] });
  });

  it('retries once in the demo mode a server offers when it stops for a missing connection, after the declared arguments', async () => {
    const r = await attempt('fixture-demo', '1.0.0', { packageArguments: [{ type: 'named', name: '--region', value: 'eu' }] });
    expect(r).toMatchObject({ status: 'ok', entryPoint: 'fixture-demo --demo' });
    expect(names(r)).toEqual(['list_orders', 'refund_order']);
    expect(r.tools?.find((t) => t.name === 'list_orders')?.description).toBe('argv ["--region","eu","--demo"]');
    expect(r.details?.tries).toMatchObject([
      { entryPoint: 'fixture-demo', status: 'needs_credentials' },
      { entryPoint: 'fixture-demo --demo', status: 'ok', tools: 2 },
    ]);
    expect(r.details?.commandLine).toMatch(/ --region eu --demo$/);
  });

  it('keeps the first cause when the offered demo mode fails too', async () => {
    const r = await attempt('fixture-demo-native', '1.0.0');
    expect(r).toMatchObject({ status: 'needs_credentials', entryPoint: 'fixture-demo-native' });
    expect(r.details?.tries).toMatchObject([
      { entryPoint: 'fixture-demo-native', status: 'needs_credentials' },
      { entryPoint: 'fixture-demo-native --demo', status: 'unsupported_runtime', evidence: 'Fatal error: Error: Could not locate the bindings file. Tried:' },
    ]);
  });

  it('reports a package that imports a file under another letter case as unsupported on Linux, with the line', async () => {
    const r = await attempt('fixture-case', '1.0.0');
    expect(r).toMatchObject({ status: 'unsupported_runtime', details: { rule: 'case-mismatched-import' } });
    expect(r.error).toContain('it imports Store.mjs but ships store.mjs');
    expect(r.evidence).toMatch(/Cannot find module '\/.*\/Store\.mjs'/);
  });

  it('prefers the executable the package.json mcpName claims over helpers and others', async () => {
    const r = await attempt('fixture-multibin', '1.0.0');
    expect(r).toMatchObject({ status: 'ok', entryPoint: 'fixture-mb-server' });
    expect(names(r)).toEqual(['from_claimed_server']);
  });

  it('prefers the executable the registry record names, dropping npx flags and the package spec', async () => {
    const runtimeArguments = [{ type: 'positional', value: '-y' }, { type: 'positional', value: 'fixture-multibin@1.0.0' }, { type: 'positional', value: 'other-server' }];
    const r = await attempt('fixture-multibin', '1.0.0', { runtimeHint: 'npx', runtimeArguments });
    expect(r).toMatchObject({ status: 'ok', entryPoint: 'other-server', details: { executable: { name: 'other-server', why: 'registry' }, runtimeArgumentsDropped: ['-y (npx flag)', 'fixture-multibin@1.0.0 (the package itself)'] } });
    expect(names(r)).toEqual(['from_other_server']);
  });
});

describe('declared arguments and environment', () => {
  it('passes runtime and package arguments with their values, defaults, choices and placeholders, and records the command line', async () => {
    const r = await attempt('fixture-args', '1.0.0', {
      runtimeArguments: [{ type: 'positional', value: '--max-old-space-size=256' }, { type: 'named', name: '--workspace', value: '/data' }],
      packageArguments: [
        { type: 'named', name: '--mode', default: 'fast', choices: ['fast', 'slow'] },
        { type: 'named', name: '--region', isRequired: true, choices: ['eu', 'us'] },
        { type: 'named', name: '--token', isRequired: true, isSecret: true },
        { type: 'named', name: '--verbose', format: 'boolean', default: 'true' },
        { type: 'named', name: '--optional-thing', description: 'left out: nothing declared' },
      ],
      environmentVariables: [{ name: 'API_TOKEN', isRequired: true, isSecret: true }, { name: 'MODE', default: 'safe' }, { name: 'OPTIONAL_X' }],
    });
    expect(r.status).toBe('ok');
    const described = Object.fromEntries((r.tools ?? []).map((t) => [t.name, JSON.parse(t.description!)]));
    expect(described.argv).toEqual(['--workspace', '/data', '--mode', 'fast', '--region', 'eu', '--token', 'mcp-risk-placeholder', '--verbose']);
    expect(described.exec_argv).toEqual(['--max-old-space-size=256']);
    expect(described.env).toEqual({ API_TOKEN: 'mcp-risk-placeholder', MODE: 'safe', OPTIONAL_X: null, 'APP-ID': null });
    expect(r.commandLine).toBe('API_TOKEN=<placeholder> MODE=safe node --max-old-space-size=256 fixture-args@1.0.0/server.mjs --workspace /data --mode fast --region eu --token <placeholder:mcp-risk-placeholder> --verbose');
  });

  it('reads a flag named without its dashes as the long option, and passes variables whose names have dashes', async () => {
    const r = await attempt('fixture-args', '1.0.0', {
      packageArguments: [{ type: 'named', name: 'token', isRequired: true }],
      environmentVariables: [{ name: 'APP-ID', isRequired: true }],
    });
    const described = Object.fromEntries((r.tools ?? []).map((t) => [t.name, JSON.parse(t.description!)]));
    expect(described.argv).toEqual(['--token', 'mcp-risk-placeholder']);
    expect(described.env['APP-ID']).toBe('mcp-risk-placeholder');
  });

  it('lists the features that work offline when one needs the network, learning their names from the server', async () => {
    const r = await attempt('fixture-features', '1.0.0', { packageArguments: [{ type: 'named', name: '--features', description: 'Comma-separated list of features to enable' }] });
    expect(r).toMatchObject({ status: 'ok', networkMode: 'off', details: { featureProbe: { input: '--features', choices: ['docs', 'alpha', 'beta'], listedAlone: ['alpha', 'beta'], value: 'alpha,beta' } } });
    expect(names(r)).toEqual(['alpha_one', 'alpha_two', 'beta_one']);
    expect(r.commandLine).toMatch(/server\.mjs --features alpha,beta$/);
    expect((r.details?.tries as { status: string }[])[0]).toMatchObject({ status: 'needs_network', evidence: 'fetch failed' });
  });
});

describe('failure kinds with their proof', () => {
  it('needs_credentials: the server stops asking for a key the placeholder cannot stand in for', async () => {
    const r = await attempt('fixture-creds', '1.0.0', { environmentVariables: [{ name: 'WIDGET_API_KEY', isRequired: true, isSecret: true }] });
    expect(r).toMatchObject({ status: 'needs_credentials', errorKind: 'E_NEEDS_CREDENTIALS', evidence: 'Error: WIDGET_API_KEY environment variable is required (a key starting with wk_)', details: { rule: 'missing-variable', failure: 'crashed', exitCode: 1 } });
  });

  it('gives a variable the record does not declare but the server asks for by name one retry with a placeholder', async () => {
    const r = await attempt('fixture-asks-variable', '1.0.0');
    expect(r).toMatchObject({ status: 'ok', commandLine: 'SERVICE_TOKEN=<placeholder:mcp-risk-placeholder> node fixture-asks-variable@1.0.0/server.mjs' });
    expect((r.details?.tries as { status: string; evidence?: string }[]).map((t) => t.status)).toEqual(['needs_credentials', 'ok']);
  });

  it('not_an_mcp_server: a library without an executable', async () => {
    const r = await attempt('fixture-library', '1.0.0');
    expect(r).toMatchObject({ status: 'not_an_mcp_server', errorKind: 'E_NOT_MCP_SERVER', listedVersion: '1.0.0', evidence: expect.stringContaining('package.json has no "bin"') });
  });

  it('runs the main file of a package without "bin", and calls one whose main is a library not an MCP server', async () => {
    const server = await attempt('fixture-main-server', '1.0.0');
    expect(server).toMatchObject({ status: 'ok', entryPoint: 'main', details: { executable: { name: 'main', why: 'main' } } });
    const library = await attempt('fixture-main-library', '1.0.0');
    expect(library).toMatchObject({ status: 'not_an_mcp_server', details: { rule: 'npm-main-not-mcp' } });
    expect(library.evidence).toBe('package.json has no "bin"; its main index.js did not speak MCP: exited with code 0 without writing anything');
  });

  it('dependency_unreachable: a platform binary the registry lacks, which the crash names', async () => {
    const r = await attempt('fixture-native', '1.0.0');
    expect(r).toMatchObject({ status: 'dependency_unreachable', details: { rule: 'npm-optional-missing' } });
    expect(r.error).toBe('npm could not get fixture-native-linux-x64@1.0.0, an optional dependency of fixture-native@1.0.0, and the server needs it');
    expect(r.evidence).toMatch(/^npm silly placeDep \S+ fixture-native-linux-x64@ OK for: fixture-native@1\.0\.0 want: 1\.0\.0$/);
  });

  it('package_not_found: the registry has no such package, with its answer', async () => {
    const r = await attempt('fixture-not-published', '1.0.0');
    expect(r).toMatchObject({ status: 'package_not_found', errorKind: 'E_PACKAGE_NOT_FOUND', evidence: `GET ${registry.url}/fixture-not-published: HTTP 404` });
  });

  it('dependency_unreachable: a dependency the registry lacks, named by npm\'s 404 line', async () => {
    const r = await attempt('fixture-missing-dep', '1.0.0');
    expect(r).toMatchObject({ status: 'dependency_unreachable', errorKind: 'E_DEPENDENCY_UNREACHABLE', details: { rule: 'npm-not-found' } });
    expect(r.evidence).toMatch(/^npm (error|ERR!) 404 Not Found - GET .*fixture-not-in-registry/);
  });

  it('dependency_unreachable: a tarball URL that refuses the connection fails at npm\'s first try, not after its retries', async () => {
    const r = await attempt('fixture-tarball-dep', '1.0.0');
    expect(r).toMatchObject({ status: 'dependency_unreachable', details: { rule: 'npm-fetch-attempt-failed' } });
    expect(r.evidence).toMatch(/^npm http fetch GET http:\/\/127\.0\.0\.1:9\/left-pad-1\.3\.0\.tgz attempt 1 failed with ECONNREFUSED/);
  });

  it('dependency_unreachable: a git dependency whose host refuses, named by git\'s own line', async () => {
    const r = await attempt('fixture-git-dep', '1.0.0');
    expect(r).toMatchObject({ status: 'dependency_unreachable', errorKind: 'E_DEPENDENCY_UNREACHABLE', details: { rule: 'npm-git-failed' } });
    expect(r.evidence).toMatch(/127\.0\.0\.1.*9/);
  });

  it('dependency_unreachable: a tarball host that never answers gets the short budget, not the install timeout', async () => {
    const r = await attempt('fixture-stalled-dep', '1.0.0', {}, { foreignDependencyTimeoutMs: 2000, installTimeoutMs: 120_000 });
    expect(r).toMatchObject({ status: 'dependency_unreachable', details: { rule: 'npm-foreign-dependency' } });
    expect(r.error).toContain('did not arrive within 2000 ms');
    expect(r.evidence).toMatch(/fetch manifest right-pad@http:\/\/127\.0\.0\.1:\d+\/stall\/right-pad-1\.0\.0\.tgz$/);
  });
});
