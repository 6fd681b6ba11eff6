import { randomUUID } from 'node:crypto';
import type { ChannelSettings } from '@plancia/contracts';
import type { OutboxEntry, OutboxRecord, Store, TryOutcome } from '@plancia/store';
import type { Transporter } from 'nodemailer';
import { backoffMs } from './backoff.js';
import type { IsMuted } from './dispatcher.js';
import type { MessagePayload } from './messages.js';
import { send } from './senders.js';

export interface WorkerOptions {
  retryBaseMs: number;
  giveUpMs: number;
  pollMs: number;
  mail: { transport: Transporter; from: string } | null;
  isMuted: IsMuted;
  /** Counts each try's outcome: plancia_notifications_total{type, outcome} on /metrics. */
  outcomes: { inc(labels: { type: string; outcome: string }): void };
  onError(error: unknown, what: string): void;
  now?: () => number;
  random?: () => number;
}

const BATCH = 20;

/**
 * Sends what the outbox owes, at least once: a row is marked sent only after the receiver said 2xx, so a crash
 * between the two sends it again under the same webhook-id (receivers deduplicate on it). Failures wait
 * backoffMs; a row still failing giveUpMs after it fell due is dead; a 410 Gone disables its channel.
 * One worker per database: rows in flight are kept apart in memory, not locked in the database.
 */
export class DeliveryWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly inflight = new Set<string>();
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly store: Store, private readonly options: WorkerOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  start(): void {
    this.timer = setInterval(() => void this.poke(), this.options.pollMs);
  }

  /** Looks for due rows now (after a write that owes one at once, or a test). */
  poke(): Promise<void> {
    this.running ??= this.drain()
      .catch((error: unknown) => this.options.onError(error, 'delivering notifications'))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const due = (await this.store.notifications.due(this.now(), BATCH)).filter((row) => !this.inflight.has(row.id));
      if (due.length === 0) return;
      await Promise.all(due.map((row) => this.deliver(row)));
      if (due.length < BATCH) return;
    }
  }

  private async deliver(row: OutboxRecord): Promise<void> {
    this.inflight.add(row.id);
    try {
      const { outcome, type, next } = await this.attempt(row);
      await this.store.notifications.settle(row.id, outcome, next);
      this.options.outcomes.inc({ type, outcome: outcome.state === 'pending' ? 'retry' : outcome.state });
    } finally {
      this.inflight.delete(row.id);
    }
  }

  private async attempt(row: OutboxRecord): Promise<{ outcome: TryOutcome; type: string; next?: OutboxEntry[] }> {
    const payload = row.payload as MessagePayload;
    const nowMs = this.now();
    const attempts = row.attempts + 1;
    const channel = await this.store.notifications.channel(row.tenantId, row.channelId);
    if (!channel) return { outcome: { state: 'dead', attempts, error: `channel ${row.channelId} was removed` }, type: 'unknown' };
    if (!channel.enabled) return { outcome: { state: 'dead', attempts, error: `channel disabled: ${channel.disabledReason ?? ''}` }, type: channel.type };
    if (row.onlyUnacknowledged) {
      const latest = await this.store.alerts.latest(row.alertId);
      if (!latest || latest.state !== 'raised') return { outcome: { state: 'skipped', attempts: row.attempts }, type: channel.type };
      if (this.options.isMuted(latest, nowMs)) return { outcome: { state: 'skipped', attempts: row.attempts }, type: channel.type, next: this.repeatAfter(row, payload, nowMs) };
    }
    const result = await send(channel.settings as ChannelSettings, payload, { id: row.id, nowMs, mail: this.options.mail });
    if (result.ok) return { outcome: { state: 'sent', attempts }, type: channel.type, next: this.repeatAfter(row, payload, nowMs) };
    if (result.gone) {
      await this.store.notifications.disableChannel(row.tenantId, row.channelId, `${result.error} (Gone) at ${new Date(nowMs).toISOString()}`);
      return { outcome: { state: 'dead', attempts, error: `${result.error}: the receiver is gone; channel disabled` }, type: channel.type };
    }
    const nextAttemptAtMs = nowMs + backoffMs(attempts, this.options.retryBaseMs, this.random);
    if (nextAttemptAtMs - row.dueAt.getTime() > this.options.giveUpMs) return { outcome: { state: 'dead', attempts, error: result.error }, type: channel.type };
    return { outcome: { state: 'pending', attempts, nextAttemptAtMs, error: result.error }, type: channel.type };
  }

  private repeatAfter(row: OutboxRecord, payload: MessagePayload, nowMs: number): OutboxEntry[] {
    return row.kind === 'repeat' && payload.repeatMs ? [this.nextRepeat(row, payload, nowMs + payload.repeatMs)] : [];
  }

  /** The next reminder of an alert still open: a new row (a new webhook-id: it is a new message). */
  private nextRepeat(row: OutboxRecord, payload: MessagePayload, dueAtMs: number): OutboxEntry {
    return {
      id: `msg_${randomUUID()}`, tenantId: row.tenantId, channelId: row.channelId, alertId: row.alertId, kind: 'repeat',
      payload, dueAtMs, onlyUnacknowledged: true,
    };
  }
}
