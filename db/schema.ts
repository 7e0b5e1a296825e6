// The data model of DESIGN §3. Migrations are generated from this file by drizzle-kit
// (`npm run db:generate`) into db/migrations/ and are never edited by hand.
import { sql } from 'drizzle-orm';
import {
  index, integer, jsonb, pgTable, real, serial, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const now = (name: string) => ts(name).notNull().default(sql`now()`);

/** One row per real server, whatever the number of sources that list it. */
export const servers = pgTable('servers', {
  id: serial('id').primaryKey(),
  /** Canonical identity: the registry name, else `npm:<package>`, else the repository URL. */
  name: text('name').notNull(),
  slug: text('slug').notNull(),
  title: text('title'),
  description: text('description'),
  version: text('version'),
  repositoryUrl: text('repository_url'),
  websiteUrl: text('website_url'),
  /** active | deprecated | deleted, as the source says. */
  status: text('status').notNull().default('active'),
  /** How it runs: npm | pypi | oci | mcpb | nuget | remote | unknown. */
  runtime: text('runtime').notNull().default('unknown'),
  packageIdentifier: text('package_identifier'),
  packageVersion: text('package_version'),
  /** stdio | streamable-http | sse. */
  transport: text('transport'),
  /** The launch recipe the crawler derived (package, env placeholders, remote URL). */
  launch: jsonb('launch'),
  firstSeenAt: now('first_seen_at'),
  lastSeenAt: now('last_seen_at'),
  lastListedAt: ts('last_listed_at'),
}, (t) => [
  uniqueIndex('servers_name_uq').on(t.name),
  uniqueIndex('servers_slug_uq').on(t.slug),
  index('servers_package_idx').on(t.packageIdentifier),
  index('servers_repository_idx').on(t.repositoryUrl),
]);

/** Identity keys (package, remote endpoint, repository, name) under which sources' records merge. */
export const serverKeys = pgTable('server_keys', {
  key: text('key').primaryKey(),
  serverId: integer('server_id').notNull().references(() => servers.id, { onDelete: 'cascade' }),
}, (t) => [index('server_keys_server_idx').on(t.serverId)]);

/** Every record a source published about a server, kept raw with its fetch time. */
export const serverSources = pgTable('server_sources', {
  id: serial('id').primaryKey(),
  serverId: integer('server_id').notNull().references(() => servers.id, { onDelete: 'cascade' }),
  /** registry | npm | pypi | smithery | glama | pulsemcp | config | list | snapshot */
  source: text('source').notNull(),
  /** The record's key within its source, e.g. `<name>@<version>` for the registry. */
  sourceKey: text('source_key').notNull(),
  raw: jsonb('raw').notNull(),
  fetchedAt: now('fetched_at'),
}, (t) => [
  uniqueIndex('server_sources_key_uq').on(t.source, t.sourceKey),
  index('server_sources_server_idx').on(t.serverId),
]);

/** A tool name on a server. Its definitions over time live in tool_versions. */
export const tools = pgTable('tools', {
  id: serial('id').primaryKey(),
  serverId: integer('server_id').notNull().references(() => servers.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  slug: text('slug').notNull(),
  currentVersionId: integer('current_version_id'),
  firstSeenAt: now('first_seen_at'),
  lastSeenAt: now('last_seen_at'),
  /** Set when a later successful listing no longer has the tool. */
  removedAt: ts('removed_at'),
}, (t) => [
  uniqueIndex('tools_server_name_uq').on(t.serverId, t.name),
  uniqueIndex('tools_server_slug_uq').on(t.serverId, t.slug),
]);

/** One definition of a tool, keyed by the sha256 of its canonical JSON. */
export const toolVersions = pgTable('tool_versions', {
  id: serial('id').primaryKey(),
  toolId: integer('tool_id').notNull().references(() => tools.id, { onDelete: 'cascade' }),
  hash: text('hash').notNull(),
  /** {name, title, description, inputSchema, outputSchema, annotations} as published. */
  definition: jsonb('definition').notNull(),
  /** Problems found while parsing it leniently (non-conforming schema, ...). */
  parseIssues: jsonb('parse_issues'),
  /** live | registry | glama | ... : where this definition was observed. */
  observedVia: text('observed_via').notNull().default('live'),
  /** The package version the source record declares, when this definition was last listed. */
  declaredVersion: text('declared_version'),
  /** The package version actually run when this definition was last listed (differs when the declared one could not be had). */
  listedVersion: text('listed_version'),
  firstSeenAt: now('first_seen_at'),
  lastSeenAt: now('last_seen_at'),
}, (t) => [
  uniqueIndex('tool_versions_tool_hash_uq').on(t.toolId, t.hash),
  index('tool_versions_hash_idx').on(t.hash),
]);

/** The classifier's verdict on one tool version, per classifier version. */
export const classifications = pgTable('classifications', {
  id: serial('id').primaryKey(),
  toolVersionId: integer('tool_version_id').notNull().references(() => toolVersions.id, { onDelete: 'cascade' }),
  classifierVersion: text('classifier_version').notNull(),
  /** heuristic | llm */
  method: text('method').notNull(),
  model: text('model'),
  promptVersion: text('prompt_version'),
  category: text('category').notNull(),
  risk: text('risk').notNull(),
  confidence: real('confidence').notNull(),
  rationale: text('rationale').notNull(),
  evidence: jsonb('evidence').notNull(),
  findings: jsonb('findings').notNull(),
  policy: jsonb('policy').notNull(),
  createdAt: now('created_at'),
  /**
   * The newest classifier version that re-ran on this tool version and reached this same verdict, so it
   * stored nothing new (reclassification writes only what changed). Null: none since the one that made it.
   */
  confirmedBy: text('confirmed_by'),
  confirmedAt: ts('confirmed_at'),
}, (t) => [
  uniqueIndex('classifications_version_uq').on(t.toolVersionId, t.classifierVersion),
  index('classifications_confirmed_idx').on(t.toolVersionId, t.confirmedBy),
  index('classifications_category_idx').on(t.category),
  index('classifications_risk_idx').on(t.risk),
]);

export const crawlRuns = pgTable('crawl_runs', {
  id: serial('id').primaryKey(),
  /** running | completed | failed; a run killed mid-way stays running until resumed. */
  status: text('status').notNull().default('running'),
  /** The run's options (source URL, limit, concurrency), to resume with the same. */
  options: jsonb('options').notNull(),
  /** Where enumeration stopped, for resuming (e.g. the registry cursor). */
  checkpoint: jsonb('checkpoint'),
  summary: jsonb('summary'),
  startedAt: now('started_at'),
  finishedAt: ts('finished_at'),
});

/** One attempt to list one server's tools within a run. */
export const crawlAttempts = pgTable('crawl_attempts', {
  id: serial('id').primaryKey(),
  runId: integer('run_id').notNull().references(() => crawlRuns.id, { onDelete: 'cascade' }),
  serverId: integer('server_id').notNull().references(() => servers.id, { onDelete: 'cascade' }),
  /**
   * pending | ok | no_tools | timeout | crashed | protocol_error | needs_network | needs_credentials | not_an_mcp_server |
   * unsupported_runtime | package_not_found | dependency_unreachable | install_failed | auth_required | ...
   */
  status: text('status').notNull(),
  /** The error class's stable code (E_NEEDS_NETWORK, E_PACKAGE_NOT_FOUND, ...). */
  errorKind: text('error_kind'),
  error: text('error'),
  /** The line of the server's stderr, or npm's or the registry's answer, that proves the status. */
  evidence: text('evidence'),
  /** The package version the record declares, and the one listed (they differ when the declared one cannot be had). */
  declaredVersion: text('declared_version'),
  listedVersion: text('listed_version'),
  /** The executable and subcommand run, e.g. `xcodebuildmcp mcp`. */
  entryPoint: text('entry_point'),
  /** The command line run: placeholders marked, secrets never. */
  commandLine: text('command_line'),
  /** off | on: whether the listing had the network. Null for remote servers and attempts that ran nothing. */
  networkMode: text('network_mode'),
  toolCount: integer('tool_count'),
  durationMs: integer('duration_ms'),
  /** What else was learnt: installed version, protocol version, server info, listing issues. */
  details: jsonb('details'),
  startedAt: now('started_at'),
  finishedAt: ts('finished_at'),
}, (t) => [
  uniqueIndex('crawl_attempts_run_server_uq').on(t.runId, t.serverId),
  index('crawl_attempts_status_idx').on(t.status),
]);

/** Cached LLM reviews: one validated answer per tool definition, classifier version, model and prompt version. */
export const llmReviews = pgTable('llm_reviews', {
  id: serial('id').primaryKey(),
  /** tool_versions.hash: the sha256 of the reviewed definition. */
  hash: text('hash').notNull(),
  classifierVersion: text('classifier_version').notNull(),
  model: text('model').notNull(),
  promptVersion: text('prompt_version').notNull(),
  /** The validated verdict (classifier/llm/verdict.ts). */
  response: jsonb('response').notNull(),
  createdAt: now('created_at'),
}, (t) => [
  uniqueIndex('llm_reviews_key_uq').on(t.hash, t.classifierVersion, t.model, t.promptVersion),
]);
