import type { View } from '@plancia/contracts';
import type { AuditRepository } from '@plancia/store';
import { actorName, type Principal } from '../plugins/app/principal.js';

/** Where named agent detail was served: the snapshot route, a socket.io subscription, the plain live feed. */
export type NamedViewChannel = 'snapshot' | 'socket.io' | 'live';

export const NAMED_VIEW_ACTION = 'agent_detail.view';

/**
 * Writes to the audit log that `principal` was served named agent detail: who (user:<name> or token:<name>), when,
 * which view (the queues, teams and channels it asked for; `{}` is the whole board) and over which channel. Art. 4
 * of the Workers' Statute allows named monitoring only within the agreement; this is how its use is accounted for.
 */
export function recordNamedView(audit: AuditRepository, principal: Principal, view: View, channel: NamedViewChannel, atMs: number = Date.now()): Promise<void> {
  return audit.record({
    actor: actorName(principal),
    action: NAMED_VIEW_ACTION,
    resource: `tenants/${principal.tenant}`,
    before: null,
    after: { channel, view },
    atMs,
  });
}

const viewKey = (view: View) => JSON.stringify([view.queues ?? [], view.teams ?? [], view.channels ?? []]);

/**
 * `recordNamedView` at most once per principal, view and channel within `windowMs`: a kiosk that polls the snapshot
 * every few seconds, or a board that reconnects, is one line in the log per window, not thousands.
 */
export class NamedViewAudit {
  readonly #last = new Map<string, number>();

  constructor(private readonly audit: AuditRepository, private readonly windowMs = 10 * 60_000, private readonly now: () => number = Date.now) {}

  record(principal: Principal, view: View, channel: NamedViewChannel): Promise<void> {
    const at = this.now();
    const key = `${actorName(principal)}|${principal.tenant}|${channel}|${viewKey(view)}`;
    const last = this.#last.get(key);
    if (last !== undefined && at - last < this.windowMs) return Promise.resolve();
    this.forgetOlderThan(at - this.windowMs);
    this.#last.set(key, at);
    return recordNamedView(this.audit, principal, view, channel, at).catch((error: unknown) => {
      // Not written: the next view tries again.
      this.#last.delete(key);
      throw error;
    });
  }

  /** Keeps the map to the principals seen within the window. */
  private forgetOlderThan(limit: number): void {
    if (this.#last.size < 1_000) return;
    for (const [key, at] of this.#last) if (at < limit) this.#last.delete(key);
  }
}
