// What a command writes to, and the error type commands throw for a clean one-line failure.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { openDb, type Database } from '../db/client.ts';
import type { Config } from './config.ts';

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  config: Config;
}

/** A failure the user can act on: printed as one line, exit code 1 (or `exitCode`). */
export class UsageError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = 'UsageError';
  }
}

/** parseArgs with usage errors that name the command. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(command: string, argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message} (see mcp-risk ${command} --help)`);
  }
}

export function positiveInt(command: string, flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${command}: --${flag} must be a positive integer, got "${value}"`);
  return n;
}

export function openConfiguredDb(config: Config): Promise<Database> {
  return openDb({ databaseUrl: config.databaseUrl, dataDir: config.pgliteDir });
}

export async function withDb<T>(config: Config, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openConfiguredDb(config);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}
