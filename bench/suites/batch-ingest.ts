import pg from 'pg';
import WebSocket from 'ws';
import type { PlanciaEvent } from '@plancia/contracts';
import { contactLives } from '../lib/events.js';
import { expectJournaled, freshDatabase } from '../lib/database.js';
import { copyJournalRows } from '../lib/journal-copy.js';
import { cpuMillis, startServer } from '../lib/processes.js';
import { progress } from '../lib/progress.js';
import { atLeast, measurement, type Measurement } from '../lib/report.js';

const BATCH = 1_000;
const CONCURRENCY = 4;

function batches(events: PlanciaEvent[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < events.length; i += BATCH) out.push(events.slice(i, i + BATCH).map((e) => JSON.stringify(e)).join('\n'));
  return out;
}

async function postAll(url: string, bodies: string[]): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const res = await fetch(`${url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
      if (res.status !== 202) throw new Error(`batch ingest answered ${res.status}: ${await res.text()}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return performance.now() - started;
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

export async function batchIngestSuite(quick: boolean): Promise<Measurement[]> {
  const lives = quick ? 6_000 : 50_000;
  const step = progress('batch-ingest');
  const startMs = Date.now() - 3_600_000;
  const httpEvents = contactLives(lives, { startMs, spacingMs: 50, queues: 20, prefix: 'h' });
  const wsEvents = contactLives(lives, { startMs, spacingMs: 50, queues: 20, prefix: 'w' });
  const db = await freshDatabase('batch');
  const server = await startServer({ DATABASE_URL: db.url });
  try {
    const cpu0 = cpuMillis(server.child.pid!);
    const httpMs = await postAll(server.url, batches(httpEvents));
    const httpCores = (cpuMillis(server.child.pid!) - cpu0) / httpMs;
    step(`HTTP: ${httpEvents.length} events in ${(httpMs / 1000).toFixed(1)} s`);
    const wsMs = await streamAll(server.url, batches(wsEvents));
    step(`WebSocket: ${wsEvents.length} events in ${(wsMs / 1000).toFixed(1)} s`);
    await expectJournaled(db.url, httpEvents.length + wsEvents.length);
    const copyMs = await copyAll(db.url, httpEvents);
    const rate = (n: number, ms: number) => (n / ms) * 1000;
    const copyRate = rate(httpEvents.length, copyMs);
    const baseline = { name: 'raw COPY of the same rows', value: copyRate };
    const target = (r: number) => atLeast('≥ 100,000 events/s committed', r, 100_000);
    const httpRate = rate(httpEvents.length, httpMs);
    const wsRate = rate(wsEvents.length, wsMs);
    return [
      measurement({ suite: 'batch-ingest', name: `HTTP NDJSON, ${BATCH}/request × ${CONCURRENCY}`, unit: 'events/s', value: httpRate, baseline, target: target(httpRate), notes: `${httpEvents.length} events; server busy ${httpCores.toFixed(2)} cores` }),
      measurement({ suite: 'batch-ingest', name: `ingest WebSocket, ${BATCH}/frame, ${CONCURRENCY} in flight`, unit: 'events/s', value: wsRate, baseline, target: target(wsRate), notes: `${wsEvents.length} events` }),
    ];
  } finally {
    await server.stop();
    await db.drop();
  }
}
