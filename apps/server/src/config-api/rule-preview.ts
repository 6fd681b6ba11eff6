import type { AlertEvent, AlertRule, TimedEvent } from '@plancia/contracts';
import { createEngine, type EngineConfig } from '@plancia/engine';
import type { JournalRepository } from '@plancia/store';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { setImmediate as nextTurn } from 'node:timers/promises';

export const PREVIEW_SPAN_MS = 60 * 60_000;
export const PREVIEW_STEP_MS = 10_000;
/** Previews replayed at once; each is a whole replay of today, so more would only starve the board. */
export const PREVIEW_CONCURRENCY = 2;
/** Events applied, or ticks run, between two returns to the event loop (health checks and pushes answer meanwhile). */
const CHUNK = 500;

/** An onRequest hook letting `limit` previews run together; the next one gets 503 + Retry-After. */
export function previewLimiter(limit: number) {
  let running = 0;
  return async (_request: FastifyRequest, reply: FastifyReply) => {
    if (running >= limit) {
      return reply.code(503).header('retry-after', '5').send({ error: 'busy', message: `${limit} rule previews are running already: retry shortly` });
    }
    running += 1;
    reply.raw.once('close', () => { running -= 1; });
  };
}

/**
 * When a candidate rule would have raised and resolved over the last hour: the journal is replayed into a scratch
 * engine that has only this rule, ticking every 10 s, so the answer is what the engine would have done, not a guess.
 * `config`: the stored configuration as the engine runs it (loadEngineConfig); this rule takes the place of its rules.
 */
export async function previewRule(
  rule: AlertRule, config: EngineConfig, journal: JournalRepository, nowMs: number,
): Promise<AlertEvent[]> {
  const startMs = nowMs - PREVIEW_SPAN_MS;
  const engine = createEngine({ ...config, alertRules: [{ ...rule, enabled: true }] }, startMs);
  const events: TimedEvent[] = [];
  await journal.readSince(engine.replayFrom(startMs), (chunk) => { events.push(...chunk); });
  events.sort((a, b) => a.timeMs - b.timeMs);

  let next = 0;
  const applyUntil = async (t: number) => {
    while (next < events.length && events[next]!.timeMs <= t) {
      const from = next;
      while (next < events.length && next - from < CHUNK && events[next]!.timeMs <= t) next += 1;
      engine.apply(events.slice(from, next), t);
      if (next - from === CHUNK) await nextTurn();
    }
  };
  await applyUntil(startMs);
  engine.tick(startMs);
  // What was already true an hour ago is context, not a transition of the preview.
  engine.drainAlertEvents();
  const transitions: AlertEvent[] = [];
  for (let t = startMs + PREVIEW_STEP_MS, step = 1; t <= nowMs; t += PREVIEW_STEP_MS, step += 1) {
    await applyUntil(t);
    engine.tick(t);
    if (step % 10 === 0) await nextTurn();
    transitions.push(...engine.drainAlertEvents().filter((e) => e.kind !== 'acknowledged'));
  }
  return transitions;
}
