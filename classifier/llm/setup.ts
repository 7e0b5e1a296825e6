// Building a run's LLM reviewer from the configuration (cli/config.ts `config.openai`) and the
// command-line flags the classify commands share: --llm, --llm-max-calls, --llm-concurrency, --llm-timeout.
import { LlmClient, type LlmClientOptions } from './client.ts';
import { LlmNotConfiguredError } from './errors.ts';
import { LlmReviewer, type LlmReviewOptions, type LlmRunStats } from './review.ts';
import { LLM_MODES, type LlmMode } from './select.ts';

/** A bad value for one of the --llm flags. */
export class LlmFlagError extends Error {
  readonly code = 'E_LLM_FLAG';
  override name = 'LlmFlagError';
}

/** `config.openai`. */
export interface OpenAiSettings { apiKey?: string; baseUrl?: string; model?: string }

/** parseArgs option specs for the shared flags. */
export const LLM_FLAGS = {
  llm: { type: 'string' },
  'llm-max-calls': { type: 'string' },
  'llm-concurrency': { type: 'string' },
  'llm-timeout': { type: 'string' },
} as const;

export const LLM_FLAGS_HELP = `  --llm auto|all|off          LLM review of the heuristic verdicts (needs OPENAI_API_KEY; optional
                              OPENAI_BASE_URL, OPENAI_MODEL): auto sends only the tools the heuristics
                              are unsure of, all sends every tool (default: auto with a key, else off)
  --llm-max-calls N           reviews sent per run; beyond, heuristics only (default 500)
  --llm-concurrency N         reviews in flight at once (default 4)
  --llm-timeout SECONDS       per-request timeout (default 60)
`;

export interface LlmFlagValues { llm?: string; 'llm-max-calls'?: string; 'llm-concurrency'?: string; 'llm-timeout'?: string }

function count(flag: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || (flag !== 'llm-timeout' && !Number.isInteger(n))) {
    throw new LlmFlagError(`--${flag} must be ${flag === 'llm-timeout' ? 'a number of seconds' : 'an integer'} of at least ${min}, got "${value}"`);
  }
  return n;
}

/** The mode a run uses: the flag, else auto when a key is configured, else off. */
export function resolveLlmMode(flag: string | undefined, settings: OpenAiSettings): LlmMode | 'off' {
  if (flag !== undefined && !(LLM_MODES as readonly string[]).includes(flag)) {
    throw new LlmFlagError(`--llm must be one of ${LLM_MODES.join(', ')}, got "${flag}"`);
  }
  const mode = (flag ?? (settings.apiKey ? 'auto' : 'off')) as LlmMode | 'off';
  if (mode !== 'off' && !settings.apiKey) throw new LlmNotConfiguredError(mode);
  return mode;
}

export interface CreateReviewerOptions extends Partial<Omit<LlmClientOptions, 'apiKey' | 'baseUrl' | 'model'>>, Omit<LlmReviewOptions, 'client' | 'mode'> {}

/** A reviewer for one run, or undefined when the mode is off. */
export function createLlmReviewer(settings: OpenAiSettings, mode: LlmMode | 'off', options: CreateReviewerOptions = {}): LlmReviewer | undefined {
  if (mode === 'off') return undefined;
  if (!settings.apiKey) throw new LlmNotConfiguredError(mode);
  const { threshold, cache, ...client } = options;
  return new LlmReviewer({
    client: new LlmClient({ ...client, apiKey: settings.apiKey, baseUrl: settings.baseUrl, model: settings.model }),
    mode, threshold, cache,
  });
}

/** Mode and reviewer options from the shared flags. */
export function llmFromFlags(values: LlmFlagValues, settings: OpenAiSettings): { mode: LlmMode | 'off'; options: CreateReviewerOptions } {
  const mode = resolveLlmMode(values.llm, settings);
  return {
    mode,
    options: {
      maxCalls: count('llm-max-calls', values['llm-max-calls'], 500, 0),
      concurrency: count('llm-concurrency', values['llm-concurrency'], 4, 1),
      timeoutMs: Math.round(count('llm-timeout', values['llm-timeout'], 60, 0.001) * 1000),
    },
  };
}

/** One line for the terminal: calls made, cached, capped, failed. */
export function formatLlmStats(s: LlmRunStats, model: string): string {
  const failures = Object.entries(s.failures).map(([code, n]) => `${code} ${n}`).join(', ');
  return `LLM review (${model}): ${s.calls} calls (${s.requests} requests), ${s.cached} cached, ${s.capped} capped, ${s.failed} failed${failures ? ` (${failures})` : ''}, ${s.skipped} not sent`;
}
