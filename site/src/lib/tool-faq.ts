// The tool page's FAQ as plain question and answer text (the page adds the snippets beside them).
import type { FaqItem, ToolModel } from './model-types.ts';
import { markdownText } from './markdown.ts';
import { cut, visible } from './text.ts';

const article = (word: string) => (/^[AEIOU]/i.test(word) ? 'an' : 'a');

export function faqFor(m: ToolModel): FaqItem[] {
  const c = m.classification;
  const described = m.description.head.trim();
  const what = described
    ? `${markdownText(cut(described, 400))}${m.description.length > 400 ? '…' : ''} (as the server describes it)`
    : `The server publishes no description for ${m.name}; its name and parameters are all there is to go on.`;
  const risk = c
    ? `${c.category}, ${c.risk} risk. ${c.rationale}`
    : 'It has not been classified yet. Under the server policy it stays denied until it is.';
  const where = `${m.server.displayName} (${m.server.name})${m.server.package ? `, package ${m.server.package}` : ''}${m.server.runtime === 'remote' ? ', a remote server' : ''}.`;
  return [
    { question: `What does ${m.name} do?`, answer: what },
    { question: `What risk is ${m.name}?`, answer: risk },
    {
      question: `How do I block ${m.name}?`,
      answer: `In a PolicyLayer gateway, list it under "hide" (or leave it out of "tools" under default deny). In Claude Code, add "${visible(m.clients.rule)}" to permissions.deny; in Codex, add it to the server's disabled_tools. Under the recommended server policy it is ${m.statusText}.`,
      snippet: 'block',
    },
    {
      question: `How do I rate-limit ${m.name}?`,
      answer: `Give it a limit in the policy: a counter, a window (minute, hour or day), a maximum and a scope. The snippet below is ${article(c?.risk ?? 'a')} ${c ? `${c.risk}-risk` : 'starting'} default; lower the maximum for a tighter grant.`,
      snippet: 'rate-limit',
    },
    ...(m.policyWords ? [{ question: `What does the recommended policy do to ${m.name}?`, answer: m.policyWords.text }] : []),
    { question: `Which server provides ${m.name}?`, answer: where, snippet: 'server' },
    { question: 'Can the description lower its risk?', answer: 'No. Promises such as "sandboxed" or "requires approval" are never taken as evidence; only structural limits in the schema can lower a grade.' },
  ];
}
