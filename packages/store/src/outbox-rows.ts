import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './database.js';
import { GROUPED_TRANSITIONS, groupDueAtMs, type GroupState, type GroupTiming } from './outbox-grouping.js';

/** What every outbox row says, owed or on record: whose, for which channel, about which alert, and the message. */
export interface OutboxMessage {
  /** The row's own id; the webhook-id of a message of one row. */
  id: string;
  tenantId: string;
  channelId: string;
  alertId: string;
  kind: string;
  payload: unknown;
}

/**
 * Grouping (a policy with groupWaitSeconds or groupIntervalSeconds): rows of one tenant, channel, group `key` (the
 * route that took the alert) and kind that fall due together leave as one message listing their alerts.
 */
export interface OutboxGroup {
  key: string;
  /** Transitions: the store times them with the group's other messages, in the transition's transaction. */
  timing?: GroupTiming;
  /** A repeat planned with a raise: due this long after that raise's message (on the same channel, same insert). */
  afterRaiseMs?: number;
  /** The repeat's quiet hours: not before this instant. */
  notBeforeMs?: number;
}

/** One delivery owed: a message for one channel, due at `dueAtMs`. */
export interface OutboxEntry extends OutboxMessage {
  dueAtMs: number;
  /** Owed only if the alert is still open and unacknowledged when it falls due (repeats, escalations). */
  onlyUnacknowledged?: boolean;
  group?: OutboxGroup;
}

type Db = Kysely<Database> | Transaction<Database>;

/** What the outbox holds of one group, for groupDueAtMs. */
async function groupState(db: Db, entry: OutboxEntry, key: string): Promise<GroupState> {
  const group = db.selectFrom('notification_outbox')
    .where('tenant_id', '=', entry.tenantId).where('channel_id', '=', entry.channelId).where('group_key', '=', key)
    .where('kind', 'in', GROUPED_TRANSITIONS);
  const loose = group.where('state', '=', 'pending').where('batch_id', 'is', null);
  const [pending, last, ownRaise] = await Promise.all([
    loose.select(sql<Date | null>`min(due_at)`.as('at')).executeTakeFirst(),
    group.select(sql<Date | null>`max(batched_at)`.as('at')).executeTakeFirst(),
    loose.where('alert_id', '=', entry.alertId).where('kind', '=', 'raised').select(sql<Date | null>`min(due_at)`.as('at')).executeTakeFirst(),
  ]);
  const ms = (row: { at: Date | string | null } | undefined) => (row?.at ? new Date(row.at).getTime() : undefined);
  return { pendingDueMs: ms(pending), lastFlushMs: ms(last), ownRaiseDueMs: ms(ownRaise) };
}

/** The due time of each entry: as planned, or (grouped) timed with its group; a repeat follows its channel's raise. */
async function dueTimes(db: Db, entries: readonly OutboxEntry[]): Promise<number[]> {
  const raiseDue = new Map<string, number>();
  const times: number[] = [];
  for (const entry of entries) {
    const { group } = entry;
    let due = entry.dueAtMs;
    if (group?.timing) {
      due = groupDueAtMs(group.timing, await groupState(db, entry, group.key));
      if (group.timing.transition === 'raised') raiseDue.set(entry.channelId, due);
    } else if (group?.afterRaiseMs !== undefined && raiseDue.has(entry.channelId)) {
      due = Math.max(raiseDue.get(entry.channelId)! + group.afterRaiseMs, group.notBeforeMs ?? -Infinity);
    }
    times.push(due);
  }
  return times;
}

/**
 * Inserts the entries (an id already there is kept as it is: a replayed enqueue owes nothing new). A row outside any
 * group is its own batch at once; grouped rows are gathered into batches when they fall due (the worker's `due`).
 */
export async function insertOutbox(db: Db, entries: readonly OutboxEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const due = await dueTimes(db, entries);
  await db
    .insertInto('notification_outbox')
    .values(entries.map((entry, i) => ({
      id: entry.id,
      tenant_id: entry.tenantId,
      channel_id: entry.channelId,
      alert_id: entry.alertId,
      kind: entry.kind,
      payload: JSON.stringify(entry.payload),
      only_unacknowledged: entry.onlyUnacknowledged ?? false,
      due_at: new Date(due[i]!),
      next_attempt_at: new Date(due[i]!),
      group_key: entry.group?.key ?? null,
      batch_id: entry.group ? null : entry.id,
    })))
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
