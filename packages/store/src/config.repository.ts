import type { AgentProfile, AlertRule, BusinessCalendar, ConfigDocument, EngineSettings, QueueConfig } from '@plancia/contracts';
import { sql, type Kysely } from 'kysely';
import type { Database, VersionedTableName } from './database.js';
import { guarded } from './guard.js';
import { replaceTable, VersionedRepository, type Versioned } from './versioned.repository.js';

/** The configuration's lists, by their name in the configuration document. */
export interface ConfigTables {
  queues: QueueConfig;
  calendars: BusinessCalendar;
  alertRules: AlertRule;
  agents: AgentProfile;
}
export type ConfigTableName = keyof ConfigTables;

const KEYS: { [N in ConfigTableName]: (value: ConfigTables[N]) => string } = {
  queues: (queue) => queue.queueId,
  calendars: (calendar) => calendar.id,
  alertRules: (rule) => rule.id,
  agents: (agent) => agent.agentId,
};
const TABLES: Record<ConfigTableName, VersionedTableName> = {
  queues: 'queue_config', calendars: 'business_calendar', alertRules: 'alert_rule', agents: 'agent_profile',
};

/** One list of the configuration, one versioned document per id. */
export interface VersionedTable<T> {
  list(): Promise<Versioned<T>[]>;
  get(id: string): Promise<Versioned<T> | undefined>;
  put(value: T, ifVersion?: number): Promise<Versioned<T>>;
  delete(id: string, ifVersion?: number): Promise<boolean>;
}

/**
 * The run-time configuration. Values are stored as given: validating them against the contract is the caller's job.
 * `ifVersion` makes a write conditional (StaleWriteError when the stored version differs; 0 = only if absent).
 */
export interface ConfigRepository {
  /** One of the lists, e.g. `table('queues').put(queue, 3)`. */
  table<N extends ConfigTableName>(name: N): VersionedTable<ConfigTables[N]>;

  getSettings(): Promise<EngineSettings | undefined>;
  putSettings(settings: EngineSettings): Promise<void>;

  /** The whole configuration as one document (export). */
  exportAll(): Promise<ConfigDocument>;
  /** Replaces the whole configuration in one transaction (import); unchanged entities keep their version. */
  replaceAll(document: ConfigDocument): Promise<void>;
}

export class KyselyConfigRepository implements ConfigRepository {
  readonly #db: Kysely<Database>;
  /** guarded here: the store guards only the repository's own methods, and a table is reached through one */
  readonly #tables: { [N in ConfigTableName]: VersionedTable<ConfigTables[N]> };

  constructor(db: Kysely<Database>) {
    this.#db = db;
    this.#tables = {
      queues: guarded(new VersionedRepository(db, TABLES.queues, KEYS.queues)),
      calendars: guarded(new VersionedRepository(db, TABLES.calendars, KEYS.calendars)),
      alertRules: guarded(new VersionedRepository(db, TABLES.alertRules, KEYS.alertRules)),
      agents: guarded(new VersionedRepository(db, TABLES.agents, KEYS.agents)),
    };
  }

  table<N extends ConfigTableName>(name: N): VersionedTable<ConfigTables[N]> {
    return this.#tables[name];
  }

  async getSettings(): Promise<EngineSettings | undefined> {
    const row = await this.#db.selectFrom('engine_settings').select('value').executeTakeFirst();
    return row?.value as EngineSettings | undefined;
  }

  async putSettings(settings: EngineSettings): Promise<void> {
    await putSettingsWith(this.#db, settings);
  }

  async exportAll(): Promise<ConfigDocument> {
    const values = <T>(list: Versioned<T>[]) => list.map((entry) => entry.value);
    const tables = this.#tables;
    const [settings, queues, calendars, alertRules, agents] = await Promise.all([
      this.getSettings(), tables.queues.list(), tables.calendars.list(), tables.alertRules.list(), tables.agents.list(),
    ]);
    return {
      ...(settings && { settings }),
      queues: values(queues), calendars: values(calendars), alertRules: values(alertRules), agents: values(agents),
    };
  }

  async replaceAll(document: ConfigDocument): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await replaceTable(trx, TABLES.queues, document.queues, KEYS.queues);
      await replaceTable(trx, TABLES.calendars, document.calendars, KEYS.calendars);
      await replaceTable(trx, TABLES.alertRules, document.alertRules, KEYS.alertRules);
      await replaceTable(trx, TABLES.agents, document.agents, KEYS.agents);
      // A document without settings means the defaults.
      if (document.settings) await putSettingsWith(trx, document.settings);
      else await trx.deleteFrom('engine_settings').execute();
    });
  }
}

async function putSettingsWith(db: Kysely<Database>, settings: EngineSettings): Promise<void> {
  await db
    .insertInto('engine_settings')
    .values({ value: JSON.stringify(settings), updated_at: sql<Date>`now()` })
    .onConflict((oc) => oc.column('singleton').doUpdateSet({ value: sql<string>`excluded.value`, updated_at: sql<Date>`now()` }))
    .execute();
}
