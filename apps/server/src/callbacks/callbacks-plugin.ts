import fp from 'fastify-plugin';
import { DEFAULT_TENANT } from '@plancia/contracts';
import { CONTACT_HORIZON_MS, CallbackWorklist } from './callback-worklist.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The callback worklist (callbacks/callback-worklist.ts): ingest feeds it, routes act on it, push forwards it. */
    callbackWorklist: CallbackWorklist;
  }
}

const REPLAY_CHUNK = 5_000;

/**
 * Opens the worklist and reads the journal's last hours through it before ingest opens: contacts queued before a
 * restart and abandoned after it still show their queue and wait, and an abandon journaled but not yet in the list
 * when the process died (killed between the two writes) is recorded now. What was recorded already changes nothing.
 */
export default fp(
  async (fastify) => {
    const { store, log } = fastify;
    const worklist = await CallbackWorklist.open(store.callbacks, DEFAULT_TENANT);
    const startedAt = Date.now();
    const read = await store.journal.readSince(startedAt - CONTACT_HORIZON_MS, (events) => worklist.record(events), REPLAY_CHUNK);
    fastify.decorate('callbackWorklist', worklist);
    log.info({ events: read, ms: Date.now() - startedAt }, 'callback worklist caught up with the journal');
  },
  { name: 'callbacks', dependencies: ['store'] },
);
