// Parameter-derived signals (DESIGN §4): free-text command, code, SQL or query; paths; URLs; recipients;
// amounts; bulk or recursive flags; credentials and permissions; action enums.
import { recipients, type RecipientKind } from './recipients.ts';
import { isSelector } from './router.ts';
import { isFreeText, schemaParams, type Param } from './schema-params.ts';
import { singular } from './tokens.ts';

export type { RecipientKind };


export interface SchemaSignals {
  params: Param[];
  /** The parameters come from the description's argument list, not from an input schema. */
  documented: boolean;
  shell?: Param;
  code?: Param;
  /** Free-text query in a query language; `writable` when the language can change data. */
  queryLang?: { param: Param; lang: string; writable: boolean };
  /** Free-text search terms (natural language). */
  search?: Param;
  paths: Param[];
  /** Paths the tool saves its output to (`savePath`, `outputDir`, "file to save the screenshot to"). */
  outputPaths: Param[];
  urls: Param[];
  /** A relative API path (`/api/org`) the credentials reach. */
  endpoint?: Param;
  recipients: { param: Param; kind: RecipientKind }[];
  amounts: Param[];
  currency?: Param;
  bulk: Param[];
  credentials: Param[];
  permissions: Param[];
  /** An action/operation enum: the verbs a multi-operation tool can perform. */
  actions?: { param: Param; values: string[] };
  /** A sub-command selector without listed values (a router's `command`, "the command to execute against the tool"). */
  selector?: Param;
  /** A `mode` enum: read as actions only when the name names none. */
  modes?: { param: Param; values: string[] };
  /** HTTP methods a generic request tool accepts. */
  methods?: { param: Param; values: string[] };
  /** A free-text resource kind (`kind`, `resourceType`): "any resource of any kind". */
  kind?: Param;
  /** A dry-run or preview switch that defaults to on. */
  dryRunDefault?: Param;
  /** Required identifier parameters (`id`, `issue_id`, `name`). */
  ids: Param[];
  /** Free-text content: body, text, message, content. */
  content: Param[];
}

const SHELL = new Set(['command', 'cmd', 'commandline', 'shell', 'bash', 'powershell', 'cmdline']);
const CODE = new Set(['script', 'javascript', 'js', 'python', 'snippet', 'code', 'function', 'source', 'program']);
/** Parameter and name words for query text. */
export const QUERY: ReadonlySet<string> = new Set(['sql', 'query', 'statement', 'cypher', 'soql', 'gremlin', 'sparql', 'graphql', 'promql', 'logql', 'kql', 'jql', 'expr']);
const SEARCH = new Set(['q', 'query', 'search', 'keyword', 'keywords', 'term', 'terms', 'prompt', 'question']);
const PATH = new Set(['path', 'paths', 'file', 'files', 'filepath', 'filename', 'dir', 'directory', 'folder', 'cwd', 'dirpath', 'filepaths']);
const URL = new Set(['url', 'uri', 'href', 'urls', 'webhook', 'link', 'website']);
const AMOUNT = new Set(['amount', 'price', 'cost', 'total', 'quantity', 'qty', 'fee', 'budget', 'notional', 'amounts', 'sum']);
const BULK = new Set(['recursive', 'force', 'all', 'bulk', 'cascade', 'purge', 'overwrite', 'prune', 'hard', 'permanent', 'wipe', 'everything', 'deep', 'forced']);
const CREDENTIAL = new Set(['password', 'secret', 'token', 'apikey', 'credential', 'credentials', 'passphrase', 'mnemonic', 'privatekey', 'pat']);
const PERMISSION = new Set(['permission', 'permissions', 'role', 'roles', 'scope', 'scopes', 'acl', 'privilege', 'privileges', 'access']);
const ACTION = new Set(['action', 'operation', 'op', 'method', 'command', 'cmd', 'subcommand', 'verb', 'operations', 'actions']);
const KIND = new Set(['kind', 'resourcetype', 'resourcekind', 'objecttype', 'resource']);
const ID_TAIL = new Set(['id', 'ids', 'uid', 'key', 'name', 'slug', 'number', 'iid', 'sha', 'ref', 'uuid']);
const CONTENT = new Set(['body', 'content', 'text', 'message', 'html', 'markdown', 'data', 'payload']);

