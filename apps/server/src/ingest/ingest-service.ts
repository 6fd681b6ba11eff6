import { validateEvents, type EventError, type TimedEvent } from '@plancia/contracts';
import type { CapRefusal } from './entity-caps.js';

export type IngestResult =
  | { ok: true; accepted: number; duplicates: number }
  | { ok: false; error: 'invalid_events' | CapRefusal['error']; details: EventError[] };

/** What the service needs from the limits, the journal, the engine and the metrics. */
export interface IngestPorts {
  /** Counts the batch's new queues and agents, or refuses it when they would go beyond the limits. */
  admit(events: readonly TimedEvent[]): CapRefusal | null;
  /** Replaces caller identifiers by their pseudonyms (keeping callback numbers encrypted): nothing after sees one. */
  protect(events: TimedEvent[]): Promise<TimedEvent[]>;
  append(events: TimedEvent[]): Promise<{ accepted: TimedEvent[]; duplicates: number }>;
  apply(events: readonly TimedEvent[]): void;
  observe(outcome: { accepted: number; duplicates: number; rejected: number; commitSeconds?: number }): void;
  now(): number;
}

/**
 * The one path every event takes, whatever brought it (HTTP, WebSocket, webhook, adapter):
 * validate the whole batch → admit it within the queue and agent limits → pseudonymise callers → commit it to the
 * journal (deduplicated) → apply what was new to the engine.
 * Storage failures propagate (StorageUnavailableError) so that each transport answers them its own way.
 */
export class IngestService {
  constructor(private readonly ports: IngestPorts) {}

  async ingest(values: readonly unknown[]): Promise<IngestResult> {
    const validation = validateEvents(values, this.ports.now());
    if (!validation.ok) {
      this.ports.observe({ accepted: 0, duplicates: 0, rejected: values.length });
      return { ok: false, error: 'invalid_events', details: validation.errors };
    }
    if (validation.events.length === 0) return { ok: true, accepted: 0, duplicates: 0 };
    const refusal = this.ports.admit(validation.events);
    if (refusal) {
      this.ports.observe({ accepted: 0, duplicates: 0, rejected: values.length });
      return { ok: false, error: refusal.error, details: refusal.details };
    }
    const events = await this.ports.protect(validation.events);
    const started = process.hrtime.bigint();
    const { accepted, duplicates } = await this.ports.append(events);
    const commitSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    this.ports.apply(accepted);
    this.ports.observe({ accepted: accepted.length, duplicates, rejected: 0, commitSeconds });
    return { ok: true, accepted: accepted.length, duplicates };
  }
}
