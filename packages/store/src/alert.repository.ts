import type { Alert, AlertEvent } from '@plancia/contracts';
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';
import { insertOutbox, type OutboxEntry } from './outbox-rows.js';
import { clampLimit } from './paging.js';

const DEFAULT_HISTORY_LIMIT = 100;
const MAX_HISTORY_LIMIT = 1_000;

export interface AlertHistoryQuery {
  /** Only alerts with a transition at or after this instant. */
  sinceMs?: number;
  /** At most this many alerts (default 100, at most 1000). */
  limit?: number;
}

export interface AlertRepository {
  /**
   * Records one lifecycle transition and, in the same transaction, the notifications it owes; recording the same
   * transition again changes nothing (and owes nothing again).
   */
  record(event: AlertEvent, deliveries?: readonly OutboxEntry[]): Promise<void>;
  /** The alert's latest recorded state, or undefined when it was never recorded. */
  latest(alertId: string): Promise<Alert | undefined>;
  /** Alerts whose latest transition is not a resolution, oldest raise first. */
  active(): Promise<Alert[]>;
  /** The latest state of each alert, most recent transition first. */
  history(query: AlertHistoryQuery): Promise<Alert[]>;
}

/** When a transition happened, from the alert it carries. */
export function transitionTime(event: AlertEvent): string {
  const { alert } = event;
  if (event.kind === 'acknowledged') return alert.acknowledgedAt ?? alert.raisedAt;
  if (event.kind === 'resolved') return alert.resolvedAt ?? alert.raisedAt;
  return alert.raisedAt;
}

export class KyselyAlertRepository implements AlertRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async record(event: AlertEvent, deliveries: readonly OutboxEntry[] = []): Promise<void> {
    if (deliveries.length === 0) {
      await this.insertTransition(this.#db, event);
      return;
    }
    await this.#db.transaction().execute(async (trx) => {
      if (await this.insertTransition(trx, event)) await insertOutbox(trx, deliveries);
    });
  }

  async latest(alertId: string): Promise<Alert | undefined> {
    const row = await this.#db.selectFrom('alert_history').select('alert').where('alert_id', '=', alertId)
      .orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return row?.alert as Alert | undefined;
  }

  /** True when the transition was new. */
  private async insertTransition(db: Kysely<Database>, event: AlertEvent): Promise<boolean> {
    const inserted = await db
      .insertInto('alert_history')
      .values({
        alert_id: event.alert.id,
        kind: event.kind,
        state: event.alert.state,
        alert: JSON.stringify(event.alert),
        at: transitionTime(event),
      })
      .onConflict((oc) => oc.columns(['alert_id', 'kind']).doNothing())
      .returning('seq')
      .execute();
    return inserted.length > 0;
  }

  async active(): Promise<Alert[]> {
    const { rows } = await sql<{ alert: Alert }>`
      SELECT latest.alert FROM (
        SELECT DISTINCT ON (alert_id) alert, state FROM alert_history ORDER BY alert_id, seq DESC
      ) AS latest
      WHERE latest.state <> 'resolved'
      ORDER BY latest.alert->>'raisedAt', latest.alert->>'id'`.execute(this.#db);
    return rows.map((row) => row.alert);
  }

  async history({ sinceMs, limit }: AlertHistoryQuery): Promise<Alert[]> {
    const since = new Date(sinceMs ?? 0).toISOString();
    const { rows } = await sql<{ alert: Alert }>`
      SELECT latest.alert FROM (
        SELECT DISTINCT ON (alert_id) alert, at, seq FROM alert_history ORDER BY alert_id, seq DESC
      ) AS latest
      WHERE latest.at >= ${since}::timestamptz
      ORDER BY latest.at DESC, latest.seq DESC
      LIMIT ${clampLimit(limit, DEFAULT_HISTORY_LIMIT, MAX_HISTORY_LIMIT)}`.execute(this.#db);
    return rows.map((row) => row.alert);
  }
}
