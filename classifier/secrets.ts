// Secrets inside a definition (API keys, tokens, private keys) and invisible or control characters.
// A parameter *named* `token` is not a secret: only values shaped like real credentials count.
import type { Finding } from './types.ts';
import { excerpt } from './definition-text.ts';

const SECRET_SHAPES: { label: string; re: RegExp }[] = [
  { label: 'an OpenAI or Anthropic API key', re: /\bsk-(?:proj-|ant-(?:api\d\d-)?|svcacct-)?[A-Za-z0-9_-]{20,}/g },
  { label: 'a Stripe secret key', re: /\b[rs]k_(?:live|test)_[A-Za-z0-9]{16,}/g },
  { label: 'a GitHub token', re: /\bgh[pousr]_[A-Za-z0-9]{30,}|\bgithub_pat_[A-Za-z0-9_]{40,}/g },
  { label: 'an AWS access key id', re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { label: 'a Slack token', re: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { label: 'a Slack webhook URL', re: /hooks\.slack\.com\/services\/T[A-Z0-9]{6,}\/B[A-Z0-9]{6,}\/[A-Za-z0-9]{16,}/g },
  { label: 'a Google API key', re: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { label: 'a GitLab token', re: /\bglpat-[A-Za-z0-9_-]{20,}/g },
  { label: 'a Hugging Face token', re: /\bhf_[A-Za-z0-9]{30,}/g },
  { label: 'an npm token', re: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { label: 'a JSON Web Token', re: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g },
  { label: 'a private key', re: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----\s*[A-Za-z0-9+\/=\r\n]{40,}/g },
];

const PLACEHOLDER = /example|sample|dummy|placeholder|your|xxxx|\*\*\*|\.\.\.|<|>|0{6,}|1234567|abcdef|redacted|fake|test123/i;

/** Shannon entropy in bits per character. */
function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) { const p = n / s.length; h -= p * Math.log2(p); }
  return h;
}

function mask(secret: string): string {
  return secret.length <= 10 ? '****' : `${secret.slice(0, 6)}…(${secret.length} chars)`;
}

const QUICK = /\bsk-|\b[rs]k_|\bgh[pousr]_|github_pat_|\bAKIA|\bASIA|\bxox|hooks\.slack|\bAIza|\bglpat-|\bhf_|\bnpm_|\beyJ|PRIVATE KEY/;

/** Credentials shaped like real ones (not placeholders such as sk-... or AKIAIOSFODNN7EXAMPLE). */
export function secretFindings(text: string): Finding[] {
  if (!QUICK.test(text)) return [];
  for (const { label, re } of SECRET_SHAPES) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const value = m[0];
      if (PLACEHOLDER.test(value)) continue;
      if (label !== 'a private key' && entropy(value) < 3.2) continue;
      return [{ kind: 'secret_in_definition', severity: 'critical', message: `The definition contains what looks like ${label}; it is exposed to every client that lists this tool.`, excerpt: mask(value) }];
    }
  }
  return [];
}

const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|[\u{E0000}-\u{E007F}]|\u001B\[[0-9;?]*[A-Za-z]|[\u0000-\u0008\u000B\u000C\u000E-\u001A\u001C-\u001F\u007F]/gu;
/** A fast, non-Unicode-mode pre-check for any character INVISIBLE could match (tag characters start with \uDB40). */
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uDB40]/;
const BIDI_OR_TAG = /[\u202A-\u202E\u2066-\u2069]|[\u{E0000}-\u{E007F}]|\u001B/u;
const JOINER_NEIGHBOUR = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Hebrew}\p{Script=Syriac}]/u;

/** Zero-width characters, bidi overrides, Unicode tag characters and ANSI escapes. */
export function invisibleFindings(text: string): Finding[] {
  if (!SUSPECT.test(text)) return [];
  INVISIBLE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let count = 0;
  let first: RegExpExecArray | null = null;
  let severe = false;
  while ((m = INVISIBLE.exec(text)) !== null) {
    const ch = m[0];
    if (ch === '\u200D' || ch === '\u200C') {
      // zero-width joiners inside emoji sequences and joining scripts are legitimate
      const before = text.slice(Math.max(0, m.index - 2), m.index);
      const after = text.slice(m.index + 1, m.index + 3);
      if (JOINER_NEIGHBOUR.test(before) || JOINER_NEIGHBOUR.test(after)) continue;
    }
    if (ch === '\uFEFF' && m.index === 0) continue;
    count++;
    first ??= m;
    if (BIDI_OR_TAG.test(ch)) severe = true;
  }
  if (!first) return [];
  return [{
    kind: 'invisible_characters',
    severity: severe ? 'high' : 'medium',
    message: `The definition contains ${count} invisible or control character${count === 1 ? '' : 's'} (${severe ? 'bidi overrides, tag characters or terminal escapes' : 'zero-width or control characters'}) that can hide text from a human reviewer.`,
    excerpt: excerpt(text, first.index, first[0].length, 30),
  }];
}
