// How the crawler runs a server: derived from a registry record's packages and remotes.
import { placeholderFor, substituteVariables, type InputSpec } from './placeholders.ts';

/** A declared input the record gives no value for (optional, no default): left out unless a probe needs it. */
export interface OptionalInput { where: 'arg' | 'runtimeArg' | 'env'; name: string; description?: string; format?: string; choices?: string[] }

export interface PackageLaunch {
  kind: 'package'; registryType: string; identifier: string; version?: string; args: string[]; env: Record<string, string>;
  /** The record's runtimeArguments as tokens; each runtime reads them its own way (runtime-arguments.ts). */
  runtimeArgs?: string[];
  /** The record's runtimeHint (npx, uvx, docker, dnx). */
  runtimeHint?: string;
  /** Which values are placeholders of ours rather than declared: indices into args and runtimeArgs, env names. */
  placeholders?: { args?: number[]; runtimeArgs?: number[]; env?: string[] };
  /** Environment variables the record marks secret (their values are never recorded). */
  secrets?: string[];
  optional?: OptionalInput[];
}

export type Launch =
  | PackageLaunch
  | { kind: 'remote'; transport: 'streamable-http' | 'sse'; url: string; headers: { name: string; required: boolean }[] }
  | { kind: 'command'; command: string; args: string[]; env: Record<string, string> }
  | { kind: 'unsupported'; reason: string };

interface Argument extends InputSpec { type?: string; isRequired?: boolean; isRepeated?: boolean; isSecret?: boolean; variables?: Record<string, InputSpec> }
interface Package {
  registryType?: string; identifier?: string; version?: string; runtimeHint?: string;
  transport?: { type?: string; url?: string };
  packageArguments?: Argument[]; runtimeArguments?: Argument[];
  environmentVariables?: (InputSpec & { isRequired?: boolean; isSecret?: boolean; variables?: Record<string, InputSpec> })[];
}
interface Remote { type?: string; url?: string; headers?: { name?: string; isRequired?: boolean }[]; variables?: Record<string, InputSpec> }

export interface BuiltArguments { args: string[]; placeholders: number[]; optional: OptionalInput[] }

/** Whether a value is ours (no value, default or choice was declared): then it is marked as a placeholder. */
const declaredValue = (spec: InputSpec) => (spec.value !== undefined && spec.value !== '') || (spec.default !== undefined && spec.default !== '') || !!spec.choices?.length;

/** Command-line arguments from registry argument specs: given values, defaults, a choice or a placeholder when required. */
export function buildArguments(specs: Argument[] | undefined, where: 'arg' | 'runtimeArg' = 'arg'): BuiltArguments {
  const out: BuiltArguments = { args: [], placeholders: [], optional: [] };
  for (const spec of specs ?? []) {
    if (!spec || typeof spec !== 'object') continue;
    const hasValue = (spec.value ?? spec.default) !== undefined;
    if (!hasValue && !spec.isRequired) {
      if (spec.name) out.optional.push({ where, name: spec.name, description: spec.description, format: spec.format, choices: spec.choices });
      continue;
    }
    const value = substituteVariables(placeholderFor(spec), spec.variables);
    const mark = () => { if (!declaredValue(spec)) out.placeholders.push(out.args.length - 1); };
    if (spec.type === 'named' && spec.name) {
      // server.json names a flag with its dashes; a record that leaves them out means the long option.
      const flag = spec.name.startsWith('-') ? spec.name : `${spec.name.length === 1 ? '-' : '--'}${spec.name}`;
      if (spec.format === 'boolean') { if (value === 'true') out.args.push(flag); continue; }
      out.args.push(flag, value);
      mark();
    } else {
      out.args.push(value);
      mark();
    }
  }
  return out;
}

export function buildEnvironment(pkg: Package): { env: Record<string, string>; placeholders: string[]; secrets: string[]; optional: OptionalInput[] } {
  const env: Record<string, string> = Object.create(null); // keyed by names a registry chose (`__proto__` too)
  const placeholders: string[] = [];
  const secrets: string[] = [];
  const optional: OptionalInput[] = [];
  for (const v of pkg.environmentVariables ?? []) {
    if (!v?.name) continue;
    if (v.isSecret) secrets.push(v.name);
    if (v.isRequired || v.value !== undefined || v.default !== undefined) {
      env[v.name] = substituteVariables(placeholderFor(v), v.variables);
      if (!declaredValue(v)) placeholders.push(v.name);
    } else optional.push({ where: 'env', name: v.name, description: v.description, format: v.format, choices: v.choices });
  }
  return { env, placeholders, secrets, optional };
}

/** The package launch of a registry package record: declared arguments, environment, and what is ours in them. */
export function packageLaunch(pkg: Package): PackageLaunch {
  const args = buildArguments(pkg.packageArguments, 'arg');
  const runtime = buildArguments(pkg.runtimeArguments, 'runtimeArg');
  const env = buildEnvironment(pkg);
  const placeholders = {
    ...(args.placeholders.length ? { args: args.placeholders } : {}),
    ...(runtime.placeholders.length ? { runtimeArgs: runtime.placeholders } : {}),
    ...(env.placeholders.length ? { env: env.placeholders } : {}),
  };
  const optional = [...args.optional, ...runtime.optional, ...env.optional];
  return {
    kind: 'package', registryType: pkg.registryType ?? 'unknown', identifier: pkg.identifier!, version: pkg.version,
    args: args.args, env: env.env,
    ...(runtime.args.length ? { runtimeArgs: runtime.args } : {}),
    ...(pkg.runtimeHint ? { runtimeHint: pkg.runtimeHint } : {}),
    ...(Object.keys(placeholders).length ? { placeholders } : {}),
    ...(env.secrets.length ? { secrets: env.secrets } : {}),
    ...(optional.length ? { optional } : {}),
  };
}

const RUNTIME_ORDER = ['npm', 'pypi', 'oci', 'nuget', 'mcpb'];

/** Picks the stdio package the crawler can run best, else a remote, else says why none fits. */
export function chooseLaunch(packages: Package[] | undefined, remotes: Remote[] | undefined): { runtime: string; transport?: string; launch: Launch } {
  const stdio = (packages ?? []).filter((p) => (p.transport?.type ?? 'stdio') === 'stdio' && p.identifier)
    .sort((a, b) => rank(a.registryType) - rank(b.registryType));
  const pkg = stdio[0];
  if (pkg) {
    return {
      runtime: pkg.registryType ?? 'unknown',
      transport: 'stdio',
      launch: packageLaunch(pkg),
    };
  }
  const remote = (remotes ?? []).find((r) => r.url && (r.type === 'streamable-http' || r.type === 'sse'));
  if (remote) {
    return {
      runtime: 'remote',
      transport: remote.type,
      launch: {
        kind: 'remote', transport: remote.type as 'streamable-http' | 'sse', url: substituteVariables(remote.url!, remote.variables),
        headers: (remote.headers ?? []).filter((h) => h.name).map((h) => ({ name: h.name!, required: !!h.isRequired })),
      },
    };
  }
  const other = (packages ?? [])[0];
  if (other) {
    return { runtime: other.registryType ?? 'unknown', transport: other.transport?.type, launch: { kind: 'unsupported', reason: `only a ${other.transport?.type ?? 'unknown'}-transport ${other.registryType ?? ''} package that must be run locally as a server` } };
  }
  return { runtime: 'unknown', launch: { kind: 'unsupported', reason: 'the record names no package and no remote' } };
}

function rank(type: string | undefined): number {
  const i = RUNTIME_ORDER.indexOf(type ?? '');
  return i < 0 ? RUNTIME_ORDER.length : i;
}
