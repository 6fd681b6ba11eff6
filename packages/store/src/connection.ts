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
  /** Server-side bound of one statement in milliseconds (PostgreSQL statement_timeout; 0: none). */
  statementTimeoutMs?: number;
  /** Server-side bound of the wait for a lock in milliseconds (PostgreSQL lock_timeout; 0: none). */
  lockTimeoutMs?: number;
  /**
   * Told about errors of pooled connections, idle or checked out (e.g. a backend terminated, the server restarted);
   * the query running on the connection, if any, fails with the same error.
   */
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
    // A locked table or a runaway query fails with 55P03 / 57014 (a 503) instead of holding the request and a
    // pooled connection for as long as the lock is held.
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    ...(options.lockTimeoutMs ? { lock_timeout: options.lockTimeoutMs } : {}),
  });
  const reportError = (error: Error) => options.onPoolError?.(error);
  // A client emits 'error' when its backend goes away. The pool listens only while the client is idle; kysely adds
  // no listener while it is checked out (node-postgres #3083, #3202), and an unheard 'error' crashes the process.
  // This listener stays for the client's whole life; the failed query still rejects and the pool drops the client.
  pool.on('connect', (client) => client.on('error', reportError));
  pool.on('error', reportError);
  return new PostgresDialect({ pool });
}

function pgliteDialect(dataDir: string): PGliteDialect {
  const path = resolve(dataDir);
  mkdirSync(path, { recursive: true });
  // PGlite writes through to the data directory at every commit (WAL included), so an acknowledged commit
  // survives the process being killed. relaxedDurability stays off: it would acknowledge before the write.
  return new PGliteDialect({ pglite: () => new PGlite({ dataDir: path }) });
}
