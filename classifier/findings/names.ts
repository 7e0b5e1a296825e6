// Names that imitate other tools: the same name as another server's tool spelled differently
// (Playwright_Navigate), a known name with a flattering prefix (best_create_repository), look-alike
// letters from other scripts, and, for information, an exact collision with another server's tool.
import { foreignEntry } from '../catalogue.ts';
import { nameKey } from '../tokens.ts';
import type { FindingRule, FindingDoc, RuleHit } from './rule.ts';

/** Cyrillic and Greek letters that look like Latin ones (the common confusables). */
const CONFUSABLE: Record<string, string> = {
  'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's', 'ԁ': 'd', 'ո': 'n', 'һ': 'h', 'ԛ': 'q', 'ԝ': 'w',
  'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T', 'Х': 'X', 'І': 'I', 'Ј': 'J', 'Ѕ': 'S',
  'ο': 'o', 'α': 'a', 'ν': 'v', 'ρ': 'p', 'ι': 'i', 'κ': 'k', 'υ': 'u', 'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K',
  'Μ': 'M', 'Ν': 'N', 'Ο': 'O', 'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X', 'ı': 'i', 'ɡ': 'g', 'ɑ': 'a', 'ʟ': 'L',
};
const CONFUSABLE_RE = new RegExp(`[${Object.keys(CONFUSABLE).join('')}]`, 'g');
const NON_ASCII = /[^\x00-\x7f]/;

/** The name with look-alike letters replaced by the Latin ones they imitate (NFKC folds full-width and math letters). */
export function skeleton(name: string): string {
  return name.normalize('NFKC').replace(CONFUSABLE_RE, (c) => CONFUSABLE[c]);
}

/** A flattering or "newer" prefix or suffix added to a known name. */
const PROMO_AFFIX = /^(?:best|premium|ultimate|super|top|pro|official|trusted|verified|secure|enhanced|advanced|improved|better|smart|new|real|true|fast|turbo|plus|max|latest|number_?one|no1)(?:_tool_for_|_for_|_|-)|(?:_|-)(?:pro|plus|premium|ultimate|enhanced|advanced|improved|official|secure|verified|new|v2|v3|2|latest|best|max)$/i;
/** Prefixes that only praise: enough alone, with a known name behind them. */
const PRAISE = /^(?:best|premium|ultimate|super|top|official|trusted|verified|number_?one|no1)|(?:premium|ultimate|best|official|verified)$/i;

/** Every word PROMO_AFFIX knows, for a cheap look-up before the pattern runs. */
const AFFIX_WORDS = new Set(['best', 'premium', 'ultimate', 'super', 'top', 'pro', 'official', 'trusted', 'verified', 'secure', 'enhanced', 'advanced',
  'improved', 'better', 'smart', 'new', 'real', 'true', 'fast', 'turbo', 'plus', 'max', 'latest', 'number', 'numberone', 'no1', 'v2', 'v3', '2']);
function firstWord(name: string): string {
  let end = 0;
  while (end < name.length && name[end] !== '_' && name[end] !== '-') end++;
  return name.slice(0, end).toLowerCase();
}
const lastWord = (name: string) => name.slice(Math.max(name.lastIndexOf('_'), name.lastIndexOf('-')) + 1).toLowerCase();

function hit(doc: FindingDoc, message: string, severity?: RuleHit['severity']): RuleHit {
  const seg = doc.segments[0];
  return { seg, at: 0, length: seg.text.length, message, ...(severity ? { severity } : {}) };
}

/** A sibling or catalogue tool whose name key is `key`, named for messages. */
function known(doc: FindingDoc, key: string): string | undefined {
  if (key === doc.selfKey) return undefined;
  if (doc.siblingKeys.has(key)) return 'a tool of this server';
  const entry = doc.catalogue?.get(key);
  return entry ? `\`${entry.name}\` of ${entry.server}` : undefined;
}

const TITLE_SNAKE = /^[A-Z][a-z0-9]*(?:[_-][A-Z0-9][a-z0-9]*)+$/;

/** Most of this server's tools share the name's capitalised style: its convention, not an imitation. */
function serverStyle(doc: FindingDoc): boolean {
  const others = [...doc.siblingNames].filter((n) => n !== doc.name);
  return others.length >= 2 && others.filter((n) => TITLE_SNAKE.test(n) || /[A-Z]/.test(n)).length * 2 >= others.length;
}

export const NAME_RULES: FindingRule[] = [
  {
    id: 'names.homoglyph', kind: 'invisible_characters', severity: 'high',
    matches: 'A tool name with letters from other scripts or full-width forms that look like Latin ones.',
    detect: (doc) => {
      if (!NON_ASCII.test(doc.name)) return undefined;
      const plain = skeleton(doc.name);
      if (plain === doc.name || NON_ASCII.test(plain)) return undefined;
      const imitated = known(doc, nameKey(plain));
      return hit(doc, `The tool's name uses look-alike letters from another script to read as \`${plain}\`${imitated ? `, imitating ${imitated}` : ''}.`);
    },
  },
  {
    id: 'names.lookalike', kind: 'shadowing', severity: 'medium',
    matches: 'A name that matches another server\'s tool except for letter case (Playwright_Navigate beside playwright_navigate); other naming conventions (camelCase, kebab-case) are not counted.',
    detect: (doc) => {
      const entry = foreignEntry(doc.catalogue, doc.selfKey, doc.server);
      // Title_Case beside the conventional snake_case original; UPPER_CASE and single words are conventions
      if (entry && entry.name !== doc.name && entry.name.toLowerCase() === doc.name.toLowerCase() && entry.name === entry.name.toLowerCase()
        && /[_-]/.test(doc.name) && doc.name !== doc.name.toUpperCase() && !serverStyle(doc)) {
        return hit(doc, `The tool's name imitates \`${entry.name}\` of ${entry.server}, spelled differently, so the model may call it in that tool's place.`);
      }
      return undefined;
    },
  },
  {
    id: 'names.promoted-copy', kind: 'preference_manipulation', severity: 'medium',
    matches: 'A known tool\'s name (of this server or another) with a flattering prefix or suffix: best_, premium_, _pro, _v2.',
    detect: (doc) => {
      if (!AFFIX_WORDS.has(firstWord(doc.name)) && !AFFIX_WORDS.has(lastWord(doc.name))) return undefined;
      const m = PROMO_AFFIX.exec(doc.name);
      if (!m) return undefined;
      const rest = doc.name.slice(0, m.index) + doc.name.slice(m.index + m[0].length);
      const original = known(doc, nameKey(rest));
      if (!original) return undefined;
      const praise = PRAISE.test(doc.name);
      return hit(doc, `The tool's name is ${original} with "${m[0].replace(/[_-]/g, '')}" added, to be picked in its place.`, praise ? undefined : 'low');
    },
  },
  {
    id: 'names.collision', kind: 'shadowing', severity: 'low',
    matches: 'A name that another server of the catalogue also uses (clients that merge servers may call the wrong one).',
    detect: (doc) => {
      const entry = foreignEntry(doc.catalogue, doc.selfKey, doc.server);
      if (!entry || entry.name !== doc.name || entry.servers > 3) return undefined;
      return hit(doc, `Another server (${entry.server}) has a tool of the same name; with both connected, the model may call the wrong one.`);
    },
  },
];
