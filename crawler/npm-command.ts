// The command that starts an installed npm server: node and its flags, the chosen executable, a subcommand when
// its usage text asked for one, the record's runtime and package arguments, a demo flag the server offered, and a
// probe's extra input; with the entry point and the command line as they are recorded (placeholders marked,
// secrets hidden).
import { relative } from 'node:path';
import { envParts, partsOf, renderCommandLine, type Part } from './command-line.ts';
import type { PackageLaunch } from './launch.ts';
import type { Executable, InstalledPackage } from './npm-install.ts';
import type { NpmRuntimeReading } from './runtime-arguments.ts';

/** What a retry changes: a subcommand before the arguments, one more input (a probed feature list), variables the server asked for. */
export interface Variant {
  subcommand?: string;
  /** A flag the server offered for running without a real backend (`--demo`), after the declared arguments. */
  demoFlag?: string;
  extra?: { where: 'arg' | 'runtimeArg' | 'env'; name: string; value: string; placeholder?: boolean };
  /** Placeholders for variables the record does not declare but the server stopped asking for. */
  askedEnv?: Record<string, string>;
}

export interface Plan {
  command: string;
  args: string[];
  env: Record<string, string>;
  /** Host dirs the server must read (its installed package). */
  readOnlyDirs: string[];
  /** The executable and subcommand, e.g. `xcodebuildmcp mcp`. */
  entryPoint: string;
  commandLine: string;
}

export function npmPlan(launch: PackageLaunch, installed: InstalledPackage, exe: Executable, reading: NpmRuntimeReading, variant: Variant = {}): Plan {
  const shown = `${installed.manifest.name || launch.identifier}@${installed.version}/${relative(installed.packageDir, exe.bin)}`;
  const program: Part[] = exe.command === exe.bin ? [{ value: shown }] : [{ value: 'node' }, ...reading.nodeArgs, { value: shown }];
  const real: string[] = exe.command === exe.bin ? [] : [...reading.nodeArgs.map((p) => p.value), exe.bin];
  const tail: Part[] = [
    ...(variant.subcommand ? [{ value: variant.subcommand }] : []),
    ...reading.serverArgs,
    ...partsOf(launch.args, launch.placeholders?.args),
    ...(variant.demoFlag ? [{ value: variant.demoFlag }] : []),
  ];
  const env = { ...launch.env, ...variant.askedEnv };
  const placeholderEnv = [...(launch.placeholders?.env ?? []), ...Object.keys(variant.askedEnv ?? {})];
  const extra = variant.extra;
  if (extra?.where === 'env') {
    env[extra.name] = extra.value;
    if (extra.placeholder) placeholderEnv.push(extra.name);
  } else if (extra) {
    tail.push({ value: extra.name }, { value: extra.value, ...(extra.placeholder ? { placeholder: true } : {}) });
  }
  return {
    command: exe.command,
    args: [...real, ...tail.map((p) => p.value)],
    env,
    readOnlyDirs: [installed.dir],
    entryPoint: [exe.entry.name, variant.subcommand, variant.demoFlag].filter(Boolean).join(' '),
    commandLine: renderCommandLine([...program, ...tail], envParts(env, placeholderEnv, launch.secrets)),
  };
}
