// What a command writes to, and the database it opens from the configuration.
import { openDb, type Database } from '../db/client.ts';
import type { Config } from './config.ts';
import { optionValues, positiveInteger } from './options.ts';

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  config: Config;
}

// Kept for commands written before cli/options.ts: import these from ./usage-error.ts and ./options.ts.
export { UsageError } from './usage-error.ts';
export { parseCommandArgs } from './options.ts';

/** @deprecated read values with `optionValues(command, values)(flag, positiveInteger, fallback)` (cli/options.ts). */
export function positiveInt(command: string, flag: string, value: string | undefined, fallback: number): number {
  return optionValues(command, { [flag]: value })(flag, positiveInteger, fallback);
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
