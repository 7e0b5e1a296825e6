// Definition pins (rug-pull detection): the canonical hash (db/tool-definition.ts) of every tool of every
// scanned server, recorded on first use; later scans report each added, removed and changed tool as a
// `definition_drift` finding with a diff. Pins change only on first use of a server or with --pin-update.
import { readFile, rename, writeFile } from 'node:fs/promises';
import { definitionHash, type ToolDefinition } from '../../db/tool-definition.ts';
import { definitionDiff } from './diff.ts';
import { ScanError } from './errors.ts';
import type { Masker } from './secrets.ts';
import type { ScanFinding } from './verdicts.ts';

export const PIN_SCHEMA_VERSION = 1;

export interface PinnedTool { hash: string; definition: ToolDefinition }
export interface PinnedServer { name: string; pinnedAt: string; tools: Record<string, PinnedTool> }
export interface PinFile { schemaVersion: number; servers: Record<string, PinnedServer> }

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The pin file, or undefined when there is none yet; a file that is not a pin file is an error (nothing is overwritten). */
export async function readPins(path: string): Promise<PinFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ScanError(`cannot read the pin file ${path}: ${(error as Error).message}`, 'E_PIN_FILE');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ScanError(`the pin file ${path} is not JSON (${(error as Error).message}); fix or remove it`, 'E_PIN_FILE');
  }
  if (!isObj(json) || json.schemaVersion !== PIN_SCHEMA_VERSION || !isObj(json.servers)) {
    throw new ScanError(`${path} is not an mcp-risk pin file of schemaVersion ${PIN_SCHEMA_VERSION}; fix or remove it`, 'E_PIN_FILE');
  }
  const servers: Record<string, PinnedServer> = Object.create(null);
  for (const [id, s] of Object.entries(json.servers)) {
    if (!isObj(s) || !isObj(s.tools)) throw new ScanError(`the pin file ${path} has a malformed entry "${id}"`, 'E_PIN_FILE');
    servers[id] = s as unknown as PinnedServer;
  }
  return { schemaVersion: PIN_SCHEMA_VERSION, servers };
}

const byName = (tools: ToolDefinition[]) => new Map(tools.map((t) => [t.name, t] as const));

/** Drift of a listed server against its pins: one finding per added, removed and changed tool. */
export function driftFindings(pinned: PinnedServer, tools: ToolDefinition[], pinFile: string): ScanFinding[] {
  const now = byName(tools);
  const out: ScanFinding[] = [];
  const accept = `run mcp-risk scan --pin ${pinFile} --pin-update to accept it`;
  for (const [name, pin] of Object.entries(pinned.tools)) {
    const current = now.get(name);
    if (!current) {
      out.push({ tool: name, kind: 'definition_drift', severity: 'low', message: `The tool ${name} was pinned on ${pinned.pinnedAt.slice(0, 10)} and is gone; ${accept}.`, diff: definitionDiff(pin.definition, undefined), change: 'removed' });
    } else if (definitionHash(current) !== pin.hash) {
      const what = (pin.definition.description ?? '') !== (current.description ?? '') ? 'description' : 'definition';
      out.push({ tool: name, kind: 'definition_drift', severity: 'medium', message: `The ${what} of ${name} changed since it was pinned on ${pinned.pinnedAt.slice(0, 10)} (a possible rug pull); review the diff, then ${accept}.`, diff: definitionDiff(pin.definition, current), change: 'changed', pinnedHash: pin.hash, hash: definitionHash(current) });
    }
  }
  for (const [name, current] of now) {
    if (Object.hasOwn(pinned.tools, name)) continue;
    out.push({ tool: name, kind: 'definition_drift', severity: 'medium', message: `The tool ${name} appeared since the server was pinned on ${pinned.pinnedAt.slice(0, 10)}; review it, then ${accept}.`, diff: definitionDiff(undefined, current), change: 'added', hash: definitionHash(current) });
  }
  return out;
}

/** The pins of one listed server now. */
export function pinServer(name: string, tools: ToolDefinition[], at: Date): PinnedServer {
  const pins: Record<string, PinnedTool> = Object.create(null); // keyed by names a server chose
  for (const t of [...tools].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) pins[t.name] = { hash: definitionHash(t), definition: t };
  return { name, pinnedAt: at.toISOString(), tools: pins };
}

/** Writes the pins atomically (a temporary file renamed over it), every secret masked. */
export async function writePins(path: string, pins: PinFile, masker: Masker): Promise<void> {
  const text = `${JSON.stringify(masker.deep(pins), null, 2)}\n`;
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temp, text);
    await rename(temp, path);
  } catch (error) {
    throw new ScanError(`cannot write the pin file ${path}: ${(error as Error).message}`, 'E_PIN_FILE', 1);
  }
}
