import pg from 'pg';
import Cursor from 'pg-cursor';
import { agentsFor, contactLives } from '../lib/events.js';
import { freshDatabase } from '../lib/database.js';
import { copyJournalRows } from '../lib/journal-copy.js';
import { startServer, type RunningProcess } from '../lib/processes.js';
import { progress } from '../lib/progress.js';
import { atMost, measurement, type Measurement } from '../lib/report.js';
import { percentile } from '../lib/stats.js';

/**
 * Starts timed, each figure the median of this many: one start moves by ±0.5 s from run to run on a 2-core machine,
 * as much as the restart's margin to its target.
 */
const STARTS = 3;

const median = (samples: readonly number[]): number => percentile([...samples].sort((a, b) => a - b), 50);
const seconds = (samples: readonly number[]): string => samples.map((ms) => (ms / 1000).toFixed(2)).join(', ');

/** A full replay: checkpoints off, so a start never resumes from one. */
const NO_CHECKPOINTS = { PLANCIA_CHECKPOINT_INTERVAL_S: '0' };

/** The day the suite journals: `total` events inside today's window, half an hour at most, ending now. */
function dayOf(total: number) {
  const now = Date.now();
  const midnight = new Date(new Date().toLocaleString('en-US', { timeZone: 'Europe/Rome' }));
  const sinceMidnight = (midnight.getHours() * 3600 + midnight.getMinutes() * 60 + midnight.getSeconds()) * 1000;
  const span = Math.max(60_000, Math.min(30 * 60_000, sinceMidnight - 5 * 60_000));
  const lives = Math.ceil(total / 3.8); // nine lives in ten have 4 events, one in ten (abandoned) has 2
  const spacingMs = (span - 3 * 60_000) / lives;
  return { total, lives, startMs: now - span, spacingMs, agents: agentsFor(spacingMs) };
}

/**
 * The servers' settings: a million events in half an hour are lives a few ms apart, answered by tens of thousands of
 * agents, more than the default agent limit (10,000). Under that limit a replay drops every event naming the agents
 * beyond it, leaving their contacts waiting for ever, and the figures would be of a state the journal does not
 * describe; a centre of that size raises the limit, so the suite does too (`checkNothingDropped` holds it).
 */
const serverEnv = (url: string, agents: number) => ({ DATABASE_URL: url, PLANCIA_MAX_AGENTS: String(Math.max(10_000, agents)) });

/** Journals the day by COPY straight into the journal table the server created. */
async function fillJournal(url: string, day: ReturnType<typeof dayOf>): Promise<number> {
  const events = contactLives(day.lives, { startMs: day.startMs, spacingMs: day.spacingMs, queues: 50, prefix: 'r' }).slice(0, day.total);
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

/** Time to ready of a first start on an empty database (its migrations included): the suite's own and more. */
async function timedEmptyStarts(url: string, env: (url: string) => Record<string, string>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const extra = i === 0 ? null : await freshDatabase(`replay_empty${i}`);
    try {
      const started = performance.now();
      const server = await startServer({ ...env(extra?.url ?? url), ...NO_CHECKPOINTS });
      samples.push(performance.now() - started);
      await server.stop();
    } finally {
      await extra?.drop();
    }
  }
  return samples;
}

/** Stops a server as a crash would: no last checkpoint, so the next start resumes from the same one. */
async function crash(server: RunningProcess): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGKILL');
  await exited;
}

/** Throws when the server dropped or refused events for a queue or agent limit: its figures would not be the journal's. */
async function checkNothingDropped(url: string): Promise<void> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const dropped = [...text.matchAll(/^plancia_entity_limit_refusals_total\{[^}]*\} (\S+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
  if (dropped > 0) throw new Error(`the server dropped ${dropped} events at a queue or agent limit: the replay would not be of the whole journal`);
}

export async function replaySuite(quick: boolean): Promise<Measurement[]> {
  const day = dayOf(quick ? 30_000 : 1_000_000);
  const env = (url: string) => serverEnv(url, day.agents);
  const step = progress('replay');
  const db = await freshDatabase('replay');
  try {
    const emptyStarts = await timedEmptyStarts(db.url, env);
    const emptyStartMs = median(emptyStarts);
    step(`empty starts in ${seconds(emptyStarts)} s`);
    const journaled = await fillJournal(db.url, day);
    step(`${journaled} events of ${day.agents} agents journaled by COPY`);
    const started = performance.now();
    const server = await startServer({ ...env(db.url), ...NO_CHECKPOINTS }, 300_000);
    const readyMs = performance.now() - started;
    await checkNothingDropped(server.url);
    const snapshot = (await (await fetch(`${server.url}/api/v1/snapshot`)).json()) as { centre: { windows: { today: { offered: number } } } };
    await server.stop();
    step(`replayed and ready in ${(readyMs / 1000).toFixed(1)} s`);
    const rawMs = await rawRead(db.url);
    const replayMs = readyMs - emptyStartMs;
    const resumed = await checkpointRestart(env(db.url), quick ? 2_000 : 20_000, emptyStarts, step);
    return [
      ...resumed,
      measurement({
        suite: 'replay', name: `rebuild from ${journaled.toLocaleString('en')} journaled events (start to ready, less an empty start)`, unit: 's', value: replayMs / 1000,
        baseline: { name: 'raw cursor read of the same rows', value: rawMs / 1000 },
        target: atMost('1 M events ≤ 10 s (scaled linearly to 1 M)', (replayMs / 1000) * (1_000_000 / journaled), 10),
        notes: `empty start ${(emptyStartMs / 1000).toFixed(1)} s (median of ${STARTS}); today offered after replay: ${snapshot.centre.windows.today.offered}`,
      }),
    ];
  } finally {
    await db.drop();
  }
}

/** How long the server takes to take and write a checkpoint of the replayed state, from its own metrics. */
async function writtenCheckpoint(url: string): Promise<{ blockedMs: number }> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    const text = await (await fetch(`${url}/metrics`)).text();
    const written = Number(/^plancia_checkpoints_written_total (\S+)$/m.exec(text)?.[1] ?? 0);
    if (written >= 1) return { blockedMs: Number(/^plancia_checkpoint_blocked_seconds (\S+)$/m.exec(text)?.[1]) * 1000 };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('no checkpoint written within 5 minutes');
}

