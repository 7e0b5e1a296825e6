// The SARIF rules: one per risk level and one per finding kind (read from FINDING_KINDS, so a kind the
// classifier gains becomes a rule without a change here), plus one for servers that could not be judged.
import { FINDING_KINDS, RISKS } from '../../classifier/types.ts';

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string };
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[]; precision: string; 'security-severity': string };
}

/** error for Critical (and critical findings), warning for High, note below. */
export const levelOf = (value: string): SarifLevel => {
  const v = value.toLowerCase();
  return v === 'critical' ? 'error' : v === 'high' ? 'warning' : 'note';
};

const RISK_TEXT: Record<string, string> = {
  Critical: 'The worst plausible outcome of an agent misusing this tool is severe and hard to undo: arbitrary code or shell, moving money, deleting whole stores.',
  High: 'A runaway or manipulated agent could do real damage with this tool: overwrite files, send messages, delete infrastructure objects.',
  Medium: 'Misuse of this tool has bounded but real effects: it writes or changes state, or reads anything its credentials reach.',
  Low: 'This tool reads information or makes trivially reversible changes.',
};
const SECURITY_SEVERITY: Record<string, string> = { Critical: '9.5', High: '7.5', Medium: '5.0', Low: '2.0' };

const KIND_TEXT: Record<string, [name: string, text: string, severity: string]> = {
  tool_poisoning: ['ToolPoisoning', 'The tool definition carries instructions to the model (ignore previous instructions, keep things from the user, read secrets and pass them on).', '9.0'],
  invisible_characters: ['InvisibleCharacters', 'The definition holds invisible or bidi control characters that hide text from a human reviewer but not from the model.', '7.0'],
  shadowing: ['ToolShadowing', 'The definition steers the model away from, or changes the behaviour of, tools of other servers.', '7.0'],
  secret_in_definition: ['SecretInDefinition', 'The definition contains what looks like a credential.', '7.0'],
  annotation_conflict: ['AnnotationConflict', "The author's annotations (readOnlyHint, destructiveHint) contradict what the tool plainly does.", '4.0'],
  definition_drift: ['DefinitionDrift', 'The tool was added, removed or changed since its definition was pinned: a possible rug pull. Review the diff, then accept it with --pin-update.', '5.0'],
};

const pascal = (s: string) => s.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');

export const riskRuleId = (risk: string) => `risk/${risk.toLowerCase()}`;
export const findingRuleId = (kind: string) => `finding/${kind}`;
export const NOT_JUDGED_RULE = 'scan/not-judged';

function rule(id: string, name: string, short: string, full: string, level: SarifLevel, severity: string, tags: string[]): SarifRule {
  return {
    id, name, shortDescription: { text: short }, fullDescription: { text: full },
    help: { text: `${full} mcp-risk scan recommends a policy per tool (see --policy-out); mcp-risk policy SERVER prints a crawled server's.` },
    defaultConfiguration: { level }, properties: { tags: ['security', 'mcp', ...tags], precision: 'medium', 'security-severity': severity },
  };
}

/** Every rule, risk levels first (Critical to Low), then finding kinds, then not-judged. */
export function sarifRules(extraKinds: string[] = []): SarifRule[] {
  const risks = [...RISKS].reverse().map((r) => rule(riskRuleId(r), `${r}RiskTool`, `An MCP tool of ${r} risk`, RISK_TEXT[r], levelOf(r), SECURITY_SEVERITY[r], ['risk']));
  const kinds = [...new Set<string>([...FINDING_KINDS, ...extraKinds])].map((k) => {
    const [name, text, severity] = KIND_TEXT[k] ?? [pascal(k), `The classifier reported a ${k.replace(/_/g, ' ')} finding in the tool definition.`, '5.0'];
    return rule(findingRuleId(k), name, `MCP tool finding: ${k.replace(/_/g, ' ')}`, text, 'warning', severity, ['finding']);
  });
  const notJudged = rule(NOT_JUDGED_RULE, 'ServerNotJudged', 'An MCP server that could not be listed or found in the catalogue', 'The scan could not list this server (it failed to start, timed out, needs credentials or the network) or, with --no-run, the catalogue does not know it; its tools are unknown. mcp-risk scan --fail-on LEVEL --strict fails on it.', 'note', '3.0', ['coverage']);
  return [...risks, ...kinds, notJudged];
}
