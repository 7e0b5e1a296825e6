// Registry items in the current API shape, for replaying small, chosen catalogues.
import { readFileSync } from 'node:fs';

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