/** The floor of a start from a checkpoint: stream the tail after its position out of PostgreSQL, nothing else. */
async function rawTailRead(url: string, position: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  const cursor = client.query(new Cursor('SELECT payload FROM event_journal WHERE seq > $1 ORDER BY seq', [position]));
  let rows: { payload: unknown }[];
  do rows = await cursor.read(10_000); while (rows.length > 0);
  const elapsed = performance.now() - started;
  await cursor.close();
  await client.end();
  return elapsed;
}

async function latestCheckpoint(url: string): Promise<{ position: string; bytes: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ position: string; bytes: number }>("SELECT position, octet_length(state) AS bytes FROM engine_checkpoint WHERE position_kind = 'journal' ORDER BY seq DESC LIMIT 1");
    return rows[0]!;
  } finally {
    await client.end();
  }
}

/**
 * Restart-to-ready from a checkpoint of the whole journal plus `tail` events journaled after it (as a crash leaves
 * them), against the cursor read of that tail. The checkpoint is the server's own, written while it runs.
 */
async function checkpointRestart(env: { DATABASE_URL: string }, tail: number, emptyStarts: readonly number[], step: (line: string) => void): Promise<Measurement[]> {
  const url = env.DATABASE_URL;
  const emptyStartMs = median(emptyStarts);
  const writer = await startServer({ ...env, PLANCIA_CHECKPOINT_INTERVAL_S: '1' }, 300_000);
  const { blockedMs } = await writtenCheckpoint(writer.url);
  await writer.stop(); // a clean stop writes the last checkpoint, covering everything journaled
  const checkpoint = await latestCheckpoint(url);
  step(`checkpoint of ${(checkpoint.bytes / 1e6).toFixed(1)} MB compressed, ${blockedMs.toFixed(0)} ms on the event loop`);
  const now = Date.now();
  const tailEvents = contactLives(Math.ceil(tail / 3.8), { startMs: now - 120_000, spacingMs: 100_000 / Math.ceil(tail / 3.8), queues: 50, prefix: 't' }).slice(0, tail);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await copyJournalRows(client, 'event_journal', tailEvents, 50_000);
  await client.end();
  const restarts: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const started = performance.now();
    const server = await startServer({ ...env, PLANCIA_CHECKPOINT_INTERVAL_S: '3600' }, 300_000);
    restarts.push(performance.now() - started);
    await checkNothingDropped(server.url);
    await crash(server);
  }
  const readyMs = median(restarts);
  step(`resumed from the checkpoint plus ${tailEvents.length} events and ready in ${seconds(restarts)} s`);
  const rawMs = await rawTailRead(url, checkpoint.position);
  const overEmpty = readyMs - emptyStartMs;
  return [
    measurement({
      suite: 'replay', name: `restart from a checkpoint plus ${tailEvents.length.toLocaleString('en')} events after it (start to ready, less an empty start)`, unit: 's', value: overEmpty / 1000,
      baseline: { name: 'raw cursor read of the tail after the checkpoint', value: rawMs / 1000 },
      target: atMost('ready within 2 s of an empty start', overEmpty / 1000, 2),
      notes: `medians of ${STARTS}: restarts ${seconds(restarts)} s, empty starts ${seconds(emptyStarts)} s; checkpoint ${(checkpoint.bytes / 1e6).toFixed(1)} MB compressed; taking it held the event loop ${blockedMs.toFixed(0)} ms (state and JSON; compression and the write are off the loop)`,
    }),
  ];
}
