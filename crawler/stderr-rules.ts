// Named rules that read a failed server's own output (stderr, the non-JSON lines of stdout, a JSON-RPC error
// message) and say why it failed. This is the one file that matches text, and only text written by the server or
// by npm, never our own errors' messages. Each rule has an id, recorded on the attempt with the line it matched.

export type DiagnosisKind = 'unsupported_runtime' | 'needs_network' | 'needs_credentials' | 'not_an_mcp_server';

export interface OutputRule {
  id: string;
  kind: DiagnosisKind;
  /** Tested against each line on its own. */
  pattern: RegExp;
  /** What the match means, in words for the attempt's message. */
  says: (match: RegExpExecArray) => string;
  /** What the line is about, when a retry can act on it (the variable a server asked for). */
  subject?: (match: RegExpExecArray) => string | undefined;
}

const node = process.versions.node;

/** In priority order: the first rule matching any line wins (a runtime that cannot load the code comes first). */
export const OUTPUT_RULES: readonly OutputRule[] = [
  {
    id: 'node-missing-export', kind: 'unsupported_runtime',
    pattern: /requested module '([^']+)' does not provide an export named '([^']+)'/,
    says: (m) => `it imports ${m[2]} from ${m[1]}, which Node.js ${node} does not have (it needs a newer Node.js)`,
  },
  {
    id: 'node-missing-builtin', kind: 'unsupported_runtime',
    pattern: /No such built-in module: (\S+)|ERR_UNKNOWN_BUILTIN_MODULE.*?(node:\S+)?/,
    says: (m) => `it loads the built-in module ${m[1] ?? m[2] ?? '(unknown)'}, which Node.js ${node} does not have`,
  },
  {
    id: 'node-version-required', kind: 'unsupported_runtime',
    pattern: /(?:requires?|needs?|supports? only|please (?:use|upgrade to)) Node(?:\.js)?(?: version)? *(v?\d+(?:\.\d+)*(?: or (?:newer|higher|later)|\+)?|>= ?\d+(?:\.\d+)*)/i,
    says: (m) => `it asks for Node.js ${m[1]} (this is ${node})`,
  },
  {
    id: 'native-addon-missing', kind: 'unsupported_runtime',
    pattern: /Could not locate the bindings file|could not load the native (\S+) addon|Cannot find module '([^']+\.node)'/i,
    says: (m) => `its native addon${m[1] ? ` (${m[1]})` : m[2] ? ` (${m[2].split('/').pop()})` : ''} is missing: the install script that builds or downloads it is not run when crawling`,
  },
  {
    id: 'placeholder-endpoint', kind: 'needs_credentials',
    pattern: /(?:ECONNREFUSED|connect\S*) 127\.0\.0\.1:9\b|127\.0\.0\.1:9\/mcp-risk-placeholder/,
    says: () => 'it tried to reach the placeholder endpoint given for a URL it needs (a real one is required)',
  },
  {
    id: 'dns-lookup-failed', kind: 'needs_network',
    pattern: /\b(?:getaddrinfo )?(EAI_AGAIN|ENOTFOUND)\b ?([\w.-]+\.[a-z]{2,})?/,
    says: (m) => `a DNS lookup${m[2] ? ` of ${m[2]}` : ''} failed (${m[1]}): it needs the network`,
  },
  {
    id: 'name-resolution-failed', kind: 'needs_network',
    pattern: /Temporary failure in name resolution|Name or service not known|nodename nor servname|Could not resolve host:? ?(\S+)?|No address associated with hostname/i,
    says: () => 'a name lookup failed: it needs the network',
  },
  {
    id: 'network-unreachable', kind: 'needs_network',
    pattern: /\b(ENETUNREACH|EHOSTUNREACH)\b|Network is unreachable/,
    says: () => 'no route to the network inside the sandbox: it needs the network',
  },
  {
    id: 'fetch-failed', kind: 'needs_network',
    pattern: /\bfetch failed\b|\bFetchError\b|request to https?:\/\/\S+ failed/i,
    says: () => 'a fetch() failed inside the sandbox: it needs the network',
  },
  {
    id: 'npm-offline', kind: 'needs_network',
    pattern: /\bENOTCACHED\b|npm (?:error|ERR!) network\b/,
    says: () => 'npm (npx) could not download a package inside the sandbox: it needs the network',
  },
  {
    id: 'missing-variable', kind: 'needs_credentials',
    pattern: /\b([A-Z][A-Z0-9]*_[A-Z0-9_]+)\b[^.]{0,60}\b(?:is required|are required|required|is not set|not set|must be (?:set|provided)|is missing|missing)\b|\b(?:missing|required|set the|please set|no)\b[^.]{0,40}\benv(?:ironment)?(?: |_)?var(?:iable)?s?\b[^.]{0,40}?\b([A-Z][A-Z0-9]*_[A-Z0-9_]+)?|\b[Pp]lease (?:set|provide|export|define|configure) (?:the |your )?([A-Z][A-Z0-9]*_[A-Z0-9_]+)\b/,
    says: (m) => `it stopped asking for ${m[1] ?? m[2] ?? m[3] ?? 'an environment variable'}`,
    subject: (m) => m[1] ?? m[2] ?? m[3],
  },
  {
    id: 'credential-required', kind: 'needs_credentials',
    pattern: /\b(api[ _-]?key|access[ _-]?token|auth(?:entication)? token|token|credentials?|client[ _-]?(?:id|secret)|password)\b[^.]{0,50}\b(?:is required|required|missing|not (?:set|provided|found|configured)|invalid|must be (?:set|provided))\b|\b(?:missing|no|invalid)\b[^.]{0,20}\b(api[ _-]?key|access[ _-]?token|credentials?)\b/i,
    says: (m) => `it stopped asking for ${m[1] ?? m[2] ?? 'a credential'}`,
  },
  {
    id: 'configuration-required', kind: 'needs_credentials',
    pattern: /\b(?:connection|configuration|config|connection string|dsn)\b[^.]{0,40}\b(?:is required|are required|required|missing|not (?:set|provided|configured))\b/i,
    says: () => 'it stopped asking for a connection or configuration a placeholder cannot stand in for',
  },
  {
    id: 'login-required', kind: 'needs_credentials',
    pattern: /\bnot (?:logged|signed) in\b|\bplease (?:log ?in|login|sign in|authenticate)\b|\brun [`'"]?[\w-]+ (?:auth )?login\b|\bauthentication (?:failed|required)\b|\bunauthori[sz]ed\b/i,
    says: () => 'it asks for a login',
  },
  {
    id: 'http-service', kind: 'not_an_mcp_server',
    pattern: /\b(?:listening|running|started|serving)\b[^.]{0,30}\b(?:on|at) (?:port \d+|https?:\/\/\S+)/i,
    says: () => 'it starts an HTTP service instead of speaking MCP on stdio',
  },
  {
    id: 'usage-text', kind: 'not_an_mcp_server',
    pattern: /^\s*usage:\s+\S+/i,
    says: () => 'its executable printed usage text instead of speaking MCP',
  },
];

export interface RuleMatch { rule: OutputRule; line: string; says: string; subject?: string }

/** Lines worth reading: trimmed, without stack frames and npm's log-file footer. */
export function tellingLines(text: string | undefined): string[] {
  return (text ?? '').split(/\r?\n/).map((l) => l.trim())
    .filter((l) => l && !/^at\s/.test(l) && !/^npm (?:error|ERR!) (?:A complete log of this run|code\b|errno\b|syscall\b|\d{3}$)/.test(l) && !/^Node\.js v\d/.test(l) && !/^[\]\[{}(),^~\s]+$/.test(l));
}

/** The first rule, in priority order, that matches one of the texts' lines. */
export function matchRules(texts: (string | undefined)[], rules: readonly OutputRule[] = OUTPUT_RULES): RuleMatch | undefined {
  const lines = texts.flatMap(tellingLines);
  for (const rule of rules) {
    for (const line of lines) {
      const m = rule.pattern.exec(line);
      if (m) return { rule, line, says: rule.says(m), subject: rule.subject?.(m) };
    }
  }
  return undefined;
}

/** Entry points a CLI's usage text offers for running as an MCP server, most specific first. */
const SUBCOMMANDS = ['mcp', 'stdio', 'serve', 'server'] as const;

/**
 * The subcommand a usage text names for starting the server (`mcp`, `stdio`, `serve`, `server`), when the text is
 * usage (it says "usage" or lists commands) and lists that word as a command: at the start of an indented line, or
 * right after the program's name.
 */
export function usageSubcommand(text: string | undefined, programs: string[] = []): string | undefined {
  if (!text || !/\busage\b|^\s*commands?:/im.test(text)) return undefined;
  const names = programs.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  for (const word of SUBCOMMANDS) {
    const listed = new RegExp(`^\\s{1,12}${word}(?:\\s|,|$|\\s*\\[)`, 'm').test(text);
    const afterName = names && new RegExp(`(?:^|[\\s\`'"])(?:${names})\\s+${word}\\b`, 'm').test(text);
    if (listed || afterName) return word;
  }
  return undefined;
}

/**
 * The flag a server's own output offers for running without a real backend (`--demo`, `--mock`, `--sample`,
 * `--offline`), when the same line says what it stands in for ("demo mode", "in-memory", "sample data", "without
 * a database", ...): a server that stopped for a missing connection lists its tools that way.
 */
export function offeredDemoFlag(text: string | undefined): string | undefined {
  for (const line of tellingLines(text)) {
    const flag = /(?:^|[\s(`'"])(--(?:demo|mock|sample|offline|example)(?:-(?:mode|data|db))?)(?![\w=-])/i.exec(line)?.[1];
    if (flag && /\b(?:demo|mock(?:ed)?|sample|example|offline|in-memory|fake|test data|without (?:a |any )?(?:real |live )?(?:database|connection|server|account|credentials|api key))\b/i.test(line.replace(flag, ''))) return flag.toLowerCase();
  }
  return undefined;
}

/** Valid values a server named when it rejected an argument (zod, yargs, commander, "must be one of"). */
export function namedChoices(text: string | undefined): string[] {
  const found: string[][] = [];
  for (const line of (text ?? '').split(/\r?\n/)) {
    const zod = /Expected ((?:'[^']+'(?: \| )?)+), received/.exec(line);
    if (zod) found.push([...zod[1].matchAll(/'([^']+)'/g)].map((m) => m[1]));
    const listed = /(?:Choices|Allowed choices are|must be one of|valid (?:values|options) are|one of)[:\s]+((?:["'`]?[\w.-]+["'`]?(?:,\s*|\s+or\s+|\s*\|\s*|\s+)?)+)/i.exec(line);
    if (listed) found.push(listed[1].split(/,\s*|\s+or\s+|\s*\|\s*|\s+/).map((s) => s.replace(/["'`]/g, '')).filter(Boolean));
  }
  return found.sort((a, b) => b.length - a.length)[0] ?? [];
}

/** What a line of `npm install --loglevel=silly` output tells the installer. */
export type NpmSignal = 'foreign-dependency' | 'fetch-failed' | 'not-found' | 'no-version' | 'git-failed' | 'unreachable' | 'optional-missing';

export interface NpmRule { id: string; signal: NpmSignal; pattern: RegExp }

/** npm's own lines, read while it runs: the first capture is the URL or spec the line is about. */
export const NPM_RULES: readonly NpmRule[] = [
  // A dependency that is not a registry package: git, a GitHub shorthand, a tarball URL. Allowed a short budget.
  { id: 'npm-foreign-dependency', signal: 'foreign-dependency', pattern: /^npm silly fetch manifest (\S+?@(?:git\+\S+|git:\S+|github:\S+|gitlab:\S+|bitbucket:\S+|https?:\/\/\S+|[\w.-]+\/[\w.-]+(?:#\S+)?))$/ },
  // An optional dependency (a platform binary) the registry cannot give: npm places it without a version and goes on.
  { id: 'npm-optional-missing', signal: 'optional-missing', pattern: /^npm silly placeDep \S+ ((?:@[^@\s/]+\/)?[^@\s]+)@ OK for: (\S+) want: (\S+)$/ },
  { id: 'npm-fetch-attempt-failed', signal: 'fetch-failed', pattern: /^npm http fetch GET (https?:\/\/\S+) attempt \d+ failed with (\w+)/ },
  { id: 'npm-not-found', signal: 'not-found', pattern: /^npm (?:error|ERR!) 404 Not Found - GET (https?:\/\/\S+)/ },
  { id: 'npm-no-matching-version', signal: 'no-version', pattern: /^npm (?:error|ERR!) notarget No matching version found for (\S+?)\.?$/ },
  { id: 'npm-git-failed', signal: 'git-failed', pattern: /^npm (?:error|ERR!) (?:command git .*?(\S*(?:github|gitlab|bitbucket)\S*)|.*(?:fatal: unable to access|Could not resolve host).*)/ },
  { id: 'npm-unreachable', signal: 'unreachable', pattern: /^npm (?:error|ERR!) (?:request to (https?:\/\/\S+) failed|code (?:ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET)\b)/ },
];

export function matchNpmLine(line: string): { rule: NpmRule; subject?: string; groups: string[] } | undefined {
  for (const rule of NPM_RULES) {
    const m = rule.pattern.exec(line);
    if (m) return { rule, subject: m[1], groups: m.slice(1) };
  }
  return undefined;
}

/** The npm error line that names the failure: not its `code` line, a bare `404`, or the log-file footer. */
export function npmErrorLine(stderr: string): string | undefined {
  const lines = stderr.split(/\r?\n/).map((l) => l.trim()).filter((l) => /^npm (?:error|ERR!) /.test(l))
    .map((l) => l.replace(/^npm (?:error|ERR!) /, '').trim())
    .filter((l) => l && !/^(?:A complete log of this run|code \S+$|errno \S+$|\d{3}$|\d{3} +Note that|\d{3} +tarball)/.test(l));
  return lines[0];
}
