import pg from 'pg';
import Cursor from 'pg-cursor';
import { openStore } from '@plancia/store';
import { contactLives, timed } from '../lib/events.js';
import { freshDatabase } from '../lib/database.js';
import { startServer } from '../lib/processes.js';
import { measurement, type Measurement } from '../lib/report.js';

/** Journals `total` events inside today's window, through the store's own append path. */
async function fillJournal(url: string, total: number): Promise<void> {
  const now = Date.now();
  const midnight = new Date(new Date().toLocaleString('en-US', { timeZone: 'Europe/Rome' }));
  const sinceMidnight = (midnight.getHours() * 3600 + midnight.getMinutes() * 60 + midnight.getSeconds()) * 1000;
  const span = Math.max(60_000, Math.min(30 * 60_000, sinceMidnight - 5 * 60_000));
  const lives = Math.ceil(total / 4);
  const events = timed(contactLives(lives, { startMs: now - span, spacingMs: (span - 3 * 60_000) / lives, queues: 50, agents: 500, prefix: 'r' })).slice(0, total);
  const store = await openStore({ databaseUrl: url });
  try {
    for (let i = 0; i < events.length; i += 10_000) await store.journal.append(events.slice(i, i + 10_000));
  } finally {
    await store.close();
  }
}

/** The floor: stream the same rows out of PostgreSQL and parse them, doing nothing else. */
async function rawRead(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  const cursor = client.query(new Cursor('SELECT payload FROM event_journal ORDER BY time, seq'));
  let rows: { payload: unknown }[];
  do rows = await cursor.read(10_000); while (rows.length > 0);
  const elapsed = performance.now() - started;
  await cursor.close();
  await client.end();
  return elapsed;
}

export async function replaySuite(quick: boolean): Promise<Measurement[]> {
  const total = quick ? 200_000 : 1_000_000;
  const db = await freshDatabase('replay');
  try {
    const empty = performance.now();
    const first = await startServer({ DATABASE_URL: db.url });
    const emptyStartMs = performance.now() - empty;
    await first.stop();
    await fillJournal(db.url, total);
    const started = performance.now();
    const server = await startServer({ DATABASE_URL: db.url }, 300_000);
    const readyMs = performance.now() - started;
    const snapshot = (await (await fetch(`${server.url}/api/v1/snapshot`)).json()) as { centre: { windows: { today: { offered: number } } } };
    await server.stop();
    const rawMs = await rawRead(db.url);
    const replayMs = readyMs - emptyStartMs;
    return [
      measurement({
        suite: 'replay', name: `rebuild from ${total.toLocaleString('en')} journaled events (start to ready, less an empty start)`, unit: 's', value: replayMs / 1000,
        baseline: { name: 'raw cursor read of the same rows', value: rawMs / 1000 },
        target: { text: '1 M events ≤ 10 s', met: (replayMs / 1000) * (1_000_000 / total) <= 10 },
        notes: `empty start ${(emptyStartMs / 1000).toFixed(1)} s; today offered after replay: ${snapshot.centre.windows.today.offered}`,
      }),
    ];
  } finally {
    await db.drop();
  }
}
