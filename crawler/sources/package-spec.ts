// Package specs as people write them (`@scope/pkg@1.2.3`, `name==1.0`, `ghcr.io/o/img:tag`, an https URL),
// parsed into launches, and the server names the sources give packages and remotes.
import type { Launch } from '../launch.ts';

export interface PackageSpec { registryType: 'npm' | 'pypi' | 'oci'; identifier: string; version?: string }

// npm: lower-case, URL-safe, at most 214 characters, optionally scoped (validate-npm-package-name, new packages).
const NPM_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;
// PyPI: the name rule of the core metadata spec.
const PYPI_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;
// OCI: [registry[:port]/]path[:tag][@digest], lower-case path components.
const OCI_REF = /^((?:[a-zA-Z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*)(?::([A-Za-z0-9_][A-Za-z0-9._-]{0,127}))?(?:@(sha256:[a-f0-9]{64}))?$/;

/** `pkg`, `pkg@1.2.3`, `@scope/pkg@latest`: undefined when it is not a valid npm name. */
export function parseNpmSpec(spec: string): PackageSpec | undefined {
  const at = spec.indexOf('@', 1);
  const identifier = at > 0 ? spec.slice(0, at) : spec;
  const version = at > 0 ? spec.slice(at + 1) : undefined;
  if (identifier.length > 214 || !NPM_NAME.test(identifier)) return undefined;
  if (version !== undefined && !/^[A-Za-z0-9.^~<>=*|+ -]+$/.test(version)) return undefined;
  return { registryType: 'npm', identifier, version: version || undefined };
}

/** `name`, `name==1.0`, `name@1.0` (uvx), with extras `name[cli]` dropped. */
export function parsePypiSpec(spec: string): PackageSpec | undefined {
  const m = /^([^=@[\s]+)(?:\[[^\]]*\])?(?:(?:==|@)([A-Za-z0-9.!+_-]+))?$/.exec(spec.trim());
  if (!m || !PYPI_NAME.test(m[1])) return undefined;
  return { registryType: 'pypi', identifier: m[1], version: m[2] };
}

/** `image`, `ghcr.io/owner/image:tag`, `image@sha256:…`; the tag or digest becomes the version. */
export function parseOciRef(ref: string): PackageSpec | undefined {
  const m = OCI_REF.exec(ref.trim());
  if (!m) return undefined;
  return { registryType: 'oci', identifier: m[1], version: m[3] ?? m[2] };
}

/** PEP 503 normalised project name: `Foo_Bar.baz` and `foo-bar-baz` are the same project. */
export const normalizePypiName = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, '-');

/** The server name the sources give a package: `npm:<id>`, `pypi:<normalised id>`, `oci:<image>`. */
export function packageServerName(spec: PackageSpec): string {
  return `${spec.registryType}:${spec.registryType === 'pypi' ? normalizePypiName(spec.identifier) : spec.identifier}`;
}

export function packageLaunch(spec: PackageSpec, args: string[] = [], env: Record<string, string> = {}): Launch {
  return { kind: 'package', registryType: spec.registryType, identifier: spec.identifier, version: spec.version, args, env };
}

/** Whether `v` is an absolute http(s) URL. */
export function isHttpUrl(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  try {
    return /^https?:$/.test(new URL(v).protocol);
  } catch {
    return false;
  }
}

/** `https://host/path` (checked with isHttpUrl first) → a remote launch; `…/sse` paths are SSE, everything else streamable HTTP. */
export function remoteLaunch(url: string, transport?: 'streamable-http' | 'sse', headers: string[] = []): Launch & { kind: 'remote' } {
  const t = transport ?? (/\/sse\/?$/.test(new URL(url).pathname) ? 'sse' : 'streamable-http');
  return { kind: 'remote', transport: t, url, headers: headers.map((name) => ({ name, required: true })) };
}

/** A remote's server name: scheme-less, query-less URL, so `remote:mcp.example.com/mcp`. */
export function remoteServerName(url: string): string {
  const u = new URL(url);
  return `remote:${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '')}`;
}

/**
 * package.json's `repository`: `{url}` or a string, including shorthands `user/repo`, `github:user/repo`,
 * `gitlab:…`, `bitbucket:…`; returns an https URL or undefined.
 */
export function repositoryUrlFromPackageJson(repository: unknown): string | undefined {
  const raw = typeof repository === 'string' ? repository
    : typeof repository === 'object' && repository !== null ? (repository as { url?: unknown }).url : undefined;
  if (typeof raw !== 'string' || !raw.trim()) return undefined;
  const text = raw.trim();
  const short = /^(?:(github|gitlab|bitbucket):)?([\w.-]+\/[\w.-]+)$/.exec(text);
  if (short) return `https://${short[1] === 'gitlab' ? 'gitlab.com' : short[1] === 'bitbucket' ? 'bitbucket.org' : 'github.com'}/${short[2]}`;
  const ssh = /^(?:git\+)?(?:ssh:\/\/)?git@([^:/]+)[:/](.+)$/.exec(text);
  if (ssh) return `https://${ssh[1]}/${ssh[2]}`;
  return text.replace(/^git\+/, '').replace(/^git:\/\//, 'https://');
}
