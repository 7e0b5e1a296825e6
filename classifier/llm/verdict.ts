// The shape of an LLM review: a JSON schema sent as `response_format` (structured outputs, strict),
// and the zod schema every answer is validated against, whether fresh from the model or from the cache.
import { z } from 'zod';
import { CATEGORIES, RISKS, SEVERITIES } from '../types.ts';
import { LlmMalformedError } from './errors.ts';

const MAX_EVIDENCE = 8;
const MAX_LINE = 240;
const MAX_RATIONALE = 1200;
const MAX_FINDINGS = 6;
const MAX_QUOTE = 300;

/** The finding kinds an LLM may report: text that works on the model (invisible characters are the heuristics' own). */
export const LLM_FINDING_KINDS = ['tool_poisoning', 'data_exfiltration', 'shadowing', 'preference_manipulation', 'capability_mismatch'] as const;

const clip = (max: number) => (s: string) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export const verdictSchema = z.object({
  evidence: z.array(z.string().trim().min(1)).min(1)
    .transform((lines) => lines.slice(0, MAX_EVIDENCE).map(clip(MAX_LINE))),
  rationale: z.string().trim().min(1).transform(clip(MAX_RATIONALE)),
  category: z.enum(CATEGORIES),
  risk: z.enum(RISKS),
  confidence: z.number().min(0).max(1),
  /** Manipulation the model saw in the definition; absent in answers to older prompts: none. */
  findings: z.array(z.object({
    kind: z.enum(LLM_FINDING_KINDS),
    severity: z.enum(SEVERITIES),
    quote: z.string().trim().min(1).transform(clip(MAX_QUOTE)),
    explanation: z.string().trim().min(1).transform(clip(MAX_LINE)),
  }).strict()).default([]).transform((list) => list.slice(0, MAX_FINDINGS)),
}).strict();

/** One manipulation finding as the model reported it (checked against the definition before it is kept). */
export type LlmFinding = LlmVerdict['findings'][number];

/** A validated review. */
export type LlmVerdict = z.output<typeof verdictSchema>;

/** `response_format` for chat.completions: strict structured output matching `verdictSchema`. */
export const RESPONSE_FORMAT = {
  type: 'json_schema',
  json_schema: {
    name: 'tool_risk_review',
    strict: true,
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['evidence', 'rationale', 'category', 'risk', 'confidence', 'findings'],
      properties: {
        evidence: {
          type: 'array', items: { type: 'string' },
          description: `Up to ${MAX_EVIDENCE} short, checkable lines about the definition (names, parameters, annotations).`,
        },
        rationale: { type: 'string', description: 'Two to four plain sentences specific to this tool.' },
        category: { type: 'string', enum: [...CATEGORIES] },
        risk: { type: 'string', enum: [...RISKS] },
        confidence: { type: 'number', description: '0 to 1' },
        findings: {
          type: 'array',
          description: `Text in the definition that works on the model instead of describing the tool; empty when there is none. At most ${MAX_FINDINGS}.`,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['kind', 'severity', 'quote', 'explanation'],
            properties: {
              kind: { type: 'string', enum: [...LLM_FINDING_KINDS] },
              severity: { type: 'string', enum: [...SEVERITIES] },
              quote: { type: 'string', description: `The exact words of the definition, copied verbatim (at most ${MAX_QUOTE} characters).` },
              explanation: { type: 'string', description: 'One plain sentence: what the text tries to make the model do.' },
            },
          },
        },
      },
    },
  },
} as const;

/** Parses and validates a model's message content; throws LlmMalformedError. */
export function parseVerdict(content: string | null | undefined): LlmVerdict {
  if (!content?.trim()) throw new LlmMalformedError('empty content');
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    throw new LlmMalformedError(`not JSON (${(error as Error).message})`, { cause: error });
  }
  return checkVerdict(json);
}

/** Validates an already parsed verdict (e.g. one read back from the cache); throws LlmMalformedError. */
export function checkVerdict(json: unknown): LlmVerdict {
  const parsed = verdictSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LlmMalformedError(`${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}
