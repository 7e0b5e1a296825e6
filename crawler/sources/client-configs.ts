// Local MCP client configs: Claude Desktop, Cursor, VS Code, Claude Code and Windsurf, at their standard
// paths under `home` and `cwd`, or given files. One page per file; nothing secret is kept (config-redact.ts).
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { launchFromConfig } from './config-launch.ts';
import { redactServerConfig, redactString } from './config-redact.ts';
import { isObj, readOffsetCursor, str, type Obj } from './lenient.ts';
import { packageServerName, remoteServerName } from './package-spec.ts';
import { SourceError, type ServerSource, type SourceEntry, type SourcePage } from './source.ts';

export type ClientName = 'claude-desktop' | 'cursor' | 'vscode' | 'claude-code' | 'windsurf';
export interface ConfigFile { client: ClientName | 'unknown'; path: string }

export interface ClientConfigSourceOptions {
  /** Home directory whose user-level configs are read. @default os.homedir() */
  home?: string;
  /** Project directory whose project-level configs (.mcp.json, .cursor/, .vscode/) are read. @default process.cwd() */
  cwd?: string;
  /** Read these files instead of the standard paths (a string's client is guessed from its path); a missing one is an error. @default undefined */
  files?: (string | ConfigFile)[];
  /** Only these clients' standard paths. @default all five */
  clients?: ClientName[];
}

/** Where each client keeps its config (Linux, macOS and Windows user paths, then project paths). */
export function standardConfigFiles(home: string, cwd: string): ConfigFile[] {
  const h = (...p: string[]) => join(home, ...p);
  return [
    { client: 'claude-desktop', path: h('.config', 'Claude', 'claude_desktop_config.json') },
    { client: 'claude-desktop', path: h('Library', 'Application Support', 'Claude', 'claude_desktop_config.json') },
    { client: 'claude-desktop', path: h('AppData', 'Roaming', 'Claude', 'claude_desktop_config.json') },
    { client: 'cursor', path: h('.cursor', 'mcp.json') },
    { client: 'cursor', path: join(cwd, '.cursor', 'mcp.json') },
    { client: 'vscode', path: h('.config', 'Code', 'User', 'mcp.json') },
    { client: 'vscode', path: h('Library', 'Application Support', 'Code', 'User', 'mcp.json') },
    { client: 'vscode', path: join(cwd, '.vscode', 'mcp.json') },
    { client: 'claude-code', path: h('.claude.json') },
    { client: 'claude-code', path: join(cwd, '.mcp.json') },
    { client: 'windsurf', path: h('.codeium', 'windsurf', 'mcp_config.json') },
  ];
}

/** The client a config file belongs to, from its name and folder. */
export function guessClient(path: string): ConfigFile['client'] {
  const name = basename(path);
  const dir = basename(dirname(path));
  if (name === 'claude_desktop_config.json') return 'claude-desktop';
  if (name === '.claude.json' || name === '.mcp.json') return 'claude-code';
  if (name === 'mcp_config.json') return 'windsurf';
  if (name === 'mcp.json' && dir === '.cursor') return 'cursor';
  if (name === 'mcp.json' && (dir === '.vscode' || dir === 'User')) return 'vscode';
  return 'unknown';
}

export function clientConfigSource(options: ClientConfigSourceOptions = {}): ServerSource {
  const home = resolve(options.home ?? homedir());
  const cwd = resolve(options.cwd ?? process.cwd());
  const explicit = options.files?.map((f) => (typeof f === 'string' ? { client: guessClient(f), path: resolve(f) } : { ...f, path: resolve(f.path) }));
  return {
    name: 'config',
    async *pages(cursor?: string): AsyncIterable<SourcePage> {
      const candidates = explicit ?? standardConfigFiles(home, cwd).filter((f) => !options.clients || options.clients.includes(f.client as ClientName));
      const texts = await Promise.all(candidates.map((f) => readFile(f.path, 'utf8').catch((e: NodeJS.ErrnoException) => e)));
      const found: { file: ConfigFile; text: string }[] = [];
      for (const [i, text] of texts.entries()) {
        if (typeof text === 'string') { if (!found.some((f) => f.file.path === candidates[i].path)) found.push({ file: candidates[i], text }); continue; }
        if (explicit || text.code !== 'ENOENT') {
          throw new SourceError(`cannot read MCP client config ${candidates[i].path}: ${text.message}`, text.code === 'ENOENT' ? 'E_CONFIG_NOT_FOUND' : 'E_CONFIG_READ', text);
        }
      }
      for (let i = readOffsetCursor(cursor, 'config'); i < found.length; i++) {
        const page = readConfigFile(found[i].file, found[i].text, home);
        page.nextCursor = i + 1 < found.length ? String(i + 1) : undefined;
        yield page;
      }
    },
  };
}

