// The two database backends every db test runs on: embedded PGlite and the machine's PostgreSQL.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDb, type Database } from '../../db/client.ts';

/** The PostgreSQL server tests use (CI and dev machines run one with trust auth). */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestBackend {
  name: 'pglite' | 'postgres';
  /** Opens a fresh, empty, migrated database; `drop` closes and removes it. */
  open(): Promise<Database & { url?: string; drop(): Promise<void> }>;
}

/** Creates a throw-away database on the test PostgreSQL server and returns its URL. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `mcp_risk_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(TEST_POSTGRES_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const a = postgres(TEST_POSTGRES_URL, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export const backends: TestBackend[] = [
  {
    name: 'pglite',
    async open() {
      const database = await openDb({ dataDir: 'memory://' });
      return { ...database, drop: () => database.close() };
    },
  },
  {
    name: 'postgres',
    async open() {
      const { url, drop } = await createTestDatabase();
      const database = await openDb({ databaseUrl: url });
      return { ...database, url, drop: async () => { await database.close(); await drop(); } };
    },
  },
];
