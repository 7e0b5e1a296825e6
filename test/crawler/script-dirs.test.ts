// What the sandbox binds for a local script: its dir, its package root, its outermost node_modules; never a home dir.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scriptDirs } from '../../crawler/script-dirs.ts';

describe('scriptDirs', () => {
  const root = mkdtempSync(join(tmpdir(), 'mcp-risk-script-dirs-'));
  it('binds a package in node_modules with the node_modules its hoisted dependencies live in', () => {
    const pkg = join(root, 'project', 'node_modules', '@scope', 'server');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), '{}');
    expect(scriptDirs(join(pkg, 'dist', 'index.js'))).toEqual([join(pkg, 'dist'), pkg, join(root, 'project', 'node_modules')]);
  });
  it('binds a project script with its project root, and a lone script with its dir alone', () => {
    mkdirSync(join(root, 'app', 'build'), { recursive: true });
    writeFileSync(join(root, 'app', 'package.json'), '{}');
    expect(scriptDirs(join(root, 'app', 'build', 'server.js'))).toEqual([join(root, 'app', 'build'), join(root, 'app')]);
    mkdirSync(join(root, 'loose'));
    expect(scriptDirs(join(root, 'loose', 'server.mjs'))).toEqual([join(root, 'loose')]);
  });
  it('stops at the home dir', () => {
    expect(scriptDirs(join(homedir(), 'mcp-risk-no-such-dir', 'server.js'))).toEqual([join(homedir(), 'mcp-risk-no-such-dir')]);
  });
});
