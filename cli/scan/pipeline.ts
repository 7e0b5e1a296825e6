// A whole scan: find and read the config files, ask consent, list the servers in the sandbox (or read
// the catalogue with --no-run), judge them, compare with the pins, and return the report with every
// secret masked. It stores nothing in the catalogue.
import { CLASSIFIER_VERSION } from '../../classifier/classify.ts';
import type { Risk } from '../../classifier/types.ts';
import type { ClientName } from '../../crawler/sources/client-configs.ts';
import packageJson from '../../package.json' with { type: 'json' };
import { openConfiguredDb } from '../io.ts';
import type { Config } from '../config.ts';
import { lookUpCatalogue, type CatalogueMatch } from './catalogue.ts';
import { askConsent } from './consent.ts';
import { discoverConfigs } from './discover.ts';
import { readScanServers, type ScanServer } from './entries.ts';
import { planRun } from './launch.ts';
import { driftFindings, pinServer, readPins, writePins, type PinFile } from './pins.ts';
import { evaluateFailOn, REPORT_SCHEMA_VERSION, totals, worstFirst, type ScanReport } from './report.ts';
import { runPlans, type Listing } from './run.ts';
import { entrySecrets, Masker } from './secrets.ts';
import { outcomeTools, serverReport, type EntryOutcome } from './server-report.ts';

export interface ScanOptions {
  config: Config;
  /** @default the standard paths of every client */
  configFiles?: string[];
  client: ClientName | 'all';
  home: string;
  cwd: string;
  noRun: boolean;
  yes: boolean;
  allowNetwork: boolean;
  /** Per-server listing limit. */
  timeoutMs: number;
  pinFile?: string;
  pinUpdate: boolean;
  failOn?: Risk;
  strict: boolean;
  /** Consent is asked on it when it is a terminal. */
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Progress and the consent prompt (never the report). */
  log: NodeJS.WritableStream;
  now?: Date;
}

export interface ScanResult { report: ScanReport; masker: Masker }

export async function runScan(options: ScanOptions): Promise<ScanResult> {
  const now = options.now ?? new Date();
  const discovery = await discoverConfigs({ home: options.home, cwd: options.cwd, files: options.configFiles, client: options.client });
  const files = discovery.read.map((f) => readScanServers(f, options.home));
  const servers: ScanServer[] = files.flatMap((f) => f.servers);
  const masker = new Masker(servers.flatMap((s) => entrySecrets(s.config)));
  const log = (line: string) => options.log.write(`${masker.text(line)}\n`);
  log(discovery.read.length
    ? `read ${discovery.read.length} config file${discovery.read.length === 1 ? '' : 's'}: ${files.map((f) => `${f.report.shown} (${f.report.client}, ${f.report.servers} server${f.report.servers === 1 ? '' : 's'})`).join(', ')}`
    : 'no MCP client config found (give one with --config FILE)');
  for (const f of files) for (const p of f.report.problems) log(`  ${p}`);
  const pins = options.pinFile ? await readPins(options.pinFile) : undefined;
  const plans = servers.map((server) => ({ server, plan: planRun(server, options.home) }));

  let listings = new Map<string, Listing>();
  let matches = new Map<string, CatalogueMatch>();
  if (options.noRun) {
    const database = await openConfiguredDb(options.config);
    try { matches = await lookUpCatalogue(database, servers); } finally { await database.close(); }
  } else {
    const runnable = plans.filter((p) => p.plan.kind !== 'none');
    await askConsent(runnable.map((p) => ({ label: p.server.key, display: p.plan.display, kind: p.plan.kind as 'stdio' | 'remote' })), {
      yes: options.yes, ci: options.config.ci, input: options.input, output: options.log,
    });
    listings = await runPlans(plans.map((p) => ({ id: p.server.id, plan: p.plan })), {
      cacheDir: options.config.cacheDir, workDir: options.config.workDir, timeoutMs: options.timeoutMs, allowNetwork: options.allowNetwork,
      onDone: (id, l) => log(`${l.status === 'ok' ? 'listed' : l.status} ${plans.find((p) => p.server.id === id)!.server.key} (${l.tools?.length ?? 0} tool${l.tools?.length === 1 ? '' : 's'}, ${(l.durationMs / 1000).toFixed(1)}s)`),
    });
  }

  const outcomes: EntryOutcome[] = plans.map(({ server, plan }) => ({ server, plan, listing: listings.get(server.id), match: matches.get(server.id), noRun: options.noRun }));
  const next: PinFile = { schemaVersion: 1, servers: Object.assign(Object.create(null), pins?.servers ?? {}) };
  const pinCounts = { added: 0, removed: 0, changed: 0, pinnedServers: 0 };
  let pinsChanged = !pins && !!options.pinFile;
  const reports = outcomes.map((o) => {
    const { tools } = outcomeTools(o);
    const pinned = pins && Object.hasOwn(pins.servers, o.server.id) ? pins.servers[o.server.id] : undefined;
    const drift = options.pinFile && pinned && tools ? driftFindings(pinned, tools, options.pinFile) : [];
    for (const d of drift) pinCounts[d.change as 'added' | 'removed' | 'changed']++;
    if (options.pinFile && tools && (!pinned || options.pinUpdate)) {
      next.servers[o.server.id] = pinServer(o.server.entry.server.name, tools, now);
      pinsChanged = true;
    }
    return serverReport(o, drift);
  });
  pinCounts.pinnedServers = Object.keys(next.servers).length;
  if (options.pinFile && pinsChanged) await writePins(options.pinFile, next, masker);

  reports.sort(worstFirst);
  const report: ScanReport = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generator: { name: 'mcp-risk', version: packageJson.version, classifierVersion: CLASSIFIER_VERSION },
    generatedAt: now.toISOString(),
    mode: options.noRun ? 'no-run' : 'run',
    configFiles: [...files.map((f) => f.report), ...discovery.unreadable.map((u) => ({ client: u.client, path: u.path, shown: u.shown, inProject: false, servers: 0, problems: [u.error], error: u.error }))],
    servers: reports,
    totals: totals(reports),
    pins: options.pinFile ? { file: options.pinFile, created: !pins, written: pinsChanged, ...pinCounts } : null,
    failOn: options.failOn ? evaluateFailOn(reports, options.failOn, options.strict) : null,
  };
  return { report: masker.deep(report), masker };
}
