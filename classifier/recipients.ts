// Recipients of a message or call: `to`, `phone_number`, `email`, `channel_id`. Only where the tool has
// a recipient-like parameter at all, so a `to` time bound or a sender address is not a recipient.
import type { Param } from './schema-params.ts';

export type RecipientKind = 'phone' | 'email' | 'chat' | 'generic';
export interface Recipient { param: Param; kind: RecipientKind }

const PHONE = /\bphone|e\.164|\+\d{6,}|\bsms\b|\bcall(?:ee)?\b/i;
const EMAIL = /e-?mail|@/i;
const RECIPIENT_WORDS = /\b(?:recipients?|address(?:es)?|users?|channels?|numbers?|contacts?|destination|send)\b/i;
const SENDER = /(?:^|\.)(?:from|sender|replyTo|reply_to|author)(?:\.|$)/i;
const TO = new Set(['to', 'recipient', 'recipients', 'cc', 'bcc', 'tonumber', 'toemail']);

/** The recipient parameters of a tool, with what they address. */
export function recipients(params: Param[]): Recipient[] {
  const messaging = params.some((p) => {
    const t = p.last;
    const all = p.joined;
    return TO.has(t) || TO.has(all) || t === 'phone' || all === 'phonenumber' || p.tokens[0] === 'channel' || p.tokens[0] === 'chat';
  });
  if (!messaging) return [];
  const out: Recipient[] = [];
  for (const p of params) {
    if (p.path.includes('[]') || p.values || p.type !== 'string' || SENDER.test(p.path)) continue;
    const t = p.last;
    const all = p.joined;
    const ctx = p.name + ' ' + p.description;
    if (t === 'to' && !PHONE.test(ctx) && !EMAIL.test(ctx) && !RECIPIENT_WORDS.test(p.description)) continue;
    if (TO.has(t) || TO.has(all)) out.push({ param: p, kind: PHONE.test(ctx) ? 'phone' : EMAIL.test(ctx) ? 'email' : 'generic' });
    else if (t === 'phone' || all === 'phonenumber') out.push({ param: p, kind: 'phone' });
    else if (t === 'email' || t === 'emails' || all === 'emailaddress' || all === 'toaddress') out.push({ param: p, kind: 'email' });
    else if ((p.tokens[0] === 'channel' || p.tokens[0] === 'chat' || all === 'conversationid') && !p.path.includes('.')) out.push({ param: p, kind: 'chat' });
  }
  return out;
}
