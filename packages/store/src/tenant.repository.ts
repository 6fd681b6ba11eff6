import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/** A tenant as stored: what it owns and how much of each agent leaves the server. */
export interface TenantRecord {
  id: string;
  name: string;
  /** Queue ids and team ids it owns (a team owns its queues); the default tenant's lists are unused. */
  queues: string[];
  teams: string[];
  agentDetail: string;
  agreement: string | null;
  agreementDate: string | null;
}

/** A stored tenant, with the key of its agent pseudonyms (made by the database, never written by the server). */
export interface StoredTenant extends TenantRecord {
  pseudonymKey: string;
}

export interface TenantRepository {
  list(): Promise<StoredTenant[]>;
  find(id: string): Promise<StoredTenant | undefined>;
  /** Inserts or replaces a tenant; true when it was created. */
  upsert(tenant: TenantRecord): Promise<boolean>;
  /** False when there was no such tenant, or people or tokens still belong to it. */
  remove(id: string): Promise<boolean>;
}

const COLUMNS = ['id', 'name', 'queues', 'teams', 'agent_detail', 'agreement', 'agreement_date', 'pseudonym_key'] as const;

type Row = Database['tenant'] extends infer T ? { [K in keyof T]: unknown } : never;

const fromRow = (row: Pick<Row, (typeof COLUMNS)[number]>): StoredTenant => ({
  id: row.id as string,
  name: row.name as string,
  queues: row.queues as string[],
  teams: row.teams as string[],
  agentDetail: row.agent_detail as string,
  agreement: row.agreement as string | null,
  agreementDate: row.agreement_date as string | null,
  pseudonymKey: row.pseudonym_key as string,
});

export class KyselyTenantRepository implements TenantRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async list(): Promise<StoredTenant[]> {
    const rows = await this.#db.selectFrom('tenant').select(COLUMNS).orderBy('id').execute();
    return rows.map(fromRow);
  }

  async find(id: string): Promise<StoredTenant | undefined> {
    const row = await this.#db.selectFrom('tenant').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return row && fromRow(row);
  }

  async upsert(tenant: TenantRecord): Promise<boolean> {
    const values = {
      name: tenant.name,
      queues: JSON.stringify(tenant.queues),
      teams: JSON.stringify(tenant.teams),
      agent_detail: tenant.agentDetail,
      agreement: tenant.agreement,
      agreement_date: tenant.agreementDate,
      updated_at: new Date(),
    };
    // xmax = 0 only on a row this statement inserted: tells a creation from a replacement in one round trip.
    const row = await this.#db
      .insertInto('tenant')
      .values({ id: tenant.id, ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .returning((eb) => eb.ref('xmax' as never).$castTo<string>().as('xmax'))
      .executeTakeFirstOrThrow();
    return String(row.xmax) === '0';
  }

  async remove(id: string): Promise<boolean> {
    return this.#db.transaction().execute(async (trx) => {
      const members = await trx.selectFrom('app_user').select('username').where('tenant_id', '=', id)
        .union(trx.selectFrom('machine_token').select('name as username').where('tenant_id', '=', id).where('revoked_at', 'is', null))
        .limit(1).execute();
      if (members.length > 0) return false;
      // Revoked tokens keep their row for the record; they no longer need the tenant.
      await trx.updateTable('machine_token').set({ tenant_id: 'default' }).where('tenant_id', '=', id).execute();
      const result = await trx.deleteFrom('tenant').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    });
  }
}
