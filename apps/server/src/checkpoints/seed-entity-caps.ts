import type { TimedEvent } from '@plancia/contracts';
import type { PlanciaEngine } from '@plancia/engine';
import type { EntityCaps } from '../ingest/entity-caps.js';

/**
 * The queue and agent limits count what a replay admits; a checkpoint brings its entities without a replay, so they
 * are counted from its state (as minimal events: the limits only read the ids). By their ids only: a snapshot of a
 * large floor's day would work out every agent's figures for a start that reads none of them.
 */
export function seedEntityCaps(engine: PlanciaEngine, caps: EntityCaps): void {
  const { queueIds, agentIds } = engine.entityIds();
  const mentions = [
    ...queueIds.map((queueId) => ({ type: 'contact.queued', data: { queueId } })),
    ...agentIds.map((agentId) => ({ type: 'agent.state', data: { agentId } })),
  ] as unknown as TimedEvent[];
  caps.admitReplayed(mentions);
}
