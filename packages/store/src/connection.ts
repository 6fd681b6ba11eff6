import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';

export type StoreKind = 'pglite' | 'postgres';

export interface ConnectionOptions {
  /** PostgreSQL connection string; without it the embedded PGlite database is used. */
  databaseUrl?: string;
  /** PGlite data directory (default ./data); ignored with databaseUrl. */
  dataDir?: string;
  /** Largest number of pooled PostgreSQL connections (default 10). */
  maxConnections?: number;
  /** Told about errors of idle pooled connections (e.g. the server restarted); the next query reports it too. */
  onPoolError?: (error: Error) => void;
}

export interface Connection {
  kind: StoreKind;
  db: Kysely<Database>;
}

export function connect(options: ConnectionOptions): Connection {
  if (options.databaseUrl) return { kind: 'postgres', db: new Kysely<Database>({ dialect: postgresDialect(options) }) };
  return { kind: 'pglite', db: new Kysely<Database>({ dialect: pgliteDialect(options.dataDir ?? './data') }) };
}

function postgresDialect(options: ConnectionOptions): PostgresDialect {
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.maxConnections ?? 10,
    // Fail fast when the server is down, so requests get a 503 instead of hanging.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client emits 'error' when the server goes away; unheard, that event would crash the process.
  pool.on('error', (error) => options.onPoolError?.(error));
  return new PostgresDialect({ pool });
}

function pgliteDialect(dataDir: string): PGliteDialect {
  const path = resolve(dataDir);
  mkdirSync(path, { recursive: true });
  // PGlite writes through to the data directory at every commit (WAL included), so an acknowledged commit
  // survives the process being killed. relaxedDurability stays off: it would acknowledge before the write.
  return new PGliteDialect({ pglite: () => new PGlite({ dataDir: path }) });
}
