// Tool poisoning (instructions to the model hidden in a definition) and shadowing (a definition that
// steers the model away from, or changes the behaviour of, tools that are not its siblings).
import type { Finding } from './types.ts';
import { excerpt } from './definition-text.ts';
import { nameKey } from './tokens.ts';

const IGNORE = /\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+)?(?:of\s+)?(?:the\s+|your\s+)?(?:previous|prior|above|earlier|preceding|system|original)\s+(?:instructions?|prompts?|directions|rules|guidelines|messages)/i;
const CONCEAL = /\b(?:do\s+not|don't|never|must\s+not|should\s+not)\s+(?:tell|inform|mention|reveal|disclose|notify|alert|let)\b[^.\n]{0,40}?\buser\b|\bwithout\s+(?:telling|informing|notifying|alerting)\s+the\s+user\b|\b(?:keep|hide)\s+(?:this|it)\s+(?:secret\s+|hidden\s+)?from\s+the\s+user\b|\bthe\s+user\s+(?:must|should)\s+(?:not|never)\s+(?:know|see|find out)\b/i;
const TAG_BLOCK = /<\s*(important|system|instructions?|hidden|secret|admin|override)\b[^>]{0,40}>[\s\S]{0,4000}?<\/\s*\1\s*>|<\s*important\s*>/i;
const SENSITIVE = /~\/\.ssh\b|\.ssh\/|\bid_(?:rsa|ed25519|ecdsa|dsa)\b|\.aws\/credentials|\/etc\/(?:passwd|shadow)\b|\.npmrc\b|\.netrc\b|\.git-credentials|\.docker\/config\.json|\bmcp\.json\b|claude_desktop_config|(?:^|[\s'"`(~\/])\.env\b|\benvironment variables?\b|\bprocess\.env\b|\bconversation history\b|\bsystem prompt\b/gi;
/** In the same sentence as the sensitive data: an instruction to read or send it… */
const ACT = /\b(?:read|cat|open|include|send|pass|provide|put|upload|post|forward|append|attach|copy|embed|extract|fetch|transmit|exfiltrate|collect)\b/i;
/** …and somewhere for it to go. */
const SINK = /\b(?:parameters?|params?|arguments?|fields?|sidenote|notes?|url|endpoint|server|webhook|request|body|headers?|query string)\b|\b(?:before|prior to)\s+(?:using|calling|running|invoking)\s+(?:this|any)\b|\b(?:before|prior to)\s+(?:answering|responding|replying|you\s+(?:answer|respond|reply))\b|\b(?:your|the)\s+(?:answer|response|reply)\b/i;
/** Benign texts forbid the act ("NEVER put API keys in any field") or reject it; a "will not work" elsewhere is no negation. */
const NEGATED = /\b(?:never|not|don't|avoid|without)\s+(?:\w+\s+){0,2}(?:read|cat|open|include|send|pass|provide|put|upload|post|forward|append|attach|copy|embed|extract|fetch|transmit|exfiltrate|collect|reading|sending|including|passing|putting)\b|\b(?:reject(?:ed|s)?|forbidden|disallowed|blocked|refuse[sd]?)\b/i;

/** The sentence around an index. */
function sentenceAt(text: string, at: number): { text: string; start: number } {
  let start = at;
  // A sentence ends at . ! ? followed by white space (so `~/.ssh/id_rsa` or `a.b.com` is not split) or a line break.
  const endsBefore = (i: number) => text[i] === '\n' || ('.!?'.includes(text[i]) && (i + 1 >= text.length || /\s/.test(text[i + 1])));
  while (start > 0 && !endsBefore(start - 1)) start--;
  let end = at;
  while (end < text.length && !endsBefore(end)) end++;
  return { text: text.slice(start, end), start };
}

/** Sensitive data the definition tells the model to read and pass on (not data it merely mentions). */
function exfiltration(text: string): RegExpExecArray | undefined {
  SENSITIVE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENSITIVE.exec(text)) !== null) {
    const s = sentenceAt(text, m.index);
    if (ACT.test(s.text) && SINK.test(s.text) && !NEGATED.test(s.text)) return m;
  }
  return undefined;
}

/**
 * One pass over the text for words every pattern below needs; most definitions have none of them,
 * so the detailed patterns run on few (keep it a superset of what they require).
 */
const TRIGGER = /ignore|disregard|forget|override|\.ssh|id_(?:rsa|ed25519|ecdsa|dsa)|\.aws\/|\/etc\/|\.npmrc|\.netrc|\.git-cred|\.docker\/|mcp\.json|claude_desktop|\.env\b|environment variable|process\.env|conversation history|system prompt|<\s*(?:important|system|instructions?|hidden|secret|admin|override)|(?:tools?|functions?|servers?)\s+(?:must|should|will|has to|needs? to|is required to)|when(?:ever)?\s+(?:using|calling|invoking|the model uses)|replace|instead\s+of|rather\s+than|in\s+place\s+of|supersede|prefer|(?:not|n't|never)\s+(?:use|call|invoke|tell|inform|mention|reveal|disclose|notify|alert|let)\b|without\s+(?:telling|informing|notifying|alerting)|(?:keep|hide)\s+(?:this|it)\b|user\s+(?:must|should)\s+(?:not|never)|other\s+(?:mcp\s+)?(?:servers?|tools?)/i;

/** Whether the text could hold poisoning or shadowing at all (a fast pre-check). */
export function mayPoison(text: string): boolean {
  return TRIGGER.test(text);
}

/** Instructions to the model hidden in the definition. */
export function poisoningFindings(text: string): Finding[] {
  const out: Finding[] = [];
  const ignore = IGNORE.exec(text);
  if (ignore) out.push({ kind: 'tool_poisoning', severity: 'critical', message: 'The definition tells the model to ignore its previous instructions.', excerpt: excerpt(text, ignore.index, ignore[0].length) });
  const conceal = CONCEAL.exec(text);
  if (conceal) out.push({ kind: 'tool_poisoning', severity: 'high', message: 'The definition tells the model to keep something from the user.', excerpt: excerpt(text, conceal.index, conceal[0].length) });
  const exfil = exfiltration(text);
  if (exfil) {
    out.push({ kind: 'tool_poisoning', severity: 'critical', message: `The definition asks the model to read sensitive data (${exfil[0].trim()}) and pass it on.`, excerpt: excerpt(text, exfil.index, exfil[0].length) });
  }
  const tag = text.includes('<') ? TAG_BLOCK.exec(text) : null;
  if (tag && !out.length) {
    out.push({ kind: 'tool_poisoning', severity: 'medium', message: 'The definition carries an instruction block addressed to the model.', excerpt: excerpt(text, tag.index, Math.min(tag[0].length, 40)) });
  }
  return out;
}

const IDENT = '[`\'"]?([A-Za-z][A-Za-z0-9_.:/-]{2,60})[`\'"]?';
const OTHER_TOOL_MUST = new RegExp(`\\b(?:the|any|all|every)\\s+(?:other\\s+)?${IDENT}\\s+(?:tool|function|server)s?\\s+(?:must|should|will|has to|needs? to|is required to)\\b`, 'gi');
const WHEN_USING = new RegExp(`\\bwhen(?:ever)?\\s+(?:using|calling|invoking|the model uses)\\s+(?:the\\s+)?${IDENT}[^.\\n]{0,80}?\\b(?:always|must|instead|also)\\b`, 'gi');
const INSTEAD = new RegExp(`\\b(?:instead\\s+of|rather\\s+than|in\\s+place\\s+of|supersedes?|prefer(?:red)?\\s+(?:it\\s+|this\\s+(?:tool\\s+)?)?over)\\s+(?:the\\s+|using\\s+(?:the\\s+)?|calling\\s+(?:the\\s+)?)?${IDENT}`, 'gi');
const REPLACES = new RegExp(`\\b(?:replaces?|overrides?)\\s+(?:the\\s+)?${IDENT}\\s+(?:tool|server|function|mcp)`, 'gi');
const DONT_USE = new RegExp(`\\b(?:do\\s+not|don't|never)\\s+(?:use|call|invoke)\\s+(?:the\\s+|any\\s+)?${IDENT}`, 'gi');
const OTHER_SERVERS = /\b(?:all|any)\s+other\s+(?:mcp\s+)?(?:servers?|tools?)\b[^.\n]{0,60}?\b(?:must|should|instead|ignore|do not|never)\b|\b(?:ignore|replace|override)\s+(?:all\s+|any\s+)?other\s+(?:mcp\s+)?(?:servers?|tools?)\b/i;
const NOT_A_TOOL = new Set(['available', 'following', 'same', 'this', 'that', 'it', 'these', 'those', 'them', 'a', 'an', 'any', 'all', 'the', 'other', 'your', 'tool', 'tools', 'one', 'its', 'default', 'when', 'parameter', 'value', 'field', 'option', 'which', 'what', 'such']);
const LOOKS_LIKE_TOOL = /_|[a-z][A-Z]/;
const KEBAB_OR_DOTTED = /^[a-z0-9]+(?:[-.:][a-z0-9]+)+$/i;

const FOLLOWED_BY_TOOL = /^\s*(?:tool|server|function|mcp)/i;
const TRAILING_PUNCT = /[().,;:]+$/;
const QUOTE = /[`'"]/;

/** References that steer the model away from, or change the behaviour of, tools that are not siblings. */
interface ShadowContext { text: string; selfKey: string; siblingKeys: ReadonlySet<string>; paramKeys: ReadonlySet<string> }

/** Whether an identifier names a tool that is neither this one, a sibling, nor one of its own parameters. */
function foreign(c: ShadowContext, name: string, after: string, quoted: boolean, strict: boolean): boolean {
  const n = name.replace(TRAILING_PUNCT, '');
  const key = nameKey(n);
  if (NOT_A_TOOL.has(n.toLowerCase()) || key === c.selfKey || c.siblingKeys.has(key) || c.paramKeys.has(key)) return false;
  const marked = quoted || FOLLOWED_BY_TOOL.test(after);
  if (!LOOKS_LIKE_TOOL.test(n) && !(KEBAB_OR_DOTTED.test(n) && marked)) return false;
  return !strict || marked;
}

/** The first match of `re` that names a foreign tool. */
function scan(c: ShadowContext, re: RegExp, severity: Finding['severity'], message: string, strict: boolean): Finding | undefined {
  const text = c.text;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const at = m.index + m[0].lastIndexOf(m[1]);
    const end = m.index + m[0].length;
    const after = re === OTHER_TOOL_MUST || re === REPLACES ? ' tool' : text.slice(end, end + 12);
    if (foreign(c, m[1], after, QUOTE.test(text[at - 1] ?? ''), strict)) {
      return { kind: 'shadowing', severity, message: message.replace('%s', m[1]), excerpt: excerpt(text, m.index, m[0].length) };
    }
  }
  return undefined;
}

/**
 * `siblingKeys` holds the server's tool names and `paramKeys` this tool's parameter names, both as
 * `nameKey()` gives them: a reference to either is ordinary documentation, not shadowing.
 */
export function shadowingFindings(text: string, self: string, siblingKeys: ReadonlySet<string>, paramKeys: ReadonlySet<string>): Finding[] {
  const c: ShadowContext = { text, selfKey: nameKey(self), siblingKeys, paramKeys };
  const f = scan(c, OTHER_TOOL_MUST, 'high', 'The definition dictates how another tool (%s) must behave.', false)
    ?? scan(c, WHEN_USING, 'high', 'The definition changes what the model does when it uses another tool (%s).', true)
    ?? scan(c, REPLACES, 'medium', 'The definition says it replaces another tool (%s).', false)
    ?? scan(c, INSTEAD, 'medium', 'The definition tells the model to use it in place of another tool (%s).', false)
    ?? scan(c, DONT_USE, 'medium', 'The definition tells the model not to use another tool (%s).', true);
  if (f) return [f];
  const other = OTHER_SERVERS.exec(text);
  return other ? [{ kind: 'shadowing', severity: 'medium', message: 'The definition gives orders about other servers or tools.', excerpt: excerpt(text, other.index, other[0].length) }] : [];
}
