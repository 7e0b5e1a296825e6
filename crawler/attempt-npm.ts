// attemptServer for an npm package: read its releases, choose the version (choose-version.ts) and refuse one whose
// engines this Node.js cannot satisfy without running it, install it, choose the executable, and list with the
// record's arguments, retrying as the failures say (listing-retries.ts).
import { failedAttempt, versionColumns } from './attempt-common.ts';
import { DependencyUnreachableError, NotAnMcpServerError, UnsupportedRuntimeError } from './attempt-errors.ts';
import { serverTexts } from './diagnose.ts';
import { ListToolsError, stderrSummary } from './errors.ts';
import type { AttemptOptions, AttemptResult } from './attempt-types.ts';
import { chooseVersion, runsOn } from './choose-version.ts';
import { partsOf } from './command-line.ts';
import type { PackageLaunch } from './launch.ts';
import { listWithRetries } from './listing-retries.ts';
import { npmPlan } from './npm-command.ts';
import { binsOf } from './npm-entry.ts';
import { executableOf, installNpmPackage, type Executable, type InstalledPackage } from './npm-install.ts';
import { fetchPackument } from './npm-packument.ts';
import { readNpmRuntimeArgs } from './runtime-arguments.ts';

export async function attemptNpm(launch: PackageLaunch, options: AttemptOptions): Promise<AttemptResult> {
  const declared = launch.version;
  const fail = (error: unknown, details: Record<string, unknown>, listed?: string): AttemptResult =>
    ({ ...failedAttempt(error, details), ...versionColumns(declared, listed) });
  let packument;
  try {
    packument = await fetchPackument(launch.identifier, { registry: options.npmRegistry });
  } catch (error) {
    return fail(error, { declaredVersion: declared ?? null });
  }
  const choice = chooseVersion(declared, packument.versions, { latest: packument.latest });
  if (!choice.ok) {
    const error = new UnsupportedRuntimeError(`not run: ${choice.reason}`, { evidence: `engines.node "${choice.range}" (${packument.url})`, rule: 'npm-engines', range: choice.range, summary: `it needs Node.js ${choice.range}; this crawler runs Node.js ${process.versions.node}` });
    return fail(error, { declaredVersion: declared ?? null, runtime: `node ${process.versions.node}` });
  }
  const details: Record<string, unknown> = {
    declaredVersion: declared ?? null, listedVersion: choice.version, versionChoice: choice.why,
    ...(choice.passedOver.length ? { passedOver: choice.passedOver } : {}),
    ...(choice.why !== 'declared' && declared ? { note: `the registry has no usable ${declared}; listed ${choice.version} (${choice.why === 'same-major' ? 'nearest of the same major' : 'newest that runs on this Node.js'})` } : {}),
  };
  let installed;
  try {
    installed = await installNpmPackage(launch.identifier, choice.version, {
      cacheDir: options.cacheDir, timeoutMs: options.installTimeoutMs, registry: options.npmRegistry, foreignDependencyTimeoutMs: options.foreignDependencyTimeoutMs,
    });
  } catch (error) {
    return fail(error, details, choice.version);
  }
  details.installedVersion = installed.version;
  if (!runsOn(installed.manifest, process.versions.node)) {
    const range = installed.manifest.engines!.node!;
    const error = new UnsupportedRuntimeError(`not run: ${installed.version} needs Node.js ${range}, this runtime is ${process.versions.node}`, { evidence: `package.json engines.node "${range}"`, rule: 'npm-engines', range, summary: `it needs Node.js ${range}; this crawler runs Node.js ${process.versions.node}` });
    return fail(error, details, installed.version);
  }
  const bins = Object.keys(binsOf(installed.manifest));
  const reading = readNpmRuntimeArgs(partsOf(launch.runtimeArgs ?? [], launch.placeholders?.runtimeArgs), { identifier: launch.identifier, bins });
  if (reading.dropped.length) details.runtimeArgumentsDropped = reading.dropped;
  let exe;
  try {
    exe = await executableOf(installed, reading.bin);
  } catch (error) {
    return fail(error, details, installed.version);
  }
  details.executable = { name: exe.entry.name, why: exe.entry.why, ...(exe.entry.others.length ? { others: exe.entry.others } : {}) };
  const listed = await listWithRetries((variant) => npmPlan(launch, installed, exe, reading, variant), options, { programs: bins, optional: launch.optional, env: launch.env }, details);
  return { ...explainFailure(listed, installed, exe), ...versionColumns(declared, installed.version) };
}

const OSES = ['linux', 'darwin', 'win32', 'windows', 'freebsd', 'openbsd', 'android', 'sunos', 'aix'];
const ARCHES = ['x64', 'arm64', 'ia32', 'arm', 'ppc64', 'ppc64le', 's390x', 'riscv64', 'loong64'];

/** Whether a platform package (`pkg-linux-x64-gnu`) is for this machine: npm skips the others by design. */
function forThisPlatform(name: string): boolean {
  const tokens = name.toLowerCase().split(/[-_./@]+/);
  const os = tokens.filter((t) => OSES.includes(t));
  const arch = tokens.filter((t) => ARCHES.includes(t));
  return (!os.length || os.includes(process.platform)) && (!arch.length || arch.includes(process.arch)) && !(process.platform === 'linux' && tokens.includes('musl'));
}

const UNEXPLAINED = new Set(['crashed', 'protocol_error', 'timeout', 'not_an_mcp_server']);

/**
 * A failure the package's install explains: an optional dependency npm could not get (a platform binary the
 * registry lacks) that the crash names is dependency_unreachable; a package without "bin" whose `main` did not
 * speak MCP is not an MCP server.
 */
function explainFailure(result: AttemptResult, installed: InstalledPackage, exe: Executable): AttemptResult {
  if (!UNEXPLAINED.has(result.status)) return result;
  const inner = result.failure instanceof ListToolsError ? result.failure : (result.failure as { cause?: unknown } | undefined)?.cause;
  const texts = inner instanceof ListToolsError ? serverTexts(inner).join('\n') : '';
  const missing = installed.missingOptional?.find((m) => forThisPlatform(m.name) && (texts.includes(m.name) || texts.includes(m.by.replace(/@[^@]*$/, ''))));
  if (missing) {
    const why = `npm could not get ${missing.name}@${missing.wanted}, an optional dependency of ${missing.by}, and the server needs it`;
    return { ...result, ...failedAttempt(new DependencyUnreachableError(why, { evidence: missing.line, rule: 'npm-optional-missing', summary: why }), result.details) };
  }
  if (exe.entry.why === 'main' || exe.entry.why === 'start-script') {
    const proof = result.evidence ?? (inner instanceof ListToolsError ? stderrSummary(inner.stderrTail) : undefined) ?? result.status;
    const evidence = `package.json has no "bin"; its ${exe.entry.why === 'main' ? 'main' : 'start script\'s'} ${exe.entry.file} did not speak MCP: ${proof}`;
    return { ...result, ...failedAttempt(new NotAnMcpServerError(`${installed.manifest.name}@${installed.version} declares no executable, and its ${exe.entry.file} is not a stdio server`, { evidence, rule: 'npm-main-not-mcp', summary: 'the package declares no executable, and its main file is not a stdio MCP server' }), result.details) };
  }
  return result;
}
