import { defaultQueueConfig, DEFAULT_SETTINGS, type AgentStateName, type QueueConfig, type ServiceLevelSettings, type TimedEvent } from '@plancia/contracts';
import type { EngineConfig } from './engine-api.js';
import { createEngine, type Engine } from './engine.js';

/** Monday 2026-03-02 10:00:00 Europe/Rome (09:00 UTC): a plain working morning. */
export const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
export const s = (seconds: number): number => T0 + seconds * 1000;

let counter = 0;
function event<T extends TimedEvent['type']>(type: T, atMs: number, data: Record<string, unknown>, id?: string): TimedEvent {
  return { specversion: '1.0', id: id ?? `e${++counter}`, source: 'test', type, time: new Date(atMs).toISOString(), timeMs: atMs, data } as TimedEvent;
}

export const ev = {
  queued: (contactId: string, at: number, queueId = 'q1', channel = 'voice') => event('contact.queued', at, { contactId, queueId, channel }),
  answered: (contactId: string, at: number, agentId = 'a1') => event('contact.answered', at, { contactId, agentId }),
  abandoned: (contactId: string, at: number) => event('contact.abandoned', at, { contactId }),
  transferred: (contactId: string, at: number, toQueueId: string) => event('contact.transferred', at, { contactId, toQueueId }),
  ended: (contactId: string, at: number) => event('contact.ended', at, { contactId }),
  completed: (contactId: string, at: number) => event('contact.completed', at, { contactId }),
  agent: (agentId: string, at: number, state: AgentStateName, extra: Record<string, unknown> = {}) => event('agent.state', at, { agentId, state, ...extra }),
  survey: (at: number, data: Record<string, unknown>) => event('survey.completed', at, data),
};

export function queue(queueId: string, sl: Partial<ServiceLevelSettings> = {}, extra: Partial<QueueConfig> = {}): QueueConfig {
  const base = defaultQueueConfig(queueId, 'voice');
  return { ...base, ...extra, serviceLevel: { ...base.serviceLevel, ...sl } };
}

export function config(queues: QueueConfig[] = [queue('q1')], extra: Partial<EngineConfig> = {}): EngineConfig {
  return { settings: DEFAULT_SETTINGS, queues, calendars: [], alertRules: [], agents: [], ...extra };
}

export function createEngineAt(cfg: EngineConfig, nowMs = T0): Engine {
  return createEngine(cfg, nowMs);
}

/**
 * Applies `events` in `batches` slices as they arrived, the engine's clock at the latest event seen so far; `after`
 * runs after each slice (a server drains the changes there).
 */
export function applyInBatches(engine: Engine, events: readonly TimedEvent[], batches: number, startMs = T0, after?: (seenMs: number) => void): void {
  const size = Math.ceil(events.length / batches);
  let seen = startMs;
  for (let i = 0; i < events.length; i += size) {
    const batch = events.slice(i, i + size);
    for (const e of batch) seen = Math.max(seen, e.timeMs);
    engine.apply(batch, seen);
    after?.(seen);
  }
}

export function engineWith(events: TimedEvent[], nowMs: number, cfg = config()): Engine {
  const engine = createEngine(cfg, T0);
  engine.apply(events, nowMs);
  return engine;
}

export function queueOf(engine: Engine, nowMs: number, queueId = 'q1') {
  const q = engine.snapshot(nowMs).queues.find((x) => x.queueId === queueId);
  if (!q) throw new Error(`no queue ${queueId}`);
  return q;
}

/** How a generated contact leaves its queue, for property tests. */
export type ContactOutcome = 'answered' | 'abandoned' | 'waiting' | 'transferred';
export interface ContactEnding {
  queue: 'q1' | 'q2'; wait: number; outcome: ContactOutcome; talk: number; wrap: number | null;
}

/** The events after a contact's `queued` at `queuedAt`: abandoned, moved to the other queue, or answered and ended. */
export function contactEnding(id: string, queuedAt: number, agent: string, p: ContactEnding): TimedEvent[] {
  const end = queuedAt + p.wait;
  if (p.outcome === 'abandoned') return [ev.abandoned(id, end)];
  if (p.outcome === 'transferred') return [ev.transferred(id, end, p.queue === 'q1' ? 'q2' : 'q1')];
  if (p.outcome !== 'answered') return [];
  const handled = [ev.answered(id, end, agent), ev.ended(id, end + p.talk)];
  return p.wrap === null ? handled : [...handled, ev.completed(id, end + p.talk + p.wrap)];
}
