import type { Alert, AlertEvent, AlertStatsGroup, Severity } from '@plancia/contracts';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from './database.js';
import { clampLimit } from './paging.js';

const DEFAULT_HISTORY_LIMIT = 100;
const MAX_HISTORY_LIMIT = 1_000;

/** Alerts about any of these entities (by the alert's scope); an empty list matches nothing. */
export interface AlertScopeFilter {
  queues: readonly string[];
  teams: readonly string[];
  agents?: readonly string[];
}

export interface AlertHistoryQuery {
  /** Only alerts with a transition at or after this instant. */
  sinceMs?: number;
  /** Raised at or after / before these instants. */
  fromMs?: number;
  toMs?: number;
  state?: Alert['state'];
  severity?: Severity;
  ruleId?: string;
  /** Each filter must hold (e.g. the queue asked for, and the caller's reach). */
  within?: readonly AlertScopeFilter[];
  /** At most this many alerts (default 100, at most 1000). */
  limit?: number;
}

export type AlertStatsKey = 'rule' | 'queue' | 'severity';

export interface AlertStatsQuery {
  fromMs: number;
  toMs: number;
  by: AlertStatsKey;
  within?: readonly AlertScopeFilter[];
}

export interface AlertRepository {
  /** Records one lifecycle transition; recording a raise, acknowledgement or resolution again changes nothing. */
  record(event: AlertEvent): Promise<void>;
  /** Alerts whose latest transition is not a resolution, oldest raise first. */
  active(): Promise<Alert[]>;
  /** The latest alert of each rule and scope when it was resolved by hand: the engine raises nothing there until it clears. */
  handResolved(): Promise<Alert[]>;
  /** The latest state of each alert, most recent transition first. */
  history(query: AlertHistoryQuery): Promise<Alert[]>;
  /** Every transition of one alert, in order. */
  transitions(alertId: string): Promise<AlertEvent[]>;
  /** Counts, MTTA and MTTR of the alerts raised in [fromMs, toMs), grouped. */
  stats(query: AlertStatsQuery): Promise<AlertStatsGroup[]>;
}

/** When a transition happened, from the alert it carries. */
export function transitionTime(event: AlertEvent): string {
  const { alert } = event;
  switch (event.kind) {
    case 'acknowledged': return alert.acknowledgedAt ?? alert.raisedAt;
    case 'assigned': return alert.assignedAt ?? alert.raisedAt;
    case 'commented': case 'snoozed': return alert.comments?.at(-1)?.at ?? alert.raisedAt;
    case 'resolved': return alert.resolvedAt ?? alert.raisedAt;
    default: return alert.raisedAt;
  }
}

/** The latest version of each alert, as a subquery named `latest` with columns alert, at, seq. */
const LATEST = sql`(SELECT DISTINCT ON (alert_id) alert, at, seq FROM alert_history ORDER BY alert_id, seq DESC) AS latest`;

const textArray = (values: readonly string[]): RawBuilder<unknown> => sql`ARRAY[${sql.join(values.length > 0 ? values : [''])}]::text[]`;

function scopeCondition(filter: AlertScopeFilter): RawBuilder<unknown> {
  const about = (kind: string, ids: readonly string[]) =>
    ids.length === 0 ? sql`false` : sql`(latest.alert->'scope'->>'kind' = ${kind} AND latest.alert->'scope'->>'id' = ANY(${textArray(ids)}))`;
  return sql`(${about('queue', filter.queues)} OR ${about('team', filter.teams)} OR ${about('agent', filter.agents ?? [])})`;
}

function conditions(query: Omit<AlertHistoryQuery, 'limit'>): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (query.sinceMs !== undefined) parts.push(sql`latest.at >= ${new Date(query.sinceMs).toISOString()}::timestamptz`);
  if (query.fromMs !== undefined) parts.push(sql`(latest.alert->>'raisedAt')::timestamptz >= ${new Date(query.fromMs).toISOString()}::timestamptz`);
  if (query.toMs !== undefined) parts.push(sql`(latest.alert->>'raisedAt')::timestamptz < ${new Date(query.toMs).toISOString()}::timestamptz`);
  if (query.state !== undefined) parts.push(sql`latest.alert->>'state' = ${query.state}`);
  if (query.severity !== undefined) parts.push(sql`latest.alert->>'severity' = ${query.severity}`);
  if (query.ruleId !== undefined) parts.push(sql`latest.alert->>'ruleId' = ${query.ruleId}`);
  for (const filter of query.within ?? []) parts.push(scopeCondition(filter));
  return sql.join(parts, sql` AND `);
}

