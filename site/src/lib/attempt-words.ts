// A server's last crawl attempt in words for its page: what happened and why, e.g. "Crashed at start-up: it
// imports enableCompileCache from node:module, which Node.js 20 does not have", and which version the tools were
// listed from when it is not the one the registry declares. Crawled text (the proof line) is made visible.
import type { LastAttempt } from '../../../db/queries/site-globals.ts';
import type { Grade } from './grade.ts';
import { visible } from './text.ts';

export interface ListingWords {
  /** One sentence: the outcome and its cause. */
  sentence: string;
  /** The stderr line or answer that proves it, when there is one. */
  proof: string | null;
  /** "Tools listed from version 2.7.0 (the registry declares 1.14.1)." when the version run differs from the declared one. */
  versions: string | null;
}

const HOW: Record<string, string> = {
  crashed: 'Crashed at start-up', timeout: 'Timed out', protocol_error: 'Broke the MCP protocol while listing',
};
const OUTCOME: Record<string, string> = {
  needs_network: 'Not listed without the network', needs_credentials: 'Not listed without real credentials',
  not_an_mcp_server: 'Not listed: not a stdio MCP server', unsupported_runtime: 'Not run here',
  package_not_found: 'Not installed', dependency_unreachable: 'Not installed',
  install_failed: 'Install failed', spawn_failed: 'Could not be started', output_limit: 'Stopped for writing too much',
  auth_required: 'Needs authorization', unreachable: 'Could not be reached', http_error: 'Answered with an HTTP error',
  store_failed: 'Listed, but the listing could not be stored', ...HOW,
};

export function listingWords(a: LastAttempt | null): ListingWords | null {
  if (!a) return null;
  const listed = a.status === 'ok' || a.status === 'no_tools';
  const versions = a.listedVersion && a.declaredVersion && a.listedVersion !== a.declaredVersion
    ? `${listed ? 'Tools listed from' : 'Tried'} version ${visible(a.listedVersion)} (the registry declares ${visible(a.declaredVersion)}).` : null;
  const withNetwork = a.networkMode === 'on' ? ' with network access' : '';
  if (a.status === 'ok') return { sentence: `Listed ${a.toolCount ?? 0} tool${a.toolCount === 1 ? '' : 's'}${withNetwork}${a.entryPoint ? ` by running ${visible(a.entryPoint)}` : ''}.`, proof: null, versions };
  if (a.status === 'no_tools') return { sentence: `Started and answered${withNetwork}, but lists no tools.`, proof: null, versions };
  // A diagnosis names the cause; the way the process failed (a crash at start-up) says when.
  const head = (a.failure && HOW[a.failure]) ?? OUTCOME[a.status] ?? `Ended as ${a.status}`;
  const cause = a.cause ?? a.error;
  return { sentence: `${head}${cause ? `: ${visible(cause)}` : ''}${/[.!?]$/.test(cause ?? '') ? '' : '.'}`, proof: a.evidence ? visible(a.evidence) : null, versions };
}

/** A server without tools is graded on nothing: its reason is why there are none (the last attempt's cause). */
export function gradeWithCause(grade: Grade, toolCount: number, attempt: LastAttempt | null, words: ListingWords | null): Grade {
  if (toolCount || !words || !attempt || attempt.status === 'no_tools') return grade;
  return { ...grade, reasons: [words.sentence] };
}
