import type { TimedEvent } from '@plancia/contracts';
import type { Store } from '@plancia/store';
import { ClusterLive } from '../cluster/cluster-live.js';
import type { EntityCaps } from '../ingest/entity-caps.js';
import type { LiveState } from '../live/live-state.js';
import type { EngineControls } from './config-service.js';
import { loadEngineConfig } from './engine-config.js';

/**
 * The single process rebuilds its engine at once from the journal since the start of the longest window. A cluster
 * node's live state is a replica: the change goes through the stream (ClusterLive.reconfigure), so every node rebuilds
 * at the same position and gives the same snapshot. Configured queues count within PLANCIA_MAX_QUEUES; a change's
 * replay keeps to the limits as the start's does.
 */
export function engineControls(live: LiveState, store: Pick<Store, 'config' | 'journal'>, entityCaps: EntityCaps): EngineControls {
  if (live instanceof ClusterLive) return { reconfigure: (queue) => live.reconfigure(queue?.queueId) };
  const journal = async (): Promise<TimedEvent[]> => {
    const events: TimedEvent[] = [];
    await store.journal.readSince(live.replayFrom(), (chunk) => void events.push(...chunk));
    return entityCaps.admitReplayed(events);
  };
  return {
    async reconfigure(queue) {
      if (queue) {
        entityCaps.configureQueue(queue.queueId);
        return live.rebuildWithQueue(queue, await journal());
      }
      const config = await loadEngineConfig(store.config);
      for (const configured of config.queues) entityCaps.configureQueue(configured.queueId);
      live.rebuild(config, await journal());
      return 0;
    },
  };
}
