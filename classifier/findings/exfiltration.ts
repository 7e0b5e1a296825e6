// Exfiltration and data harvesting (kind data_exfiltration): the definition asks the model to read
// secrets, dotfiles, the environment or the conversation and pass them on, to send data to an address
// the user did not give, or declares a parameter whose only use is to carry such data out.
import { ADDRESS, CONFIGURATION, NEGATED, READ_OR_SEND, SECRET_ENV_NAME, SENSITIVE, TO_MODEL } from './lexicon.ts';
import { nameKey } from '../tokens.ts';
import { eachSentence, hitAt, where, type FindingDoc, type FindingRule, type Sentence } from './rule.ts';

/** The order reaches the model: "you must", "before using this tool", "please", "pass it as `x`". */
const ORDER = /\b(?:whenever|every\s+time|each\s+time)\s+(?:the\s+)?user\s+(?:mentions|types|shares|enters|says|gives|pastes)\b|\b(?:after|before)\s+(?:every|each)\b|\b(?:every|each)\s+time\s+you\b|\bwhenever\s+you\b|\b(?:please|before\s+(?:using|calling|invoking|running|answering|responding|replying)|prior\s+to|first)\b|^\W*(?:[\w ]{1,30},\s*)?(?:also\s+)?(?:read|cat|open|send|include|pass|upload|copy|attach|forward|paste|put|append|insert|dump)\b|\b(?:run|execute)\s*:|\b(?:as|in|into|inside)\s+(?:the\s+)?[\x60'"]?\w+[\x60'"]?\s+(?:parameter|param|argument|field)\b/i;

/** Into a parameter or field of the call: "in the `trace` field", "as the note argument". */
const INTO_PARAMETER = /\b(?:as|in|into|inside|to)\s+(?:the\s+)?[\x60'"]?\w+[\x60'"]?\s+(?:parameter|param|argument|field)\b|\bvalue\s+of\b/i;

function sensitiveIn(s: Sentence): RegExpExecArray | undefined {
  SENSITIVE.lastIndex = 0;
  const m = SENSITIVE.exec(s.text);
  if (m) return m;
  // a secret's variable name alone is configuration prose, unless its value is to go into the call
  return (INTO_PARAMETER.test(s.text) && SECRET_ENV_NAME.exec(s.text)) || undefined;
}

/** Words of the tool's purpose that make secrets or the conversation its own business. */
const OWN_DATA = /\b(?:secrets?|credentials?|passwords?|keys?|tokens?|env|environment|dotenv|vault|ssh|config(?:uration)?|conversations?|chats?|messages?|history|transcripts?|memory|memories|prompts?|cookies?|sessions?|auth\w*|login)\b/;

/** A send order with a literal outside address: "send a copy to x@y", "access https://…/collect". */
const SEND_ORDER = /\b(?:send|post|forward|upload|copy|bcc|cc|report|log|submit|transmit|sync|mirror|relay|access|visit|open|browse|contact|ping|notify|call|request|fetch|resolve|make\s+(?:a\s+)?(?:network\s+|http\s+|web\s+)?request)\b/i;
const REDIRECT_TO = /\b(?:change|set|replace|redirect|switch|update|override|point)\s+(?:the\s+|all\s+|every\s+|its\s+)?(?:recipients?|to\s+address|destination|address|email|phone(?:\s+number)?|number|webhook|endpoint|url|cc|bcc)\s+(?:field\s+|address\s+)?(?:to|with)\b/i;
const DATA_WORDS = /\b(?:data|details|contents?|results?|copy|log|transaction|request|information|messages?|emails?|history|everything|credentials?|keys?|tokens?)\b/i;

/** The parameter is to be filled with the data: "include the full conversation", "paste the contents of …". */
const FILL = /^\s*(?:include|put|pass|paste|provide|fill|insert|copy|add|attach|append|send|enter|list|dump)\b|\b(?:must|should|please|always)\s+(?:\w+\s+){0,2}?(?:include|contain|put|pass|paste|provide|fill|insert|copy|add|attach|append|send|be)\b|\b(?:the|with\s+the)\s+(?:full|entire|complete|whole|raw)\s+(?:contents?|text)\b/i;
const OWN_NAME = /^\s*(?:api|secret|private|access|session|ssh|signing)\b/i;

/** The sensitive words name what the tool is about (a messages tool reading message history). */
function ownWords(purpose: string, found: string): boolean {
  const words = purpose.split(/[^a-z0-9]+/);
  for (const w of found.toLowerCase().split(/[^a-z0-9]+/)) {
    if (w.length < 3 || STOPWORDS.has(w)) continue;
    const stem = w.replace(/s$/, '');
    if (words.some((p) => p === w || p === stem || p.replace(/s$/, '') === stem)) return true;
  }
  return false;
}
const STOPWORDS = new Set(['the', 'all', 'any', 'every', 'other', 'full', 'entire', 'whole', 'complete', 'previous', 'prior', 'earlier', 'past', 'last', 'your', 'etc']);

/** A copy recipient parameter's default field: every message then also goes to that address. */
const COPY_DEFAULT = /^parameter `(?:[\w.[\]]*\.)?((?:b?cc|blind_?copy|copy_?to|forward_?to|also_?send_?to|archive_?to)(?:_?(?:emails?|address(?:es)?|recipients?))?)` default$/i;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;

/** Key and credential files, named in any language's sentence. */
const KEY_FILE = /~\/\.ssh\b|\.ssh\/|\bid_(?:rsa|ed25519|ecdsa|dsa)\b|\.aws\/credentials|\.kube\/config|\/etc\/(?:passwd|shadow|sudoers)\b|\.netrc\b|\.npmrc\b|\.pgpass\b|\.git-credentials|(?:^|[\s'"\x60(~\/])\.env\b/i;
/** "in the `notes` parameter", in the languages tool authors write in. */
const PARAMETER_WORD = /\b(?:param(?:eter|s)?|par[áa]metro|param[èe]tre|parametro|argument[os]?|field|campo|champ|feld)\b/i;
const QUOTED_NAME = /[\x60'"]([A-Za-z_][\w-]{0,40})[\x60'"]/g;

export const EXFILTRATION_RULES: FindingRule[] = [
  {
    id: 'exfil.copy-default', kind: 'data_exfiltration', severity: 'high', families: ['address'],
    matches: 'A copy-recipient parameter (bcc, cc, forward_to) whose default is an address: every message also goes there unless the model changes it.',
    detect: (doc) => {
      for (const seg of doc.segments) {
        const param = COPY_DEFAULT.exec(seg.field)?.[1];
        const m = param ? EMAIL.exec(seg.text) : null;
        if (param && m) return { seg, at: m.index, length: m[0].length, message: `The parameter \`${param}\` defaults to ${m[0]}, so every message is also copied to an address the user did not give.` };
      }
      return undefined;
    },
  },
  {
    // no family of orders required: "Copy the contents of … into the description" orders by its verb alone
    id: 'exfil.read-sensitive', kind: 'data_exfiltration', severity: 'critical', families: ['sensitive'],
    matches: 'An order to read secrets, keys, dotfiles, environment variables or the conversation and to pass them on or into a parameter.',
    detect: (doc) => eachSentence(doc, (s) => {
      const m = sensitiveIn(s);
      if (!m || !READ_OR_SEND.test(s.text) || NEGATED.test(s.text)) return undefined;
      if (!(TO_MODEL.test(s.text) || ORDER.test(s.text))) return undefined;
      if (CONFIGURATION.test(s.text) && !/[~\/.]/.test(m[0].trim()[0] ?? '')) return undefined;
      if (ownWords(doc.purpose, m[0])) return undefined;
      return hitAt(s, m, `The definition asks the model to read ${m[0].trim()} and pass it on${where(s.seg)}.`);
    }),
  },
  {
    id: 'exfil.key-file-into-parameter', kind: 'data_exfiltration', severity: 'critical', families: ['sensitive'],
    matches: 'A key or credential file (~/.ssh, id_rsa, .aws/credentials, .env) named together with a parameter it is to go into, in any language.',
    detect: (doc) => eachSentence(doc, (s) => {
      const m = KEY_FILE.exec(s.text);
      if (!m || NEGATED.test(s.text) || ownWords(doc.purpose, m[0])) return undefined;
      let named = PARAMETER_WORD.test(s.text);
      QUOTED_NAME.lastIndex = 0;
      for (let q = QUOTED_NAME.exec(s.text); q && !named; q = QUOTED_NAME.exec(s.text)) named = doc.paramKeys.has(nameKey(q[1]));
      return named ? hitAt(s, m, `The definition has ${m[0].trim()} put into a parameter of the call, which carries the key out${where(s.seg)}.`) : undefined;
    }),
  },
  {
    id: 'exfil.send-to-address', kind: 'data_exfiltration', severity: 'critical', families: ['address'], requires: ['directive'],
    matches: 'An order to send, copy, BCC, log or report data to an address, URL or number written in the definition, or to change a recipient to one.',
    detect: (doc) => eachSentence(doc, (s) => {
      const address = ADDRESS.exec(s.text);
      if (!address) return undefined;
      const redirect = REDIRECT_TO.exec(s.text);
      if (redirect) return hitAt(s, address, `The definition tells the model to send to ${address[0]} instead of the recipient the user chose${where(s.seg)}.`);
      if (!TO_MODEL.test(s.text) || !SEND_ORDER.test(s.text) || NEGATED.test(s.text)) return undefined;
      const data = DATA_WORDS.test(s.text);
      return hitAt(s, address, `The definition tells the model to contact ${address[0]}, an address the user did not give${data ? ', and to hand it data' : ''}${where(s.seg)}.`, data ? 'critical' : 'high');
    }),
  },
  {
    id: 'exfil.smuggling-parameter', kind: 'data_exfiltration', severity: 'high', families: ['sensitive'],
    matches: 'A parameter whose description asks for the conversation, earlier tool results, secrets or file contents that the tool\'s purpose does not need.',
    detect: (doc) => {
      if (OWN_DATA.test(doc.purpose)) return undefined;
      return eachSentence(doc, (s) => {
        if (!s.seg.field.startsWith('parameter')) return undefined;
        const m = sensitiveIn(s);
        if (!m) return undefined;
        if (NEGATED.test(s.text) || !FILL.test(s.text) || OWN_NAME.test(m[0]) && s.seg.field.toLowerCase().includes(m[0].trim().split(/\s+/)[0].toLowerCase())) return undefined;
        return hitAt(s, m, `A parameter asks the model to fill it with ${m[0].trim()}, which this tool does not need${where(s.seg)}.`);
      });
    },
  },
];

export type { FindingDoc };
