// `npm install` watched line by line (npm's silly log on stderr): a dependency from outside the registry (git, a
// tarball URL) gets a short budget and fails at its first DNS or connect error instead of npm's minute of retries;
// every failure is classified by the npm line that names it (rules in stderr-rules.ts).
import { spawn } from 'node:child_process';
import { DependencyUnreachableError, PackageNotFoundError } from './attempt-errors.ts';
import { InstallError } from './install-error.ts';
import { packumentPath } from './npm-packument.ts';
import { matchNpmLine, npmErrorLine } from './stderr-rules.ts';

export interface NpmRunOptions {
  cwd: string;
  /** The package being installed, to tell its own 404 from a dependency's. */
  identifier: string;
  /** Registry base URL: fetches from elsewhere are foreign dependencies. */
  registry: string;
  /** Wall-clock limit for the whole install. @default 120000 */
  timeoutMs?: number;
  /** How long a dependency from outside the registry may take once npm starts on it. @default 15000 */
  foreignDependencyTimeoutMs?: number;
  /** @default 'npm' */
  npm?: string;
}

/** Variables npm may need from ours: never database URLs or API keys. */
const PASS = ['npm_config_cache', 'npm_config_registry', 'NPM_CONFIG_REGISTRY', 'HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY', 'https_proxy', 'http_proxy', 'no_proxy'];

/** An optional dependency npm could not get and skipped, e.g. a platform binary the mirror lacks. */
export interface MissingOptional { name: string; wanted: string; by: string; line: string }

/** Resolves with the optional dependencies npm skipped. */
export function runNpmInstall(args: string[], options: NpmRunOptions): Promise<{ missingOptional: MissingOptional[] }> {
  const { cwd, identifier, registry, timeoutMs = 120_000, foreignDependencyTimeoutMs = 15_000, npm = 'npm' } = options;
  const registryHost = new URL(registry).host;
  const ownPath = `/${packumentPath(identifier)}`;
  const spec = args.at(-1);
  return new Promise((resolve, reject) => {
    const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? cwd };
    for (const key of PASS) if (process.env[key]) env[key] = process.env[key]!;
    const child = spawn(npm, [...args.slice(0, -1), '--loglevel=silly', spec!], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let tail = '';
    let partial = '';
    let settled = false;
    let foreignTimer: NodeJS.Timeout | undefined;
    const missingOptional: MissingOptional[] = [];
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(foreignTimer);
      if (error) { child.kill('SIGKILL'); reject(error); } else resolve({ missingOptional });
    };
    const unreachable = (evidence: string, rule: string, why: string) =>
      finish(new DependencyUnreachableError(`npm install ${spec}: ${why}`, { evidence, rule, summary: why }));
    const onLine = (line: string) => {
      const hit = matchNpmLine(line);
      if (!hit) return;
      const { rule, subject = '' } = hit;
      if (rule.signal === 'optional-missing') missingOptional.push({ name: subject, by: hit.groups[1], wanted: hit.groups[2], line });
      if (rule.signal === 'foreign-dependency' && !foreignTimer) {
        foreignTimer = setTimeout(() => unreachable(line, rule.id, `a dependency from outside the registry did not arrive within ${foreignDependencyTimeoutMs} ms (${subject})`), foreignDependencyTimeoutMs);
      }
      if (rule.signal === 'fetch-failed' && safeHost(subject) !== registryHost) unreachable(line, rule.id, `a dependency from outside the registry cannot be fetched (${subject})`);
    };
    const timer = setTimeout(() => finish(new InstallError(`npm install ${spec} took longer than ${timeoutMs} ms`, 'E_INSTALL_TIMEOUT', true)), timeoutMs);
    child.stderr.on('data', (d: Buffer) => {
      const text = partial + d.toString();
      const lines = text.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (/^npm (?:error|ERR!|warn|http fetch GET \S+ attempt)/.test(line)) tail = (tail + line + '\n').slice(-8000);
        onLine(line.trim());
      }
    });
    child.on('error', (e) => finish(new InstallError(`cannot run ${npm}: ${e.message}`, 'E_INSTALL')));
    child.on('close', (code) => {
      if (partial) onLine(partial.trim());
      if (code === 0) return finish();
      finish(classifyFailure(tail, { spec: spec!, ownPath, registryHost, code }));
    });
  });
}

const safeHost = (url: string) => { try { return new URL(url).host; } catch { return ''; } };

/** The error a failed install's npm lines prove. */
function classifyFailure(stderr: string, facts: { spec: string; ownPath: string; registryHost: string; code: number | null }): Error {
  const line = npmErrorLine(stderr) ?? `exit ${facts.code}`;
  let registryTrouble = false;
  for (const raw of stderr.split('\n')) {
    const hit = matchNpmLine(raw.trim());
    if (!hit) continue;
    const { rule, subject = '' } = hit;
    const evidence = raw.trim();
    if (rule.signal === 'not-found') {
      const url = safeHost(subject) ? new URL(subject) : undefined;
      if (url && url.host === facts.registryHost && decodeURIComponent(url.pathname).toLowerCase() === decodeURIComponent(facts.ownPath).toLowerCase()) {
        return new PackageNotFoundError(`the registry has no package ${facts.spec}`, { evidence, rule: rule.id, summary: `the registry has no package ${facts.spec}` });
      }
      return new DependencyUnreachableError(`npm install ${facts.spec}: a dependency is not in the registry (${subject})`, { evidence, rule: rule.id, summary: `a dependency is not in the registry (${subject})` });
    }
    if (rule.signal === 'no-version') {
      if (subject === facts.spec) return new InstallError(`npm install ${facts.spec} failed: ${line}`, 'E_NO_VERSION');
      return new DependencyUnreachableError(`npm install ${facts.spec}: the registry lacks a dependency's version (${subject})`, { evidence, rule: rule.id, summary: `the registry lacks a dependency's version (${subject})` });
    }
    if (rule.signal === 'git-failed') return new DependencyUnreachableError(`npm install ${facts.spec}: a git dependency cannot be fetched`, { evidence, rule: rule.id, summary: 'a git dependency cannot be fetched' });
    if (rule.signal === 'unreachable') {
      if (subject && safeHost(subject) !== facts.registryHost) {
        return new DependencyUnreachableError(`npm install ${facts.spec}: a dependency from outside the registry cannot be fetched (${subject})`, { evidence, rule: rule.id, summary: `a dependency from outside the registry cannot be fetched (${subject})` });
      }
      registryTrouble = true; // the registry itself: worth another try later
    }
  }
  return new InstallError(`npm install ${facts.spec} failed (exit ${facts.code}): ${line}`, 'E_INSTALL', registryTrouble);
}
