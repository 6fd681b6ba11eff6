import type { AlertEvent } from '@plancia/contracts';
import type { KV } from '@nats-io/kv';

const MARKER = 'alerts-recorded';

interface Entry { seq: number; event: AlertEvent }

/**
 * Every replica produces the same alert transitions from the same stream; only the leader records them (history and
 * the outbox's notifications). Each replica keeps what it produced, by stream sequence, until the leader says it has
 * recorded that far (a key in the cluster's state bucket); a new leader records what is left. Recording a raise,
 * acknowledgement or resolution twice changes nothing and owes nothing twice, so the overlap at a takeover neither
 * loses nor doubles a notification.
 */
export class AlertLedger {
  private entries: Entry[] = [];
  /** The last stream message this replica has wholly applied: its transitions are all in `entries`. */
  private appliedThrough = 0;
  private leading = false;
  private running: Promise<void> | undefined;

  constructor(
    private readonly state: KV,
    private readonly record: (event: AlertEvent) => Promise<void>,
    private readonly onError: (error: unknown, what: string) => void,
  ) {}

  get size(): number {
    return this.entries.length;
  }

  add(seq: number, event: AlertEvent): void {
    this.entries.push({ seq, event });
  }

  /** The replica finished applying message `seq`: its transitions may be recorded (a message's come in several calls). */
  applied(seq: number): void {
    this.appliedThrough = seq;
    if (this.leading && this.entries.length > 0) void this.poke();
  }

  /** Becomes the recorder: forgets what the last leader recorded, then records the rest. */
  async lead(): Promise<void> {
    this.prune(await this.recordedThrough());
    this.leading = true;
    await this.poke();
  }

  follow(): void {
    this.leading = false;
  }

  /** A follower forgets what the leader has recorded (called on a timer). */
  async catchUp(): Promise<void> {
    if (!this.leading) this.prune(await this.recordedThrough());
  }

  poke(): Promise<void> {
    this.running ??= this.drain()
      .catch((error: unknown) => this.onError(error, 'recording alert transitions'))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async drain(): Promise<void> {
    while (this.leading && this.entries.length > 0 && this.entries[0]!.seq <= this.appliedThrough) {
      const { seq } = this.entries[0]!;
      const group = this.entries.filter((entry) => entry.seq === seq);
      for (const { event } of group) await this.record(event);
      // The marker moves only past a whole message's transitions: a crash in between records them again, harmlessly.
      await this.state.put(MARKER, String(seq));
      this.entries.splice(0, group.length);
    }
  }

  private prune(throughSeq: number): void {
    if (this.entries.length > 0 && this.entries[0]!.seq <= throughSeq) this.entries = this.entries.filter((entry) => entry.seq > throughSeq);
  }

  private async recordedThrough(): Promise<number> {
    const entry = await this.state.get(MARKER);
    return entry && entry.operation === 'PUT' ? Number(entry.string()) : 0;
  }
}
