// The tries of one stdio listing, each decided by what the previous one proved: a usage text naming a
// subcommand (`mcp`, `stdio`, `serve`, `server`) is tried once with it; a server that stops for a missing
// connection but offers its own demo or mock mode (`--demo`) is tried once in it; a variable the server asks for by name
// that the record does not declare is tried once with a placeholder; needs_network is tried once with the
// network when the run allows it; a server that still needs the network for some features is probed for the
// rest (feature-probe.ts). Every try is kept in the attempt's details.
import { listInScratch } from './attempt-common.ts';
import { EvidencedError } from './attempt-errors.ts';
import { placeholderFor } from './placeholders.ts';
import type { AttemptOptions, AttemptResult } from './attempt-types.ts';
import { serverTexts } from './diagnose.ts';
import { ListToolsError } from './errors.ts';
import { featureInput, probeFeatures } from './feature-probe.ts';
import type { OptionalInput } from './launch.ts';
import type { Plan, Variant } from './npm-command.ts';
import { offeredDemoFlag, usageSubcommand } from './stderr-rules.ts';

export interface RetryFacts {
  /** Names the program goes by in its usage text (its executable names). */
  programs: string[];
  /** Declared inputs given no value (feature-list candidates). */
  optional?: OptionalInput[];
  /** The environment the record gives; a variable the server asks for that is not in it gets one retry with a placeholder. */
  env?: Record<string, string>;
}

interface Try { entryPoint: string; network: 'off' | 'on'; status: string; tools?: number; evidence?: string; error?: string }

const innerFailure = (result: AttemptResult): ListToolsError | undefined => {
  const f = result.failure as { cause?: unknown } | undefined;
  return f instanceof ListToolsError ? f : f?.cause instanceof ListToolsError ? f.cause : undefined;
};

export async function listWithRetries(plan: (variant: Variant) => Plan, options: AttemptOptions, facts: RetryFacts, details: Record<string, unknown>): Promise<AttemptResult> {
  const tries: Try[] = [];
  const once = async (variant: Variant, network: boolean): Promise<AttemptResult> => {
    const p = plan(variant);
    const result = await listInScratch(p, options, details, network);
    tries.push({
      entryPoint: p.entryPoint, network: network ? 'on' : 'off', status: result.status,
      ...(result.status === 'ok' ? { tools: result.tools?.length ?? 0 } : {}),
      ...(result.evidence ? { evidence: result.evidence } : result.status !== 'ok' && result.error ? { error: result.error.slice(0, 300) } : {}),
    });
    return { ...result, entryPoint: p.entryPoint, commandLine: p.commandLine };
  };
  let variant: Variant = {};
  let network = false;
  let result = await once(variant, network);
  const failed = () => result.status !== 'ok' && result.status !== 'no_tools';
  if (failed()) {
    const inner = innerFailure(result);
    const subcommand = inner && usageSubcommand(serverTexts(inner).join('\n'), facts.programs);
    if (subcommand) {
      variant = { subcommand };
      result = await once(variant, network);
    }
  }
  // A server that stopped for want of a backend and names its own demo mode: once more in it.
  if (failed() && result.status !== 'needs_network') {
    const inner = innerFailure(result);
    const demoFlag = inner && offeredDemoFlag(serverTexts(inner).join('\n'));
    if (demoFlag) {
      const demo = await once({ ...variant, demoFlag }, network);
      // A demo that fails too proves nothing new: the first cause stands (the try stays in `tries`).
      if (demo.status === 'ok' || demo.status === 'no_tools') { variant = { ...variant, demoFlag }; result = demo; }
    }
  }
  // A variable the record does not declare, asked for by name: once more with a placeholder for it.
  const asked = result.failure instanceof EvidencedError && result.failure.rule === 'missing-variable' ? result.failure.subject : undefined;
  if (asked && facts.env && !(asked in facts.env) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(asked)) {
    variant = { ...variant, askedEnv: { [asked]: placeholderFor({ name: asked }) } };
    result = await once(variant, network);
  }
  if (result.status === 'needs_network' && options.allowNetwork) {
    network = true;
    result = await once(variant, network);
  }
  let probe: unknown;
  const input = result.status === 'needs_network' ? featureInput(facts.optional) : undefined;
  if (input) {
    const where = input.where;
    const probed = await probeFeatures(input, (value, placeholder) => once({ ...variant, extra: { where, name: input.name, value, placeholder } }, network));
    if (probed) {
      result = probed.result;
      probe = probed.facts;
    }
  }
  return {
    ...result,
    details: { ...result.details, entryPoint: result.entryPoint, commandLine: result.commandLine, networkMode: result.networkMode, tries, ...(probe ? { featureProbe: probe } : {}) },
  };
}
