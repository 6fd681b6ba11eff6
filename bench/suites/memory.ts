import type { PlanciaEvent } from '@plancia/contracts';
import { freshDatabase } from '../lib/database.js';
import { lifeTraffic } from '../lib/life-traffic.js';
import { rssMiB, startServer, type RunningProcess } from '../lib/processes.js';
import { atMost, measurement, type Measurement } from '../lib/report.js';

const SAMPLE_EVERY_MS = 2_000;

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

/** Median of a few RSS readings of an idle server, to step over a collection in progress. */
async function settledRss(proc: RunningProcess): Promise<number> {
  const readings: number[] = [];
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 500));
    readings.push(rssMiB(proc.child.pid!));
  }
  return readings.sort((a, b) => a - b)[2]!;
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

/**
 * The server's RSS holding a large centre, against the same server empty; then a soak of complete contact lives in
 * real time at four times the nominal 50 contacts/s, so that the soak carries the traffic of 4 × its length.
 * Growth is the slope of RSS over the second half of the soak, extrapolated to 10 minutes.
 */
export async function memorySuite(quick: boolean): Promise<Measurement[]> {
  const [queues, agents, tickets] = quick ? [50, 500, 10_000] : [500, 5_000, 100_000];
  const soakSeconds = quick ? 20 : 150;
  const perSecond = 200;
  const db = await freshDatabase('memory');
  const server = await startServer({ DATABASE_URL: db.url });
  try {
    const emptyRss = await settledRss(server);
    await load(server.url, centre(queues, agents, tickets));
    const loadedRss = await settledRss(server);

    const traffic = lifeTraffic(server.url, perSecond, { queues, agents, prefix: 'soak' });
    const samples: { atMs: number; mib: number }[] = [];
    const started = Date.now();
    while (Date.now() - started < soakSeconds * 1000) {
      await new Promise((r) => setTimeout(r, SAMPLE_EVERY_MS));
      samples.push({ atMs: Date.now() - started, mib: rssMiB(server.child.pid!) });
    }
    const { lives, posted } = await traffic.stop();
    const secondHalf = samples.filter((s) => s.atMs >= (soakSeconds * 1000) / 2);
    const perTenMinutes = slopePerMinute(secondHalf) * 10;
    const midRss = secondHalf[0]?.mib ?? loadedRss;
    const scale = `${queues} queues, ${agents.toLocaleString('en')} agents, ${tickets.toLocaleString('en')} open tickets`;
    return [
      measurement({
        suite: 'memory', name: `server RSS with ${scale}`, unit: 'MiB', value: loadedRss,
        baseline: { name: 'the same server empty', value: emptyRss },
      }),
      measurement({
        suite: 'memory', name: `RSS growth per 10 min, soak of ${soakSeconds} s at ${perSecond} contacts/s`, unit: 'MiB', value: perTenMinutes,
        baseline: { name: 'RSS at mid-soak', value: midRss },
        target: atMost('flat: < 5 % growth over 10 min', perTenMinutes, 0.05 * midRss),
        notes: `${lives} contact lives, ${posted} events; slope of the second half, extrapolated; samples (MiB): ` +
          samples.filter((_, i) => i % 5 === 4).map((s) => s.mib.toFixed(0)).join(', '),
      }),
    ];
  } finally {
    await server.stop();
    await db.drop();
  }
}
