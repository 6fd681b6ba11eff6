import type { PlanciaEvent } from '@plancia/contracts';

/** The longest a life keeps its agent: a wait under 40 s, 120 s of talk and 30 s of wrap-up. */
const LIFE_MS = 40_000 + 120_000 + 30_000;

/** The fewest agents that take lives `spacingMs` apart in turn without any agent ever holding two at once. */
export function agentsFor(spacingMs: number): number {
  return Math.ceil(LIFE_MS / spacingMs) + 1;
}

/**
 * A stream of complete, valid contact lives (queued → answered or abandoned → ended → completed) spread over
 * `queues` queues, one life every `spacingMs`, starting at `startMs`. Deterministic. Agents take lives in turn;
 * there are `agents` of them, by default as few as keep every agent on one contact at a time (a centre whose agents
 * answered a new call while still on dozens of others would measure the engine's conflict handling, not its work).
 */
export function contactLives(count: number, opts: { startMs: number; spacingMs: number; queues: number; agents?: number; source?: string; prefix?: string }): PlanciaEvent[] {
  const source = opts.source ?? 'bench';
  const prefix = opts.prefix ?? 'c';
  const needed = agentsFor(opts.spacingMs);
  const agents = opts.agents ?? needed;
  if (agents < needed) throw new Error(`contactLives: ${agents} agents would hold several lives at once; lives ${opts.spacingMs} ms apart need ${needed}`);
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
    const agentId = `a${i % agents}`;
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
