// A registry record's runtimeArguments for an npm package, read the way `npx` would have run them: npx's own flags
// and the package spec itself are dropped (the crawler installs the package), a token naming one of the package's
// executables selects it, Node.js flags go to node, and everything else (records often put the server's own
// flags here, e.g. `--features`) goes to the server before its package arguments.
import type { Part } from './command-line.ts';

export interface NpmRuntimeReading {
  nodeArgs: Part[];
  serverArgs: Part[];
  /** An executable of the package that the record names. */
  bin?: string;
  /** Tokens dropped, and why, for the attempt's details. */
  dropped: string[];
}

const NPX_FLAGS = new Set(['-y', '--yes', '-q', '--quiet', '--no-install', '--prefer-offline', '--prefer-online', '--ignore-existing', '--no', '-s', '--silent']);
const NPX_WITH_VALUE = new Set(['-p', '--package', '-c', '--call']);
const NODE_WITH_VALUE = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader', '--conditions', '-C']);

const nodeFlag = (token: string) => process.allowedNodeEnvironmentFlags.has(token.split('=')[0]);

export function readNpmRuntimeArgs(tokens: Part[], facts: { identifier: string; bins: string[] }): NpmRuntimeReading {
  const out: NpmRuntimeReading = { nodeArgs: [], serverArgs: [], dropped: [] };
  const ownSpec = (t: string) => t === facts.identifier || t.startsWith(`${facts.identifier}@`);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i].value;
    const flag = token.split('=')[0];
    if (NPX_FLAGS.has(token)) { out.dropped.push(`${token} (npx flag)`); continue; }
    if (NPX_WITH_VALUE.has(flag)) {
      const value = token.includes('=') ? token.slice(token.indexOf('=') + 1) : tokens[++i]?.value;
      out.dropped.push(`${token}${token.includes('=') ? '' : ` ${value ?? ''}`} (npx flag)`);
      continue;
    }
    if (ownSpec(token)) { out.dropped.push(`${token} (the package itself)`); continue; }
    if (!out.bin && facts.bins.includes(token)) { out.bin = token; continue; }
    if (nodeFlag(token)) {
      out.nodeArgs.push(tokens[i]);
      if (NODE_WITH_VALUE.has(token) && tokens[i + 1]) out.nodeArgs.push(tokens[++i]);
      continue;
    }
    out.serverArgs.push(tokens[i]);
  }
  return out;
}
