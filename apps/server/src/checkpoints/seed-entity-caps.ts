import type { TimedEvent } from '@plancia/contracts';
import type { PlanciaEngine } from '@plancia/engine';
import type { EntityCaps } from '../ingest/entity-caps.js';

/**
 * The queue and agent limits count what a replay admits; a checkpoint brings its entities without a replay, so they
 * are counted from its state (as minimal events: the limits only read the ids).
 */
export function seedEntityCaps(engine: PlanciaEngine, caps: EntityCaps, nowMs: number): void {
  const snapshot = engine.snapshot(nowMs);
  const mentions = [
    ...snapshot.queues.map((q) => ({ type: 'contact.queued', data: { queueId: q.queueId } })),
    ...snapshot.agents.map((a) => ({ type: 'agent.state', data: { agentId: a.agentId } })),
  ] as unknown as TimedEvent[];
  caps.admitReplayed(mentions);
}
