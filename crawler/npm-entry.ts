// Which of a package's executables starts its MCP server: the one the registry record names, else the one its
// package.json `mcpName` names, else the one named after the package, else one with "mcp" in its name that is
// not a helper (doctor, setup, ...), else the first. Without any, the `main` file is tried.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface Manifest {
  name: string;
  version: string;
  bin?: string | Record<string, string>;
  engines?: { node?: string };
  /** The registry name the package claims (MCP Registry ownership check), e.g. `com.example/Server`. */
  mcpName?: string;
  /** package.json "main", and scripts.start. */
  main?: string;
  start?: string;
}

export interface EntryChoice {
  /** The executable's name (package.json "bin" key). */
  name: string;
  /** Its path inside the package. */
  file: string;
  why: 'only' | 'registry' | 'mcpName' | 'package-name' | 'mcp-in-name' | 'first' | 'main' | 'start-script';
  /** The other executables, in case another is tried. */
  others: string[];
}

const HELPER = /(?:^|[-_.])(doctor|setup|install|init|config|configure|inspector|migrate|upgrade|auth|login|cli-config)$/i;

/** package.json "bin" as name → file (a string bin is named after the package). */
export function binsOf(manifest: Pick<Manifest, 'name' | 'bin'>): Record<string, string> {
  if (typeof manifest.bin === 'string') return { [manifest.name.split('/').pop()!]: manifest.bin };
  const out: Record<string, string> = Object.create(null);
  for (const [name, file] of Object.entries(manifest.bin ?? {})) if (typeof file === 'string' && file) out[name] = file;
  return out;
}

export function chooseBin(manifest: Manifest, registryNamed?: string): EntryChoice | undefined {
  const bins = binsOf(manifest);
  const names = Object.keys(bins);
  if (!names.length) return undefined;
  const pick = (name: string, why: EntryChoice['why']): EntryChoice => ({ name, file: bins[name], why: names.length === 1 ? 'only' : why, others: names.filter((n) => n !== name) });
  if (names.length === 1) return pick(names[0], 'only');
  if (registryNamed && bins[registryNamed]) return pick(registryNamed, 'registry');
  const claimed = manifest.mcpName?.split('/').pop()?.toLowerCase();
  const byClaim = claimed && names.find((n) => n.toLowerCase() === claimed);
  if (byClaim) return pick(byClaim, 'mcpName');
  const short = manifest.name.split('/').pop()!;
  if (bins[short]) return pick(short, 'package-name');
  const mcp = names.find((n) => /mcp/i.test(n) && !HELPER.test(n));
  if (mcp) return pick(mcp, 'mcp-in-name');
  return pick(names.find((n) => !HELPER.test(n)) ?? names[0], 'first');
}

/** Without a "bin": the `main` file, else the file a `start` script of the form `node FILE` runs (named `main`/`start`). */
export function mainEntry(manifest: Manifest, packageDir: string): EntryChoice | undefined {
  const fromStart = /^node\s+(?:--\S+\s+)*([\w./-]+\.(?:c|m)?js)\s*$/.exec(manifest.start ?? '')?.[1];
  const file = manifest.main ?? fromStart;
  if (!file || !existsSync(join(packageDir, file))) return undefined;
  return { name: manifest.main ? 'main' : 'start', file, why: manifest.main ? 'main' : 'start-script', others: [] };
}
