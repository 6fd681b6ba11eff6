import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { backends, type TestDatabase } from '../helpers/plancia-server.js';
import { postEvents, queued } from '../helpers/events.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const LOCK_TIMEOUT_MS = 1_500;
const postgres = backends.find((backend) => backend.name === 'postgres');

/** A session as an operator (or an outage) would open one. */
async function session(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return client;
}

/** Terminates every backend on `admin`'s database but `admin`'s own: the server's pooled connections. */
async function terminateServerBackends(control: pg.Client, admin: pg.Client): Promise<number> {
  const own = await admin.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const { rows } = await control.query<{ n: number }>(
    `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
      WHERE datname = $1 AND pid <> $2 AND backend_type = 'client backend'`,
    [admin.database, own.rows[0]!.pid],
  );
  return rows[0]!.n;
}

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A backend of the server waits for a lock: an ingest statement is blocked on the journal, its client checked out. */
async function serverWaitsForLock(admin: pg.Client): Promise<boolean> {
  const { rows } = await admin.query(
    `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
  );
  return rows.length > 0;
}

describe.skipIf(!postgres)('database faults on a real PostgreSQL', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  /** On the test database: locks the journal and reads it. */
  let admin: pg.Client;
  /** On the server's maintenance database: terminates backends and refuses connections to the test database. */
  let control: pg.Client;
  const acknowledged: string[] = [];
  let sequence = 0;

  /** Posts one fresh event; remembers it when the server acknowledged it (202). */
  async function post(): Promise<Response> {
    const event = queued(`fault-${++sequence}`);
    const response = await postEvents(server.url, JSON.stringify(event));
    if (response.status === 202) acknowledged.push(event.id);
    return response;
  }

  async function expectStillServing(): Promise<void> {
    expect(server.child.exitCode).toBeNull();
    expect((await fetch(`${server.url}/api/v1/snapshot`)).status).toBe(200);
  }

  beforeAll(async () => {
    database = await postgres!.create();
    const { databaseUrl } = database.options as { databaseUrl: string };
    server = await startServerProcess({ DATABASE_URL: databaseUrl, PLANCIA_DB_LOCK_TIMEOUT_MS: String(LOCK_TIMEOUT_MS) });
    admin = await session(databaseUrl);
    control = await session(process.env.DATABASE_URL!);
  });

  afterAll(async () => {
    if (server?.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await admin?.end();
    await control?.end();
    await database?.dispose();
  });

  it('stays up when the backend of a running request is terminated, answers 503 + Retry-After, then recovers', async () => {
    expect((await post()).status).toBe(202);
    await admin.query('BEGIN');
    await admin.query('LOCK TABLE event_journal');
    const blocked = post();
    await waitFor(() => serverWaitsForLock(admin), 'the ingest to wait for the journal lock');
    expect(await terminateServerBackends(control, admin)).toBeGreaterThan(0);
    const answer = await blocked;
    await admin.query('ROLLBACK');
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
    // The dropped client's 'error' event comes after the failed query: give it time to take the process down.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await expectStillServing();
    await waitFor(async () => (await post()).status === 202, 'ingest to recover by itself');
  });

  it('stays up when idle connections are terminated between requests and recovers with no manual action', async () => {
    for (let round = 0; round < 3; round++) {
      await Promise.all(Array.from({ length: 5 }, () => post()));
      await terminateServerBackends(control, admin);
      const answers = await Promise.all(Array.from({ length: 5 }, () => post()));
      for (const answer of answers) {
        expect([202, 503]).toContain(answer.status);
        if (answer.status === 503) expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
      }
    }
    await expectStillServing();
    await waitFor(async () => (await post()).status === 202, 'ingest to recover by itself');
  });

  it('answers 503 + Retry-After while the database refuses connections, serves the board, and recovers', async () => {
    const name = admin.database!;
    await control.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    try {
      await terminateServerBackends(control, admin);
      await waitFor(async () => (await post()).status !== 202, 'the refusal to reach the server');
      const refused = await post();
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
      await expectStillServing();
    } finally {
      await control.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    }
    await waitFor(async () => (await post()).status === 202, 'ingest to recover by itself');
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  it('answers 503 within the lock timeout while another session holds the journal locked, and /readyz says not ready', async () => {
    await admin.query('BEGIN');
    await admin.query('LOCK TABLE event_journal');
    try {
      const started = Date.now();
      const answer = await post();
      const elapsed = Date.now() - started;
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(elapsed).toBeLessThan(LOCK_TIMEOUT_MS + 1_500);
      const probeStarted = Date.now();
      expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
      expect(Date.now() - probeStarted).toBeLessThan(LOCK_TIMEOUT_MS + 1_500);
      await expectStillServing();
    } finally {
      await admin.query('ROLLBACK');
    }
    expect((await post()).status).toBe(202);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  it('has every acknowledged event in the journal', async () => {
    const { rows } = await admin.query<{ id: string }>('SELECT id FROM event_journal');
    const journal = new Set(rows.map((row) => row.id));
    expect(acknowledged.length).toBeGreaterThan(10);
    expect(acknowledged.filter((id) => !journal.has(id))).toEqual([]);
  });
});
