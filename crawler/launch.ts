// How the crawler runs a server: derived from a registry record's packages and remotes.
import { placeholderFor, substituteVariables, type InputSpec } from './placeholders.ts';

export type Launch =
  | { kind: 'package'; registryType: string; identifier: string; version?: string; args: string[]; env: Record<string, string> }
  | { kind: 'remote'; transport: 'streamable-http' | 'sse'; url: string; headers: { name: string; required: boolean }[] }
  | { kind: 'command'; command: string; args: string[]; env: Record<string, string> }
  | { kind: 'unsupported'; reason: string };

interface Argument extends InputSpec { type?: string; isRequired?: boolean; isRepeated?: boolean; variables?: Record<string, InputSpec> }
interface Package {
  registryType?: string; identifier?: string; version?: string;
  transport?: { type?: string; url?: string };
  packageArguments?: Argument[]; runtimeArguments?: Argument[];
  environmentVariables?: (InputSpec & { isRequired?: boolean; variables?: Record<string, InputSpec> })[];
}
interface Remote { type?: string; url?: string; headers?: { name?: string; isRequired?: boolean }[]; variables?: Record<string, InputSpec> }

/** Command-line arguments from registry argument specs: given values, defaults, placeholders when required. */
export function buildArguments(specs: Argument[] | undefined): string[] {
  const out: string[] = [];
  for (const spec of specs ?? []) {
    const hasValue = (spec.value ?? spec.default) !== undefined;
    if (!hasValue && !spec.isRequired) continue;
    const value = substituteVariables(placeholderFor(spec), spec.variables);
    if (spec.type === 'named' && spec.name) {
      if (spec.format === 'boolean' && value === 'true') out.push(spec.name);
      else if (spec.format !== 'boolean') out.push(spec.name, value);
    } else out.push(value);
  }
  return out;
}

export function buildEnvironment(pkg: Package): Record<string, string> {
  const env: Record<string, string> = {};
  for (const v of pkg.environmentVariables ?? []) {
    if (!v.name) continue;
    if (v.isRequired || v.value !== undefined || v.default !== undefined) {
      env[v.name] = substituteVariables(placeholderFor(v), v.variables);
    }
  }
  return env;
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
      launch: {
        kind: 'package', registryType: pkg.registryType ?? 'unknown', identifier: pkg.identifier!,
        version: pkg.version, args: buildArguments(pkg.packageArguments), env: buildEnvironment(pkg),
      },
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