/** One file's servers; a file that is not JSON (comments and trailing commas allowed) is one rejected record. */
export function readConfigFile(file: ConfigFile, text: string, home: string): SourcePage {
  const shown = redactString(file.path, home);
  const page: SourcePage = { entries: [], rejected: [] };
  let json: unknown;
  try {
    json = parseJsonc(text);
  } catch (error) {
    page.rejected.push({ sourceKey: `${file.client}:${shown}`, reason: `${shown} is not valid JSON: ${(error as Error).message}` });
    return page;
  }
  if (!isObj(json)) { page.rejected.push({ sourceKey: `${file.client}:${shown}`, reason: `${shown} holds no JSON object` }); return page; }
  const groups: { scope?: string; servers: unknown }[] = [{ servers: file.client === 'vscode' ? json.servers : json.mcpServers ?? (file.client === 'unknown' ? json.servers : undefined) }];
  if (file.client === 'claude-code' && isObj(json.projects)) {
    for (const [project, settings] of Object.entries(json.projects)) if (isObj(settings)) groups.push({ scope: redactString(project, home), servers: settings.mcpServers });
  }
  for (const { scope, servers } of groups) {
    if (servers === undefined) continue;
    if (!isObj(servers)) { page.rejected.push({ sourceKey: `${file.client}:${shown}`, reason: `${shown}: the servers map is not an object` }); continue; }
    for (const [key, value] of Object.entries(servers)) {
      const sourceKey = `${file.client}:${shown}${scope ? `#${scope}` : ''}#${key}`;
      if (!isObj(value)) { page.rejected.push({ sourceKey, reason: `server "${key}" in ${shown} is not an object` }); continue; }
      page.entries.push(configEntry(file.client, key, value, sourceKey, { client: file.client, file: shown, scope, key }, home));
    }
  }
  return page;
}

function configEntry(client: string, key: string, value: Obj, sourceKey: string, where: Obj, home: string): SourceEntry {
  const { runtime, transport, launch, pkg, issues } = launchFromConfig(value, home);
  const name = pkg ? packageServerName(pkg) : launch.kind === 'remote' ? remoteServerName(launch.url) : `config:${client}:${key}`;
  return {
    source: 'config',
    sourceKey,
    raw: { ...where, config: redactServerConfig(value, home) },
    issues,
    server: {
      name, title: key, description: str(value.description) ?? null, status: 'active', runtime, transport: transport ?? null, launch,
      packageIdentifier: pkg?.identifier ?? null, packageVersion: pkg?.version ?? null, version: pkg?.version ?? null,
    },
  };
}

/** JSON with line and block comments and trailing commas (VS Code and Cursor accept them). */
export function parseJsonc(text: string): unknown {
  return JSON.parse(scanJson(scanJson(text.replace(/^\uFEFF/, ''), 'comments'), 'commas'));
}

/** One string-aware pass: drops comments, or commas that only whitespace separates from `}` or `]`. */
function scanJson(text: string, drop: 'comments' | 'commas'): string {
  let out = '';
  for (let i = 0, inString = false; i < text.length; i++) {
    const c = text[i];
    if (inString) { out += c; if (c === '\\') out += text[++i] ?? ''; else if (c === '"') inString = false; continue; }
    if (c === '"') { inString = true; out += c; continue; }
    if (drop === 'comments' && c === '/' && text[i + 1] === '/') { while (i < text.length && text[i] !== '\n') i++; out += '\n'; continue; }
    if (drop === 'comments' && c === '/' && text[i + 1] === '*') { const end = text.indexOf('*/', i + 2); i = end < 0 ? text.length : end + 1; continue; }
    if (drop === 'commas' && c === ',' && /^\s*[}\]]/.test(text.slice(i + 1, i + 200))) continue;
    out += c;
  }
  return out;
}
