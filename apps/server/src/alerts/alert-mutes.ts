import fp from 'fastify-plugin';
import type { Alert, Silence } from '@plancia/contracts';
import { reloadNotices } from '../cluster/reload-notices.js';
import { isMutedBy, silenceOf } from './silence-match.js';

/** What notifications ask before they go out; also what marks alerts `silencedBy` on the boards. */
export interface AlertMutes {
  /** True when a silence matches the alert now or it is snoozed until after `atMs`. */
  isMuted(alert: Alert, atMs: number): boolean;
  /** Silences in force or to come (cached from the store), soonest end first. */
  list(atMs: number): Silence[];
  /** Re-reads the silences after a change stored here, pushes the changed marks to the boards and tells the other nodes. */
  reload(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    alertMutes: AlertMutes;
  }
}

/**
 * Silences are few and read on every alert pushed: they are kept in memory, loaded at start (they survive restarts in
 * the store) and reloaded on every change made through the API, on this node or (cluster mode) on another: the
 * leader's notifications honour a silence whichever node it was made on.
 */
export default fp(
  async (fastify) => {
    const { store, live, tenancy, cluster } = fastify;
    let silences: Silence[] = [];
    const read = async () => {
      silences = await store.silences.active(Date.now());
      live.refreshMarks();
    };
    const notices = reloadNotices(cluster, live, 'silences');
    const { stop } = await notices.loadFollowing(async () => void (silences = await store.silences.active(Date.now())), read);
    fastify.addHook('onClose', async () => stop());
    const teamOfQueue = (queueId: string) => tenancy.placements.teamOfQueue(queueId);
    const mutes: AlertMutes = {
      isMuted: (alert, atMs) => isMutedBy(silences, alert, atMs, teamOfQueue),
      list: (atMs) => silences.filter((s) => Date.parse(s.endsAt) > atMs),
      reload: async () => {
        await read();
        await notices.announce();
      },
    };
    fastify.decorate('alertMutes', mutes);
    live.useMarker(
      (alert, atMs) => ({ ...alert, silencedBy: silenceOf(silences, alert, atMs, teamOfQueue)?.id ?? null }),
      () => silences.length > 0,
    );
  },
  { name: 'alert-mutes', dependencies: ['store', 'live', 'tenancy', 'cluster'] },
);
