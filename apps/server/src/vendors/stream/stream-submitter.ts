import { setTimeout as sleep } from 'node:timers/promises';
import { INGEST_LIMITS, type PlanciaEvent } from '@plancia/contracts';
import { StorageUnavailableError } from '@plancia/store';
import type { IngestService } from '../../ingest/ingest-service.js';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff.js';
import type { SourceTelemetry } from '../telemetry.js';

/** Above this many events waiting for the journal, the link stops reading (TCP pushes back on the PBX). */
const HIGH_WATER = 20_000;

interface Logger {
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

/**
 * Carries a stream source's mapped events down the ingest path, in order, one batch in flight at a time: what
 * arrives meanwhile joins the next batch, so a fast PBX gets group commits. Events the ingest path refuses are
 * dropped and counted, the rest of their batch still goes; while the journal is unavailable it retries with
 * backoff, and `saturated` tells the link to stop reading until the backlog drains.
 */
export class StreamSubmitter {
  private pending: PlanciaEvent[] = [];
  private draining: Promise<void> | null = null;
  private closed = false;
  private readonly abort = new AbortController();
  private drainedWaiters: (() => void)[] = [];

  constructor(
    private readonly ingest: IngestService,
    private readonly telemetry: SourceTelemetry,
    private readonly log: Logger,
  ) {}

  push(events: readonly PlanciaEvent[]): void {
    if (events.length === 0 || this.closed) return;
    this.pending.push(...events);
    this.draining ??= this.drain();
  }

  get saturated(): boolean {
    return this.pending.length >= HIGH_WATER;
  }

  /** Resolves once everything pushed so far is committed (or dropped). */
  idle(): Promise<void> {
    if (this.draining === null) return Promise.resolve();
    return new Promise((resolve) => this.drainedWaiters.push(resolve));
  }

  /** Commits what is already pending (no more retries once the journal fails), then takes nothing new. */
  async close(): Promise<void> {
    this.closed = true;
    this.abort.abort();
    await this.draining;
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      await this.submit(this.pending.splice(0, INGEST_LIMITS.maxEvents));
    }
    this.draining = null;
    this.drainedWaiters.splice(0).forEach((wake) => wake());
  }

  private async submit(batch: PlanciaEvent[]): Promise<void> {
    for (let attempt = 0; batch.length > 0; attempt++) {
      try {
        const result = await this.ingest.ingest(batch);
        if (result.ok) return;
        const refused = new Set(result.details.map((d) => d.index));
        this.telemetry.rejected(refused.size);
        this.log.warn({ source: this.telemetry.source, details: result.details.slice(0, 5) }, 'adapter events refused by validation');
        batch = batch.filter((_event, index) => !refused.has(index));
      } catch (error) {
        if (!(error instanceof StorageUnavailableError) || this.closed) {
          this.telemetry.rejected(batch.length);
          this.log.error({ err: error, source: this.telemetry.source }, 'adapter batch failed; dropped');
          return;
        }
        this.log.warn({ source: this.telemetry.source }, 'journal unavailable; adapter batch held for a retry');
        await sleep(backoffDelay(attempt, DEFAULT_BACKOFF), undefined, { signal: this.abort.signal }).catch(() => undefined);
      }
    }
  }
}
