// mcp-risk scan: check the MCP servers of this machine's (or this repository's) client configs, offline,
// with a fail-on threshold, definition pins and SARIF for code scanning. The logic is in cli/scan/.
import { writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { RISKS, type Risk } from '../classifier/types.ts';
import type { ClientName } from '../crawler/sources/client-configs.ts';
import type { Io } from './io.ts';
import { optionValues, parseCommandArgs, seconds } from './options.ts';
import { CLIENT_NAMES } from './scan/discover.ts';
import { ScanError } from './scan/errors.ts';
import { formatSarif } from './scan/format-sarif.ts';
import { formatTable } from './scan/format-table.ts';
import { runScan } from './scan/pipeline.ts';
import { writePolicyFiles } from './scan/policy-out.ts';
import { safeJson } from '../classifier/safe-json.ts';

export const SCAN_HELP = `Usage: mcp-risk scan [options]

Finds the MCP servers in your client configs (Claude Desktop, Cursor, VS Code, Claude Code, Windsurf:
user files under your home, and this project's .cursor/mcp.json, .vscode/mcp.json, .mcp.json), lists
each one's tools exactly as the crawler does (stdio servers in the bubblewrap sandbox, npm and PyPI
packages installed without install scripts; remote servers over Streamable HTTP or SSE), and grades
every tool as the catalogue site does: category, risk, findings, recommended policy; a grade per server.
Running a server runs its code: on a terminal the scan asks once, naming every command, unless --yes;
with CI=true it refuses without --yes. Values from the configs' env and headers reach the servers only
(inside the sandbox) and show as *** everywhere else. Nothing is stored in the catalogue.

Options:
  --config FILE        read this config file instead of the standard paths (repeatable)
  --client NAME        claude-desktop, cursor, vscode, claude-code, windsurf or all (default all):
                       which clients' standard paths to read; with --config, how to read the files
  --format F           table (default), json (schemaVersion 1, see the README) or sarif (SARIF 2.1.0)
  --output FILE        write the report to FILE instead of stdout
  --fail-on LEVEL      exit 1 when any tool's risk or any finding's severity is at or above LEVEL:
                       low, medium, high or critical (default: exit 0 whatever was found)
  --strict             with --fail-on: a server that cannot be listed fails the scan too
  --pin FILE           record each tool definition's hash in FILE on first use; later scans report
                       added, removed and changed tools as definition_drift findings with a diff
  --pin-update         accept the current definitions into the --pin FILE
  --policy-out FILE    write one policy.json over all scanned servers, and beside it the same
                       decisions for Claude Code (FILE base + .claude-code.json) and Codex (.codex.toml)
  --no-run             run nothing: judge servers from the catalogue database (matched by package,
                       remote URL or command) and say which ones it could not judge
  --yes                consent to running the configured servers (needed in CI and without a terminal)
  --allow-network      let stdio servers use the network inside the sandbox (default: none)
  --timeout SECONDS    per-server listing limit, start-up included (default 60)
  -h, --help           show this help

Exit status: 0 done (and nothing at or above --fail-on), 1 something at or above --fail-on (or a
failure), 2 bad usage or no consent.
`;

const FORMATS = ['table', 'json', 'sarif'] as const;

export interface ScanIo extends Io {
  /** Where consent is asked. @default process.stdin */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const found = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (!found) throw new ScanError(`--${flag} must be one of ${allowed.join(', ')}, got "${value}"`, 'E_SCAN_USAGE');
  return found;
}

export async function runScanCommand(argv: string[], io: ScanIo): Promise<number> {
  const { values } = parseCommandArgs('scan', argv, {
    config: { type: 'string', multiple: true }, client: { type: 'string' }, format: { type: 'string' }, output: { type: 'string' },
    'fail-on': { type: 'string' }, strict: { type: 'boolean' }, pin: { type: 'string' }, 'pin-update': { type: 'boolean' },
    'policy-out': { type: 'string' }, 'no-run': { type: 'boolean' }, yes: { type: 'boolean' }, 'allow-network': { type: 'boolean' },
    timeout: { type: 'string' },
  });
  if (values.help) { io.stdout.write(SCAN_HELP); return 0; }
  const client = oneOf('client', values.client, [...CLIENT_NAMES, 'all'] as const) ?? 'all';
  const format = oneOf('format', values.format, FORMATS) ?? 'table';
  const failOn = oneOf('fail-on', values['fail-on'], RISKS.map((r) => r.toLowerCase()));
  if (values['pin-update'] && !values.pin) throw new ScanError('--pin-update needs --pin FILE', 'E_SCAN_USAGE');
  if (values.strict && !failOn) throw new ScanError('--strict only changes what --fail-on counts; give --fail-on LEVEL too', 'E_SCAN_USAGE');
  const cwd = process.cwd();
  const { report, masker } = await runScan({
    config: io.config, configFiles: values.config, client: client as ClientName | 'all', home: homedir(), cwd,
    noRun: !!values['no-run'], yes: !!values.yes, allowNetwork: !!values['allow-network'],
    timeoutMs: optionValues('scan', values)('timeout', seconds, 60) * 1000,
    pinFile: values.pin && resolve(values.pin), pinUpdate: !!values['pin-update'],
    failOn: failOn === undefined ? undefined : (RISKS.find((r) => r.toLowerCase() === failOn) as Risk), strict: !!values.strict,
    input: io.stdin ?? process.stdin, log: io.stderr,
  });
  const text = format === 'json' ? `${safeJson(report, 2)}\n` : format === 'sarif' ? formatSarif(report, { cwd }) : formatTable(report);
  if (masker.leaks(text)) throw new ScanError('internal error: the report would show a configured secret; nothing was written', 'E_OUTPUT', 1);
  if (values['policy-out']) {
    const files = await writePolicyFiles(resolve(values['policy-out']), report);
    io.stderr.write(`wrote ${files.policy}, ${files.claudeCode} and ${files.codex}\n`);
  }
  if (values.output) {
    try {
      await writeFile(values.output, text);
    } catch (error) {
      throw new ScanError(`cannot write ${values.output}: ${(error as Error).message}`, 'E_OUTPUT', 1);
    }
    io.stderr.write(`wrote the ${format} report to ${values.output}\n`);
  } else io.stdout.write(text);
  return report.failOn?.failed ? 1 : 0;
}
