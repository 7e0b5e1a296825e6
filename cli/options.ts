// Command-line options: parsed with node:util parseArgs, their values read through one helper, one kind of
// value at a time. A bad value fails the same way in every command: exit 2 and one line naming the
// command and the option, what it takes and what it got, e.g.
//   mcp-risk crawl: --limit must be a positive integer, got "-3" (see mcp-risk crawl --help)
// Adopting it in a command:
//   const { values } = parseCommandArgs('queue', argv, { limit: { type: 'string' } });
//   const value = optionValues('queue', values);
//   const limit = value('limit', positiveInteger, 25);
import { statSync } from 'node:fs';
import { isIP } from 'node:net';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error.ts';

/** A bad option value (exit 2). */
export class OptionValueError extends UsageError {
  override readonly code = 'E_OPTION_VALUE';
  constructor(readonly command: string, readonly option: string, readonly value: string, readonly expected: string) {
    super(`${command}: --${option} must be ${expected}, got ${JSON.stringify(value)} (see mcp-risk ${command} --help)`);
    this.name = 'OptionValueError';
  }
}

type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/**
 * parseArgs (strict) with -h/--help added, usage errors that name the command, and negative numbers
 * taken as values: `--limit -3` reads as `--limit=-3`, so that it is reported as a bad value.
 */
export function parseCommandArgs<T extends OptionSpecs>(command: string, argv: string[], options: T, allowPositionals = false) {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') { args.push(...argv.slice(i)); break; }
    const spec = arg.startsWith('--') && !arg.includes('=') ? options[arg.slice(2)] : undefined;
    if (spec?.type === 'string' && /^-\.?\d/.test(argv[i + 1] ?? '')) args.push(`${arg}=${argv[++i]}`);
    else args.push(arg);
  }
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message} (see mcp-risk ${command} --help)`);
  }
}

/** One kind of option value: `read` gives the value, or undefined when the text is not one. */
export interface ValueKind<T> {
  /** Completes "--x must be ...": "a positive integer". */
  expected: string;
  read(text: string): T | undefined;
}

export interface OptionReader {
  /** The option's value read as `kind`; `fallback` (or undefined) when the option is absent. */
  <T>(option: string, kind: ValueKind<T>): T | undefined;
  <T>(option: string, kind: ValueKind<T>, fallback: T): T;
  /** A repeatable option's values (`multiple: true`), each read as `kind`. */
  each<T>(option: string, kind: ValueKind<T>): T[];
}

/** Reads a command's parsed option values; a bad one throws OptionValueError. */
export function optionValues(command: string, values: Record<string, unknown>): OptionReader {
  const one = <T>(option: string, kind: ValueKind<T>, text: unknown): T => {
    if (typeof text !== 'string') throw new TypeError(`--${option} is not a string option of ${command}`);
    const value = kind.read(text);
    if (value === undefined) throw new OptionValueError(command, option, text, kind.expected);
    return value;
  };
  const reader = (<T>(option: string, kind: ValueKind<T>, fallback?: T) =>
    (values[option] === undefined ? fallback : one(option, kind, values[option]))) as OptionReader;
  reader.each = <T>(option: string, kind: ValueKind<T>) => {
    const list = values[option];
    return list === undefined ? [] : (Array.isArray(list) ? list : [list]).map((text) => one(option, kind, text));
  };
  return reader;
}

/** A whole number within a range, written in decimal digits ("1e3", "0x10" and "5.0" are not). */
export function integer(range: { min?: number; max?: number } = {}): ValueKind<number> {
  const { min, max } = range;
  const expected = min !== undefined && max !== undefined ? `an integer from ${min} to ${max}`
    : min === 1 ? 'a positive integer' : min !== undefined ? `an integer of at least ${min}` : 'an integer';
  return {
    expected,
    read: (text) => {
      if (!/^[+-]?\d+$/.test(text)) return undefined;
      const n = Number(text);
      return Number.isSafeInteger(n) && (min === undefined || n >= min) && (max === undefined || n <= max) ? n : undefined;
    },
  };
}

export const positiveInteger = integer({ min: 1 });

/** A TCP port; 0 asks the system for a free one. */
export const port: ValueKind<number> = { expected: 'a port from 0 to 65535 (0 picks a free one)', read: integer({ min: 0, max: 65535 }).read };

/** A positive number of seconds, fractions allowed, at most a day (beyond, Node's timers overflow to 1 ms). */
export const seconds: ValueKind<number> = {
  expected: 'a positive number of seconds (at most 86400)',
  read: (text) => {
    if (!/^(\d+(\.\d*)?|\.\d+)$/.test(text)) return undefined;
    const n = Number(text);
    return n > 0 && n <= 86_400 ? n : undefined;
  },
};

/** An absolute http:// or https:// URL. */
export const httpUrl: ValueKind<string> = {
  expected: 'an http:// or https:// URL',
  read: (text) => {
    if (!URL.canParse(text)) return undefined;
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname ? text : undefined;
  },
};

/** One of a fixed set of words. */
export function oneOf<const T extends string>(choices: readonly T[]): ValueKind<T> {
  return { expected: `one of ${choices.join(', ')}`, read: (text) => (choices as readonly string[]).includes(text) ? text as T : undefined };
}

/** Comma-separated items (spaces around them ignored), at least one, each read as `item`. */
export function listOf<T>(item: ValueKind<T>): ValueKind<T[]> {
  return {
    expected: `a comma-separated list, each ${item.expected}`,
    read: (text) => {
      const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
      const read = parts.map((p) => item.read(p));
      return parts.length && read.every((v) => v !== undefined) ? read as T[] : undefined;
    },
  };
}

/** Any text but an empty (or blank) one: names, folders to write. */
export const nonEmpty: ValueKind<string> = { expected: 'a non-empty value', read: (t) => (t.trim() ? t : undefined) };

/** A file that exists now (the path as given). */
export const existingFile: ValueKind<string> = {
  expected: 'an existing file',
  read: (t) => { try { return statSync(t).isFile() ? t : undefined; } catch { return undefined; } },
};

const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** An address to listen on: an IP address or a host name. */
export const host: ValueKind<string> = { expected: 'an IP address or a host name', read: (t) => (isIP(t) || HOST_NAME.test(t) ? t : undefined) };

/** NAME=VALUE, NAME an environment variable name. */
export const envAssignment: ValueKind<[string, string]> = {
  expected: 'NAME=VALUE with NAME of letters, digits and _',
  read: (t) => {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(t);
    return match ? [match[1], match[2]] : undefined;
  },
};
