import { type Kysely } from 'kysely';

/**
 * Two additions of the floor:
 * - `app_user.agent_id`: the agent a user of role `agent` is (claiming callbacks as that agent); null for others.
 * - `interval_metrics.abandon_policy`: the queue's abandon policy when the interval was computed, so a report
 *   re-aggregates its service level under the policy in force then; null for intervals stored before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('app_user').addColumn('agent_id', 'text').execute();
  await db.schema.alterTable('interval_metrics').addColumn('abandon_policy', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('interval_metrics').dropColumn('abandon_policy').execute();
  await db.schema.alterTable('app_user').dropColumn('agent_id').execute();
}
