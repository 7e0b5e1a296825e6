// The compiled CLI: bin/mcp-risk.js runs JavaScript compiled from the current sources, never an older build.
// A small project with the real bin and builder shows it: a first start compiles, a changed source is
// recompiled before it runs, a broken source or a missing compiler falls back to the sources through tsx;
// compiled modules still find files next to their sources (import.meta.url) and plain .js modules.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_DIR, freshBuild } from '../../bin/cli-stamp.js';
import { buildCli } from '../../scripts/build-cli.ts';
import { BIN, runCli } from '../helpers/run-cli.ts';

const REPO = process.cwd();
const MAIN = `import { readFileSync } from 'node:fs';
import { message } from './message.ts';
import { shout } from '../lib/shout.js';
export async function main(argv: string[]): Promise<number> {
  const data: string = readFileSync(new URL('../data/greeting.txt', import.meta.url), 'utf8').trim();
  process.setSourceMapsEnabled(false); // tsx, loaded to compile, maps stacks back to the .ts sources
  const frame = new Error().stack!.split('\\n')[1];
  console.log(JSON.stringify({ message, data: shout(data), compiled: frame.includes('/.cache/mcp-risk-cli/'), argv }));
  return 0;
}
`;

const made: string[] = [];
afterAll(() => { for (const root of made) rmSync(root, { recursive: true, force: true }); });

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'mcp-risk-compiled-'));
  made.push(root);
  const write = (path: string, text: string) => { mkdirSync(dirname(join(root, path)), { recursive: true }); writeFileSync(join(root, path), text); };
  for (const file of ['bin/mcp-risk.js', 'bin/cli-stamp.js', 'scripts/build-cli.ts', 'scripts/relocate-imports.ts']) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    copyFileSync(join(REPO, file), join(root, file));
  }
  write('package.json', '{"type":"module","private":true}\n');
  write('cli/main.ts', MAIN);
  write('cli/message.ts', "export const message: string = 'one';\n");
  write('lib/shout.js', 'export const shout = (s) => s.toUpperCase();\n');
  write('data/greeting.txt', 'hello\n');
  mkdirSync(join(root, 'node_modules'));
  for (const pkg of ['typescript', 'tsx']) symlinkSync(join(REPO, 'node_modules', pkg), join(root, 'node_modules', pkg));
  return root;
}

function start(root: string) {
  const run = spawnSync(process.execPath, [join(root, 'bin/mcp-risk.js'), 'x'], { cwd: root, encoding: 'utf8' });
  return { code: run.status, stderr: run.stderr, out: run.status === 0 ? JSON.parse(run.stdout) : undefined };
}

const builds = (root: string) => readdirSync(join(root, BUILD_DIR), { withFileTypes: true }).filter((e) => e.isDirectory()).length;

describe('the compiled CLI', () => {
  it('compiles on first start, recompiles a changed source before running it, and falls back to tsx when it cannot compile', () => {
    const root = project();
    expect(start(root)).toEqual({ code: 0, stderr: '', out: { message: 'one', data: 'HELLO', compiled: true, argv: ['x'] } });
    expect(freshBuild(root)).toMatch(/\/cli\/main\.js$/);
    expect(start(root).out).toMatchObject({ message: 'one', compiled: true });
    expect(builds(root)).toBe(1);

    writeFileSync(join(root, 'cli/message.ts'), "export const message: string = 'two';\n");
    expect(freshBuild(root)).toBeUndefined();
    expect(start(root).out).toMatchObject({ message: 'two', compiled: true });
    expect(builds(root)).toBe(2);

    writeFileSync(join(root, 'cli/message.ts'), "export const message: string = 'three' +;\n");
    const broken = start(root);
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toMatch(/message\.ts/);
    expect(broken.out).toBeUndefined();

    unlinkSync(join(root, 'node_modules/typescript'));
    writeFileSync(join(root, 'cli/message.ts'), "export const message: string = 'four';\n");
    expect(start(root)).toMatchObject({ code: 0, out: { message: 'four', data: 'HELLO', compiled: false } });
  });

  it('refuses what it cannot relocate: import.meta.dirname', () => {
    const root = project();
    writeFileSync(join(root, 'cli/message.ts'), 'export const message: string = import.meta.dirname;\n');
    expect(() => buildCli({ root })).toThrow(/cli\/message\.ts uses import\.meta\.dirname; use new URL/);
    expect(existsSync(join(root, BUILD_DIR, 'current.json'))).toBe(false);
  });

  it('the test run starts from a build of the current sources, which prints the version', async () => {
    const main = freshBuild(REPO);
    expect(main).toBe(join(REPO, BUILD_DIR, buildCli().id, 'cli/main.js'));
    expect(BIN).toBe(join(REPO, 'bin/mcp-risk.js'));
    const { version } = (await import('../../package.json', { with: { type: 'json' } })).default;
    for (const flag of ['--version', '-V']) expect(await runCli([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});
