// Registry items in the current API shape, for replaying small, chosen catalogues.
import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const meta = { 'io.modelcontextprotocol.registry/official': { status: 'active', isLatest: true, publishedAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' } };

export function registryItem(server: Record<string, unknown>) {
  return { server: { version: '1.0.0', description: 'test record', ...server }, _meta: meta };
}

/** The installed dev dependency's version, so the crawler's npm install hits the same release. */
export const memoryVersion = JSON.parse(readFileSync('node_modules/@modelcontextprotocol/server-memory/package.json', 'utf8')).version as string;

/** The reference memory server as the registry would list it. */
export const memoryServerItem = registryItem({
  name: 'io.github.modelcontextprotocol/server-memory',
  description: 'Knowledge graph memory',
  packages: [{
    registryType: 'npm', identifier: '@modelcontextprotocol/server-memory', version: memoryVersion, transport: { type: 'stdio' },
    environmentVariables: [{ name: 'MEMORY_FILE_PATH', description: 'Path to the memory file', isRequired: true, format: 'filepath' }],
  }],
});

const pkg = (identifier: string, extra: Record<string, unknown> = {}) => ({
  registryType: 'npm', identifier, version: JSON.parse(readFileSync(`node_modules/${identifier}/package.json`, 'utf8')).version, transport: { type: 'stdio' }, ...extra,
});

/** Four distinct reference servers (distinct packages, so distinct servers), all installed as dev dependencies. */
export const referenceServerItems = [
  memoryServerItem,
  registryItem({ name: 'io.github.modelcontextprotocol/server-everything', packages: [pkg('@modelcontextprotocol/server-everything', { packageArguments: [{ type: 'positional', value: 'stdio' }] })] }),
  registryItem({ name: 'io.github.modelcontextprotocol/server-filesystem', packages: [pkg('@modelcontextprotocol/server-filesystem', { packageArguments: [{ type: 'positional', isRequired: true, format: 'filepath', description: 'Allowed directory' }] })] }),
  registryItem({ name: 'io.github.modelcontextprotocol/server-sequential-thinking', packages: [pkg('@modelcontextprotocol/server-sequential-thinking')] }),
];

/** A package cache shared by the tests of one machine, reachable by the sandbox user. */
export function sharedPackageCache(): string {
  const dir = join(tmpdir(), 'mcp-risk-test-packages');
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  return dir;
}
