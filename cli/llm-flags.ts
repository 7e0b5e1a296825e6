// The --llm flags the classify commands share (classify, classify-db, run): their parseArgs specs, help
// lines, and their values read with cli/options.ts into a reviewer mode and options.
import { LlmNotConfiguredError } from '../classifier/llm/errors.ts';
import { LLM_MODES, type LlmMode } from '../classifier/llm/select.ts';
import { type CreateReviewerOptions, type OpenAiSettings, resolveLlmMode } from '../classifier/llm/setup.ts';
import { integer, oneOf, optionValues, positiveInteger, seconds } from './options.ts';
import { UsageError } from './usage-error.ts';

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

/** Mode and reviewer options from the shared flags; a bad value, or a mode without a key, is a usage error. */
export function llmFromFlags(command: string, values: LlmFlagValues, settings: OpenAiSettings): { mode: LlmMode | 'off'; options: CreateReviewerOptions } {
  const value = optionValues(command, { ...values });
  const requested = value('llm', oneOf(LLM_MODES));
  const options = {
    maxCalls: value('llm-max-calls', integer({ min: 0 }), 500),
    concurrency: value('llm-concurrency', positiveInteger, 4),
    timeoutMs: Math.round(value('llm-timeout', seconds, 60) * 1000),
  };
  try {
    return { mode: resolveLlmMode(requested, settings), options };
  } catch (error) {
    if (error instanceof LlmNotConfiguredError) throw new UsageError(`${command}: ${error.message}`);
    throw error;
  }
}
