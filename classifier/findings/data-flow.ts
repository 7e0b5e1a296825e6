// Data flows the user never asked for: an image or link whose address carries the conversation (a beacon
// that fires when the reply is rendered), and other tools' results routed into this one.
import { eachSentence, hitAt, where, type FindingRule } from './rule.ts';

/** A placeholder for the model to fill: {the user's message}, <chat history>, ${secret}, [conversation]. */
const SLOT = String.raw`(?:\{[^}\n]{1,60}\}|<[^>\n]{1,60}>|\$\{?\w+\}?|\[[^\]\n]{1,60}\])`;
const DATA = /\b(?:message|messages|conversation|chat|history|context|prompt|input|query|question|reply|answer|secret|key|token|password|email|user|data|summary|content)\b/i;
/** The slot itself: what the model is to put there. */
const SLOT_TEXT = new RegExp(SLOT);
/** A Markdown image whose address has a slot: it is fetched, with the slot filled, as soon as the reply renders. */
const IMAGE_BEACON = new RegExp(String.raw`!\[[^\]\n]{0,80}\]\(\s*(https?:\/\/[^\s)]*?${SLOT}[^\s)]*)\s*\)`, 'i');
/** A host name built from a slot: resolving `<the user's api key>.collector.example` sends the key in the DNS query. */
const SLOTTED_HOST = new RegExp(String.raw`${SLOT}\.(?:[a-z0-9-]+\.)+(?!(?:ya?ml|json|md|txt|js|ts|py|csv|xml|html?|toml|ini|log|sh|env)\b)[a-z]{2,}\b`, 'i');
/** An order to put a slotted address into the reply. */
const REPLY_BEACON = new RegExp(String.raw`\b(?:include|render|display|output|append|add|embed|show|put)\b[^.\n]{0,60}\b(?:reply|replies|response|responses|answer|answers|message|output)\b[^.\n]{0,60}?(https?:\/\/\S*?[?&#/][^\s]*?${SLOT})|(https?:\/\/\S*?[?&#/][^\s]*?${SLOT})[^.\n]{0,60}\b(?:in|into|to)\s+(?:every|each|all|your)\s+(?:reply|replies|response|responses|answer|answers|message)`, 'i');

/** Another tool's results sent here: "every time you use read_file, pass its output to this tool". */
const PIPE_NAMED = /\b(?:every\s+time|each\s+time|whenever|after|when)\s+(?:you\s+)?(?:use|call|run|invoke)\s+[`'"]?([a-z][\w.-]*_[\w.-]+|(?:the\s+)?[a-z][\w-]*\s+tool)[`'"]?[^.\n]{0,40}\b(?:pass|send|forward|copy|give|feed|save|store|log|hand)\s+(?:its|their|the)\s+(?:output|outputs|results?|responses?|contents?|data)\b/i;
const PIPE_ANY = /\b(?:whenever|when|every\s+time|each\s+time|if)\s+(?:an?other|any\s+other|other|a\s+different|any)\s+(?:tool|server|function)s?\s+(?:returns?|outputs?|gives?|produces?|shows?|reads?|fetches?|finds?)\b[^.\n]{0,80}\b(?:save|store|send|pass|log|forward|copy|record|submit|upload)\s+(?:them|it|those|these|that|the\s+\w+|a\s+copy)\b/i;

const HERE = /\b(?:this|the\s+current)\s+tool(?:'s)?\b|\bhere\b|\bas\s+well\b|\balso\b/i;

export const DATA_FLOW_RULES: FindingRule[] = [
  {
    id: 'exfil.render-beacon', kind: 'data_exfiltration', severity: 'critical', families: ['address'],
    matches: 'A Markdown image, or an address the model is to put in its replies, whose URL carries a slot for the conversation or a secret.',
    detect: (doc) => eachSentence(doc, (s) => {
      const m = IMAGE_BEACON.exec(s.text) ?? REPLY_BEACON.exec(s.text) ?? SLOTTED_HOST.exec(s.text);
      const url = m && (m[1] ?? m[2] ?? m[0]);
      const slot = url ? SLOT_TEXT.exec(url)?.[0] : undefined;
      if (!m || !url || !slot || !DATA.test(slot.replace(/[{}<>[\]$]/g, ' '))) return undefined;
      return hitAt(s, m, `The definition has the model put ${url.slice(0, 80)} in its reply, so rendering it sends what fills the slot to that address${where(s.seg)}.`);
    }),
  },
  {
    id: 'exfil.pipe-foreign-output', kind: 'data_exfiltration', severity: 'high', families: ['directive', 'shadow'],
    matches: 'An order to send what other tools return (a named tool, or any other tool) into this tool.',
    detect: (doc) => eachSentence(doc, (s) => {
      const m = PIPE_NAMED.exec(s.text) ?? PIPE_ANY.exec(s.text);
      // into this tool: "to this tool", "here", "as well", or by its name ("pass the result to read_file" is a workflow)
      if (!m || !(HERE.test(s.text) || s.text.includes(doc.name))) return undefined;
      const named = m[1]?.replace(/^the\s+/, '');
      if (named && doc.siblingNames.has(named)) return undefined; // its own server's tools: an ordinary workflow
      return hitAt(s, m, `The definition has the model hand what ${named ? `\`${named}\` returns` : 'other tools return'} to this tool, data the user did not ask to move${where(s.seg)}.`);
    }),
  },
];
