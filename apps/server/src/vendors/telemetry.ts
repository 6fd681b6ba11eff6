import { Counter, Gauge, type Registry } from 'prom-client';
import type { SourceHealth } from '../plugins/app/source-health.js';

/** What one adapter source reports about itself, to /metrics and /readyz. */
export interface SourceTelemetry {
  readonly source: string;
  /** Contract events the mapper produced. */
  mapped(count: number): void;
  /** Vendor messages that mean nothing to the board (other events, replies). */
  ignored(count?: number): void;
  /** Vendor messages the mapper could not read, or events the ingest path refused. */
  rejected(count?: number): void;
  reconnected(): void;
  signatureFailed(): void;
  /** Stream sources: the link came up or went down. */
  link(connected: boolean, detail?: string): void;
  /** Stream sources: closed on purpose, another node holds the link (`detail` says so); nothing is wrong here. */
  standby(detail: string): void;
  /** The source sent something the board learnt from. */
  heard(atMs: number): void;
}

const labelNames = ['source'] as const;

/** One set of adapter counters on the server's registry, shared by every source (labelled by source). */
export function createTelemetry(registry: Registry, health: Map<string, SourceHealth>) {
  const counter = (name: string, help: string) => new Counter({ name, help, labelNames, registers: [registry] });
  const metrics = {
    mapped: counter('plancia_adapter_events_mapped_total', 'Contract events mapped from vendor messages'),
    ignored: counter('plancia_adapter_messages_ignored_total', 'Vendor messages with nothing for the board'),
    rejected: counter('plancia_adapter_messages_rejected_total', 'Vendor messages that could not be mapped, or mapped events the ingest path refused'),
    reconnects: counter('plancia_adapter_reconnects_total', 'Reconnection attempts after a lost or refused link'),
    signatureFailures: counter('plancia_adapter_signature_failures_total', 'Webhook deliveries refused for their signature or token'),
    connected: new Gauge({ name: 'plancia_adapter_connected', help: '1 while a stream source is connected', labelNames, registers: [registry] }),
  };

  return function telemetry(source: string, kind: 'stream' | 'webhook'): SourceTelemetry {
    const labels = { source };
    let state: SourceHealth = kind === 'stream'
      ? { healthy: false, connected: false, detail: 'connecting', at: new Date().toISOString() }
      : { healthy: true, detail: 'waiting for deliveries', at: new Date().toISOString() };
    const report = (next: Partial<SourceHealth>) => {
      state = { ...state, ...next, at: new Date().toISOString() };
      health.set(source, state);
    };
    report({});
    for (const c of [metrics.mapped, metrics.ignored, metrics.rejected, metrics.reconnects, metrics.signatureFailures]) c.inc(labels, 0);
    return {
      source,
      mapped: (count) => metrics.mapped.inc(labels, count),
      ignored: (count = 1) => metrics.ignored.inc(labels, count),
      rejected: (count = 1) => metrics.rejected.inc(labels, count),
      reconnected: () => metrics.reconnects.inc(labels),
      signatureFailed: () => metrics.signatureFailures.inc(labels),
      link(connected, detail) {
        metrics.connected.set(labels, connected ? 1 : 0);
        const { detail: _old, ...rest } = state;
        state = rest;
        report({ healthy: connected, connected, ...(detail ? { detail } : {}) });
      },
      standby(detail) {
        metrics.connected.set(labels, 0);
        report({ healthy: true, connected: false, detail });
      },
      heard(atMs) {
        const { detail: _old, ...rest } = state;
        if (kind === 'webhook') state = rest;
        report({ lastEventAt: new Date(atMs).toISOString() });
      },
    };
  };
}

export type TelemetryFactory = ReturnType<typeof createTelemetry>;
