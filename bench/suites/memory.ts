import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, type PlanciaEvent } from '@plancia/contracts';
import { freshDatabase } from '../lib/database.js';
import { lifeTraffic } from '../lib/life-traffic.js';
import { inspectorProbe, type HeapReading } from '../lib/inspector.js';
import { freePort } from '../../test/support/ports.js';
import { startServer } from '../lib/processes.js';
import { progress } from '../lib/progress.js';
import { atMost, measurement, type Measurement } from '../lib/report.js';

function centre(queues: number, agents: number, tickets: number): PlanciaEvent[] {
  const time = new Date().toISOString();
  const event = (type: string, id: string, data: Record<string, unknown>) => ({ specversion: '1.0', id, source: 'bench-memory', type, time, data }) as PlanciaEvent;
  return [
    ...Array.from({ length: agents }, (_, i) => event('agent.state', `agent-${i}`, { agentId: `a${i}`, state: 'available', queueIds: [`q${i % queues}`], teamId: `t${i % 50}` })),
    ...Array.from({ length: queues }, (_, i) => event('contact.queued', `open-${i}`, { contactId: `open-${i}`, queueId: `q${i}`, channel: 'voice' })),
    ...Array.from({ length: tickets }, (_, i) => event('ticket.created', `ticket-${i}`, { ticketId: `t${i}`, queueId: `q${i % queues}`, channel: 'email', priority: 'normal' })),
  ];
}

async function load(url: string, events: PlanciaEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += 1_000) {
    const res = await fetch(`${url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(events.slice(i, i + 1_000)) });
    if (res.status !== 202) throw new Error(`memory load: ingest answered ${res.status}: ${await res.text()}`);
  }
}

/** Least-squares slope of RSS samples, in MiB per minute. */
function slopePerMinute(samples: { atMs: number; mib: number }[]): number {
  const n = samples.length;
  const mx = samples.reduce((a, s) => a + s.atMs, 0) / n;
  const my = samples.reduce((a, s) => a + s.mib, 0) / n;
  const sxy = samples.reduce((a, s) => a + (s.atMs - mx) * (s.mib - my), 0);
  const sxx = samples.reduce((a, s) => a + (s.atMs - mx) ** 2, 0);
  return sxx === 0 ? 0 : (sxy / sxx) * 60_000;
}

/** 110 s in a full run (9 s quick), or BENCH_SOAK_SECONDS for a real soak, e.g. 600 with `--only memory`. */
function soakLength(quick: boolean): number {
  const raw = process.env.BENCH_SOAK_SECONDS;
  if (raw === undefined || raw === '') return quick ? 9 : 110;
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 30) throw new Error(`BENCH_SOAK_SECONDS=${JSON.stringify(raw)}: expected a whole number of seconds, at least 30`);
  return seconds;
}

/** The server keeps a finished contact for the grace period; a short one lets the soak reach its steady state sooner. */
function shortGraceConfig(graceSeconds: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'plancia-bench-config-'));
  const file = join(dir, 'plancia.json');
  writeFileSync(file, JSON.stringify({ settings: { ...DEFAULT_SETTINGS, graceSeconds }, queues: [], calendars: [], alertRules: [], agents: [] }));
  return file;
}

/**
 * The server's memory holding a large centre, against the same server empty; then a soak of complete contact lives
 * in real time at five times the nominal 50 contacts/s, so that two minutes carry the traffic of a ten-minute soak.
 * Every reading follows a full collection (through the inspector). Growth is the slope of the live heap once the
 * population of contacts is steady (a life plus the grace period after the soak starts), extrapolated to ten minutes.
 */
export async function memorySuite(quick: boolean): Promise<Measurement[]> {
  const [queues, agents, tickets] = quick ? [50, 500, 10_000] : [500, 5_000, 100_000];
  // Lives short enough that every agent is on one contact at a time (250 lives/s of 18 s keep 4,051 of the 5,000 agents busy).
  const [lifeSeconds, graceSeconds] = quick ? [2, 3] : [18, 15];
  const warmUpMs = (lifeSeconds + graceSeconds + 5) * 1000;
  const soakSeconds = soakLength(quick);
  const sampleEveryMs = quick ? 1_500 : 7_000;
  const perSecond = 250;
  const step = progress('memory');
  const db = await freshDatabase('memory');
  const inspectPort = await freePort();
  const server = await startServer({ DATABASE_URL: db.url, PLANCIA_CONFIG: shortGraceConfig(graceSeconds) }, 120_000, [`--inspect=127.0.0.1:${inspectPort}`]);
  const probe = await inspectorProbe(inspectPort);
  try {
    const empty = await probe.afterGc();
    await load(server.url, centre(queues, agents, tickets));
    const loaded = await probe.afterGc();
    step(`centre loaded: RSS ${loaded.rssMiB.toFixed(0)} MiB (empty ${empty.rssMiB.toFixed(0)} MiB); soaking ${soakSeconds} s`);

    const traffic = lifeTraffic(server.url, perSecond, { queues, agents, prefix: 'soak', lifeSeconds });
    const samples: ({ atMs: number } & HeapReading)[] = [];
    const started = Date.now();
    while (Date.now() - started < soakSeconds * 1000) {
      await new Promise((r) => setTimeout(r, sampleEveryMs));
      samples.push({ atMs: Date.now() - started, ...(await probe.afterGc()) });
    }
    const { lives, posted } = await traffic.stop();
    const steady = samples.filter((s) => s.atMs >= warmUpMs);
    const heapPerTenMinutes = slopePerMinute(steady.map((s) => ({ atMs: s.atMs, mib: s.heapUsedMiB }))) * 10;
    const rssPerTenMinutes = slopePerMinute(steady.map((s) => ({ atMs: s.atMs, mib: s.rssMiB }))) * 10;
    const steadyHeap = steady[0]?.heapUsedMiB ?? loaded.heapUsedMiB;
    const scale = `${queues} queues, ${agents.toLocaleString('en')} agents, ${tickets.toLocaleString('en')} open tickets`;
    return [
      measurement({
        suite: 'memory', name: `server RSS with ${scale}`, unit: 'MiB', value: loaded.rssMiB,
        baseline: { name: 'the same server empty', value: empty.rssMiB },
        notes: `after a full collection; live heap ${loaded.heapUsedMiB.toFixed(0)} MiB (empty ${empty.heapUsedMiB.toFixed(0)} MiB)`,
      }),
      measurement({
        suite: 'memory', name: `live heap growth per 10 min, ${soakSeconds}-s soak at ${perSecond} contacts/s`, unit: 'MiB', value: heapPerTenMinutes,
        baseline: { name: 'live heap when steady', value: steadyHeap },
        target: atMost('flat: < 5 % growth over 10 min', heapPerTenMinutes, 0.05 * steadyHeap),
        notes: `${lives} contact lives of ${lifeSeconds} s, ${posted} events, grace ${graceSeconds} s; slope from ${warmUpMs / 1000} s on, extrapolated; RSS ${rssPerTenMinutes.toFixed(1)} MiB per 10 min; ` +
          `heap / RSS samples (MiB): ${samples.map((s) => `${s.heapUsedMiB.toFixed(0)}/${s.rssMiB.toFixed(0)}`).join(', ')}`,
      }),
    ];
  } finally {
    probe.close();
    await server.stop();
    await db.drop();
  }
}
