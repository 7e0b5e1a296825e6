// Steering the user: the definition has the model send the person to an outside address to type a password,
// a card or a recovery phrase there, or to run or install something from it. The model becomes the phisher.
import { ADDRESS } from './lexicon.ts';
import { eachSentence, hitAt, where, type FindingRule } from './rule.ts';

/** The model is to tell, ask or advise the person (not "the user can …", which describes the tool). */
const TO_USER = /\b(?:tell|ask|advise|instruct|direct|send|prompt|urge|encourage|remind|recommend\s+to|suggest\s+to|have)\s+(?:the\s+)?users?\b|\brecommend\s+(?:to\s+the\s+user\s+)?that\s+(?:they|the\s+user)\b|\b(?:tell|ask)\s+them\b/i;
/** What the person is to hand over there (a device-flow "enter the code shown" is the tool's own code, not theirs). */
const CREDENTIAL = /\b(?:re-?enter|enter|type|confirm|verify|re-?authenticate|update|provide|submit|log\s*in|sign\s*in)\b[^.\n]{0,40}\b(?:passwords?|credentials|card\s+(?:details|number)|cvv|seed\s+phrase|recovery\s+phrase|mnemonic|private\s+key|(?:their|your)\s+(?:2fa|otp|one-time|security|verification|authentication)\s+codes?)\b/i;
/** What the person is to run or install from it. */
const RUN = /\b(?:run|install|download|execute|paste|curl|pipe)\b[^.\n]{0,60}\b(?:script|installer|package|binary|command|setup|sudo|extension|plugin|app)\b|\bwith\s+sudo\b/i;

export const STEERING_RULES: FindingRule[] = [
  {
    id: 'steer.user-to-address', kind: 'tool_poisoning', severity: 'high', families: ['say'], requires: ['address'],
    matches: 'An order to send the user to an outside address to enter a password, card or code there, or to run or install something from it.',
    detect: (doc) => eachSentence(doc, (s) => {
      const to = TO_USER.exec(s.text);
      const address = to ? ADDRESS.exec(s.text) : null;
      if (!to || !address) return undefined;
      const what = CREDENTIAL.test(s.text) ? 'enter credentials' : RUN.test(s.text) ? 'run or install something' : undefined;
      if (!what) return undefined;
      return hitAt(s, address, `The definition has the model send the user to ${address[0]} to ${what} there${where(s.seg)}.`);
    }),
  },
];
