// Identity keys: the same server seen by several sources shares at least one key (DESIGN §2, Identity).
import type { ServerRecord } from '../../db/queries/servers.ts';
import type { Launch } from '../launch.ts';
import { normalizeRepositoryUrl } from './registry-record.ts';
import { normalizePypiName } from './package-spec.ts';

/**
 * Keys under which a record may be merged with records of other sources, most specific first:
 * - `npm:<id>`, `pypi:<normalised id>`, `oci:<image>`, `<registryType>:<id>`: the package it runs;
 * - `remote:<host/path>`: the endpoint of a remote server;
 * - `repo:<host/owner/repo[/subpath]>`: the normalised repository URL, lower-cased;
 * - `name:<name>`: the record's own name (a registry name such as `io.github.owner/server`).
 * A repository can hold several servers (monorepos), so `repo:` keys alone are the weakest evidence.
 */
export function identityKeys(record: ServerRecord): string[] {
  const keys: string[] = [];
  const launch = record.launch as Launch | undefined;
  const pkgType = launch?.kind === 'package' ? launch.registryType : record.runtime;
  const pkgId = record.packageIdentifier ?? (launch?.kind === 'package' ? launch.identifier : undefined);
  if (pkgId && pkgType && !['remote', 'unknown', 'local'].includes(pkgType)) keys.push(packageKey(pkgType, pkgId));
  if (launch?.kind === 'remote') {
    const remote = remoteKey(launch.url);
    if (remote) keys.push(remote);
  }
  if (record.repositoryUrl) {
    const repo = repositoryKey(record.repositoryUrl);
    if (repo) keys.push(repo);
  }
  keys.push(`name:${record.name}`);
  return [...new Set(keys)];
}

export function packageKey(registryType: string, identifier: string): string {
  const type = registryType.toLowerCase();
  if (type === 'pypi') return `pypi:${normalizePypiName(identifier)}`;
  if (type === 'npm') return `npm:${identifier.toLowerCase()}`;
  if (type === 'oci') return `oci:${identifier.toLowerCase().replace(/^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '').replace(/^library\//, '')}`;
  return `${type}:${identifier}`;
}

/** `https://GitHub.com/Owner/Repo.git` → `repo:github.com/owner/repo`; `/tree/<ref>/<dir>` keeps `<dir>`. */
export function repositoryKey(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(normalizeRepositoryUrl(url.trim()));
  } catch {
    return undefined;
  }
  const parts = u.pathname.split('/').filter(Boolean);
  if (parts.length < 2) return undefined;
  const [owner, repo, marker, , ...sub] = parts;
  const subpath = (marker === 'tree' || marker === 'blob') && sub.length ? `/${sub.join('/')}` : '';
  return `repo:${u.host.toLowerCase()}/${owner}/${repo.replace(/\.git$/, '')}${subpath}`.toLowerCase();
}

export function remoteKey(url: string): string | undefined {
  try {
    const u = new URL(url);
    return `remote:${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}
