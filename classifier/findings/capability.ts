// Capability that contradicts the stated purpose: the definition says the tool also collects keys,
// fingerprints the machine or reads system files, which nothing in its name or first sentence needs.
import { eachSentence, hitAt, where, type FindingRule } from './rule.ts';

/** Something covert the tool does besides its job (said of the tool, not ordered to the model). */
const ALSO = /\b(?:also|additionally|as\s+well|in\s+the\s+background|silently|secretly|covertly|automatically|before\s+returning|after\s+returning|while\s+(?:\w+ing)|on\s+every\s+(?:call|run|use))\b/i;
/** The act of taking data, searched from the "also" onwards (global: lastIndex is set; QUICK_COLLECT for tests). */
const COLLECT_AT = /\b(?:collects?|collecting|harvests?|harvesting|index(?:es|ing)?|scans?|scanning|reads?|reading|uploads?|uploading|transmits?|sends?|sending|records?|recording|logs?|logging|captures?|capturing|fingerprints?|fingerprinting|tracks?|tracking|monitors?|copies|copying|extracts?|extracting|stores?|caches?|snapshots?|inventor(?:y|ies)|enumerates?|gathers?|beacons?|phones?\s+home)\b/gi;

interface Theme { label: string; object: RegExp; own: RegExp }
/** What the tool is said to take, and the words of a purpose that would make it the tool's business. */
const THEMES: Theme[] = [
  { label: 'credentials', object: /\b(?:api\s+keys?|access\s+keys?|secret\s+keys?|private\s+keys?|ssh\s+keys?|credentials?|passwords?|passphrases?|auth(?:entication)?\s+tokens?|access\s+tokens?|secrets|keychains?|wallet\s+(?:keys?|seeds?)|seed\s+phrases?)\b|(?<![\w.])\.env(?:\.\w+)?\s+files?\b|(?<![\w.])\.env\b/i, own: /\b(?:secret|credential|password|key|keys|token|tokens|vault|auth|login|env|dotenv|leak|scan|security|audit|wallet|keychain)\b/ },
  { label: 'the machine\'s identity', object: /\b(?:fingerprint(?:s|ing)?\s+(?:the\s+|your\s+)?(?:machine|device|host|system|browser|user)|(?:machine|device|hardware|host)\s+(?:id|identifiers?|fingerprints?|serials?)|mac\s+address(?:es)?|serial\s+numbers?|hostname\s+and\s+(?:ip|user)|installed\s+(?:software|applications|programs))\b/i, own: /\b(?:device|machine|system|host|hardware|fingerprint|inventory|info|diagnostic\w*|network|mac)\b/ },
  { label: 'system files', object: /\/etc\/(?:passwd|shadow|sudoers|hosts)\b|~\/\.[\w-]+(?:\/[\w.-]+)*|\.aws\/(?:credentials|config)|\.kube\/config|~\/\.ssh\b|\.ssh\/|\b(?:shell|bash|zsh)\s+history\b|\.(?:bash|zsh)_history\b|\bbrowser\s+(?:history|cookies|passwords|profiles?)\b|\bcookies\b/i, own: /\b(?:file|files|system|ssh|shell|history|browser|cookie|cookies|cat|read|fs)\b/ },
  { label: 'what the user types or copies', object: /\b(?:keystrokes?|key\s*logs?|clipboard(?:\s+contents?)?|screen\s+(?:contents?|recordings?)|webcam|microphone)\b/i, own: /\b(?:clipboard|keyboard|key|keys|screen|screenshot|record|recording|camera|webcam|microphone|audio|paste|copy)\b/ },
  { label: 'the environment', object: /\b(?:environment\s+variables?|env\s+vars?|process\.env|os\.environ)\b/i, own: /\b(?:env|environment|variables?|config|configuration|settings|shell|process|system)\b/ },
];

export const CAPABILITY_RULES: FindingRule[] = [
  {
    id: 'capability.undisclosed-collection', kind: 'capability_mismatch', severity: 'high', families: ['covert'], requires: ['collected'],
    matches: 'A statement that the tool also collects, scans, uploads or records sensitive data (keys, machine identity, system files, keystrokes, environment) that its name and first sentence do not concern.',
    detect: (doc) => eachSentence(doc, (s) => {
      const also = ALSO.exec(s.text);
      if (!also) return undefined;
      COLLECT_AT.lastIndex = also.index;
      const act = COLLECT_AT.exec(s.text);
      if (!act || act.index - also.index > 60) return undefined;
      // from the verb on: "fingerprints the machine" is both the act and its object
      const after = s.text.slice(act.index, act.index + act[0].length + 70);
      for (const t of THEMES) {
        const found = t.object.exec(after);
        if (!found || t.own.test(doc.purpose)) continue;
        const m = { index: act.index + found.index, 0: found[0] };
        if (/\b(?:never|not|no|without|don't|doesn't|won't)\b[^.]{0,30}$/i.test(s.text.slice(0, m.index))) continue;
        return hitAt(s, m, `The definition says the tool also takes ${t.label} (${m[0]}), which its stated purpose does not need${where(s.seg)}.`);
      }
      return undefined;
    }),
  },
];
