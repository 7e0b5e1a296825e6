// Opens the database: PostgreSQL through postgres.js when a URL is given, else embedded
// PGlite in a local data folder. Migrations in db/migrations are applied on open.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface OpenDbOptions {
  /** A postgres:// URL. When set, PostgreSQL is used through postgres.js. @default undefined */
  databaseUrl?: string;
  /** PGlite data folder, used when no URL is given; `memory://` keeps it in memory. @default '.mcp-risk/pgdata' */
  dataDir?: string;
  /** Apply pending migrations on open. @default true */
  migrate?: boolean;
  /** postgres.js pool size. @default 4 */
  maxConnections?: number;
}

export interface Database {
  db: Db;
  /** 'postgres' or 'pglite'. */
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

export async function openDb(options: OpenDbOptions = {}): Promise<Database> {
  const { databaseUrl, dataDir = '.mcp-risk/pgdata', migrate = true, maxConnections = 4 } = options;
  if (databaseUrl) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const sql = postgres(databaseUrl, { max: maxConnections, onnotice: () => {} });
    const db = drizzle(sql, { schema }) as unknown as Db;
    if (migrate) {
      const { migrate: run } = await import('drizzle-orm/postgres-js/migrator');
      await run(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    }
    return { db, kind: 'postgres', close: () => sql.end({ timeout: 5 }) };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  const db = drizzle(client, { schema }) as unknown as Db;
  if (migrate) {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    await run(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  }
  return { db, kind: 'pglite', close: () => client.close() };
}
