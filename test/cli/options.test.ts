// cli/options.ts: the kinds of option values every command reads, and the error a bad one raises.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  envAssignment, existingFile, host, httpUrl, integer, listOf, nonEmpty, oneOf, OptionValueError, optionValues,
  parseCommandArgs, port, positiveInteger, seconds, type ValueKind,
} from '../../cli/options.ts';
import { UsageError } from '../../cli/usage-error.ts';

const accepts = <T>(kind: ValueKind<T>, texts: string[]) => texts.map((t) => kind.read(t));
const rejects = <T>(kind: ValueKind<T>, texts: string[]) => texts.filter((t) => kind.read(t) !== undefined);

describe('option value kinds', () => {
  it('integers are decimal digits within the range', () => {
    expect(accepts(positiveInteger, ['1', '25', '+7'])).toEqual([1, 25, 7]);
    expect(rejects(positiveInteger, ['0', '-3', '1.5', '5.0', '1e3', '0x10', ' 5', '', 'abc', '99999999999999999999'])).toEqual([]);
    expect(accepts(integer({ min: 0 }), ['0'])).toEqual([0]);
    expect(accepts(port, ['0', '4321', '65535'])).toEqual([0, 4321, 65535]);
    expect(rejects(port, ['65536', '99999', '-1'])).toEqual([]);
    expect([positiveInteger.expected, integer({ min: 0 }).expected, port.expected])
      .toEqual(['a positive integer', 'an integer of at least 0', 'a port from 0 to 65535 (0 picks a free one)']);
  });

  it('seconds are positive, fractions allowed, at most a day', () => {
    expect(accepts(seconds, ['60', '0.5', '.5', '86400'])).toEqual([60, 0.5, 0.5, 86_400]);
    expect(rejects(seconds, ['0', '0.0', '-1', '1e3', '86401', 'soon', 'Infinity', 'NaN'])).toEqual([]);
  });

  it('URLs are absolute http(s); hosts are addresses or names; words come from their list', () => {
    expect(accepts(httpUrl, ['https://registry.modelcontextprotocol.io', 'http://127.0.0.1:8080/v0'])).toHaveLength(2);
    expect(rejects(httpUrl, ['not-a-url', 'ftp://x.org', 'file:///etc/passwd', '//x.org', 'http://'])).toEqual([]);
    expect(rejects(host, ['not a host', 'a..b', '-x', ''])).toEqual([]);
    expect(accepts(host, ['127.0.0.1', '::1', 'localhost', 'mcp-risk.example'])).toEqual(['127.0.0.1', '::1', 'localhost', 'mcp-risk.example']);
    expect(oneOf(['a', 'b']).read('c')).toBeUndefined();
    expect(listOf(oneOf(['npm', 'pypi'])).read(' npm , pypi ')).toEqual(['npm', 'pypi']);
    expect(rejects(listOf(oneOf(['npm'])), ['npm,x', ',', ''])).toEqual([]);
    expect(rejects(nonEmpty, ['', '   '])).toEqual([]);
    expect(envAssignment.read('API_KEY=a=b')).toEqual(['API_KEY', 'a=b']);
    expect(rejects(envAssignment, ['1X=2', 'NOEQUALS', '=v'])).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'mcp-risk-options-'));
    writeFileSync(join(dir, 'list.txt'), 'npm:x\n');
    expect(existingFile.read(join(dir, 'list.txt'))).toBe(join(dir, 'list.txt'));
    expect(rejects(existingFile, [dir, join(dir, 'missing.txt')])).toEqual([]);
  });
});

describe('reading a command\'s options', () => {
  it('a bad value is a usage error (exit 2) naming the command, the option, what it takes and what it got', () => {
    const { values } = parseCommandArgs('crawl', ['--limit', '-3', '--runtime', 'npm'], { limit: { type: 'string' }, runtime: { type: 'string' } });
    expect(values.limit).toBe('-3');
    const value = optionValues('crawl', values);
    expect(value('runtime', oneOf(['npm']))).toBe('npm');
    expect(value('concurrency', positiveInteger, 2)).toBe(2);
    let error: unknown;
    try { value('limit', positiveInteger); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(OptionValueError);
    expect(error).toBeInstanceOf(UsageError);
    expect(error).toMatchObject({
      code: 'E_OPTION_VALUE', exitCode: 2, command: 'crawl', option: 'limit', value: '-3',
      message: 'crawl: --limit must be a positive integer, got "-3" (see mcp-risk crawl --help)',
    });
  });

  it('repeatable options are read one by one; negative numbers after -- stay arguments', () => {
    const { values, positionals } = parseCommandArgs('list-tools', ['--env', 'A=1', '--env', 'B=2', '--timeout', '-1', '--', 'node', '--timeout', '-5'],
      { env: { type: 'string', multiple: true }, timeout: { type: 'string' } }, true);
    expect(optionValues('list-tools', values).each('env', envAssignment)).toEqual([['A', '1'], ['B', '2']]);
    expect(positionals).toEqual(['node', '--timeout', '-5']);
    expect(() => optionValues('list-tools', values)('timeout', seconds)).toThrow('list-tools: --timeout must be a positive number of seconds (at most 86400), got "-1"');
    expect(() => optionValues('list-tools', { env: ['A=1', 'bad'] }).each('env', envAssignment)).toThrow(/--env must be NAME=VALUE/);
  });

  it('an unknown option or a missing value is a usage error that names the command', () => {
    expect(() => parseCommandArgs('serve', ['--prot', '1'], { port: { type: 'string' } })).toThrow(UsageError);
    expect(() => parseCommandArgs('serve', ['--port'], { port: { type: 'string' } })).toThrow(/^serve: Option '--port <value>' argument missing/);
  });
});
