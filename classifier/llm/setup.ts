// Building a run's LLM reviewer from the configuration (cli/config.ts `config.openai`) and a mode; the
// command-line flags that choose them are read in cli/llm-flags.ts.
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

/** One line for the terminal: calls made, cached, capped, failed. */
export function formatLlmStats(s: LlmRunStats, model: string): string {
  const failures = Object.entries(s.failures).map(([code, n]) => `${code} ${n}`).join(', ');
  return `LLM review (${model}): ${s.calls} calls (${s.requests} requests), ${s.cached} cached, ${s.capped} capped, ${s.failed} failed${failures ? ` (${failures})` : ''}, ${s.skipped} not sent`;
}
