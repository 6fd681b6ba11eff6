import { sql, type Kysely } from 'kysely';

/**
 * Which source last reported an agent: a supervisor's action on an agent goes to the ACD that reports it. Only
 * `agent.state` rows are indexed (a partial index), so the contacts that make up most of the journal cost nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX event_journal_agent_state_idx ON event_journal ((payload->'data'->>'agentId'), time DESC, seq DESC)
    WHERE type = 'agent.state'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('event_journal_agent_state_idx').execute();
}
