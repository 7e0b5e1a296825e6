// One package's release list from the npm registry npm itself is configured with: every version with its
// engines, executables and dependencies (the abbreviated "install" packument), read before anything is installed.
import { execFile } from 'node:child_process';
import { PackageNotFoundError } from './attempt-errors.ts';
import { fetchJson, HttpError } from './http.ts';
import { InstallError } from './install-error.ts';

export interface ReleaseFacts {
  engines?: { node?: string };
  bin?: string | Record<string, string>;
  dependencies?: Record<string, string>;
  deprecated?: string;
}

export interface Packument {
  name: string;
  /** Every published version that the registry serves. */
  versions: Record<string, ReleaseFacts>;
  /** dist-tags.latest. */
  latest?: string;
  /** The URL it was read from. */
  url: string;
}

export interface PackumentOptions {
  /** Registry base URL. @default the registry npm is configured with (`npm config get registry`) */
  registry?: string;
  /** The npm executable, asked for its registry. @default 'npm' */
  npm?: string;
  /** Per-request timeout. @default 20000 */
  timeoutMs?: number;
}

const asked = new Map<string, Promise<string>>();

/** The registry npm installs from, asked once per npm executable. */
export function configuredRegistry(npm = 'npm'): Promise<string> {
  let url = asked.get(npm);
  if (!url) {
    url = new Promise((resolve) => {
      execFile(npm, ['config', 'get', 'registry'], { timeout: 15_000 }, (error, stdout) => {
        const value = stdout?.trim();
        resolve(!error && value && /^https?:\/\//.test(value) ? value : 'https://registry.npmjs.org/');
      });
    });
    asked.set(npm, url);
  }
  return url;
}

/** `@scope/name` as the registry path segment `@scope%2fname`. */
export const packumentPath = (identifier: string) => (identifier.startsWith('@') ? `@${encodeURIComponent(identifier.slice(1))}` : encodeURIComponent(identifier));

/** Reads the package's releases; a 404 is PackageNotFoundError, an unreachable registry a retryable InstallError. */
export async function fetchPackument(identifier: string, options: PackumentOptions = {}): Promise<Packument> {
  const base = (options.registry ?? (await configuredRegistry(options.npm))).replace(/\/+$/, '');
  const url = `${base}/${packumentPath(identifier)}`;
  let body: unknown;
  try {
    body = await fetchJson(url, {
      timeoutMs: options.timeoutMs ?? 20_000, retries: 2, backoffMs: 500,
      headers: { accept: 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8' },
    });
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) {
      throw new PackageNotFoundError(`the registry has no package ${identifier}`, { evidence: `GET ${url}: HTTP 404`, cause: error });
    }
    throw new InstallError(`cannot read ${identifier}'s releases from ${url}: ${(error as Error).message}`, 'E_REGISTRY', true);
  }
  const doc = (body ?? {}) as { name?: string; versions?: Record<string, ReleaseFacts>; 'dist-tags'?: Record<string, string> };
  const versions = doc.versions && typeof doc.versions === 'object' ? doc.versions : {};
  if (!Object.keys(versions).length) {
    throw new PackageNotFoundError(`the registry lists no release of ${identifier}`, { evidence: `GET ${url}: no versions` });
  }
  return { name: doc.name ?? identifier, versions, latest: doc['dist-tags']?.latest, url };
}
