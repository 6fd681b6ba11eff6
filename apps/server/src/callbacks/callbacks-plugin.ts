import fp from 'fastify-plugin';
import { DEFAULT_TENANT } from '@plancia/contracts';
import { CallbackWorklist } from './callback-worklist.js';
import { catchUpWorklist, WorklistCheckpointer, type WorklistStart } from './callback-checkpoints.js';
import { readAfterKept } from '../checkpoints/start-tail.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The callback worklist (callbacks/callback-worklist.ts): ingest feeds it, routes act on it, push forwards it. */
    callbackWorklist: CallbackWorklist;
    /** How the worklist caught up with the journal at start. */
    callbackWorklistStart: WorklistStart;
  }
}

/** How often the worklist's waiting contacts are written when engine checkpoints are off (they are small). */
const DEFAULT_CHECKPOINT_MS = 60_000;

/**
 * Opens the worklist and brings it up to the journal before ingest opens (callback-checkpoints.ts), then writes its
 * checkpoints with the engine's interval (every minute when those are off) and at stop. A cluster node reads the
 * recent journal at each start: its journal is written by the leader, so no position of its own covers its batches.
 */
export default fp(
  async (fastify) => {
    const { store, log, config, cluster } = fastify;
    const startedAt = Date.now();
    const worklist = await CallbackWorklist.open(store.callbacks, DEFAULT_TENANT);
    // Read before the catch-up: nothing is ingested until the server is ready, so it covers what the catch-up reads.
    const startPosition = await store.journal.lastSeq();
    // The engine's start read the journal after its checkpoint, which the worklist's was written with: read once.
    const tail = fastify.hasDecorator('startTail') ? fastify.startTail : null;
    const deps = {
      worklist,
      journal: {
        readAfter: readAfterKept(tail, store.journal.readAfter.bind(store.journal)),
        readSince: store.journal.readSince.bind(store.journal),
        committedThrough: () => store.journal.committedThrough() ?? startPosition,
      },
      checkpoints: store.checkpoints,
      tenant: DEFAULT_TENANT,
      now: Date.now,
    };
    const start = await catchUpWorklist(deps, !cluster);
    tail?.release();
    fastify.decorate('callbackWorklist', worklist);
    fastify.decorate('callbackWorklistStart', start);
    log.info({ ...start, ms: Date.now() - startedAt }, 'callback worklist caught up with the journal');
    if (cluster) return;
    const checkpointer = new WorklistCheckpointer({
      ...deps,
      onWritten: (position) => log.info({ position }, 'callback worklist checkpoint written'),
      onError: (error) => log.warn({ err: error }, 'callback worklist checkpoint failed'),
    });
    checkpointer.start(config.checkpointIntervalMs > 0 ? config.checkpointIntervalMs : DEFAULT_CHECKPOINT_MS);
    fastify.addHook('onClose', () => checkpointer.stop());
  },
  { name: 'callbacks', dependencies: ['store', 'config', 'cluster'] },
);
