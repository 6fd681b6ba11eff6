import type { FastifyInstance } from 'fastify';
import { Counter, Gauge } from 'prom-client';
import type { CheckpointerDeps } from './checkpointer.js';

/** What a checkpointer reports, as metrics and log lines: the single process's and a cluster node's alike. */
export function checkpointOutcomes(fastify: FastifyInstance): Pick<CheckpointerDeps, 'onWritten' | 'onError'> {
  const { log, metrics } = fastify;
  const written = new Counter({ name: 'plancia_checkpoints_written_total', help: 'Engine checkpoints written', registers: [metrics.registry] });
  const position = new Gauge({ name: 'plancia_checkpoint_position', help: 'Position the last checkpoint covers (journal seq; stream sequence in cluster mode)', registers: [metrics.registry] });
  const blocked = new Gauge({ name: 'plancia_checkpoint_blocked_seconds', help: 'Event-loop time the last checkpoint took (state and JSON; the rest is off the loop)', registers: [metrics.registry] });
  return {
    onWritten: (outcome) => {
      written.inc();
      position.set(Number(outcome.position));
      blocked.set(outcome.blockedMs / 1000);
      log.info(outcome, 'checkpoint written');
    },
    onError: (error) => log.error({ err: error }, 'checkpoint not written'),
  };
}
