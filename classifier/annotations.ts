// Author annotations and the server's siblings, applied to what behaviour said (DESIGN §4): annotations
// are evidence, never trusted alone, but they settle what name and description leave open.
import type { ToolAnalysis } from './analysis.ts';
import type { CategoryResult } from './category-types.ts';
import { domainEvidence } from './context.ts';
import type { Category } from './types.ts';

/** Developer command-line tools: a tool named after one, with nothing else to go on, runs it. */
const CLI_TOOLS = new Set(['npm', 'npx', 'pnpm', 'yarn', 'pip', 'pipx', 'uv', 'cargo', 'swift', 'xcodebuild', 'xcrun', 'gradle', 'maven', 'mvn', 'make', 'cmake', 'brew', 'apt', 'docker', 'kubectl', 'helm', 'terraform', 'ansible', 'git', 'gh', 'az', 'aws', 'gcloud', 'dotnet', 'go', 'rustc', 'gcc', 'clang', 'bazel', 'deno', 'bun', 'poetry', 'conda', 'composer', 'gem', 'bundle', 'flutter', 'adb', 'pod', 'cocoapods']);
const CLI_NOUNS = /(?:^| )(?:cli|package manager|command line)(?: |$)/;

function cliTool(a: ToolAnalysis): string | undefined {
  if (a.description.trim() || a.schema.params.some((p) => p.values)) return undefined;
  const words = a.tokens.join(' ');
  const named = a.tokens.find((t) => CLI_TOOLS.has(t));
  return named && CLI_NOUNS.test(words) ? words : named && a.tokens.length <= 2 ? named : CLI_NOUNS.test(words) ? words : undefined;
}

/** The author's annotation settles a category that name and description leave open. */
function decided(r: CategoryResult, category: Category, hint: string): CategoryResult {
  r.evidence.push(`name and description are ambiguous, so the author's ${hint} decides`);
  r.category = category;
  r.byAnnotation = true;
  return r;
}

/** Annotations and siblings, applied to what behaviour said. */
export function finish(a: ToolAnalysis, r: CategoryResult, moneyByObject: boolean): CategoryResult {
  const { readOnly, destructive } = a.ann;
  if (readOnly !== undefined) r.evidence.push(`author annotation readOnlyHint=${readOnly}`);
  if (destructive !== undefined) r.evidence.push(`author annotation destructiveHint=${destructive}`);
  const b = r.behaviour;
  if (b === undefined || r.strength === 'none') {
    if (readOnly === true) return decided(r, 'Read', 'readOnlyHint=true');
    if (destructive === true) return decided(r, 'Destructive', 'destructiveHint=true');
    if (readOnly === false) return decided(r, 'Write', 'readOnlyHint=false');
    const d = a.domain;
    if (d && (d.id === 'voice' || d.id === 'browser' || d.id === 'device' || d.id === 'shell' || d.id === 'debugger')) {
      r.evidence.push(domainEvidence(d, a.tool.name));
      r.category = 'Execute';
      return r;
    }
    const cli = cliTool(a);
    if (cli) {
      r.evidence.push(`the name is the command-line tool '${cli}' and nothing says what it only reads; it runs that tool`);
      r.category = 'Execute';
      return r;
    }
    r.evidence.push('no verb in the name or description; read as a lookup');
    r.category = b ?? 'Read';
    return r;
  }
  if (r.strength === 'weak') {
    if (readOnly === true && b !== 'Read' && b !== 'Destructive' && (b !== 'Financial' || moneyByObject)) return decided(r, 'Read', 'readOnlyHint=true');
    if (destructive === true && (b === 'Write' || b === 'Read')) return decided(r, 'Destructive', 'destructiveHint=true');
  }
  if (readOnly === true) { if (b === 'Read') r.agree++; else r.disagree++; }
  if (readOnly === false) { if (b !== 'Read') r.agree++; else r.disagree++; }
  if (destructive === true && b === 'Destructive') r.agree++;
  if (destructive === false && b === 'Destructive') r.disagree++;
  const d = a.domain;
  if (d && r.category === 'Execute' && (d.id === 'voice' || d.id === 'device' || d.id === 'browser')) {
    r.evidence.push(domainEvidence(d, a.tool.name));
    r.agree++;
  }
  return r;
}
