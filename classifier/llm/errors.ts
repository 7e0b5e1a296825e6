// Why an LLM review did not produce a verdict. Every failure is a class with a stable code; the
// stage catches them, keeps the heuristic verdict and records the reason.

export type LlmFailureKind = 'refusal' | 'malformed' | 'timeout' | 'http' | 'connection';

export abstract class LlmError extends Error {
  abstract readonly code: string;
  abstract readonly kind: LlmFailureKind;
}

/** The model declined to answer (`message.refusal`, or a content-filter stop). */
export class LlmRefusalError extends LlmError {
  readonly code = 'E_LLM_REFUSAL';
  readonly kind = 'refusal';
  override name = 'LlmRefusalError';
  constructor(readonly refusal: string) {
    super(`the model refused: ${refusal.slice(0, 200)}`);
  }
}

/** The answer was not JSON, or did not match the verdict schema (after one retry). */
export class LlmMalformedError extends LlmError {
  readonly code = 'E_LLM_MALFORMED';
  readonly kind = 'malformed';
  override name = 'LlmMalformedError';
  constructor(detail: string, options?: { cause?: unknown }) {
    super(`malformed answer: ${detail.slice(0, 300)}`, options);
  }
}

/** No answer within the client timeout. */
export class LlmTimeoutError extends LlmError {
  readonly code = 'E_LLM_TIMEOUT';
  readonly kind = 'timeout';
  override name = 'LlmTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
  }
}

/** An HTTP error status, after the retries 429 and 5xx get. */
export class LlmHttpError extends LlmError {
  readonly code = 'E_LLM_HTTP';
  readonly kind = 'http';
  override name = 'LlmHttpError';
  constructor(readonly status: number, message: string, readonly attempts: number) {
    super(`HTTP ${status} after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${message.slice(0, 200)}`);
  }
}

/** The endpoint could not be reached, after retries. */
export class LlmConnectionError extends LlmError {
  readonly code = 'E_LLM_CONNECTION';
  readonly kind = 'connection';
  override name = 'LlmConnectionError';
  constructor(message: string, readonly attempts: number, options?: { cause?: unknown }) {
    super(`cannot reach the endpoint after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${message.slice(0, 200)}`, options);
  }
}

/** The run's call cap is spent: the tool keeps its heuristic verdict (not a failure). */
export class LlmCapReachedError extends Error {
  readonly code = 'E_LLM_CAPPED';
  override name = 'LlmCapReachedError';
  constructor(readonly maxCalls: number) {
    super(`the cap of ${maxCalls} LLM calls per run is reached`);
  }
}

/** LLM review was asked for but no API key is configured. */
export class LlmNotConfiguredError extends Error {
  readonly code = 'E_LLM_NO_KEY';
  override name = 'LlmNotConfiguredError';
  constructor(mode: string) {
    super(`--llm ${mode} needs OPENAI_API_KEY (and optionally OPENAI_BASE_URL, OPENAI_MODEL)`);
  }
}
