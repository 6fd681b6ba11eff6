import type pg from 'pg';

/**
 * The query a team would write to get each queue's service level straight from the journal, with the same rules
 * as the engine (docs/metrics.md): a contact settles at its first answer or abandon within T, or is missed at
 * enqueue + T; short abandons (wait < S) count nowhere; `ignore` policy, so abandons within T leave the denominator.
 * Every settlement dated inside [from, to] counts. $1 from, $2 to, $3 T seconds, $4 S seconds.
 */
export const SERVICE_LEVEL_SQL = `
WITH queued AS (
  SELECT payload->'data'->>'contactId' AS contact_id, payload->'data'->>'queueId' AS queue_id, time AS queued_at
  FROM event_journal
  WHERE type = 'contact.queued' AND time BETWEEN $1::timestamptz - make_interval(secs => $3) AND $2::timestamptz
), first_exit AS (
  SELECT DISTINCT ON (contact_id) payload->'data'->>'contactId' AS contact_id, type, time AS left_at
  FROM event_journal
  WHERE type IN ('contact.answered', 'contact.abandoned')
    AND time BETWEEN $1::timestamptz - make_interval(secs => $3) AND $2::timestamptz
  ORDER BY contact_id, time
), settlement AS (
  SELECT q.queue_id,
    CASE WHEN e.left_at - q.queued_at <= make_interval(secs => $3) THEN e.type ELSE 'missed' END AS outcome,
    CASE WHEN e.left_at - q.queued_at <= make_interval(secs => $3) THEN e.left_at
         ELSE q.queued_at + make_interval(secs => $3) END AS settled_at
  FROM queued q LEFT JOIN first_exit e USING (contact_id)
  WHERE NOT (e.type IS NOT DISTINCT FROM 'contact.abandoned' AND e.left_at - q.queued_at < make_interval(secs => $4))
)
SELECT queue_id,
  count(*) FILTER (WHERE outcome = 'contact.answered')::float8
    / NULLIF(count(*) FILTER (WHERE outcome <> 'contact.abandoned'), 0) AS service_level
FROM settlement
WHERE settled_at BETWEEN $1 AND $2
GROUP BY queue_id`;

/** Service level per queue over [fromMs, toMs] computed by PostgreSQL from the journal table. */
export async function serviceLevelsFromJournal(client: pg.Client, fromMs: number, toMs: number, T = 20, S = 5): Promise<Map<string, number | null>> {
  const { rows } = await client.query<{ queue_id: string; service_level: number | null }>(SERVICE_LEVEL_SQL, [
    new Date(fromMs).toISOString(), new Date(toMs).toISOString(), T, S,
  ]);
  return new Map(rows.map((r) => [r.queue_id, r.service_level]));
}
