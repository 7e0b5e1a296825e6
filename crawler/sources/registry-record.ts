// Lenient reading of one official MCP Registry item, in the current `{server, _meta}` shape or the
// older flat shape with `_meta` inside the server. About 14% of real records fail the strict schema.
import { chooseLaunch } from '../launch.ts';
import type { SourceEntry } from './source.ts';

const OFFICIAL = 'io.modelcontextprotocol.registry/official';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export interface RegistryMeta { status?: string; isLatest?: boolean; publishedAt?: string; updatedAt?: string }

/** Reads an item; returns the entry, or a reason when it has no usable name. */
export function readRegistryItem(item: unknown, source = 'registry'): { entry?: SourceEntry; meta: RegistryMeta; reason?: string } {
  if (!isObj(item)) return { meta: {}, reason: 'item is not an object' };
  const server = isObj(item.server) ? item.server : item;
  const metaRoot = isObj(item._meta) ? item._meta : isObj(server._meta) ? server._meta : {};
  const official = isObj(metaRoot[OFFICIAL]) ? (metaRoot[OFFICIAL] as Obj) : {};
  const meta: RegistryMeta = {
    status: str(official.status) ?? str(server.status),
    isLatest: typeof official.isLatest === 'boolean' ? official.isLatest : undefined,
    publishedAt: str(official.publishedAt),
    updatedAt: str(official.updatedAt),
  };
  const name = str(server.name);
  if (!name) return { meta, reason: 'record has no name' };
  const issues: string[] = [];
  const version = str(server.version) ?? (isObj(server.version_detail) ? str(server.version_detail.version) : undefined);
  if (!version) issues.push('no version');
  const repository = isObj(server.repository) ? server.repository : {};
  const repositoryUrl = str(repository.url);
  if (isObj(server.repository) && !repositoryUrl) issues.push('repository without url');
  const packages = Array.isArray(server.packages) ? server.packages.filter(isObj) : [];
  const remotes = Array.isArray(server.remotes) ? server.remotes.filter(isObj) : [];
  for (const p of packages) if (!str(p.version)) issues.push(`package ${str(p.identifier) ?? '?'} has no version`);
  const { runtime, transport, launch } = chooseLaunch(packages as never, remotes as never);
  const pkg = launch.kind === 'package' ? launch : undefined;
  const status = meta.status && ['active', 'deprecated', 'deleted'].includes(meta.status) ? meta.status : 'active';
  return {
    meta,
    entry: {
      source,
      sourceKey: `${name}@${version ?? '?'}`,
      raw: item,
      issues,
      server: {
        name,
        title: str(server.title) ?? null,
        description: str(server.description) ?? null,
        version: version ?? null,
        repositoryUrl: repositoryUrl ? normalizeRepositoryUrl(repositoryUrl) : null,
        websiteUrl: str(server.websiteUrl) ?? null,
        status,
        runtime,
        packageIdentifier: pkg?.identifier ?? null,
        packageVersion: pkg?.version ?? null,
        transport: transport ?? null,
        launch,
      },
    },
  };
}

/** `https://github.com/a/b.git` and `git+https://github.com/a/b` name the same repository. */
export function normalizeRepositoryUrl(url: string): string {
  return url.replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/+$/, '').replace(/^http:\/\//, 'https://');
}
