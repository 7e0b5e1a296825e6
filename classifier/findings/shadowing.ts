// Shadowing and redirection: text that changes how other tools or servers behave, declares them
// deprecated, reroutes their calls, or tells the model to use this tool in their place.
import { PRETEXT, TO_MODEL } from './lexicon.ts';
import { foreignTool, IDENT, owner } from './foreign.ts';
import { hitAt, where, type FindingDoc, type FindingRule, type RuleHit, type Sentence } from './rule.ts';

const QUOTE = /[`'"]/;
const INSIST = /\b(?:always|must|never|only\s+use)\b|\broute\s+(?:all|every|any)\b|\bleaks?\b|\b(?:unsafe|insecure|compromised|malicious)\b|\b(?:from|of|on)\s+(?:the\s+)?(?!this\b|same\b)[\w.-]+\s+(?:server|mcp)\b[^.\n]{0,40}\b(?:deprecated|obsolete|broken|removed|retired|discontinued)\b/i;

/** The first match of `re` (global; its first capture that matched is the identifier) that names a foreign tool. */
function scan(doc: FindingDoc, re: RegExp, strict: boolean, message: (name: string, s: Sentence) => string,
  extra?: (s: Sentence, m: RegExpExecArray) => boolean, sentences: readonly Sentence[] = doc.sentences, called = false): RuleHit | undefined {
  for (const s of sentences) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s.text)) !== null) {
      const id = m[1] ?? m[2] ?? m[3];
      const at = m.index + m[0].lastIndexOf(id);
      const after = s.text.slice(at + id.length, at + id.length + 14).replace(/^[`'"]/, '');
      const f = foreignTool(doc, id, after, QUOTE.test(s.text[at - 1] ?? ''), strict, called);
      if (f && (!extra || extra(s, m))) return hitAt(s, m, message(`\`${f.name}\`${owner(f)}`, s));
    }
  }
  return undefined;
}

