// Temporary directories laid out like a real home and project, holding the client config fixtures.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fixturePath } from './source-replays.ts';

/** fixture file → where it lives, relative to `home` or to the project (`cwd`). */
export const CONFIG_LAYOUT: [fixture: string, root: 'home' | 'cwd', path: string][] = [
  ['claude_desktop_config.json', 'home', '.config/Claude/claude_desktop_config.json'],
  ['cursor-home-mcp.json', 'home', '.cursor/mcp.json'],
  ['cursor-project-mcp.json', 'cwd', '.cursor/mcp.json'],
  ['vscode-mcp.json', 'cwd', '.vscode/mcp.json'],
  ['claude.json', 'home', '.claude.json'],
  ['project-mcp.json', 'cwd', '.mcp.json'],
  ['windsurf-mcp_config.json', 'home', '.codeium/windsurf/mcp_config.json'],
];

export interface ConfigHome { root: string; home: string; cwd: string; close(): Promise<void> }

/** `{{HOME}}` in the fixtures becomes the temp home; `broken` overwrites one file with malformed JSON. */
export async function makeConfigHome(options: { broken?: string } = {}): Promise<ConfigHome> {
  const root = await mkdtemp(join(tmpdir(), 'mcp-risk-configs-'));
  const home = join(root, 'home', 'alice');
  const cwd = join(home, 'code', 'shop');
  for (const [fixture, base, path] of CONFIG_LAYOUT) {
    const target = join(base === 'home' ? home : cwd, path);
    await mkdir(dirname(target), { recursive: true });
    const text = (await readFile(fixturePath(`configs/${fixture}`), 'utf8')).replaceAll('{{HOME}}', home);
    await writeFile(target, options.broken === fixture ? text.slice(0, Math.floor(text.length / 2)) : text);
  }
  return { root, home, cwd, close: () => rm(root, { recursive: true, force: true }) };
}
