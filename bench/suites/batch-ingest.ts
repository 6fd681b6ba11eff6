import pg from 'pg';
import WebSocket from 'ws';
import type { PlanciaEvent, TimedEvent } from '@plancia/contracts';
import { openStore } from '@plancia/store';
import { contactLives } from '../lib/events.js';
import { expectJournaled, freshDatabase } from '../lib/database.js';
import { copyJournalRows } from '../lib/journal-copy.js';
import { coresNote, cpuMeter, startServer } from '../lib/processes.js';
import { progress } from '../lib/progress.js';
import { atLeast, measurement, type Measurement } from '../lib/report.js';

const BATCH = 1_000;
const CONCURRENCY = 4;

function batches(events: PlanciaEvent[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < events.length; i += BATCH) out.push(events.slice(i, i + BATCH).map((e) => JSON.stringify(e)).join('\n'));
  return out;
}

/** Sends every item, CONCURRENCY at a time, each after the one before it in its lane answered; answers the ms taken. */
async function sendConcurrently<T>(items: readonly T[], send: (item: T) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < items.length) await send(items[next++]!);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  return performance.now() - started;
}

function postAll(url: string, bodies: string[]): Promise<number> {
  return sendConcurrently(bodies, async (body) => {
    const res = await fetch(`${url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
    if (res.status !== 202) throw new Error(`batch ingest answered ${res.status}: ${await res.text()}`);
  });
}

async function streamAll(url: string, frames: string[]): Promise<number> {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/api/v1/ingest`);
  await new Promise((ok, fail) => { socket.once('open', ok); socket.once('error', fail); });
  const started = performance.now();
  await new Promise<void>((done, fail) => {
    let sent = 0;
    let acked = 0;
    const pump = () => { while (sent < frames.length && sent - acked < CONCURRENCY) socket.send(frames[sent++]!); };
    socket.on('message', (raw) => {
      const reply = JSON.parse(String(raw)) as { ack?: number; nack?: number; error?: string };
      if (reply.nack !== undefined) return fail(new Error(`ingest socket refused frame ${reply.nack}: ${reply.error}`));
      acked++;
      if (acked === frames.length) done();
      else pump();
    });
    pump();
  });
  const elapsed = performance.now() - started;
  socket.close();
  return elapsed;
}

/** The floor: COPY of the same rows into a table built LIKE the journal (same columns, keys and indexes), same database. */
async function copyAll(url: string, events: PlanciaEvent[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE TABLE copy_baseline (LIKE event_journal INCLUDING ALL)');
    const started = performance.now();
    await copyJournalRows(client, 'copy_baseline', events, BATCH);
    return performance.now() - started;
  } finally {
    await client.end();
  }
}

/**
 * The journal alone: the same batches appended through Plancia's own journal (`openStore(...).journal.append`: its
 * group commit and statement), CONCURRENCY at a time, from this process, into the server's database. No HTTP,
 * parsing, validation or engine: what the database's side of an acknowledged batch costs.
 */
async function journalAll(url: string, events: PlanciaEvent[]): Promise<number> {
  const store = await openStore({ databaseUrl: url });
  const timed = events.map((e): TimedEvent => ({ ...e, timeMs: Date.parse(e.time) }) as TimedEvent);
  const calls: TimedEvent[][] = [];
  for (let i = 0; i < timed.length; i += BATCH) calls.push(timed.slice(i, i + BATCH));
  try {
    return await sendConcurrently(calls, async (batch) => {
      const { accepted } = await store.journal.append(batch);
      if (accepted.length !== batch.length) throw new Error(`journal floor: ${batch.length - accepted.length} duplicates`);
    });
  } finally {
    await store.close();
  }
}

export async function batchIngestSuite(quick: boolean): Promise<Measurement[]> {
  const lives = quick ? 6_000 : 50_000;
  const step = progress('batch-ingest');
  const startMs = Date.now() - 3_600_000;
  const httpEvents = contactLives(lives, { startMs, spacingMs: 50, queues: 20, prefix: 'h' });
  const wsEvents = contactLives(lives, { startMs, spacingMs: 50, queues: 20, prefix: 'w' });
  const floorEvents = contactLives(lives, { startMs, spacingMs: 50, queues: 20, prefix: 'f' });
  const db = await freshDatabase('batch');
  const server = await startServer({ DATABASE_URL: db.url });
  try {
    const httpMeter = cpuMeter(server.child.pid!);
    const httpMs = await postAll(server.url, batches(httpEvents));
    const httpCores = httpMeter.cores(httpMs);
    step(`HTTP: ${httpEvents.length} events in ${(httpMs / 1000).toFixed(1)} s`);
    const wsMeter = cpuMeter(server.child.pid!);
    const wsMs = await streamAll(server.url, batches(wsEvents));
    const wsCores = wsMeter.cores(wsMs);
    step(`WebSocket: ${wsEvents.length} events in ${(wsMs / 1000).toFixed(1)} s`);
    await expectJournaled(db.url, httpEvents.length + wsEvents.length);
    const journalMeter = cpuMeter(process.pid);
    const journalMs = await journalAll(db.url, floorEvents);
    const journalCores = journalMeter.cores(journalMs);
    step(`journal alone: ${floorEvents.length} events in ${(journalMs / 1000).toFixed(1)} s`);
    const copyMeter = cpuMeter(process.pid);
    const copyMs = await copyAll(db.url, httpEvents);
    const copyCores = copyMeter.cores(copyMs);
    const rate = (n: number, ms: number) => (n / ms) * 1000;
    const copyRate = rate(httpEvents.length, copyMs);
    const baseline = { name: 'raw COPY of the same rows', value: copyRate };
    const target = (r: number) => atLeast('≥ 100,000 events/s committed', r, 100_000);
    const httpRate = rate(httpEvents.length, httpMs);
    const wsRate = rate(wsEvents.length, wsMs);
    const journalRate = rate(floorEvents.length, journalMs);
    return [
      measurement({ suite: 'batch-ingest', name: `HTTP NDJSON, ${BATCH}/request × ${CONCURRENCY}`, unit: 'events/s', value: httpRate, baseline, target: target(httpRate), notes: `${httpEvents.length} events; ${coresNote(httpCores)}; during the COPY ${coresNote(copyCores, 'bench process')}` }),
      measurement({ suite: 'batch-ingest', name: `ingest WebSocket, ${BATCH}/frame, ${CONCURRENCY} in flight`, unit: 'events/s', value: wsRate, baseline, target: target(wsRate), notes: `${wsEvents.length} events; ${coresNote(wsCores)}` }),
      measurement({
        suite: 'batch-ingest', name: `the journal's append alone, ${BATCH}/call × ${CONCURRENCY}`, unit: 'events/s', value: journalRate, baseline,
        notes: `the database's side of an acknowledged batch (same statement and group commit, no HTTP, parsing, validation or engine); HTTP reaches ${(httpRate / journalRate).toFixed(2)} × it; ${coresNote(journalCores, 'bench process')}`,
      }),
    ];
  } finally {
    await server.stop();
    await db.drop();
  }
}
