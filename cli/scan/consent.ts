// Running someone's server is running their code: the scan asks once, naming every command it will
// run and every URL it will contact, unless --yes. In CI (CI=true) or without a terminal to ask on, it
// refuses with a message that says how to consent.
import { createInterface } from 'node:readline';
import { ScanError } from './errors.ts';

export interface ConsentOptions {
  /** --yes: consent given on the command line. */
  yes: boolean;
  /** CI=true (cli/config.ts). */
  ci: boolean;
  /** Where the question is read from; asked only when it is a terminal. */
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Where the question is written. */
  output: NodeJS.WritableStream;
}

/** One line per server: what will run, masked. */
export interface ConsentItem { label: string; display: string; kind: 'stdio' | 'remote' }

export function consentText(items: ConsentItem[]): string {
  const stdio = items.filter((i) => i.kind === 'stdio');
  const remote = items.filter((i) => i.kind === 'remote');
  const lines: string[] = [];
  if (stdio.length) lines.push(`mcp-risk scan will run ${stdio.length} server${stdio.length === 1 ? '' : 's'} in the sandbox (npm/PyPI packages are installed first, without install scripts):`, ...stdio.map((i) => `  ${i.label}: ${i.display}`));
  if (remote.length) lines.push(`and connect to ${remote.length} remote server${remote.length === 1 ? '' : 's'} with the configured headers:`, ...remote.map((i) => `  ${i.label}: ${i.display}`));
  return `${lines.join('\n')}\n`;
}

const HOW = 'pass --yes to consent to running them, or --no-run to judge them from the catalogue database only';

/** Resolves when the user consents; throws ScanError E_CONSENT_REQUIRED / E_CONSENT_REFUSED otherwise. */
export async function askConsent(items: ConsentItem[], options: ConsentOptions): Promise<void> {
  if (!items.length || options.yes) return;
  const what = `${items.length} configured server${items.length === 1 ? '' : 's'} (${items.map((i) => i.label).join(', ')})`;
  if (options.ci) throw new ScanError(`refusing to run ${what} in CI without consent: ${HOW}`, 'E_CONSENT_REQUIRED');
  if (!options.input.isTTY) throw new ScanError(`refusing to run ${what} without consent (no terminal to ask on): ${HOW}`, 'E_CONSENT_REQUIRED');
  options.output.write(consentText(items));
  const rl = createInterface({ input: options.input, output: options.output, terminal: false });
  const answer = await new Promise<string>((resolve) => {
    rl.question('Run them? [y/N] ', resolve);
    rl.once('close', () => resolve(''));
  });
  rl.close();
  if (!/^y(es)?$/i.test(answer.trim())) throw new ScanError(`not running ${what}: consent refused (${HOW})`, 'E_CONSENT_REFUSED');
}
