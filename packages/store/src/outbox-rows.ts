import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.js';

/** One delivery owed: a message for one channel, due at `dueAtMs`. */
export interface OutboxEntry {
  /** The webhook-id: the same on every try. */
  id: string;
  tenantId: string;
  channelId: string;
  alertId: string;
  kind: string;
  payload: unknown;
  dueAtMs: number;
  /** Owed only if the alert is still open and unacknowledged when it falls due (repeats, escalations). */
  onlyUnacknowledged?: boolean;
}

/** Inserts the entries (an id already there is kept as it is: a replayed enqueue owes nothing new). */
export async function insertOutbox(db: Kysely<Database> | Transaction<Database>, entries: readonly OutboxEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('notification_outbox')
    .values(entries.map((entry) => ({
      id: entry.id,
      tenant_id: entry.tenantId,
      channel_id: entry.channelId,
      alert_id: entry.alertId,
      kind: entry.kind,
      payload: JSON.stringify(entry.payload),
      only_unacknowledged: entry.onlyUnacknowledged ?? false,
      due_at: new Date(entry.dueAtMs),
      next_attempt_at: new Date(entry.dueAtMs),
    })))
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
