// What a tool is for, read from its name: a canonical verb and the things it acts on, so that
// `send_email`, `sendMail` and `email-send` share the key `send mail`, and `readFile` and `get_files`
// share `get file`. The site links tools with the same key on other servers as tools of the same
// purpose. Names without a known verb, or with more than three objects, have none.
import { singular } from '../../assets/search-tokens.js';

const VERBS: Record<string, string> = {
  get: 'get', fetch: 'get', read: 'get', retrieve: 'get', show: 'get', describe: 'get', view: 'get', lookup: 'get', load: 'get', cat: 'get',
  list: 'list', ls: 'list', enumerate: 'list', browse: 'list',
  search: 'search', find: 'search', query: 'search', grep: 'search',
  create: 'create', add: 'create', new: 'create', insert: 'create', make: 'create', mkdir: 'create',
  update: 'update', edit: 'update', modify: 'update', patch: 'update', set: 'update', change: 'update', upsert: 'update',
  delete: 'delete', remove: 'delete', rm: 'delete', destroy: 'delete', drop: 'delete', erase: 'delete', purge: 'delete', trash: 'delete',
  send: 'send', post: 'send', publish: 'send', notify: 'send', reply: 'send',
  run: 'run', execute: 'run', exec: 'run', invoke: 'run', call: 'run', eval: 'run', evaluate: 'run',
  write: 'write', save: 'write', put: 'write', upload: 'write', store: 'write',
  download: 'download', export: 'download',
  move: 'move', mv: 'move', rename: 'move',
  copy: 'copy', cp: 'copy', clone: 'copy', duplicate: 'copy',
  start: 'start', launch: 'start', stop: 'stop', kill: 'stop', terminate: 'stop', cancel: 'cancel',
  pay: 'pay', charge: 'pay', refund: 'refund', transfer: 'transfer',
  merge: 'merge', deploy: 'deploy', navigate: 'navigate', goto: 'navigate', click: 'click', screenshot: 'screenshot',
  translate: 'translate', summarize: 'summarize', analyze: 'analyze', analyse: 'analyze',
};

const NOUNS: Record<string, string> = {
  email: 'mail', mail: 'mail', e: '', msg: 'message', message: 'message', dm: 'message',
  file: 'file', doc: 'document', document: 'document', repo: 'repository', repository: 'repository',
  pr: 'pull-request', dir: 'directory', directory: 'directory', folder: 'directory',
  contents: 'content', content: 'content', db: 'database', database: 'database', table: 'table',
  issue: 'issue', ticket: 'issue', user: 'user', member: 'user', event: 'event', meeting: 'event',
  page: 'page', url: 'page', web: 'web', webpage: 'page', cmd: 'command', command: 'command', shell: 'command',
  sql: 'sql', payment: 'payment', invoice: 'invoice', customer: 'customer', image: 'image', picture: 'image', photo: 'image',
};

/** Words that say nothing about the purpose. */
const STOP = new Set(['a', 'an', 'the', 'by', 'for', 'of', 'to', 'in', 'on', 'at', 'from', 'with', 'all', 'my', 'id', 'ids', 'info', 'details',
  'detail', 'data', 'mcp', 'tool', 'tools', 'api', 'v1', 'v2', 'v3', 'one', 'item', 'items', 'new', 'current', 'and', 'or']);

/** The name's words, lowercased: split on separators, camelCase and digits. */
export function nameWords(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}


/** The purpose key of a tool name (`verb object...`), or null when the name has no known verb or too many objects. */
export function purposeKey(name: string): string | null {
  const words = nameWords(name.slice(0, 200));
  if (words.length < 2 || words.length > 6) return null;
  const at = words.findIndex((w) => Object.hasOwn(VERBS, w));
  if (at < 0) return null;
  const objects = new Set<string>();
  for (const [i, w] of words.entries()) {
    if (i === at || STOP.has(w) || /^\d+$/.test(w)) continue;
    const one = singular(w);
    const noun = Object.hasOwn(NOUNS, one) ? NOUNS[one] : one;
    if (noun) objects.add(noun);
  }
  if (objects.size < 1 || objects.size > 3) return null;
  return `${VERBS[words[at]]} ${[...objects].sort().join(' ')}`;
}

/** Tools of one purpose under several names: how many tools in all, and a few of each name (most common names first). */
export interface PurposeEntry { purpose: string; count: number; names: number; refs: { server: string; tool: string; name: string }[] }
