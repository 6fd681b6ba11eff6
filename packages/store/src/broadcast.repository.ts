import type { Kysely, Selectable } from 'kysely';
import type { BroadcastTable, Database } from './database.js';

/** A message to the boards of one tenant, as stored. */
export interface BroadcastRecord {
  id: string;
  tenant: string;
  text: string;
  level: 'info' | 'warning';
  /** Which boards show it: both empty means every board of the tenant. */
  queueIds: string[];
  teamIds: string[];
  createdBy: string;
  createdAtMs: number;
  expiresAtMs: number;
}

export interface BroadcastRepository {
  add(broadcast: BroadcastRecord): Promise<void>;
  /** Every tenant's broadcasts neither expired by `nowMs` nor withdrawn, oldest first. */
  active(nowMs: number): Promise<BroadcastRecord[]>;
  /**
   * Withdraws an active broadcast of the tenant; answers it, or undefined when there is none of that id (unknown,
   * expired or already withdrawn).
   */
  withdraw(tenant: string, id: string, by: string, nowMs: number): Promise<BroadcastRecord | undefined>;
}

export class KyselyBroadcastRepository implements BroadcastRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async add(broadcast: BroadcastRecord): Promise<void> {
    await this.#db.insertInto('broadcast').values({
      id: broadcast.id,
      tenant_id: broadcast.tenant,
      text: broadcast.text,
      level: broadcast.level,
      queue_ids: JSON.stringify(broadcast.queueIds),
      team_ids: JSON.stringify(broadcast.teamIds),
      created_by: broadcast.createdBy,
      created_at: new Date(broadcast.createdAtMs),
      expires_at: new Date(broadcast.expiresAtMs),
    }).execute();
  }

  async active(nowMs: number): Promise<BroadcastRecord[]> {
    const rows = await this.#db
      .selectFrom('broadcast')
      .selectAll()
      .where('expires_at', '>', new Date(nowMs))
      .where('withdrawn_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toRecord);
  }

  async withdraw(tenant: string, id: string, by: string, nowMs: number): Promise<BroadcastRecord | undefined> {
    const row = await this.#db
      .updateTable('broadcast')
      .set({ withdrawn_at: new Date(nowMs), withdrawn_by: by })
      .where('tenant_id', '=', tenant)
      .where('id', '=', id)
      .where('expires_at', '>', new Date(nowMs))
      .where('withdrawn_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return row && toRecord(row);
  }
}

function toRecord(row: Selectable<BroadcastTable>): BroadcastRecord {
  return {
    id: row.id,
    tenant: row.tenant_id,
    text: row.text,
    level: row.level === 'warning' ? 'warning' : 'info',
    queueIds: row.queue_ids as string[],
    teamIds: row.team_ids as string[],
    createdBy: row.created_by,
    createdAtMs: row.created_at.getTime(),
    expiresAtMs: row.expires_at.getTime(),
  };
}
