import type { TimedEvent } from '@plancia/contracts';
import type { ClusterRepository } from '@plancia/store';
import type { ClusterBus } from './cluster-bus.js';
import { decode } from './cluster-messages.js';
import { streamRange } from './stream-range.js';

const BATCH = 2_000;
const RETRY_MS = 1_000;

/**
 * The leader's copy of the stream into PostgreSQL: a durable consumer read in batches, each batch's events inserted
 * (a (source, id) already journaled is skipped) together with the stream position reached, then acknowledged. After a
 * crash or a change of leader the consumer hands the unacknowledged batch out again; inserting it again changes
 * nothing, so the journal holds each event exactly once.
 */
export class JournalWriter {
  /** Each start begins a new run; a run ends once another has begun or the writer stopped, so two never overlap. */
  private run = 0;
  private active = false;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly bus: ClusterBus,
    private readonly repository: ClusterRepository,
    private readonly onError: (error: unknown, what: string) => void,
  ) {}

  start(): void {
    if (this.active) return;
    this.active = true;
    const run = ++this.run;
    // A lead lost and regained at once: the earlier run finishes its batch before this one reads the consumer.
    this.running = this.running.then(() => this.keepWriting(run));
  }

  async stop(): Promise<void> {
    this.active = false;
    await this.running;
  }

  private current(run: number): boolean {
    return this.active && run === this.run;
  }

  /** A failed fetch (NATS restarting, a slow answer under load) must not end the leader's journal: start over. */
  private async keepWriting(run: number): Promise<void> {
    while (this.current(run)) {
      try {
        await this.copy(run);
      } catch (error) {
        this.onError(error, 'writing the journal');
        if (this.current(run)) await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }

  private async copy(run: number): Promise<void> {
    const consumer = await this.bus.journalConsumer();
    const cursor = await this.repository.cursor(this.bus.config.name);
    let clockMs = cursor?.clockMs ?? 0;
    /** The first stream sequence the journal does not cover yet (the consumer delivers the whole stream). */
    let next = cursor ? cursor.seq + 1 : Math.max(1, (await this.bus.jsm.streams.info(this.bus.names.stream)).state.first_seq);
    while (this.current(run)) {
      const messages = await consumer.fetch({ max_messages: BATCH, expires: 1_000 });
      const batch = [];
      for await (const message of messages) batch.push(message);
      if (batch.length === 0) continue;
      const last = batch[batch.length - 1]!;
      const fresh = batch.filter((message) => message.seq >= next).map((message) => ({ seq: message.seq, message: decode(message.data) }));
      // A fetch that failed part-way (heartbeats missed while the event loop was held) left messages delivered but
      // never persisted, and the consumer went on with the next ones: acknowledging those (AckPolicy.All) would
      // acknowledge the lost ones too. They are read back from the stream first.
      const missed = fresh.length > 0 && fresh[0]!.seq > next ? await streamRange(this.bus, next, fresh[0]!.seq - 1) : [];
      const events: TimedEvent[] = [];
      for (const { message } of [...missed, ...fresh]) {
        clockMs = Math.max(clockMs, message.now);
        if (message.kind === 'event') events.push(message.event);
      }
      if (await this.persist(run, events, { seq: Math.max(last.seq, next - 1), clockMs })) {
        last.ack();
        next = Math.max(next, last.seq + 1);
      }
    }
  }

  /**
   * A database outage holds the batch and tries again: the stream keeps it meanwhile. Answers false when this node
   * stopped writing first: the batch stays unacknowledged for the next writer.
   */
  private async persist(run: number, events: TimedEvent[], position: { seq: number; clockMs: number }): Promise<boolean> {
    for (;;) {
      try {
        await this.repository.persist(this.bus.config.name, events, position);
        return true;
      } catch (error) {
        this.onError(error, 'persisting a batch of the stream');
        if (!this.current(run)) return false;
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }
}
