// Identity keys: one server seen by several sources shares keys.
import { describe, expect, it } from 'vitest';
import { identityKeys, repositoryKey } from '../../../crawler/sources/identity.ts';
import { readRegistryItem } from '../../../crawler/sources/registry-record.ts';
import { parseListLine } from '../../../crawler/sources/list-file.ts';
import { launchFromConfig } from '../../../crawler/sources/config-launch.ts';
import type { ServerRecord } from '../../../db/queries/servers.ts';
import { loadDump } from '../../helpers/registry-replay.ts';

const shared = (a: ServerRecord, b: ServerRecord) => identityKeys(a).filter((k) => identityKeys(b).includes(k));

describe('identityKeys', () => {
  it('gives a registry record its package, repository and registry-name keys', () => {
    const item = loadDump().find((i) => i.server.name === 'io.github.domdomegg/airtable-mcp-server')!;
    const { entry } = readRegistryItem(item);
    expect(identityKeys(entry!.server)).toEqual(['npm:airtable-mcp-server', 'repo:github.com/domdomegg/airtable-mcp-server', 'name:io.github.domdomegg/airtable-mcp-server']);
  });

  it('matches an npm search record, a list line and a client config on the package key', () => {
    const registry = readRegistryItem(loadDump().find((i) => i.server.name === 'io.github.domdomegg/airtable-mcp-server')!).entry!.server;
    const npm: ServerRecord = { name: 'npm:airtable-mcp-server', runtime: 'npm', packageIdentifier: 'airtable-mcp-server', repositoryUrl: 'https://github.com/domdomegg/airtable-mcp-server' };
    const list = (parseListLine('airtable-mcp-server@1.7.3') as { entry: { server: ServerRecord } }).entry.server;
    const config = launchFromConfig({ command: 'npx', args: ['-y', 'airtable-mcp-server'] });
    const fromConfig: ServerRecord = { name: 'npm:airtable-mcp-server', runtime: config.runtime, launch: config.launch };
    for (const other of [npm, list, fromConfig]) expect(shared(registry, other)).toContain('npm:airtable-mcp-server');
    expect(shared(registry, npm)).toContain('repo:github.com/domdomegg/airtable-mcp-server');
  });

  it('normalises PyPI names, OCI images and remote URLs', () => {
    expect(identityKeys({ name: 'x', runtime: 'pypi', packageIdentifier: 'MCP_Server.Git' })).toContain('pypi:mcp-server-git');
    expect(identityKeys({ name: 'x', runtime: 'oci', packageIdentifier: 'docker.io/library/postgres' })).toContain('oci:postgres');
    expect(identityKeys({ name: 'x', runtime: 'remote', launch: { kind: 'remote', transport: 'sse', url: 'https://MCP.Linear.app/sse/?x=1', headers: [] } })).toContain('remote:mcp.linear.app/sse');
    expect(identityKeys({ name: 'x', runtime: 'unknown' })).toEqual(['name:x']);
  });

  it('normalises repository URLs, keeping a monorepo subfolder', () => {
    expect(repositoryKey('git+https://GitHub.com/Owner/Repo.git')).toBe('repo:github.com/owner/repo');
    expect(repositoryKey('http://github.com/owner/repo/')).toBe('repo:github.com/owner/repo');
    expect(repositoryKey('https://github.com/modelcontextprotocol/servers/tree/main/src/git')).toBe('repo:github.com/modelcontextprotocol/servers/src/git');
    expect(repositoryKey('not a url')).toBeUndefined();
    expect(repositoryKey('https://github.com/')).toBeUndefined();
  });
});
