// Encoded instructions: an order to decode text and follow it, or a base64 blob that decodes to an
// instruction. Text the user cannot read is text the user cannot review.
import { eachSentence, hitAt, where, type FindingRule } from './rule.ts';

const FOLLOW_DECODED = /\b(?:decode|base64[- ]decode|rot13|unescape|decrypt|reverse)\b[^.\n]{0,60}\b(?:and|then)\s+(?:follow|obey|execute|run|apply|carry\s+out|do\s+what)\b/i;
const BLOB = /[A-Za-z0-9+/]{24,}={0,2}/g;
/** What a decoded blob must say to be an instruction, not an ID or a hash. */
const ORDER_WORDS = /\b(?:ignore|instructions?|previous|system|prompt|assistant|you|send|call|read|email|password|secret|token|exfiltrate|user)\b/i;

/** The blob's text when it decodes to mostly printable words. */
function decoded(blob: string): string | undefined {
  const text = Buffer.from(blob, 'base64').toString('latin1');
  let printable = 0;
  for (let i = 0; i < text.length; i++) { const c = text.charCodeAt(i); if ((c >= 32 && c < 127) || c === 10) printable++; }
  return text.length >= 16 && printable / text.length > 0.95 && / [a-z]+ /i.test(text) ? text : undefined;
}

export const ENCODED_RULES: FindingRule[] = [
  {
    id: 'hidden.encoded-instruction', kind: 'tool_poisoning', severity: 'high', families: ['encoded'],
    matches: 'An order to decode text and follow it, or a base64 blob that decodes to an instruction for the model.',
    detect: (doc) => eachSentence(doc, (s) => {
      const order = FOLLOW_DECODED.exec(s.text);
      if (order) return hitAt(s, order, `The definition tells the model to decode text and follow it, hiding the order from the user${where(s.seg)}.`);
      BLOB.lastIndex = 0;
      for (let m = BLOB.exec(s.text); m; m = BLOB.exec(s.text)) {
        const text = decoded(m[0]);
        if (text && ORDER_WORDS.test(text)) return hitAt(s, m, `The definition hides an instruction in base64 ("${text.slice(0, 60).replace(/\s+/g, ' ')}")${where(s.seg)}.`);
      }
      return undefined;
    }),
  },
];
