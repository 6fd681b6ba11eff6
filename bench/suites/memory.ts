import { createEngine } from '@plancia/engine';
import { DEFAULT_SETTINGS, type PlanciaEvent, type TimedEvent } from '@plancia/contracts';
import { contactLives, timed } from '../lib/events.js';
import { measurement, type Measurement } from '../lib/report.js';

const QUEUES = 500;
const AGENTS = 5_000;
const OPEN_TICKETS = 100_000;
const MiB = 2 ** 20;

function settle(): number {
  globalThis.gc?.();
  return process.memoryUsage().rss / MiB;
}

function staffing(startMs: number): PlanciaEvent[] {
  return Array.from({ length: AGENTS }, (_, i) => ({
    specversion: '1.0', id: `agent-${i}`, source: 'bench', type: 'agent.state', time: new Date(startMs).toISOString(),
    data: { agentId: `a${i}`, state: 'available', queueIds: [`q${i % QUEUES}`], teamId: `t${i % 50}` },
  }));
}

function openTickets(startMs: number): PlanciaEvent[] {
  return Array.from({ length: OPEN_TICKETS }, (_, i) => ({
    specversion: '1.0', id: `ticket-${i}`, source: 'bench', type: 'ticket.created', time: new Date(startMs + i).toISOString(),
    data: { ticketId: `t${i}`, queueId: `q${i % QUEUES}`, channel: 'email', priority: 'normal' },
  }));
}

/**
 * RSS of the engine holding a large centre, then its growth over a soak of steady traffic driven in event time
 * (the engine takes time as an argument, so ten minutes of traffic need not take ten minutes).
 */
export async function memorySuite(quick: boolean): Promise<Measurement[]> {
  const baselineRss = settle();
  const soakMinutes = quick ? 2 : 10;
  const startMs = Date.now() - (soakMinutes + 30) * 60_000;
  const engine = createEngine({ settings: DEFAULT_SETTINGS, queues: [], calendars: [], alertRules: [], agents: [] }, startMs);
  engine.apply(timed([...staffing(startMs), ...openTickets(startMs)]) as TimedEvent[], startMs + OPEN_TICKETS);
  engine.tick(startMs + OPEN_TICKETS);
  const loadedRss = settle();

  // 50 contact lives a second for the soak, ticking every simulated second.
  const perSecond = 50;
  const soakStart = startMs + 20 * 60_000;
  const lives = timed(contactLives(soakMinutes * 60 * perSecond, { startMs: soakStart, spacingMs: 1000 / perSecond, queues: QUEUES, agents: AGENTS, prefix: 's' }));
  const samples: number[] = [];
  let i = 0;
  for (let second = 0; second < soakMinutes * 60; second++) {
    const now = soakStart + (second + 1) * 1000;
    const from = i;
    while (i < lives.length && lives[i]!.timeMs <= now) i++;
    engine.apply(lives.slice(from, i), now);
    engine.tick(now);
    engine.drainDelta(now);
    engine.drainAlertEvents();
    engine.drainClosedIntervals();
    if (second % 60 === 59) samples.push(settle());
  }
  const first = samples[0] ?? loadedRss;
  const last = samples.at(-1) ?? loadedRss;
  const growth = last - first;
  return [
    measurement({
      suite: 'memory', name: `RSS with ${QUEUES} queues, ${AGENTS} agents, ${OPEN_TICKETS} open tickets`, unit: 'MiB', value: loadedRss,
      baseline: { name: 'the same process before loading', value: baselineRss },
    }),
    measurement({
      suite: 'memory', name: `RSS growth over a ${soakMinutes}-minute soak at ${perSecond} contacts/s (minute 1 → ${soakMinutes})`, unit: 'MiB', value: growth,
      baseline: { name: 'RSS after minute 1', value: first },
      target: { text: 'flat (< 5 % growth)', met: growth < 0.05 * first },
      notes: `samples per minute: ${samples.map((s) => s.toFixed(0)).join(', ')}`,
    }),
  ];
}
