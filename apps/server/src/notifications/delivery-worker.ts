import { randomUUID } from 'node:crypto';
import type { ChannelSettings } from '@plancia/contracts';
import type { OutboxEntry, OutboxRecord, Store, TryOutcome } from '@plancia/store';
import type { Transporter } from 'nodemailer';
import { backoffMs } from './backoff.js';
import type { IsMuted } from './dispatcher.js';
import type { Batch, MessagePayload } from './messages.js';
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

/** The due rows as messages: one per batch id, in the order they came. */
function batchesOf(rows: readonly OutboxRecord[]): OutboxRecord[][] {
  const batches = new Map<string, OutboxRecord[]>();
  for (const row of rows) batches.set(row.batchId, [...(batches.get(row.batchId) ?? []), row]);
  return [...batches.values()];
}

const KIND_ORDER = ['raised', 'repeat', 'escalation', 'acknowledged', 'resolved'];

/** Messages of one tenant, channel and group, in the order of their kinds; a message alone is its own group. */
function byGroup(batches: readonly OutboxRecord[][]): OutboxRecord[][][] {
  const groups = new Map<string, OutboxRecord[][]>();
  for (const batch of batches) {
    const row = batch[0]!;
    const key = row.groupKey === null ? `batch:${row.batchId}` : JSON.stringify([row.tenantId, row.channelId, row.groupKey]);
    groups.set(key, [...(groups.get(key) ?? []), batch]);
  }
  const rank = (batch: OutboxRecord[]) => KIND_ORDER.indexOf(batch[0]!.kind);
  return [...groups.values()].map((group) => group.sort((a, b) => rank(a) - rank(b)));
}

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
      const rows = (await this.store.notifications.due(this.now(), BATCH)).filter((row) => !this.inflight.has(row.batchId));
      if (rows.length === 0) return;
      const batches = batchesOf(rows);
      // One group's messages leave in order (a raise before its acknowledgement); groups go side by side.
      await Promise.all(byGroup(batches).map(async (group) => {
        for (const batch of group) await this.deliver(batch);
      }));
      if (batches.length < BATCH) return;
    }
  }

  private async deliver(batch: readonly OutboxRecord[]): Promise<void> {
    const batchId = batch[0]!.batchId;
    this.inflight.add(batchId);
    try {
      const { type, skipped, outcome, next } = await this.attempt(batch);
      if (skipped.rows.length > 0) {
        await this.store.notifications.settle(skipped.rows.map((row) => row.id), { state: 'skipped', attempts: skipped.rows[0]!.attempts }, skipped.next);
        for (const _ of skipped.rows) this.options.outcomes.inc({ type, outcome: 'skipped' });
      }
      if (!outcome) return;
      const sending = batch.filter((row) => !skipped.rows.includes(row));
      await this.store.notifications.settle(sending.map((row) => row.id), outcome, next);
      this.options.outcomes.inc({ type, outcome: outcome.state === 'pending' ? 'retry' : outcome.state });
    } finally {
      this.inflight.delete(batchId);
    }
  }

  /** Reminders no longer owed: the alert was acknowledged or closed (skipped), or is muted now (skipped, repeats go on). */
  private async unowed(batch: readonly OutboxRecord[], nowMs: number): Promise<{ rows: OutboxRecord[]; next: OutboxEntry[] }> {
    const rows: OutboxRecord[] = [];
    const next: OutboxEntry[] = [];
    for (const row of batch) {
      if (!row.onlyUnacknowledged) continue;
      const latest = await this.store.alerts.latest(row.alertId);
      if (latest && latest.state === 'raised' && !this.options.isMuted(latest, nowMs)) continue;
      rows.push(row);
      if (latest?.state === 'raised') next.push(...this.repeatAfter(row, row.payload as MessagePayload, nowMs));
    }
    return { rows, next };
  }

  private async attempt(batch: readonly OutboxRecord[]): Promise<{
    type: string; skipped: { rows: OutboxRecord[]; next: OutboxEntry[] }; outcome?: TryOutcome; next?: OutboxEntry[];
  }> {
    const [row] = batch as [OutboxRecord, ...OutboxRecord[]];
    const nowMs = this.now();
    const attempts = row.attempts + 1;
    const none = { rows: [], next: [] };
    const channel = await this.store.notifications.channel(row.tenantId, row.channelId);
    if (!channel) return { type: 'unknown', skipped: none, outcome: { state: 'dead', attempts, error: `channel ${row.channelId} was removed` } };
    if (!channel.enabled) return { type: channel.type, skipped: none, outcome: { state: 'dead', attempts, error: `channel disabled: ${channel.disabledReason ?? ''}` } };
    const skipped = await this.unowed(batch, nowMs);
    const sending = batch.filter((r) => !skipped.rows.includes(r));
    if (sending.length === 0) return { type: channel.type, skipped };
    const payloads = sending.map((r) => r.payload as MessagePayload) as unknown as Batch;
    const result = await send(channel.settings as ChannelSettings, payloads, { id: row.batchId, nowMs, mail: this.options.mail });
    if (result.ok) {
      return { type: channel.type, skipped, outcome: { state: 'sent', attempts }, next: sending.flatMap((r) => this.repeatAfter(r, r.payload as MessagePayload, nowMs)) };
    }
    if (result.gone) {
      await this.store.notifications.disableChannel(row.tenantId, row.channelId, `${result.error} (Gone) at ${new Date(nowMs).toISOString()}`);
      return { type: channel.type, skipped, outcome: { state: 'dead', attempts, error: `${result.error}: the receiver is gone; channel disabled` } };
    }
    const nextAttemptAtMs = nowMs + backoffMs(attempts, this.options.retryBaseMs, this.random);
    if (nextAttemptAtMs - row.dueAt.getTime() > this.options.giveUpMs) return { type: channel.type, skipped, outcome: { state: 'dead', attempts, error: result.error } };
    return { type: channel.type, skipped, outcome: { state: 'pending', attempts, nextAttemptAtMs, error: result.error } };
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
