// The distributed crawl's commands need a PostgreSQL server: its job queue (pg-boss) lives there, and every
// worker on every machine must reach the same database. Embedded PGlite is one process's file.
import type { Config } from './config.ts';
import { UsageError } from './usage-error.ts';

/** `crawl --queue` or `worker` without DATABASE_URL (exit 2). */
export class NeedsPostgresError extends UsageError {
  override readonly code = 'E_NEEDS_POSTGRES';
  constructor(readonly command: string) {
    super(`${command}: the job queue needs PostgreSQL: set DATABASE_URL=postgres://user@host:5432/db (the same on every machine). `
      + `The embedded PGlite database cannot be shared between processes; without --queue, \`mcp-risk crawl\` crawls in this one process.`);
    this.name = 'NeedsPostgresError';
  }
}

/** The PostgreSQL URL, or NeedsPostgresError. */
export function requirePostgres(config: Config, command: string): string {
  if (!config.databaseUrl) throw new NeedsPostgresError(command);
  return config.databaseUrl;
}
