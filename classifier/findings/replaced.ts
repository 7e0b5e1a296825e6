// Characters the store could not hold: the crawler's normalization (db/normalize-text.ts) writes U+2400 for a
// NUL and U+FFFD for a lone surrogate, so their presence in a stored definition says the server sent them. A NUL
// cuts text short in C-string viewers and logs, hiding what follows from a reviewer: a poisoning signal.
import { NUL_MARK, SURROGATE_MARK } from '../../db/normalize-text.ts';
import type { FindingRule } from './rule.ts';

const MARKS = new RegExp(`[${NUL_MARK}${SURROGATE_MARK}]`, 'g');

export const REPLACED_RULES: FindingRule[] = [
  {
    id: 'invisible.replaced-characters', kind: 'invisible_characters', severity: 'medium', families: ['nonAscii'],
    matches: 'NUL characters (stored as U+2400 ␀) and lone UTF-16 surrogates (stored as U+FFFD �): characters no database text can hold, which servers send to cut text short or break parsers.',
    detect: (doc) => {
      if (!doc.text.includes(NUL_MARK) && !doc.text.includes(SURROGATE_MARK)) return undefined;
      let nul = 0;
      let lone = 0;
      let first: { seg: (typeof doc.segments)[number]; at: number } | undefined;
      for (const seg of doc.segments) {
        MARKS.lastIndex = 0;
        for (let m = MARKS.exec(seg.text); m; m = MARKS.exec(seg.text)) {
          if (m[0] === NUL_MARK) nul++; else lone++;
          first ??= { seg, at: m.index };
        }
      }
      if (!first) return undefined;
      const parts = [nul && `${nul} NUL character${nul === 1 ? '' : 's'} (shown as ␀)`, lone && `${lone} lone surrogate${lone === 1 ? '' : 's'} (shown as �)`].filter(Boolean);
      return { ...first, length: 1, message: `The server sent ${parts.join(' and ')}, which no database text can hold: they cut text short in many viewers and logs, hiding what follows.` };
    },
  },
];
