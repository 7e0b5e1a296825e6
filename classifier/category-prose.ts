// What a description says a tool does beyond its leading verb, applied after the name, the schema and the
// annotations have spoken (DESIGN §4): it sends invitations or messages as a side effect, it warns that data
// can be lost, it runs an autonomous agent, it attacks a target, it opens an interactive session in a process.
// Each can only raise the category in precedence, never lower it.
import type { ToolAnalysis } from './analysis.ts';
import type { CategoryResult } from './category-types.ts';
import { CATEGORIES, type Category } from './types.ts';

/** "… sending signing invitations to all signatories": the tool messages people as it works. */
const SENDS = /\b(?:send(?:s|ing)?|deliver(?:s|ing)?|dispatch(?:es|ing)?)\s+(?:an?\s+|the\s+|all\s+)?(?:[a-z-]+\s+){0,2}(?:invitations?|invites?|emails?|e-mails?|notifications?|messages?|sms|texts?|reminders?|alerts?)\b/i;
const NOT_SENDING = /\b(?:without|not|no|never|doesn't|does not|won't)\s+(?:\w+\s+){0,2}(?:send|notify|email|deliver)/i;
/** "CAUTION: May lose uncommitted changes": the tool can lose data. */
const DATA_LOSS = /\b(?:may|can|could|will|might)\s+(?:permanently\s+|irreversibly\s+)?(?:lose|discard|erase|wipe|destroy)\b|\bdiscards? (?:all )?(?:uncommitted|unsaved|local) changes\b/i;
/** An autonomous agent that gets a shell, files or git: it does whatever it decides. */
const AGENT = /\b(?:agent|assistant)\b/i;
const AGENT_POWERS = /\b(?:terminal|shell|cli|command[- ]line|git|file (?:ops|operations)|edit(?:s|ing)? files|run(?:s|ning)? (?:any )?commands?|code execution)\b/i;
/** Offensive-security words (injection only as a kind of injection: not molding or dependency injection); risk rules add more. */
export const ATTACK_WORDS = String.raw`(?:sql|nosql|command|code|ldap|xpath|xml|header|template|crlf|os|script|html)[- ]injection|injection (?:attacks?|payloads?|tests?|testing|points?)|sqli|nosqli|xss|exploit|bypass|brute[- ]?force|fuzz(?:ing|er)?|attack payloads?|pentest|penetration test|credential stuffing|ddos`;
const OFFENSIVE = new RegExp(String.raw`\b(?:${ATTACK_WORDS})\b`, 'i');
/** "Create an interactive REPL-like session with a process": a channel to run code inside it. */
const INTERACTIVE = /\b(?:repl|interactive (?:session|shell|console)|attach(?:es|ing)? to (?:a |the |any )?(?:running )?process)\b/i;

/** The evidence line of a data-loss warning (risk rules grade such tools by it). */
export const DATA_LOSS_EVIDENCE = 'the description warns that it can lose data';

/** A cheap pre-check: every pattern below needs one of these words. */
const ANY = /send|deliver|dispatch|lose|discard|erase|wipe|destroy|agent|assistant|inject|sqli|xss|exploit|bypass|brute|fuzz|payload|pentest|penetration|stuffing|ddos|repl|interactive|attach/i;

function raise(r: CategoryResult, to: Category, why: string): void {
  if (CATEGORIES.indexOf(to) < CATEGORIES.indexOf(r.category)) {
    r.category = to;
    r.evidence.push(why);
  }
}

/** Raises the category for what the description's opening says the tool also does. */
export function proseEffects(a: ToolAnalysis, r: CategoryResult): CategoryResult {
  // nothing below raises a Destructive or Financial tool, so their text need not be read
  if (r.category === 'Destructive' || r.category === 'Financial') return r;
  const lead = a.lead;
  if (!lead || !(ANY.test(lead) || ANY.test(a.tool.name))) return r;
  if (r.category === 'Write' && SENDS.test(lead) && !NOT_SENDING.test(lead)) raise(r, 'Execute', 'the description says it also sends messages or invitations to people');
  if ((r.category === 'Write' || r.category === 'Execute') && DATA_LOSS.test(lead)) raise(r, 'Destructive', DATA_LOSS_EVIDENCE);
  if (r.category === 'Read' || r.category === 'Write') {
    if (AGENT.test(`${a.tool.name} ${lead.slice(0, 80)}`) && AGENT_POWERS.test(lead)) raise(r, 'Execute', 'it runs an autonomous agent that can use a terminal and edit files');
    else if (OFFENSIVE.test(`${a.tokens.join(' ')} ${lead.slice(0, 160)}`)) raise(r, 'Execute', 'it sends attack payloads to a target');
    else if (INTERACTIVE.test(lead)) raise(r, 'Execute', 'it opens an interactive session inside a process');
  }
  return r;
}