const WRITABLE_LANG = /\b(?:sql|postgres(?:ql)?|mysql|sqlite|t-sql|cypher|gremlin|sparql|n1ql|cql|hql|influxql|clickhouse|snowflake|athena|bigquery|duckdb|mssql|oracle|graphql mutation)\b/i;
const READ_LANG = /\b(?:soql|sosl|promql|logql|traceql|kql|kusto|lucene|jql|wiql|esql|spl|flux|jq|jsonpath|xpath|graphql)\b/i;
const READ_ONLY_CLAIM = /read[- ]only(?:(?! mode)|(?= mode\b[^.\n]{0,20}\bonly\b))|only (?:select|read)|select (?:statements|queries) only|only select|only supports? select|cannot (?:modify|write)|does not modify|non-mutating|no (?:writes|mutations)|(?:insert|update|delete|drop)\b[^.\n]{0,60}\b(?:are |is )?not (?:supported|allowed|permitted)/i;
const MUTATION = /mutation/i;
/** A query run against a data store whose language the definition does not name: it can be anything the store accepts. */
const DATA_STORE_QUERY = /\b(?:database|db|linked service|data ?source|data ?store|warehouse|dataset|datasets|table|tables|data lake|lakehouse|cluster)\b/i;
const CLI = /\b(?:kubectl|helm|az|aws|gcloud|gsutil|terraform|docker|oc|eksctl)\b/i;
const OUTPUT = new Set(['save', 'output', 'out', 'dest', 'destination', 'export', 'download']);
const SAVES_TO = /\b(?:save[sd]?|saving|write[sn]?|written|writing)\b|\boutput (?:file|path|dir|directory|folder)\b/i;
const EXPRESSION = /\b(?:expression|jsonpath|xpath|selector)\b/i;
const RUN_WORD = /\b(?:run|execut|evaluat|eval)\w*/i;
const HTTP_METHOD = /^(?:get|post|put|patch|delete)$/i;
const QUOTED = /'([a-z][a-z0-9_-]{1,40})'|"([a-z][a-z0-9_-]{1,40})"|`([a-z][a-z0-9_-]{1,40})`/g;

const LIST_TAIL = new Set(['list', 'array', 'batch']);
/** What a list of strings holds: `sql_list` and `statements` hold SQL statements. */
function itemNoun(p: Param): string | undefined {
  if (p.type !== 'array') return undefined;
  const n = p.tokens.length;
  return singular(n > 1 && LIST_TAIL.has(p.tokens[n - 1]) ? p.tokens[n - 2] : p.last);
}

function stringValues(values: unknown[] | undefined): string[] {
  return values ? values.filter((v): v is string => typeof v === 'string') : [];
}

/** Action-like params without an enum often list their operations in quotes in the description. */
function quotedValues(text: string): string[] {
  const out: string[] = [];
  QUOTED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QUOTED.exec(text)) !== null && out.length < 30) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

/** The query language a parameter takes: named by the parameter first, then by the tool. */
function queryLanguage(p: Param, toolText: string): string | undefined {
  for (const text of [p.name, p.description, toolText]) {
    const w = WRITABLE_LANG.exec(text);
    const r = READ_LANG.exec(text);
    // the language named first: "WIQL, a SQL-like language" is WIQL
    const m = w && r ? (r.index < w.index ? r : w) : w ?? r;
    if (m) return m[0];
  }
  return undefined;
}

/** How evidence names a query language: "SQL text", or "free-text queries" when the definition names none. */
export function langLabel(lang: string): string {
  return lang === 'query' ? 'free-text queries' : `${lang.toUpperCase()} text`;
}

