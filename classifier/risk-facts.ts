// What the risk rules read about one tool, derived once from its analysis and category: which parameters
// are real filesystem paths and fetched URLs, what the description says it takes, whether the store it
// acts on is personal or local.
import type { ToolAnalysis } from './analysis.ts';
import type { ServerAnalysis } from './context.ts';
import { claimsOf } from './analysis.ts';
import type { CategoryResult } from './category-types.ts';
import type { Param } from './schema-params.ts';
import type { SchemaSignals } from './schema-signals.ts';

export interface RiskFacts {
  a: ToolAnalysis;
  c: CategoryResult;
  s: SchemaSignals;
  /** The lemma of the verb that decided the category ('' when none). */
  lemma: string;
  objects: string[];
  /** The head noun of the name ('' when none). */
  head: string;
  /** The description's opening, lower-case (600 characters). */
  text: string;
  /** The description claims to run shell, code or SQL (Execute tools only). */
  runs?: 'shell' | 'code' | 'sql';
  /** Parameters that are paths on the server's filesystem (not doc paths, namespaces or glob filters). */
  fsPaths: Param[];
  /** The server bounds file access (allowed directories, a project root). */
  bounded: boolean;
  /** URL parameters the tool fetches or sends to (not an S3 URI, not a URL stored as data). */
  urls: Param[];
  /** Without a URL parameter, the description says it fetches a caller's URL or web page. */
  proseUrl: boolean;
  /** Any free input: command, code, content, URL, path, query text. */
  freeInputs: boolean;
  /** The store is personal or local: a to-do app, a game, a local scratch directory (Write and Destructive tools only, whose rules read it). */
  personal: boolean;
}

const NOT_FS = /\b(?:doc(?:umentation)?s?\s+(?:page|path)|namespace|glob|pattern|url path|api path|endpoint|route|json ?path|xpath|key ?path|s3|gs:\/\/|bucket|repository path|repo path|group path|web path|page path|jsonpath|the [a-z]+ id\b|identifier|slug)\b/i;
const FS_WORDS = /\b(?:files?|director(?:y|ies)|folders?|disk|filesystem|file system|local|absolute|\.(?:txt|json|csv|md|py|js|ts|docx?|xlsx?|pdf|png|jpe?g|ya?ml))\b/i;
const FS_NAMES = new Set(['file', 'files', 'filepath', 'filepaths', 'filename', 'dir', 'directory', 'folder', 'dirpath', 'cwd']);
const BOUNDED = /\bwithin (?:the )?(?:allowed|configured|permitted|workspace|project)\b|\ballowed director(?:y|ies)\b|\brelative to (?:the )?(?:project|workspace|repo(?:sitory)?)(?: root)?\b|\bonly works within\b|\binside the (?:workspace|project|sandbox)\b/i;
const NOT_FETCHED = /\bs3\b|\bgs:\/\/|\barn\b|\bs3:\/\/|\bbucket\b|\bredirect(?:_| )?ur[il]\b|\bcallback\b|\bwebhook\b/i;
/** A `uri` that names an item (an instrument, a resource) rather than a web address. */
const WEB = /\bhttps?\b|\bweb\b|\burl\b|\bfetch|\bdownload|\bpage\b|\bsite\b|\blink\b/i;
const STORES_URL = new Set(['create', 'update', 'add', 'set', 'save', 'store', 'register', 'edit', 'modify', 'put', 'patch', 'upsert', 'insert']);
const PROSE_URL = /\b(?:fetch|scrap|crawl|render|extract|visit|download|screenshot|navigat|check|open|load|request|retriev|read|access|get)\w*\b[^.\n]{0,25}?\b(?:urls?|web ?pages?|websites?|web sites?|webpages?)\b(?!\s+(?:of|for|filter|rule|categor)\w*\b)|\bhead request\b|\bhttp(?:s)? requests? to (?:a|any|the)\b/i;
/** Transforms of a URL string, which fetch nothing. */
const TRANSFORMS = new Set(['encode', 'decode', 'parse', 'normalize', 'validate', 'format', 'shorten', 'expand', 'build', 'generate', 'convert']);
const URL_NAME = new Set(['url', 'urls', 'webpage', 'html']);
const FETCH_NAME = new Set(['get', 'fetch', 'scrape', 'crawl', 'read', 'open', 'download', 'visit', 'render', 'screenshot', 'load', 'capture']);
const PERSONAL_SERVER = new Set(['todoist', 'taskwarrior', 'todo', 'todos', 'checklist', 'simplechecklist', 'habit', 'habits', 'journal', 'diary', 'reclaim', 'ticktick', 'things', 'game', 'games', 'minecraft', 'chess', 'taskmanager', 'taskqueue', 'tasklist', 'reminders', 'scratchpad']);
const PERSONAL_OBJECTS = new Set(['todo', 'habit', 'checkin', 'mood', 'diary', 'game', 'villager', 'reminder', 'scratchpad', 'scratch', 'bookmark', 'favorite', 'wishlist', 'wantlist', 'flashcard']);
const LOCAL_STATE = /\blocal (?:store|storage|database|db|list|scratch|memory|knowledge|notes|index|run director(?:y|ies)|state|task|tasks|queue)\b|\bstored locally\b|\bon this machine\b|\bscratch(?:pad)?\b|\bin[- ]memory\b|\bsession state\b|\bplanning workflow\b/i;

