// Preference manipulation: self-promotion written to win the model's choice of tool ("world's best",
// "trusted by 99% of professionals", "always use this tool instead of others").
import { eachSentence, hitAt, where, type FindingRule } from './rule.ts';

/** Each alternative is one kind of claim; two different kinds make a sales pitch. */
const CLAIMS: RegExp[] = [
  /\b(?:the\s+)?world'?s\s+(?:best|leading|most|number|#?1|first|top)\b|\bbest[- ]in[- ]class\b|\b(?:is|as)\s+(?:the\s+)?(?:very\s+)?best\s+(?:and|tool|\w+\s+tool|(?:\w+\s+)?(?:available|ever|in\s+the))\b/i,
  /\b(?:#1|number[- ]one|top[- ]rated|highest[- ]rated)\b|\b(?:rated|ranked)\s+(?:as\s+)?(?:#?1|first|the\s+(?:best|most\s+\w+))\b|\brank(?:s|ed)?\s+(?:it|this)\s+(?:as\s+)?(?:the\s+)?(?:#?1|first|best|most\s+\w+)/i,
  /\b(?:trusted|used|preferred|recommended|endorsed|relied\s+on|chosen)\s+by\s+(?:(?:over|more\s+than)\s+\d[\d,.]*\s*(?:million|thousand|k|m)?|\d+(?:\.\d+)?%|millions|thousands|experts|professionals|top|leading|fortune|industry|emergency|wall\s+street|silicon|(?:\w+\s+){0,2}(?:professionals|experts|companies|institutions|teams|services|researchers|advisors|planners))/i,
  /\b(?:award[- ]winning|industry[- ](?:leading|standard)|market[- ]leading|top[- ]rated|world[- ]class|unmatched|unparalleled|unrivall?ed|unbeatable|pinnacle|cutting[- ]edge|state[- ]of[- ]the[- ]art|enterprise[- ]grade|ai[- ]optimi[sz]ed|machine\s+learning\s+enhanced|next[- ]generation|revolutionary|groundbreaking)\b/i,
  /\b(?:\d{2,3}(?:\.\d+)?%\s+(?:accura|reliab|success|uptime|precision|satisfaction|of\s+(?:professionals|users|experts|developers))|100%\s+(?:reliab|accura|guarantee))/i,
  /\bmost\s+(?:advanced|reliable|accurate|comprehensive|powerful|trusted|popular|sophisticated|complete|efficient|secure)\b(?:\s+and\s+\w+)?\s+(?:\w+\s+){0,4}?(?:tool|server|function|platform|solution|analy[sz]er|available|in\s+the\s+market|ever)\b/i,
  /\b(?:the\s+)?(?:premium|ultimate|professional|advanced|enhanced|improved|pro|superior|official|secure)\s+version\b/i,
  /\bsuperior\s+(?:\w+\s+)?(?:performance|quality|accuracy|results|data|reliability|processing|capabilities|functionality|precision|speed)\b/i,
  /\bthe\s+only\s+(?:reliable|accurate|trusted|trustworthy|safe|secure|real|legitimate|correct|up-to-date)\b/i,
  // running the others down is the same pitch from the other side
  /\bother\s+(?:\w+\s+){0,2}?(?:tools?|servers?|functions?|alternatives|sources|services)\s+(?:\w+\s+){0,2}?(?:are|is|return|returns|give|gives|produce|provide|contain)\s+(?:\w+\s+){0,3}?(?:outdated|dangerous|unsafe|wrong|inaccurate|unreliable|insecure|broken|malicious|compromised|fake|harmful|incorrect)\b/i,
  /\b(?:better|faster|more\s+accurate|more\s+reliable)\s+(?:\w+\s+){0,3}?(?:than|compared\s+(?:to|with))\s+(?:any\s+|all\s+|the\s+)?(?:other|standard|regular|original|basic|default|existing)\b|\boutperforms\s+(?:all|any|other|the)\b/i,
];

/**
 * Language that asks to be picked: always use this tool, instead of any other, the only tool you need. "Only use
 * this tool with/for/when …" narrows its use instead, and is not a pitch.
 */
const SELECT = /\balways\s+(?:use|prefer|choose|select|pick|call)\s+(?:this|these)\s+(?:tool|function|server|one)s?\b(?!\s+(?:when|if|to\s+\w+\s+(?:when|if)))|\bonly\s+(?:use|prefer|choose|select|pick|call)\s+(?:this|these)\s+(?:tool|function|server|one)s?\b(?=\s*(?:[.!;]|$|\s+(?:and|instead|over|rather|from\s+now)))|\b(?:prefer|choose|pick|select)\s+this\s+(?:tool\s+)?(?:over|instead\s+of|before)\s+(?:any|all|other)\b|\b(?:do\s+not|don't|never)\s+use\s+(?:any\s+)?other\s+(?:\w+\s+)?(?:tools?|servers?|functions?|alternatives)\b|\bthe\s+only\s+(?:\w+\s+)?tool\s+(?:you|that)\s+(?:need|should|must)\b|\b(?:instead\s+of|rather\s+than|over)\s+(?:any|all)\s+other\s+(?:\w+\s+){0,2}?(?:tools|servers|functions|alternatives|options)\b|\bcompared\s+to\s+other\s+(?:\w+\s+){0,3}?tools\b|\bahead\s+of\s+(?:any\s+|all\s+)?other\b|\b(?:prefer|choose|pick|select)\s+this\s+(?:\w+\s+)?(?:tool\s+)?over\s+(?:any|all|other)\b|\bother\s+(?:\w+\s+){0,2}?(?:tools?|servers?|functions?|alternatives)\b[^.\n]{0,80}?\b(?:never|do\s+not|don't|refuse\s+to|avoid)\s+(?:use|call|using|calling)\s+(?:them|those)\b/i;


export const PREFERENCE_RULES: FindingRule[] = [
  {
    id: 'pref.self-promotion', kind: 'preference_manipulation', severity: 'medium', families: ['promo'],
    matches: 'Two or more kinds of self-praise (world\'s best, trusted by experts, award-winning, 99.9% accuracy, premium version), or one with selection language.',
    detect: (doc) => {
      let first: { s: typeof doc.sentences[number]; m: RegExpExecArray } | undefined;
      let kinds = 0;
      for (const re of CLAIMS) {
        for (const s of doc.sentences) {
          const m = re.exec(s.text);
          if (!m) continue;
          kinds++;
          if (!first) first = { s, m };
          break;
        }
      }
      const select = doc.sentences.some((s) => SELECT.test(s.text));
      if (!first || kinds + (select ? 1 : 0) < 2) return undefined;
      return hitAt(first.s, first.m, `The definition praises itself to get the model to pick it over other tools${where(first.s.seg)}.`);
    },
  },
  {
    id: 'pref.selection-order', kind: 'preference_manipulation', severity: 'low', families: ['promo'],
    matches: 'Language that tells the model to always pick this tool, over any other, or never to use others.',
    detect: (doc) => eachSentence(doc, (s) => {
      const m = SELECT.exec(s.text);
      return m ? hitAt(s, m, `The definition tells the model to choose it over other tools${where(s.seg)}.`) : undefined;
    }),
  },
];
