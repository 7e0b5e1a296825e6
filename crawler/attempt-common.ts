// What attemptServer's remote, PyPI and OCI branches share: placeholders pointed at a scratch dir, and a listing
// or a failure turned into an attempt result (the status is the error's kind).
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { EvidencedError, UnsupportedRuntimeError } from './attempt-errors.ts';
import type { AttemptOptions, AttemptResult } from './attempt-types.ts';
import { diagnose, failureFacts } from './diagnose.ts';
import { listTools } from './list-tools.ts';
import type { ListToolsResult } from './list-tools.ts';
import { changed, emptyRecord, mergeRecord, normalizeJson } from '../db/normalize-text.ts';
import { SCRATCH_TOKEN } from './placeholders.ts';

/** Replaces the scratch placeholder in a value, or in every value of a record. */
export const fillScratch = (value: string, scratch: string) => value.split(SCRATCH_TOKEN).join(scratch);
export const fillRecord = (record: Record<string, string>, scratch: string) =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fillScratch(v, scratch)]));

/**
 * ok with the tools (or no_tools), per-tool issues by name, and what was learnt in `details`; `details.normalized`
 * says what normalize-text.ts changed (counts by kind, and per tool its paths), `details.droppedTools` which entries
 * could not be read at all and why.
 */
export function listedAttempt(result: ListToolsResult, details: Record<string, unknown> = {}): AttemptResult {
  const issues = new Map<string, string[]>();
  for (const issue of result.issues) {
    if (issue.tool === undefined) continue;
    const list = issues.get(issue.tool) ?? [];
    list.push(issue.problem);
    issues.set(issue.tool, list);
  }
  const total = emptyRecord();
  const byTool = result.issues.filter((i) => i.normalization).map((i) => ({ tool: i.tool ?? null, ...i.normalization! }));
  for (const i of byTool) mergeRecord(total, i, i.tool === null ? '' : `tools[${JSON.stringify(i.tool)}]`);
  const server = normalizeJson({ serverInfo: result.serverInfo, protocolVersion: result.protocolVersion }, total);
  const dropped = result.issues.filter((i) => i.dropped).map((i) => ({ tool: i.tool ?? null, reason: i.problem }));
  return {
    status: result.tools.length ? 'ok' : 'no_tools',
    tools: result.tools,
    issues,
    details: {
      ...details,
      era: result.era,
      protocolVersion: server.protocolVersion,
      serverInfo: server.serverInfo,
      pages: result.pages,
      listingIssues: result.issues.filter((i) => i.tool === undefined).map((i) => i.problem),
      ...(changed(total) ? { normalized: { counts: total.counts, paths: total.paths, tools: byTool.slice(0, 50) } } : {}),
      ...(dropped.length ? { droppedTools: dropped.slice(0, 50) } : {}),
    },
  };
}

/**
 * A CrawlError or InstallError as an attempt: its kind is the status (timeout, needs_network, package_not_found, ...),
 * its code the error kind; an EvidencedError adds the line that proves it and the rule that read it.
 */
export function failedAttempt(error: unknown, details?: Record<string, unknown>): AttemptResult {
  const e = error as Error & { kind?: string; code?: string };
  const facts = { ...details, ...failureFacts(error) };
  if (error instanceof EvidencedError) {
    facts.cause = error.summary;
    if (error.rule) facts.rule = error.rule;
  }
  if (error instanceof UnsupportedRuntimeError && error.range) facts.engines = error.range;
  return {
    status: e.kind ?? 'crashed', errorKind: e.code ?? e.name, error: e.message ?? String(error),
    ...(error instanceof EvidencedError ? { evidence: error.evidence } : {}),
    ...(Object.keys(facts).length ? { details: facts } : {}),
    failure: error,
  };
}

/** A stdio server ready to run: its command line, environment, and the host dirs it must read. */
export interface Runnable { command: string; args: string[]; env: Record<string, string>; readOnlyDirs: string[] }

/**
 * Lists a runnable's tools in the sandbox with a fresh scratch dir (removed afterwards), as an attempt result; a
 * failure is diagnosed from the server's own output (diagnose.ts). `network` lets the server reach the network.
 */
export async function listInScratch(run: Runnable, options: AttemptOptions, details?: Record<string, unknown>, retryWithNetwork = false): Promise<AttemptResult> {
  // a sandbox given the network outright (`mcp-risk scan --allow-network`) has it from the first try
  const network = retryWithNetwork || options.sandbox?.allowNetwork === true;
  const scratch = await mkdtemp(join(options.workDir, 'server-'));
  try {
    const result = await listTools({
      command: run.command,
      args: run.args.map((a) => fillScratch(a, scratch)),
      env: fillRecord(run.env, scratch),
      writableDir: scratch,
      timeoutMs: options.timeoutMs ?? 60_000,
      sandbox: { ...options.sandbox, allowNetwork: network, readOnlyDirs: [...run.readOnlyDirs, ...(options.sandbox?.readOnlyDirs ?? [])] },
    });
    return { ...listedAttempt(result, details), networkMode: network ? 'on' : 'off' };
  } catch (error) {
    const diagnosed = diagnose(error);
    return { ...failedAttempt(diagnosed, details), networkMode: network ? 'on' : 'off', failure: diagnosed };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** What an install tells the attempt: the version installed, and why it differs from the one asked for. */
export function installDetails(registry: string, installed: { version: string; fallbackFrom?: string }): Record<string, unknown> {
  return {
    installedVersion: installed.version,
    ...(installed.fallbackFrom ? { note: `${registry} has no version ${installed.fallbackFrom}; listed ${installed.version} (latest) instead` } : {}),
  };
}

/** The attempt's columns for the declared and the listed version (details keep them too). */
export function versionColumns(declared: string | undefined | null, listed: string | undefined | null): Pick<AttemptResult, 'declaredVersion' | 'listedVersion'> {
  return { declaredVersion: declared ?? null, listedVersion: listed ?? null };
}

/** listInScratch, and once more with the network when it failed for want of it and the run allows that. */
export async function listAllowingNetwork(run: Runnable, options: AttemptOptions, details?: Record<string, unknown>): Promise<AttemptResult> {
  const first = await listInScratch(run, options, details);
  if (first.status !== 'needs_network' || !options.allowNetwork) return first;
  const second = await listInScratch(run, options, { ...details, triedWithoutNetwork: { status: first.status, evidence: first.evidence } }, true);
  return second;
}
