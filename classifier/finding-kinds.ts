// A short title and help text per finding kind, for the site, `eval --poisoning` and SARIF rules.
// Keyed by FindingKind, so a new kind cannot be added without its text.
import type { FindingKind, Severity } from './types.ts';

export interface FindingKindInfo {
  /** A few words, sentence case. */
  title: string;
  /** One or two plain sentences: what the kind means and why it matters. */
  help: string;
  /** Text in the definition that works on the model (tool poisoning in the broad sense): shown first, raises risk. */
  poisoning: boolean;
}

export const FINDING_KIND_INFO: Readonly<Record<FindingKind, FindingKindInfo>> = {
  tool_poisoning: {
    title: 'Hidden instructions',
    help: 'The definition gives orders to the model instead of describing the tool: ignore its instructions, run commands, call other tools, change what the user asked for, or keep something from the user. The model reads every listed tool, so this works even if the tool is never called.',
    poisoning: true,
  },
  data_exfiltration: {
    title: 'Data exfiltration',
    help: 'The definition asks the model to read secrets, keys, configuration files or the conversation, or to send data to an address, URL or parameter the user did not ask for.',
    poisoning: true,
  },
  shadowing: {
    title: 'Shadowing and redirection',
    help: 'The definition changes how other tools or servers behave, declares them deprecated, reroutes their calls, or takes a name that imitates another server\'s tool.',
    poisoning: true,
  },
  preference_manipulation: {
    title: 'Preference manipulation',
    help: 'The definition promotes itself ("world\'s best", "trusted by 99%", "always use this tool") or borrows a known tool\'s name with a flattering prefix, so that the model picks it over others.',
    poisoning: true,
  },
  capability_mismatch: {
    title: 'Undisclosed capability',
    help: 'The definition says the tool also does something sensitive that does not fit its stated purpose, such as collecting keys or fingerprinting the machine.',
    poisoning: true,
  },
  invisible_characters: {
    title: 'Invisible or deceptive text',
    help: 'Zero-width, bidi-control or Unicode tag characters, terminal escapes, look-alike letters from other scripts, or text pushed out of sight by long runs of white space: text a human reviewer does not see the way the model does.',
    poisoning: true,
  },
  secret_in_definition: {
    title: 'Secret in the definition',
    help: 'A key, token or password shaped like a real one is published in the definition, where every client that lists the tool can read it.',
    poisoning: false,
  },
  annotation_conflict: {
    title: 'Annotation conflict',
    help: 'The author\'s annotations (readOnlyHint, destructiveHint) contradict what the tool plainly does.',
    poisoning: false,
  },
  definition_drift: {
    title: 'Definition drift',
    help: 'The definition changed since the last crawl (a possible rug pull): review the change before trusting it again.',
    poisoning: false,
  },
};

const SEVERITY_RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** Whether a stored kind (any string) is one of the poisoning kinds. */
export function isPoisoningKind(kind: string): boolean {
  return (FINDING_KIND_INFO as Record<string, FindingKindInfo | undefined>)[kind]?.poisoning === true;
}

/** A finding that makes the definition's text untrustworthy: any but a conflict or drift, of medium severity or more. */
export function isHostile(f: { kind: string; severity: string }): boolean {
  return f.kind !== 'annotation_conflict' && f.kind !== 'definition_drift' && f.severity !== 'low';
}

/** Display order: poisoning kinds first, then by severity (worst first); stable otherwise. */
export function findingOrder(a: { kind: string; severity: string }, b: { kind: string; severity: string }): number {
  const pa = isPoisoningKind(a.kind) ? 0 : 1;
  const pb = isPoisoningKind(b.kind) ? 0 : 1;
  return pa - pb || (SEVERITY_RANK[a.severity] ?? 4) - (SEVERITY_RANK[b.severity] ?? 4);
}

/** Severity at or above `min`. */
export function atLeast(severity: string, min: Severity): boolean {
  return (SEVERITY_RANK[severity] ?? 4) <= SEVERITY_RANK[min];
}
