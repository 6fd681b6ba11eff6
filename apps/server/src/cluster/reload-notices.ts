import type { LiveState } from '../live/live-state.js';
import type { ClusterBus } from './cluster-bus.js';
import { ClusterLive } from './cluster-live.js';
import type { ReloadTopic } from './cluster-messages.js';

/**
 * State a node holds in memory from PostgreSQL that any node may change (silences, tenants). The node that stored a
 * change `announce`s it; every other node reads the topic again (`reload`, with the id the change named). In the
 * single process nothing is announced or heard: the node that stores a change is the only one holding the state.
 */
export interface ReloadNotices {
  announce(id?: string): Promise<void>;
  /**
   * Loads the state, then reads it again whenever another node announces a change. Notices are heard from before the
   * load begins: one the stream carried during the load, about a change the load may have missed, is read after it.
   */
  loadFollowing<T>(load: () => Promise<T>, reload: (loaded: T, id: string | undefined) => Promise<void>): Promise<{ loaded: T; stop: () => void }>;
}

export function reloadNotices(cluster: ClusterBus | null, live: LiveState, topic: ReloadTopic): ReloadNotices {
  if (!cluster || !(live instanceof ClusterLive)) {
    return { announce: async () => undefined, loadFollowing: async (load) => ({ loaded: await load(), stop: () => undefined }) };
  }
  const self = cluster.config.nodeId;
  return {
    announce: (id) => cluster.publishReload(topic, id),
    async loadFollowing(load, reload) {
      const heard: (string | undefined)[] = [];
      let onNotice = async (id: string | undefined): Promise<void> => void heard.push(id);
      // This node's own notices are skipped: it changed its state before announcing.
      const stop = live.onReload((notice) => (notice.topic === topic && notice.node !== self ? onNotice(notice.id) : Promise.resolve()));
      const loaded = await load();
      onNotice = (id) => reload(loaded, id);
      for (const id of heard) await reload(loaded, id);
      return { loaded, stop };
    },
  };
}