/** Reads the parameter signals of one tool; its name and description give context. */
export function schemaSignals(inputSchema: Record<string, unknown> | undefined, toolName: string, description = '', documented?: (description: string) => Param[]): SchemaSignals {
  const toolText = `${toolName} ${description.length > 600 ? description.slice(0, 600) : description}`;
  const declared = schemaParams(inputSchema);
  const params = declared.length || !documented ? declared : documented(description);
  // every field present from the start (optional ones undefined): one object shape for all tools
  const s: SchemaSignals = {
    params, documented: params !== declared, shell: undefined, code: undefined, queryLang: undefined, search: undefined, paths: [], outputPaths: [],
    urls: [], endpoint: undefined, recipients: [], amounts: [], currency: undefined, bulk: [], credentials: [], permissions: [], actions: undefined,
    selector: undefined, modes: undefined, methods: undefined, kind: undefined, dryRunDefault: undefined, ids: [], content: [],
  };
  for (const p of params) {
    const t = p.last;
    const all = p.joined;
    const free = isFreeText(p);
    const nested = p.path.includes('[]');
    const ctx = p.description + ' ' + toolText;
    const selector = (ACTION.has(t) || ACTION.has(all)) && !nested && isSelector(p, description, params);
    if (free && (SHELL.has(t) || SHELL.has(all)) && !selector) {
      s.shell ??= p;
    } else if (free && (t === 'args' || t === 'arguments') && CLI.test(toolText)) {
      s.shell ??= p;
    } else if (free && CODE.has(t) && (t !== 'code' && t !== 'source' && t !== 'function' || RUN_WORD.test(ctx))) {
      s.code ??= p;
    } else if (free && (QUERY.has(t) || QUERY.has(all) || QUERY.has(itemNoun(p) ?? ''))) {
      const noun = QUERY.has(t) || QUERY.has(all) ? t : itemNoun(p)!;
      // "query" and "statement" name no language: only a query run against a data store is one
      const lang = queryLanguage(p, toolText) ?? (noun !== 'query' && noun !== 'statement' ? noun : DATA_STORE_QUERY.test(toolText) && RUN_WORD.test(toolText) ? 'query' : undefined);
      if (lang) {
        const name = lang.toLowerCase();
        // GraphQL only reads unless the definition speaks of mutations
        const writable = (!READ_LANG.test(name) || (name === 'graphql' && MUTATION.test(ctx))) && !READ_ONLY_CLAIM.test(ctx);
        if (!s.queryLang || (writable && !s.queryLang.writable)) s.queryLang = { param: p, lang: name, writable };
      } else s.search ??= p;
    } else if (free && SEARCH.has(t)) {
      s.search ??= p;
    }
    if ((p.type === 'string' || p.type === 'array') && !p.values) {
      if ((PATH.has(t) || p.tokens.includes('path')) && !p.tokens.includes('json') && !EXPRESSION.test(p.description)) {
        if (p.tokens.some((w) => OUTPUT.has(w)) || SAVES_TO.test(p.description)) s.outputPaths.push(p);
        else s.paths.push(p);
      }
      if (URL.has(t) || p.format === 'uri' || p.format === 'url' || all === 'endpointurl') s.urls.push(p);
      if (t === 'endpoint' && !s.endpoint) s.endpoint = p;
    }
    if (AMOUNT.has(t) && (p.type === 'number' || p.type === 'integer' || p.type === 'string')) s.amounts.push(p);
    if (t === 'currency' || all === 'currencycode') s.currency ??= p;
    if ((p.type === 'boolean' || p.type === 'any') && (BULK.has(t) || BULK.has(all) || p.tokens[0] === 'force' || p.tokens[0] === 'delete' && p.tokens[1] === 'all')) s.bulk.push(p);
    if (CREDENTIAL.has(t) || CREDENTIAL.has(all) || (all.endsWith('key') && (all.endsWith('apikey') || all.endsWith('privatekey')))) s.credentials.push(p);
    if (PERMISSION.has(t) || PERMISSION.has(all)) s.permissions.push(p);
    if (!nested && (ACTION.has(t) || ACTION.has(all))) {
      const values = stringValues(p.values);
      const listed = values.length ? values : free ? quotedValues(p.description) : [];
      if (t === 'method' && listed.some((v) => HTTP_METHOD.test(v))) s.methods ??= { param: p, values: listed };
      else if (listed.length && !s.actions) s.actions = { param: p, values: listed };
      else if (!listed.length && selector) s.selector ??= p;
    } else if (!nested && t === 'mode' && !s.modes) {
      const values = stringValues(p.values);
      if (values.length) s.modes = { param: p, values };
    }
    if (free && !nested && KIND.has(all)) s.kind ??= p;
    if ((p.tokens.includes('dry') || t === 'preview' || all === 'validateonly' || all === 'planonly') && p.default === true) s.dryRunDefault ??= p;
    if (p.required && !nested && ID_TAIL.has(t)) s.ids.push(p);
    if (free && !nested && CONTENT.has(t)) s.content.push(p);
  }
  s.recipients = recipients(params);
  return s;
}
