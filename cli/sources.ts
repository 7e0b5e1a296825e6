// Which sources a crawl reads, from its flags and the configuration.
import { clientConfigSource } from '../crawler/sources/client-configs.ts';
import { combineSources } from '../crawler/sources/combined.ts';
import { withFallback } from '../crawler/sources/fallback.ts';
import { glamaSource } from '../crawler/sources/glama.ts';
import { listFileSource } from '../crawler/sources/list-file.ts';
import { npmSource } from '../crawler/sources/npm.ts';
import { pulseMcpSource } from '../crawler/sources/pulsemcp.ts';
import { pypiSource } from '../crawler/sources/pypi.ts';
import { registrySource } from '../crawler/sources/registry.ts';
import { smitherySource } from '../crawler/sources/smithery.ts';
import { snapshotSource, SNAPSHOT_FILE } from '../crawler/sources/snapshot.ts';
import type { ServerSource } from '../crawler/sources/source.ts';
import type { Io } from './io.ts';
import { UsageError } from './usage-error.ts';

export const SOURCE_NAMES = ['registry', 'npm', 'pypi', 'smithery', 'glama', 'pulsemcp', 'configs', 'list'] as const;

export interface SourceFlags {
  sources?: string[];
  registryUrl?: string;
  snapshot?: string;
  offline?: boolean;
  configFiles?: string[];
  listFile?: string;
  pypiNames?: string[];
  /** RFC 3339 time: only registry servers updated since (incremental runs). */
  updatedSince?: string;
}

const HTTP = { retries: 3, backoffMs: 500, timeoutMs: 20_000 };

/** The sources to read, and a label that identifies their configuration in the run key. */
export function chooseSources(flags: SourceFlags, io: Io): { source: ServerSource; label: string } {
  const names = flags.sources ?? [
    ...(flags.configFiles?.length ? ['configs'] : []), ...(flags.listFile ? ['list'] : []), ...(flags.pypiNames?.length ? ['pypi'] : []),
  ];
  if (!names.length) names.push('registry');
  const built = names.map((name) => buildSource(name, flags, io));
  return { source: combineSources(built.map((b) => b.source)), label: built.map((b) => b.label).join('+') };
}

function buildSource(name: string, flags: SourceFlags, io: Io): { source: ServerSource; label: string } {
  const urls = io.config.sourceUrls;
  switch (name) {
    case 'registry': return registry(flags, io);
    case 'npm': return { source: npmSource({ baseUrl: urls.npm, http: HTTP }), label: `npm:${urls.npm ?? 'default'}` };
    case 'smithery': return { source: smitherySource({ baseUrl: urls.smithery, apiKey: io.config.smitheryApiKey, http: HTTP }), label: `smithery:${urls.smithery ?? 'default'}` };
    case 'glama': return { source: glamaSource({ baseUrl: urls.glama, http: HTTP }), label: `glama:${urls.glama ?? 'default'}` };
    case 'pulsemcp': return { source: pulseMcpSource({ baseUrl: urls.pulsemcp, http: HTTP }), label: `pulsemcp:${urls.pulsemcp ?? 'default'}` };
    case 'pypi': {
      if (!flags.pypiNames?.length) throw new UsageError('crawl: --source pypi needs --pypi NAME[,NAME...] (PyPI has no search)');
      return { source: pypiSource({ names: flags.pypiNames, baseUrl: urls.pypi, http: HTTP }), label: `pypi:${flags.pypiNames.join(',')}` };
    }
    case 'configs': return { source: clientConfigSource({ files: flags.configFiles?.length ? flags.configFiles : undefined }), label: `configs:${flags.configFiles?.join(',') ?? 'standard'}` };
    case 'list': {
      if (!flags.listFile) throw new UsageError('crawl: --source list needs --list FILE');
      return { source: listFileSource({ file: flags.listFile }), label: `list:${flags.listFile}` };
    }
    default: throw new UsageError(`crawl: unknown source "${name}"; choose from ${SOURCE_NAMES.join(', ')}`);
  }
}

/** The registry: a snapshot file, an explicit URL, or the default URL with the shipped snapshot as fallback. */
function registry(flags: SourceFlags, io: Io): { source: ServerSource; label: string } {
  if (flags.snapshot !== undefined || flags.offline) {
    const file = flags.snapshot ?? SNAPSHOT_FILE;
    return { source: snapshotSource({ file }), label: `snapshot:${file}` };
  }
  const explicit = flags.registryUrl ?? (io.config.registryUrlExplicit ? io.config.registryUrl : undefined);
  const url = explicit ?? io.config.registryUrl;
  const options = { baseUrl: url, updatedSince: flags.updatedSince };
  if (explicit) return { source: registrySource({ ...options, http: HTTP }), label: `registry:${url}` };
  const source = withFallback(registrySource({ ...options, http: { ...HTTP, retries: 0, timeoutMs: 8_000 } }), snapshotSource(), (error) => {
    io.stderr.write(`registry ${url} cannot be reached (${error.message}); using the shipped snapshot of real registry records (2025-12-18)\n`);
  });
  return { source, label: `registry:${url}` };
}