/** "The ID of the folder", "Folder identifier": a path-named parameter that holds an ID. */
const AN_ID = /\bID\b|\bIds?\b|\bidentifier\b|\buuid\b/;

/** Containers of a remote store: a path next to their ID is inside that object (`specId` + `path`), not on disk. */
const CONTAINERS = new Set(['spec', 'collection', 'repo', 'repository', 'project', 'workspace', 'bucket', 'drive', 'site', 'space', 'page', 'document', 'doc', 'notebook', 'branch', 'owner', 'container', 'share', 'vault', 'board', 'dataset', 'database', 'gist', 'snippet', 'wiki', 'namespace', 'org', 'organization']);
const ID_WORDS = new Set(['id', 'name', 'slug', 'key', 'uid', 'uuid']);

function isContainerId(p: Param): boolean {
  const t = p.tokens;
  if (!p.required || t.length === 0) return false;
  if (t.length === 1) return t[0] === 'repo' || t[0] === 'repository' || t[0] === 'bucket' || t[0] === 'owner';
  return CONTAINERS.has(t[t.length - 2]) && ID_WORDS.has(t[t.length - 1]);
}

function isFsPath(p: Param, a: ToolAnalysis): boolean {
  if (NOT_FS.test(p.description) || AN_ID.test(p.description) || p.path.toLowerCase().includes('filter')) return false;
  if (a.objects.some((o) => o === 'doc' || o === 'docs' || o === 'documentation')) return false;
  const named = p.tokens.some((t) => FS_NAMES.has(t)) || FS_NAMES.has(p.joined);
  return named || FS_WORDS.test(p.description) || FS_WORDS.test(a.lead) || a.server.domains.has('filesystem');
}

const LOCAL_HINT = /local|stored|machine|scratch|memory|session state|planning/;
const PERSONAL_OF = new WeakMap<ServerAnalysis, boolean>();

/** A to-do app, a game, a local knowledge store: computed once per server. */
function personalServer(server: ServerAnalysis): boolean {
  let p = PERSONAL_OF.get(server);
  if (p === undefined) {
    p = server.domains.has('memory');
    for (const w of server.serverWords) if (PERSONAL_SERVER.has(w)) p = true;
    PERSONAL_OF.set(server, p);
  }
  return p;
}

/** Derives the facts the rules read. */
export function riskFacts(a: ToolAnalysis, c: CategoryResult): RiskFacts {
  const s = a.schema;
  const lemma = c.verb?.lemma ?? '';
  const text = (a.description.length > 600 ? a.description.slice(0, 600) : a.description).toLowerCase();
  const runs = c.category === 'Execute' ? claimsOf(a).runs : undefined;
  const remote = s.params.find((p) => isContainerId(p));
  const fsPaths = remote ? [] : [...s.paths, ...s.outputPaths].filter((p) => isFsPath(p, a));
  const bounded = a.server.rootsBounded || (fsPaths.length > 0 && (BOUNDED.test(text) || fsPaths.some((p) => BOUNDED.test(p.description))));
  const storesUrl = c.category === 'Write' && STORES_URL.has(lemma);
  const urls = s.urls.filter((p) => !NOT_FETCHED.test(`${p.name} ${p.description}`) && !(storesUrl && !/\b(?:fetch|download|import|from)\b/i.test(p.description))
    && (p.tokens[p.tokens.length - 1] !== 'uri' || WEB.test(p.description)) && !TRANSFORMS.has(lemma));
  const nameFetches = a.tokens.some((t) => FETCH_NAME.has(t)) && a.tokens.some((t) => URL_NAME.has(t));
  const urlHint = text.includes('url') || text.includes('web') || text.includes('page') || text.includes('http') || text.includes('head request');
  const proseUrl = !urls.length && !TRANSFORMS.has(lemma) && ((urlHint && PROSE_URL.test(text)) || ((s.documented || !s.params.length) && nameFetches));
  const freeInputs = !!(s.shell || s.code || s.content.length || urls.length || fsPaths.length || s.queryLang || runs || proseUrl);
  const personal = (c.category === 'Write' || c.category === 'Destructive')
    && (personalServer(a.server) || a.objects.some((o) => PERSONAL_OBJECTS.has(o)) || (LOCAL_HINT.test(text) && LOCAL_STATE.test(text)));
  return { a, c, s, lemma, objects: a.objects, head: a.head ?? '', text, runs, fsPaths, bounded, urls, proseUrl, freeInputs, personal };
}
