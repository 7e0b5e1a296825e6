// A server that needs the network only for some of its features (supabase's `docs` fetches a schema) can still
// list the rest offline. When it failed for want of the network and declares an optional feature-list input
// (`--features`, `--toolsets`, `..._WORKFLOWS`), ask it for the valid values (by giving a placeholder, which it
// rejects naming them), list each value alone, and then all that listed together.
import type { AttemptResult } from './attempt-types.ts';
import { serverTexts } from './diagnose.ts';
import { ListToolsError } from './errors.ts';
import type { OptionalInput } from './launch.ts';
import { PLACEHOLDER } from './placeholders.ts';
import { namedChoices } from './stderr-rules.ts';

/** An input that selects features, by its name or description. */
const FEATURE_INPUT = /feature|toolset|tool ?groups?|workflow|modules|capabilit|categories/i;

export interface ProbeOptions {
  /** Values tried one by one, at most. @default 12 */
  maxChoices?: number;
}

export interface ProbeFacts { input: string; choices: string[]; listedAlone: string[]; value: string }

/** The feature-list input worth probing, if the record declares one. */
export function featureInput(optional: OptionalInput[] | undefined): OptionalInput | undefined {
  return optional?.find((i) => i.format !== 'boolean' && (FEATURE_INPUT.test(i.name) || FEATURE_INPUT.test(i.description ?? '')));
}

const textsOf = (result: AttemptResult): string[] => {
  const failure = result.failure as { cause?: unknown } | undefined;
  const inner = failure instanceof ListToolsError ? failure : failure?.cause instanceof ListToolsError ? failure.cause : undefined;
  return inner ? serverTexts(inner) : [];
};

/** Runs the probe with `listWith(value)`; undefined when the server names no values or none lists. */
export async function probeFeatures(input: OptionalInput, listWith: (value: string, placeholder: boolean) => Promise<AttemptResult>, options: ProbeOptions = {}): Promise<{ result: AttemptResult; facts: ProbeFacts } | undefined> {
  const { maxChoices = 12 } = options;
  let choices = input.choices ?? [];
  if (!choices.length) {
    const rejected = await listWith(PLACEHOLDER, true);
    if (rejected.status === 'ok') return { result: rejected, facts: { input: input.name, choices: [], listedAlone: [], value: PLACEHOLDER } };
    choices = namedChoices(textsOf(rejected).join('\n'));
  }
  choices = [...new Set(choices)].slice(0, maxChoices);
  if (!choices.length) return undefined;
  const alone: { value: string; result: AttemptResult }[] = [];
  for (const value of choices) {
    const result = await listWith(value, false);
    if (result.status === 'ok') alone.push({ value, result });
  }
  if (!alone.length) return undefined;
  const best = alone.reduce((a, b) => ((b.result.tools?.length ?? 0) > (a.result.tools?.length ?? 0) ? b : a));
  const facts = (value: string): ProbeFacts => ({ input: input.name, choices, listedAlone: alone.map((a) => a.value), value });
  if (alone.length > 1) {
    const value = alone.map((a) => a.value).join(',');
    const together = await listWith(value, false);
    if (together.status === 'ok' && (together.tools?.length ?? 0) >= (best.result.tools?.length ?? 0)) return { result: together, facts: facts(value) };
  }
  return { result: best.result, facts: facts(best.value) };
}
