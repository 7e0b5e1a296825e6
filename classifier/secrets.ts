// Secrets inside a definition (API keys, tokens, private keys, connection strings with a password).
// A parameter *named* `token` is not a secret: only values shaped like real credentials count.
import type { FindingRule } from './findings/rule.ts';

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
  { label: 'a connection string with a password', re: /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver|ftp|sftp|smtps?|ldaps?):\/\/[^\s:@\/'"`]{1,64}:[^\s@\/'"`]{6,128}@[^\s\/'"`]{3,}/g },
];

const PLACEHOLDER = /example|sample|dummy|placeholder|your|xxxx|\*\*\*|\.\.\.|<|>|\$\{|\{\{|0{6,}|1234567|abcdef|redacted|fake|test123|password|passwd|secret|changeme|localhost|127\.0\.0\.1|user:pass|username|mypass/i;

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

const QUICK_SHAPES = /\bsk-|\b[rs]k_|\bgh[pousr]_|github_pat_|\bAKIA|\bASIA|\bxox|hooks\.slack|\bAIza|\bglpat-|\bhf_|\bnpm_|\beyJ|PRIVATE KEY/;
/** Whether any shape could match: a literal prefix, or a URL with user information (`://` and `@`). */
const QUICK = { test: (text: string) => QUICK_SHAPES.test(text) || (text.includes('://') && text.includes('@')) };

/** A credential shaped like a real one (not a placeholder such as sk-... or AKIAIOSFODNN7EXAMPLE). */
export function findSecret(text: string): { label: string; value: string; index: number } | undefined {
  if (!QUICK.test(text)) return undefined;
  for (const { label, re } of SECRET_SHAPES) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const value = m[0];
      if (PLACEHOLDER.test(value)) continue;
      if (label !== 'a private key' && entropy(value) < 3.2) continue;
      return { label, value, index: m.index };
    }
  }
  return undefined;
}

export const SECRET_RULES: FindingRule[] = [
  {
    id: 'secret.credential-shape', kind: 'secret_in_definition', severity: 'critical', families: ['secret'],
    matches: 'Values shaped like real credentials: provider API keys and tokens, private keys, JSON Web Tokens, connection strings with a password.',
    detect: (doc) => {
      if (!findSecret(doc.text)) return undefined;
      for (const seg of doc.segments) {
        const s = findSecret(seg.text);
        if (s) return { seg, at: s.index, length: s.value.length, excerpt: mask(s.value), message: `The definition contains what looks like ${s.label}; it is exposed to every client that lists this tool.` };
      }
      return undefined;
    },
  },
];
