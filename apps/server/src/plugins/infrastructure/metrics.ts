import { monitorEventLoopDelay } from 'node:perf_hooks';
import fp from 'fastify-plugin';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface PlanciaMetrics {
  registry: Registry;
  eventsAccepted: Counter;
  eventsRejected: Counter;
  eventsDuplicate: Counter;
  commitSeconds: Histogram;
  /** Open client connections by transport; the push layer and the ingest socket keep it current. */
  connectedClients: Gauge<'transport'>;
  /** Events refused at ingest, or dropped at replay, because a queue or agent limit is reached. */
  entityLimitRefusals: Counter<'entity'>;
  /** Logins refused for a wrong username or password (rate-limited attempts are not counted: they are not tried). */
  loginFailures: Counter;
  /** Notification tries by channel type and outcome (sent, retry, dead, skipped). */
  notificationOutcomes: Counter<'type' | 'outcome'>;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: PlanciaMetrics;
  }
}

/** Prometheus metrics on a registry of this instance (several servers can live in one test process). */
export default fp(
  async (fastify) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    const loopDelay = monitorEventLoopDelay({ resolution: 20 });
    loopDelay.enable();
    new Gauge({
      name: 'plancia_event_loop_lag_seconds',
      help: 'Event-loop delay over the last scrape interval (p99); high values mean late ticks and pushes',
      registers: [registry],
      collect() {
        this.set(loopDelay.percentile(99) / 1e9);
        loopDelay.reset();
      },
    });
    const metrics: PlanciaMetrics = {
      registry,
      eventsAccepted: new Counter({ name: 'plancia_events_accepted_total', help: 'Events committed to the journal', registers: [registry] }),
      eventsRejected: new Counter({ name: 'plancia_events_rejected_total', help: 'Events refused as invalid', registers: [registry] }),
      eventsDuplicate: new Counter({ name: 'plancia_events_duplicate_total', help: 'Events already in the journal', registers: [registry] }),
      commitSeconds: new Histogram({
        name: 'plancia_journal_commit_seconds',
        help: 'Time from a batch reaching the journal to its durable commit',
        buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
        registers: [registry],
      }),
      connectedClients: new Gauge({ name: 'plancia_connected_clients', help: 'Open client connections', labelNames: ['transport'], registers: [registry] }),
      entityLimitRefusals: new Counter({
        name: 'plancia_entity_limit_refusals_total',
        help: 'Events refused (ingest) or dropped (replay) because PLANCIA_MAX_QUEUES or PLANCIA_MAX_AGENTS is reached',
        labelNames: ['entity'],
        registers: [registry],
      }),
      loginFailures: new Counter({ name: 'plancia_login_failures_total', help: 'Logins refused for a wrong username or password', registers: [registry] }),
      notificationOutcomes: new Counter({
        name: 'plancia_notifications_total',
        help: 'Notification delivery tries by channel type and outcome: sent, retry (failed, tried again later), dead (given up or 410 Gone), skipped (acknowledged or muted before a reminder fell due)',
        labelNames: ['type', 'outcome'],
        registers: [registry],
      }),
    };
    fastify.decorate('metrics', metrics);
    fastify.addHook('onClose', async () => {
      loopDelay.disable();
      registry.clear();
    });
  },
  { name: 'metrics' },
);
