import pg from 'pg';
import Cursor from 'pg-cursor';
import { contactLives } from '../lib/events.js';
import { freshDatabase } from '../lib/database.js';
import { copyJournalRows } from '../lib/journal-copy.js';
import { startServer } from '../lib/processes.js';
import { progress } from '../lib/progress.js';
import { atMost, measurement, type Measurement } from '../lib/report.js';

/** Journals `total` events inside today's window, by COPY straight into the journal table the server created. */
async function fillJournal(url: string, total: number): Promise<number> {
  const now = Date.now();
  const midnight = new Date(new Date().toLocaleString('en-US', { timeZone: 'Europe/Rome' }));
  const sinceMidnight = (midnight.getHours() * 3600 + midnight.getMinutes() * 60 + midnight.getSeconds()) * 1000;
  const span = Math.max(60_000, Math.min(30 * 60_000, sinceMidnight - 5 * 60_000));
  const lives = Math.ceil(total / 3.8); // nine lives in ten have 4 events, one in ten (abandoned) has 2
  const events = contactLives(lives, { startMs: now - span, spacingMs: (span - 3 * 60_000) / lives, queues: 50, prefix: 'r' }).slice(0, total);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await copyJournalRows(client, 'event_journal', events, 50_000);
    await client.query('ANALYZE event_journal');
    return events.length;
  } finally {
    await client.end();
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
  const total = quick ? 30_000 : 1_000_000;
  const step = progress('replay');
  const db = await freshDatabase('replay');
  try {
    const empty = performance.now();
    const first = await startServer({ DATABASE_URL: db.url });
    const emptyStartMs = performance.now() - empty;
    await first.stop();
    step(`empty start in ${(emptyStartMs / 1000).toFixed(1)} s`);
    const journaled = await fillJournal(db.url, total);
    step(`${journaled} events journaled by COPY`);
    const started = performance.now();
    const server = await startServer({ DATABASE_URL: db.url }, 300_000);
    const readyMs = performance.now() - started;
    const snapshot = (await (await fetch(`${server.url}/api/v1/snapshot`)).json()) as { centre: { windows: { today: { offered: number } } } };
    await server.stop();
    step(`replayed and ready in ${(readyMs / 1000).toFixed(1)} s`);
    const rawMs = await rawRead(db.url);
    const replayMs = readyMs - emptyStartMs;
    return [
      measurement({
        suite: 'replay', name: `rebuild from ${journaled.toLocaleString('en')} journaled events (start to ready, less an empty start)`, unit: 's', value: replayMs / 1000,
        baseline: { name: 'raw cursor read of the same rows', value: rawMs / 1000 },
        target: atMost('1 M events ≤ 10 s (scaled linearly to 1 M)', (replayMs / 1000) * (1_000_000 / journaled), 10),
        notes: `empty start ${(emptyStartMs / 1000).toFixed(1)} s; today offered after replay: ${snapshot.centre.windows.today.offered}`,
      }),
    ];
  } finally {
    await db.drop();
  }
}
