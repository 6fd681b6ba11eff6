import type { PlanciaEvent } from '@plancia/contracts';

/**
 * A stream of complete, valid contact lives (queued → answered or abandoned → ended → completed) spread over
 * `queues` queues and `agents` agents, one life every `spacingMs`, starting at `startMs`. Deterministic.
 */
export function contactLives(count: number, opts: { startMs: number; spacingMs: number; queues: number; agents: number; source?: string; prefix?: string }): PlanciaEvent[] {
  const source = opts.source ?? 'bench';
  const prefix = opts.prefix ?? 'c';
  const events: PlanciaEvent[] = [];
  const iso = (ms: number) => new Date(ms).toISOString();
  for (let i = 0; i < count; i++) {
    const t = opts.startMs + i * opts.spacingMs;
    const contactId = `${prefix}${i}`;
    const queueId = `q${i % opts.queues}`;
    const wait = (i * 7919) % 40_000; // deterministic spread of waits around a 20 s threshold
    const base = { specversion: '1.0' as const, source };
    events.push({ ...base, id: `${contactId}:q`, type: 'contact.queued', time: iso(t), data: { contactId, queueId, channel: 'voice' } });
    if (i % 10 === 9) {
      events.push({ ...base, id: `${contactId}:x`, type: 'contact.abandoned', time: iso(t + wait), data: { contactId } });
      continue;
    }
    const agentId = `a${i % opts.agents}`;
    events.push({ ...base, id: `${contactId}:a`, type: 'contact.answered', time: iso(t + wait), data: { contactId, agentId } });
    events.push({ ...base, id: `${contactId}:e`, type: 'contact.ended', time: iso(t + wait + 120_000), data: { contactId } });
    events.push({ ...base, id: `${contactId}:c`, type: 'contact.completed', time: iso(t + wait + 150_000), data: { contactId } });
  }
  return events;
}

/** Events as the engine consumes them (with parsed time), in time order. */
export function timed(events: PlanciaEvent[]) {
  return events.map((e) => ({ ...e, timeMs: Date.parse(e.time) })).sort((a, b) => a.timeMs - b.timeMs);
}