const GROUP_KEY: Record<AlertStatsKey, RawBuilder<unknown>> = {
  rule: sql`latest.alert->>'ruleId'`,
  queue: sql`CASE WHEN latest.alert->'scope'->>'kind' = 'queue' THEN latest.alert->'scope'->>'id' ELSE '' END`,
  severity: sql`latest.alert->>'severity'`,
};

const seconds = (field: string) =>
  sql`EXTRACT(EPOCH FROM ((latest.alert->>${field})::timestamptz - (latest.alert->>'raisedAt')::timestamptz))`;

interface StatsRow { key: string; count: string | number; acknowledged: string | number; resolved: string | number; mtta: string | number | null; mttr: string | number | null }

const numberOrNull = (value: string | number | null): number | null => (value === null ? null : Number(value));

export class KyselyAlertRepository implements AlertRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async record(event: AlertEvent): Promise<void> {
    await this.#db
      .insertInto('alert_history')
      .values({
        alert_id: event.alert.id,
        kind: event.kind,
        state: event.alert.state,
        alert: JSON.stringify(event.alert),
        at: transitionTime(event),
      })
      // Only the once-only transitions can conflict (partial unique index); comments and assignments add rows.
      .onConflict((oc) => oc.columns(['alert_id', 'kind']).where('kind', 'in', ['raised', 'acknowledged', 'resolved']).doNothing())
      .execute();
  }

  async active(): Promise<Alert[]> {
    const { rows } = await sql<{ alert: Alert }>`
      SELECT latest.alert FROM ${LATEST}
      WHERE latest.alert->>'state' <> 'resolved'
      ORDER BY latest.alert->>'raisedAt', latest.alert->>'id'`.execute(this.#db);
    return rows.map((row) => row.alert);
  }

  async handResolved(): Promise<Alert[]> {
    const { rows } = await sql<{ alert: Alert }>`
      SELECT newest.alert FROM (
        SELECT DISTINCT ON (latest.alert->>'ruleId', latest.alert->'scope'->>'id') latest.alert FROM ${LATEST}
        ORDER BY latest.alert->>'ruleId', latest.alert->'scope'->>'id', latest.alert->>'raisedAt' DESC
      ) AS newest
      WHERE newest.alert->>'state' = 'resolved' AND newest.alert->>'resolvedBy' IS NOT NULL`.execute(this.#db);
    return rows.map((row) => row.alert);
  }

  async history({ limit, ...query }: AlertHistoryQuery): Promise<Alert[]> {
    const { rows } = await sql<{ alert: Alert }>`
      SELECT latest.alert FROM ${LATEST}
      WHERE ${conditions(query)}
      ORDER BY latest.at DESC, latest.seq DESC
      LIMIT ${clampLimit(limit, DEFAULT_HISTORY_LIMIT, MAX_HISTORY_LIMIT)}`.execute(this.#db);
    return rows.map((row) => row.alert);
  }

  async transitions(alertId: string): Promise<AlertEvent[]> {
    const rows = await this.#db.selectFrom('alert_history').select(['kind', 'alert']).where('alert_id', '=', alertId).orderBy('seq').execute();
    return rows.map((row) => ({ kind: row.kind as AlertEvent['kind'], alert: row.alert as Alert }));
  }

  async stats({ fromMs, toMs, by, within }: AlertStatsQuery): Promise<AlertStatsGroup[]> {
    const key = GROUP_KEY[by];
    const { rows } = await sql<StatsRow>`
      SELECT ${key} AS key, count(*) AS count,
        count(latest.alert->>'acknowledgedAt') AS acknowledged, count(latest.alert->>'resolvedAt') AS resolved,
        avg(${seconds('acknowledgedAt')}) AS mtta, avg(${seconds('resolvedAt')}) AS mttr
      FROM ${LATEST}
      WHERE ${conditions({ fromMs, toMs, ...(within ? { within } : {}) })}
      GROUP BY 1 ORDER BY 1`.execute(this.#db);
    return rows.map((row) => ({
      key: row.key, count: Number(row.count), acknowledged: Number(row.acknowledged), resolved: Number(row.resolved),
      mttaSeconds: numberOrNull(row.mtta), mttrSeconds: numberOrNull(row.mttr),
    }));
  }
}
