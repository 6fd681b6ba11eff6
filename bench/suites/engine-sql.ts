import pg from 'pg';
import { createEngine } from '@plancia/engine';
import { DEFAULT_SETTINGS } from '@plancia/contracts';
import { openStore } from '@plancia/store';
import { contactLives, timed } from '../lib/events.js';
import { freshDatabase } from '../lib/database.js';
import { serviceLevelsFromJournal } from '../lib/journal-sql.js';
import { measurement, type Measurement } from '../lib/report.js';

const QUEUES = 20;
const config = { settings: DEFAULT_SETTINGS, queues: [], calendars: [], alertRules: [], agents: [] };

/** Contact lives spread over today so far (all ended), so the engine's `today` window and the SQL see the same facts. */
function todaysTraffic(lives: number, nowMs: number, todayStartMs: number) {
  const from = todayStartMs + 1_000;
  const span = Math.max(60_000, nowMs - 4 * 60_000 - from);
  return timed(contactLives(lives, { startMs: from, spacingMs: span / lives, queues: QUEUES, prefix: 'sql' }));
}

async function timeAverage(fn: () => unknown, minMs: number): Promise<number> {
  await fn(); // warm-up: plans, caches, JIT
  let calls = 0;
  const started = performance.now();
  while (performance.now() - started < minMs) {
    await fn();
    calls++;
  }
  return (performance.now() - started) / calls;
}

/**
 * The engine's service level of every queue against the query a team would write over the journal in PostgreSQL,
 * for the same facts and the same window (today). The two must agree before either is timed.
 */
export async function engineSqlSuite(quick: boolean): Promise<Measurement[]> {
  const lives = quick ? 5_000 : 20_000;
  const minMs = quick ? 1_500 : 4_000;
  const nowMs = Date.now();
  const engine = createEngine(config, nowMs);
  const todayStartMs = Date.parse(engine.snapshot(nowMs).bounds.todayStart);
  const events = todaysTraffic(lives, nowMs, todayStartMs);

  const live = createEngine(config, todayStartMs);
  for (let i = 0; i < events.length; i += 1_000) {
    const slice = events.slice(i, i + 1_000);
    live.apply(slice, slice.at(-1)!.timeMs);
  }
  live.tick(nowMs);

  const db = await freshDatabase('sql');
  const store = await openStore({ databaseUrl: db.url });
  const client = new pg.Client({ connectionString: db.url });
  try {
    for (let i = 0; i < events.length; i += 10_000) await store.journal.append(events.slice(i, i + 10_000));
    await client.connect();
    await client.query('ANALYZE event_journal');

    const fromSql = await serviceLevelsFromJournal(client, todayStartMs, nowMs);
    for (const queue of live.snapshot(nowMs).queues) {
      const sql = fromSql.get(queue.queueId) ?? null;
      const ours = queue.windows.today.serviceLevel;
      if (sql === null || ours === null ? sql !== ours : Math.abs(sql - ours) > 1e-9) {
        throw new Error(`service level of ${queue.queueId} today: engine ${ours}, SQL over the journal ${sql}`);
      }
    }

    const levels = [...fromSql.values()].filter((v): v is number => v !== null);
    if (levels.length !== QUEUES) throw new Error(`SQL gave a service level for ${levels.length} of ${QUEUES} queues`);
    const range = `${(Math.min(...levels) * 100).toFixed(1)}–${(Math.max(...levels) * 100).toFixed(1)} %`;

    const snapshotMs = await timeAverage(() => live.snapshot(nowMs), minMs);
    const sqlMs = await timeAverage(() => serviceLevelsFromJournal(client, todayStartMs, nowMs), minMs);
    return [
      measurement({
        suite: 'engine-sql', name: `service level of ${QUEUES} queues, today, per queue`, unit: 'µs', value: (snapshotMs * 1000) / QUEUES,
        baseline: { name: 'SQL over the journal in PostgreSQL, per queue', value: (sqlMs * 1000) / QUEUES },
        notes: `${events.length} journaled events; engine = full snapshot (every window and metric), SQL = service level only; both agree on every queue (service levels ${range})`,
      }),
    ];
  } finally {
    await client.end().catch(() => undefined);
    await store.close();
    await db.drop();
  }
}