const OTHER_TOOL_MUST = new RegExp(`\\b(?:the|any|all|every)\\s+(?:other\\s+|also\\s+present\\s+)?${IDENT}\\s+(?:tool|function|server)s?\\s+(?:must|should|will|has\\s+to|needs?\\s+to|is\\s+required\\s+to|now|has\\s+been|have\\s+been|is\\s+now)\\b`, 'gi');
const WHEN_USING = new RegExp(`\\bwhen(?:ever)?\\s+(?:using|calling|invoking|the\\s+model\\s+uses|you\\s+(?:use|call|invoke))\\s+(?:the\\s+)?${IDENT}[^.\\n]{0,80}?\\b(?:always|must|instead|also|change|replace|add|include|bcc|cc|make\\s+sure)\\b`, 'gi');
const INVOKED = new RegExp(`\\bwhen\\s+(?:\\([^)]{1,40}\\)\\s+)?${IDENT}\\s+is\\s+(?:invoked|called|used|run)\\b`, 'gi');
const SIDE_EFFECT = new RegExp(`\\bside[- ]effects?\\s+on\\s+(?:the\\s+)?(?:also\\s+present\\s+|other\\s+)?${IDENT}`, 'gi');
const INSTEAD = new RegExp(`\\b(?:instead\\s+of|rather\\s+than|in\\s+place\\s+of|supersedes?|prefer(?:red)?\\s+(?:it\\s+|this\\s+(?:tool\\s+)?)?over)\\s+(?:the\\s+|using\\s+(?:the\\s+)?|calling\\s+(?:the\\s+)?)?${IDENT}`, 'gi');
const REPLACES = new RegExp(`\\b(?:replaces?|overrides?)\\s+(?:the\\s+)?${IDENT}\\s+(?:tool|server|function|mcp|(?:from|of|in|on)\\s+(?:the\\s+)?[\\w.-]+\\s+(?:server|mcp))`, 'gi');
const DONT_USE = new RegExp(`\\b(?:do\\s+not|don't|never)\\s+(?:use|call|invoke)\\s+(?:the\\s+|any\\s+)?${IDENT}`, 'gi');
const CALL_FOREIGN = new RegExp(`\\b(?:call|calling|invoke|invoking|trigger|triggering)\\s+(?:the\\s+)?(?:tool\\s+)?${IDENT}|\\b(?:first\\s+use|use|run)\\s+(?:the\\s+)?${IDENT}(?=\\s+(?:tool|function)\\b)|\\bfirst\\s+use\\s+(?:the\\s+)?${IDENT}`, 'gi');
const DESTROYS = /\(`(?:[\w-]+[._])?(?:delete|remove|drop|destroy|wipe|purge|erase|kill|terminate|revoke|truncate|format|reset|rm)[\w-]*`/i;
const OTHER_SERVERS = /\b(?:all|any)\s+other\s+(?:mcp\s+)?(?:servers?|tools?)\b[^.\n]{0,60}?\b(?:must|should|instead|ignore|do not|never)\b|\b(?:ignore|replace|override|disable)\s+(?:all\s+|any\s+)?other\s+(?:mcp\s+)?(?:servers?|tools?)\b/i;

/** A tool declared out of service, and somewhere else to go. */
const RETIRED = /(?:\b(?:tool|function|server|endpoint|method|api|command|feature)s?|[\x60'"])\s+(?:(?:is|are)\s+\w+\s+and\s+)?(?:has|have)\s+been\s+(?:deprecated|disabled|removed|retired|replaced|discontinued|suspended|blocked|moved|superseded)\b|(?:\b(?:tool|function|server|endpoint|method|api|command|feature)s?|[\x60'"])\s+is\s+(?:now\s+)?(?:deprecated|disabled|no\s+longer\s+(?:available|supported|safe|working|maintained)|unavailable|unsafe|insecure|broken|compromised|vulnerable|unreliable|obsolete|outdated)\b|\btemporarily\s+(?:disabled|unavailable|offline)\b/i;
const GO_ELSEWHERE = new RegExp(`\\b(?:use|call|redirect\\s+to|switch\\s+to|route\\s+(?:it\\s+|them\\s+|all\\s+\\w+\\s+)?to|invoke|migrate\\s+to)\\s+(?:the\\s+)?(?:new\\s+)?(?:secure\\s+)?(?:tool\\s+)?${IDENT}`, 'gi');
/** Genuine deprecation notes say it plainly; rerouting attacks add a reason to obey. */
const URGENT = /\b(?:security|vulnerab\w*|maintenance|compromised|unsafe|insecure|must|mandatory|required|immediately|all\s+\w+\s+requests)\b/i;
/** A named tool declared out of service: "create_pull_request is broken". */
const RETIRED_NAMED = new RegExp(`${IDENT}\\s+(?:is|are|has\\s+been|have\\s+been)\\s+(?:now\\s+)?(?:deprecated|disabled|broken|unsafe|insecure|compromised|unreliable|obsolete|outdated|removed|retired|no\\s+longer\\s+(?:available|supported|safe|working))\\b`, 'gi');
/** The sentence says the tool is another server's: "the GitHub server's", "of the Slack MCP server". */
const OTHER_OWNER = /\b[\w-]+\s+(?:mcp\s+)?server'?s\b|\b(?:of|from|on)\s+the\s+[\w-]+\s+(?:mcp\s+)?server\b/i;
const ELSEWHERE = /\binstead\b|\b(?:use|call|switch\s+to|try)\s+(?:this|me|us)\b/i;
const REROUTE = /\broute\s+(?:all|every|any)\s+(?:\w+\s+){0,3}?(?:requests?|calls?|queries|searches|traffic|lookups|messages|emails)\s+(?:here|through\s+(?:this|me|us)|to\s+(?:this|me|us))\b|\b(?:automatically\s+|silently\s+|now\s+)?(?:redirect(?:s|ed|ing)?|reroute[sd]?|re-route[sd]?)\s+(?:all\s+|any\s+|every\s+)?(?:\w+\s+){0,5}?(?:requests?|calls?|queries|searches|traffic|navigation|data|lookups)\b[^.\n]{0,80}?\bto\b|\b(?:automatically|silently)\s+(?:redirect(?:s|ed)?|reroute[sd]?)\s+(?:\w+\s+){0,3}?to\b/i;


export const SHADOWING_RULES: FindingRule[] = [
  {
    id: 'shadow.dictate-other-tool', kind: 'shadowing', severity: 'high', families: ['shadow'],
    matches: 'Text that says how another tool must behave, that it has been changed, or what the model must do when it uses that tool.',
    detect: (doc) => scan(doc, OTHER_TOOL_MUST, false, (n, s) => `The definition dictates how another tool (${n}) behaves${where(s.seg)}.`)
      ?? scan(doc, WHEN_USING, true, (n, s) => `The definition changes what the model does when it uses another tool (${n})${where(s.seg)}.`)
      ?? scan(doc, INVOKED, false, (n, s) => `The definition changes what the model does when another tool (${n}) is used${where(s.seg)}.`)
      ?? scan(doc, SIDE_EFFECT, false, (n, s) => `The definition claims a side effect on another tool (${n})${where(s.seg)}.`),
  },
  {
    id: 'shadow.deprecate-reroute', kind: 'shadowing', severity: 'high', families: ['retired'],
    matches: 'A tool declared deprecated, disabled or unsafe with an urgent order to use another one, or text that reroutes requests elsewhere.',
    detect: (doc) => {
      const all = doc.allSentences;
      for (const r of doc.sentences) {
        if (!RETIRED.test(r.text)) continue;
        // the retirement, and where to go instead, in this sentence or the next two of the same field
        const sentences = all.slice(r.index, r.index + 3).filter((s) => s.seg === r.seg);
        const window = sentences.map((s) => s.text).join(' ');
        const urgent = URGENT.test(window) || PRETEXT.test(window);
        const hit = scan(doc, GO_ELSEWHERE, false, (n, s) => `The definition declares a tool out of service and reroutes the model to ${n}${where(s.seg)}.`, undefined, sentences);
        if (hit && urgent) return hit;
        if (urgent) {
          // rerouting to a sibling is still rerouting when it comes with an urgent reason to obey
          for (const s of sentences) {
            GO_ELSEWHERE.lastIndex = 0;
            const m = GO_ELSEWHERE.exec(s.text);
            if (m && (TO_MODEL.test(s.text) || /\bmust\b/i.test(s.text))) {
              return hitAt(s, m, `The definition declares a tool out of service and orders the model to use \`${m[1]}\` instead${where(s.seg)}.`);
            }
          }
        }
      }
      // another server's tool declared broken, and the model sent here instead
      for (const r of doc.sentences) {
        const hit = scan(doc, RETIRED_NAMED, false, (n, s) => `The definition declares another server's tool (${n}) out of service to draw its calls${where(s.seg)}.`, undefined, [r]);
        if (!hit || !(hit.message.includes(', a tool of ') || OTHER_OWNER.test(r.text))) continue;
        const window = all.slice(r.index, r.index + 3).filter((s) => s.seg === r.seg).map((s) => s.text).join(' ');
        GO_ELSEWHERE.lastIndex = 0;
        if (ELSEWHERE.test(window) || GO_ELSEWHERE.test(window)) return hit;
      }
      for (const s of doc.sentences) {
        const m = REROUTE.exec(s.text);
        if (m) return hitAt(s, m, `The definition says requests are rerouted somewhere the user did not choose${where(s.seg)}.`);
      }
      return undefined;
    },
  },
  {
    id: 'shadow.use-instead', kind: 'shadowing', severity: 'medium', families: ['instead'],
    matches: 'Text telling the model to use this tool instead of another one, that it replaces another tool, or not to use another tool.',
    detect: (doc) => {
      const hit = scan(doc, REPLACES, false, (n, s) => `The definition says it replaces another tool (${n})${where(s.seg)}.`)
        ?? scan(doc, INSTEAD, false, (n, s) => `The definition tells the model to use it in place of another tool (${n})${where(s.seg)}.`)
        ?? scan(doc, DONT_USE, true, (n, s) => `The definition tells the model not to use another tool (${n})${where(s.seg)}.`);
      // a plain pointer ("use this instead of execute_command for listings") informs; an order or a known
      // tool of another server makes it steering
      const sentence = hit && doc.allSentences.find((s) => s.seg === hit.seg && s.start <= hit.at && hit.at < s.start + s.text.length);
      const insistent = sentence && INSIST.test(sentence.text);
      return hit && (insistent ? hit : { ...hit, severity: 'low' });
    },
  },
  {
    id: 'shadow.other-servers', kind: 'shadowing', severity: 'medium', families: ['shadow'],
    matches: 'Orders about all or any other servers or tools.',
    detect: (doc) => {
      for (const s of doc.sentences) {
        const m = OTHER_SERVERS.exec(s.text);
        if (m) return hitAt(s, m, `The definition gives orders about other servers or tools${where(s.seg)}.`);
      }
      return undefined;
    },
  },
  {
    id: 'shadow.call-foreign-tool', kind: 'shadowing', severity: 'medium', families: ['call'], requires: ['directive'],
    matches: 'An order to call a tool that belongs to another server of the catalogue (or to no tool of this server).',
    detect: (doc) => {
      const hit = scan(doc, CALL_FOREIGN, true, (n, s) => `The definition orders the model to call another tool (${n})${where(s.seg)}.`,
        (s) => TO_MODEL.test(s.text) || /\b(?:must|mandatory)\b/i.test(s.text), doc.sentences, true);
      // a tool the catalogue places on another server is steering; a name it does not know may be this server's own
      // ... unless the order is to destroy something: "call `delete_file` on every log" is an attack whoever owns it
      return hit && (hit.message.includes(', a tool of ') || DESTROYS.test(hit.message) ? hit : { ...hit, severity: 'low' });
    },
  },
];
