import { randomUUID } from 'node:crypto';
import type { Broadcast, BroadcastRequest } from '@plancia/contracts';
import type { AuditRepository, BroadcastRecord, BroadcastRepository } from '@plancia/store';
import { actorName, type Principal } from '../plugins/app/principal.js';
import { expiryRefusal, mayWithdraw, reaches, targetsOf, toBroadcast, type ReachLike, type Viewer } from './broadcast-targets.js';

/** What changed, for the push layer: a broadcast sent, or one withdrawn before its expiry. */
export type BroadcastChange = { kind: 'sent' | 'withdrawn'; broadcast: BroadcastRecord };

export type Sent = { ok: true; broadcast: Broadcast } | { ok: false; status: 400 | 403 | 409; message: string };
export type Withdrawn = { ok: true } | { ok: false; status: 403 | 404; message: string };

/** A sender: its principal and what it reaches. */
export interface Sender {
  principal: Principal;
  reach: ReachLike;
}

/** Active broadcasts of one tenant at once: enough for any control room, and a bound on what every board holds. */
export const MAX_ACTIVE_PER_TENANT = 20;

/**
 * The active broadcasts, held in memory (loaded once, written through to the store) so a board subscribing gets them
 * at once and in step with what is pushed after. Expired ones are dropped as they are read: the boards drop them at
 * their expiry by themselves.
 */
export class Broadcasts {
  readonly #active = new Map<string, BroadcastRecord>();
  readonly #listeners = new Set<(change: BroadcastChange) => void>();
  /** Where a change goes to reach the boards: here at once, or through a cluster's stream to every node's. */
  #relay: (change: BroadcastChange) => Promise<void> = async (change) => this.apply(change);

  private constructor(
    private readonly store: BroadcastRepository,
    private readonly audit: AuditRepository,
    private readonly queuesOfTeam: (teamId: string) => readonly string[],
    private readonly now: () => number,
  ) {}

  static async open(store: BroadcastRepository, audit: AuditRepository, queuesOfTeam: (teamId: string) => readonly string[], now = Date.now): Promise<Broadcasts> {
    const broadcasts = new Broadcasts(store, audit, queuesOfTeam, now);
    for (const record of await store.active(now())) broadcasts.#active.set(record.id, record);
    return broadcasts;
  }

  /** Cluster mode: changes go through the stream, and come back to every node (this one too) through `apply`. */
  relayThrough(relay: (change: BroadcastChange) => Promise<void>): void {
    this.#relay = relay;
  }

  /** A change made here or on another node: held (or dropped) and told to the boards. Applying one twice changes nothing held. */
  apply(change: BroadcastChange): void {
    if (change.kind === 'sent') this.#active.set(change.broadcast.id, change.broadcast);
    else this.#active.delete(change.broadcast.id);
    this.emit(change);
  }

  onChange(listener: (change: BroadcastChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Does this board show it? */
  reaches(broadcast: BroadcastRecord, viewer: Viewer): boolean {
    return reaches(broadcast, viewer, this.queuesOfTeam);
  }

  /** The active broadcasts a board shows, oldest first. */
  visibleTo(viewer: Viewer): Broadcast[] {
    return this.current().filter((record) => this.reaches(record, viewer)).map(toBroadcast);
  }

  async send(sender: Sender, request: BroadcastRequest): Promise<Sent> {
    const nowMs = this.now();
    const expiresAtMs = Date.parse(request.expiresAt);
    const refusal = expiryRefusal(expiresAtMs, nowMs);
    if (refusal) return { ok: false, status: 400, message: refusal };
    const targets = targetsOf(sender.principal, sender.reach, request.queueIds);
    if (!targets.ok) return { ok: false, status: 403, message: targets.message };
    const { tenant } = sender.principal;
    if (this.current().filter((record) => record.tenant === tenant).length >= MAX_ACTIVE_PER_TENANT) {
      return { ok: false, status: 409, message: `at most ${MAX_ACTIVE_PER_TENANT} active broadcasts per tenant: withdraw one first` };
    }
    const record: BroadcastRecord = {
      id: randomUUID(), tenant, text: request.text, level: request.level, queueIds: targets.queueIds, teamIds: targets.teamIds,
      createdBy: actorName(sender.principal), createdAtMs: nowMs, expiresAtMs,
    };
    await this.store.add(record);
    await this.audit.record({ actor: record.createdBy, action: 'broadcast.send', resource: `broadcasts/${record.id}`, before: null, after: toBroadcast(record), atMs: nowMs });
    this.#active.set(record.id, record);
    await this.#relay({ kind: 'sent', broadcast: record });
    return { ok: true, broadcast: toBroadcast(record) };
  }

  /** Withdraws a broadcast its sender's board shows; only one who could have sent it may. */
  async withdraw(sender: Sender, id: string): Promise<Withdrawn> {
    const record = this.current().find((active) => active.id === id);
    if (!record || !this.reaches(record, sender)) return { ok: false, status: 404, message: `id: no active broadcast ${id}` };
    if (!mayWithdraw(record, sender.principal, sender.reach)) return { ok: false, status: 403, message: 'id: it goes to boards outside your scope' };
    const nowMs = this.now();
    const by = actorName(sender.principal);
    const withdrawn = await this.store.withdraw(record.tenant, id, by, nowMs);
    this.#active.delete(id);
    if (!withdrawn) return { ok: false, status: 404, message: `id: no active broadcast ${id}` };
    await this.audit.record({ actor: by, action: 'broadcast.withdraw', resource: `broadcasts/${id}`, before: toBroadcast(record), after: null, atMs: nowMs });
    await this.#relay({ kind: 'withdrawn', broadcast: record });
    return { ok: true };
  }

  private current(): BroadcastRecord[] {
    const nowMs = this.now();
    for (const [id, record] of this.#active) if (record.expiresAtMs <= nowMs) this.#active.delete(id);
    return [...this.#active.values()];
  }

  private emit(change: BroadcastChange): void {
    for (const listener of this.#listeners) listener(change);
  }
}
