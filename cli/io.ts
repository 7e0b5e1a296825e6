// What a command writes to, and the database it opens from the configuration.
import { openDb, type Database } from '../db/client.ts';
import type { Config } from './config.ts';

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  config: Config;
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
