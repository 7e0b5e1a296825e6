// The LLM reviewer: one OpenAI-compatible chat.completions client behind a p-queue (concurrency and
// rate limit), with its own retries (429/5xx with backoff, Retry-After honoured), one retry on a
// malformed answer, a per-request timeout and a cap on reviews per run.
import OpenAI, { APIError } from 'openai';
import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import PQueue from 'p-queue';
import type { ToolDefinition } from '../../db/tool-definition.ts';
import { LlmCapReachedError, LlmConnectionError, LlmHttpError, LlmMalformedError, LlmRefusalError, LlmTimeoutError, type LlmError } from './errors.ts';
import { SYSTEM_PROMPT, userMessage, type PromptContext } from './prompt.ts';
import { classifyFailure, retryDelay, sleep, type BackoffOptions } from './retry.ts';
import { parseVerdict, RESPONSE_FORMAT, type LlmVerdict } from './verdict.ts';

export const DEFAULT_MODEL = 'gpt-4.1-mini';
export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

export interface LlmClientOptions extends BackoffOptions {
  apiKey: string;
  /** An OpenAI-compatible endpoint. @default 'https://api.openai.com/v1' */
  baseUrl?: string;
  /** @default DEFAULT_MODEL ('gpt-4.1-mini') */
  model?: string;
  /** Requests in flight at once. @default 4 */
  concurrency?: number;
  /** Requests started per `interval` ms. @default Infinity (no rate limit) */
  intervalCap?: number;
  /** The rate-limit window in ms, for `intervalCap`. @default 1000 */
  interval?: number;
  /** Per-request timeout in ms; a timed-out review is not retried. @default 60000 */
  timeoutMs?: number;
  /** Retries of one request on 429, 5xx or an unreachable endpoint. @default 4 */
  maxRetries?: number;
  /** Reviews sent per run (cache hits are free); beyond it, heuristics only. @default 500 */
  maxCalls?: number;
  /** Sampling temperature; unset leaves the model's default (some models accept no other). @default undefined */
  temperature?: number;
}

export interface LlmClientStats {
  /** Reviews sent (at most maxCalls). */
  calls: number;
  /** HTTP requests made, retries included. */
  requests: number;
}

export class LlmClient {
  readonly model: string;
  readonly maxCalls: number;
  readonly stats: LlmClientStats = { calls: 0, requests: 0 };
  private readonly openai: OpenAI;
  private readonly queue: PQueue;
  /** Set by an error every later request would meet too (bad key, unknown model, no quota). */
  private fatal?: LlmError;

  constructor(private readonly options: LlmClientOptions) {
    this.model = options.model ?? DEFAULT_MODEL;
    this.maxCalls = options.maxCalls ?? 500;
    this.openai = new OpenAI({
      apiKey: options.apiKey, baseURL: options.baseUrl ?? DEFAULT_BASE_URL, organization: null, project: null,
      maxRetries: 0, timeout: options.timeoutMs ?? 60_000,
    });
    this.queue = new PQueue({
      concurrency: options.concurrency ?? 4,
      ...(options.intervalCap ? { intervalCap: options.intervalCap, interval: options.interval ?? 1000 } : {}),
    });
  }

  /**
   * Reviews one tool. Throws LlmCapReachedError once `maxCalls` reviews were sent (checked when the
   * review leaves the queue, so concurrent callers never overshoot), else an LlmError subclass when no
   * valid verdict came.
   */
  async review(tool: ToolDefinition, ctx: PromptContext): Promise<LlmVerdict> {
    const body: ChatCompletionCreateParamsNonStreaming = {
      model: this.model,
      messages: [{ role: 'system', content: SYSTEM_PROMPT }, { role: 'user', content: userMessage(tool, ctx) }],
      response_format: RESPONSE_FORMAT as unknown as ChatCompletionCreateParamsNonStreaming['response_format'],
      ...(this.options.temperature !== undefined ? { temperature: this.options.temperature } : {}),
    };
    return this.queue.add(async () => {
      if (this.fatal) throw this.fatal;
      if (this.stats.calls >= this.maxCalls) throw new LlmCapReachedError(this.maxCalls);
      this.stats.calls++;
      try {
        return answer(await this.request(body));
      } catch (error) {
        if (!(error instanceof LlmMalformedError)) throw error;
        return answer(await this.request(body)); // one retry on a malformed answer
      }
    }) as Promise<LlmVerdict>;
  }

  private async request(body: ChatCompletionCreateParamsNonStreaming): Promise<ChatCompletion> {
    const maxRetries = this.options.maxRetries ?? 4;
    for (let attempt = 1; ; attempt++) {
      if (this.fatal) throw this.fatal;
      try {
        this.stats.requests++;
        return await this.openai.chat.completions.create(body);
      } catch (error) {
        const outcome = classifyFailure(error);
        if (outcome === 'timeout') throw new LlmTimeoutError(this.options.timeoutMs ?? 60_000);
        if (outcome === 'retry' && attempt <= maxRetries) {
          await sleep(retryDelay(attempt, error, this.options));
          continue;
        }
        const failure = toLlmError(error, attempt);
        if (outcome === 'fatal') this.fatal = failure;
        throw failure;
      }
    }
  }

  /** Waits for every queued review to settle. */
  onIdle(): Promise<void> {
    return this.queue.onIdle();
  }
}

function toLlmError(error: unknown, attempts: number): LlmError {
  if (error instanceof APIError && error.status !== undefined) return new LlmHttpError(error.status, error.message, attempts);
  return new LlmConnectionError((error as Error).message, attempts, { cause: error });
}

/** The verdict in a completion, or the reason there is none. */
function answer(completion: ChatCompletion): LlmVerdict {
  const choice = completion.choices?.[0];
  if (!choice) throw new LlmMalformedError('no choices');
  if (choice.message?.refusal) throw new LlmRefusalError(choice.message.refusal);
  if (choice.finish_reason === 'content_filter') throw new LlmRefusalError('stopped by the content filter');
  if (choice.finish_reason === 'length') throw new LlmMalformedError('answer cut off at the token limit');
  return parseVerdict(choice.message?.content);
}
