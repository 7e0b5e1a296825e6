// What the server page says about where a server comes from (its source records, as links) and how
// it runs (a stdio package and the command that starts it, or a remote URL). Every URL is checked.
import type { BundleSource, LaunchSummary } from '../../../db/queries/site-stream.ts';
import type { SiteServer } from '../../../db/queries/site.ts';
import { safeHref } from './format.ts';

export interface SourceLink { source: string; label: string; href?: string; fetchedAt: Date }

const enc = (text: string) => encodeURIComponent(text).replace(/^%40/, '@');
const SOURCE_LABEL: Record<string, string> = {
  registry: 'MCP Registry', snapshot: 'MCP Registry (snapshot)', npm: 'npm', pypi: 'PyPI', smithery: 'Smithery',
  glama: 'Glama', pulsemcp: 'PulseMCP', config: 'a local client configuration', list: 'a server list file',
};

function sourceHref(source: string, key: string): string | undefined {
  switch (source) {
    case 'registry': case 'snapshot': {
      const at = key.lastIndexOf('@');
      const name = at > 0 ? key.slice(0, at) : key;
      const version = at > 0 && key.slice(at + 1) !== '?' ? key.slice(at + 1) : 'latest';
      return `https://registry.modelcontextprotocol.io/v0.1/servers/${enc(name)}/versions/${enc(version)}`;
    }
    case 'npm': return `https://www.npmjs.com/package/${key.split('/').map(enc).join('/')}`;
    case 'pypi': return `https://pypi.org/project/${enc(key)}/`;
    case 'smithery': return `https://smithery.ai/server/${key.split('/').map(enc).join('/')}`;
    case 'glama': return `https://glama.ai/mcp/servers/${key.split('/').map(enc).join('/')}`;
    case 'pulsemcp': return `https://www.pulsemcp.com/servers/${enc(key)}`;
    default: return undefined;
  }
}

/** One link per source record; local sources (client configs, list files) are named but not linked or keyed. */
export function sourceLinks(sources: BundleSource[]): SourceLink[] {
  return sources.map(({ source, sourceKey, fetchedAt }) => {
    const href = sourceHref(source, sourceKey);
    const label = SOURCE_LABEL[source] ?? source;
    return href ? { source, label: `${label}: ${sourceKey}`, href, fetchedAt } : { source, label, fetchedAt };
  });
}

export interface HowItRuns {
  kind: 'package' | 'remote' | 'unknown';
  runtime: string;
  transport: string | null;
  package?: string;
  /** The package's page on its registry (npm, PyPI), when there is one. */
  packageHref?: string;
  /** A command that starts a stdio package, when the runtime has a usual one. */
  command?: string;
  /** A remote endpoint: the link when it is http(s), else shown as text. */
  url?: string;
  href?: string;
}

const COMMANDS: Record<string, (pkg: string, version?: string) => string> = {
  npm: (p, v) => `npx -y ${p}${v ? `@${v}` : ''}`,
  pypi: (p, v) => `uvx ${p}${v ? `==${v}` : ''}`,
  oci: (p, v) => `docker run -i --rm ${p}${v && !p.includes(':') ? `:${v}` : ''}`,
  nuget: (p, v) => `dnx ${p}${v ? `@${v}` : ''} --yes`,
};

export function howItRuns(server: SiteServer, launch: LaunchSummary): HowItRuns {
  const transport = server.transport;
  if (launch.kind === 'remote' || server.runtime === 'remote') {
    const url = launch.url ?? undefined;
    return { kind: 'remote', runtime: 'remote', transport, url, href: safeHref(url) };
  }
  const identifier = server.packageIdentifier ?? launch.identifier ?? undefined;
  if (!identifier) return { kind: 'unknown', runtime: server.runtime, transport };
  const version = server.packageVersion ?? launch.version ?? undefined;
  const runtime = server.runtime !== 'unknown' ? server.runtime : launch.registryType ?? 'unknown';
  const pkg = `${identifier}${version ? `@${version}` : ''}`;
  const shellSafe = /^[A-Za-z0-9@/._:=+-]+$/.test(identifier) && (!version || /^[A-Za-z0-9._+-]+$/.test(version));
  const command = shellSafe ? COMMANDS[runtime]?.(identifier, version) : undefined;
  const packageHref = runtime === 'npm' || runtime === 'pypi' ? sourceHref(runtime, identifier) : undefined;
  return { kind: 'package', runtime, transport, package: pkg, packageHref, command };
}
