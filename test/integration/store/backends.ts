import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { StoreOptions } from '@plancia/store';

/** A place to open stores in, fresh for one suite, and the way to throw it away afterwards. */
export interface TestDatabase {
  options: StoreOptions;
  dispose(): Promise<void>;
}

export interface Backend {
  name: 'pglite' | 'postgres';
  create(): Promise<TestDatabase>;
}

const pglite: Backend = {
  name: 'pglite',
  async create() {
    const dataDir = await mkdtemp(join(tmpdir(), 'plancia-store-'));
    // A copy of the run's migrated template: the same fresh database without a WebAssembly initdb per suite.
    await cp(inject('pgliteTemplate'), dataDir, { recursive: true });
    return { options: { dataDir }, dispose: () => rm(dataDir, { recursive: true, force: true }) };
  },
};

/** A uniquely named database on the server DATABASE_URL points at, dropped after the suite. */
function postgres(adminUrl: string): Backend {
  return {
    name: 'postgres',
    async create() {
      const name = `plancia_test_${randomBytes(6).toString('hex')}`;
      await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return {
        options: { databaseUrl: url.toString() },
        dispose: () => withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
      };
    },
  };
}

async function withAdmin(url: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/** PGlite always; the real PostgreSQL server too when DATABASE_URL is set (as CI does). */
export const backends: Backend[] = process.env.DATABASE_URL ? [pglite, postgres(process.env.DATABASE_URL)] : [pglite];
