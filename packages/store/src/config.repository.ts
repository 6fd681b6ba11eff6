import type { AgentProfile, AlertRule, BusinessCalendar, ConfigDocument, EngineSettings, QueueConfig } from '@plancia/contracts';
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';
import { replaceTable, VersionedRepository, type Versioned } from './versioned.repository.js';

const queueKey = (queue: QueueConfig) => queue.queueId;
const calendarKey = (calendar: BusinessCalendar) => calendar.id;
const ruleKey = (rule: AlertRule) => rule.id;
const agentKey = (agent: AgentProfile) => agent.agentId;

/**
 * The run-time configuration. Values are stored as given: validating them against the contract is the caller's job.
 * `ifVersion` makes a write conditional (StaleWriteError when the stored version differs; 0 = only if absent).
 */
export interface ConfigRepository {
  listQueues(): Promise<Versioned<QueueConfig>[]>;
  getQueue(queueId: string): Promise<Versioned<QueueConfig> | undefined>;
  putQueue(queue: QueueConfig, ifVersion?: number): Promise<Versioned<QueueConfig>>;
  deleteQueue(queueId: string, ifVersion?: number): Promise<boolean>;

  listCalendars(): Promise<Versioned<BusinessCalendar>[]>;
  getCalendar(id: string): Promise<Versioned<BusinessCalendar> | undefined>;
  putCalendar(calendar: BusinessCalendar, ifVersion?: number): Promise<Versioned<BusinessCalendar>>;
  deleteCalendar(id: string, ifVersion?: number): Promise<boolean>;

  listAlertRules(): Promise<Versioned<AlertRule>[]>;
  getAlertRule(id: string): Promise<Versioned<AlertRule> | undefined>;
  putAlertRule(rule: AlertRule, ifVersion?: number): Promise<Versioned<AlertRule>>;
  deleteAlertRule(id: string, ifVersion?: number): Promise<boolean>;

  listAgents(): Promise<Versioned<AgentProfile>[]>;
  getAgent(agentId: string): Promise<Versioned<AgentProfile> | undefined>;
  putAgent(agent: AgentProfile, ifVersion?: number): Promise<Versioned<AgentProfile>>;
  deleteAgent(agentId: string, ifVersion?: number): Promise<boolean>;

  getSettings(): Promise<EngineSettings | undefined>;
  putSettings(settings: EngineSettings): Promise<void>;

  /** The whole configuration as one document (export). */
  exportAll(): Promise<ConfigDocument>;
  /** Replaces the whole configuration in one transaction (import); unchanged entities keep their version. */
  replaceAll(document: ConfigDocument): Promise<void>;
}

export class KyselyConfigRepository implements ConfigRepository {
  readonly #db: Kysely<Database>;
  readonly #queues: VersionedRepository<QueueConfig>;
  readonly #calendars: VersionedRepository<BusinessCalendar>;
  readonly #rules: VersionedRepository<AlertRule>;
  readonly #agents: VersionedRepository<AgentProfile>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
    this.#queues = new VersionedRepository(db, 'queue_config', queueKey);
    this.#calendars = new VersionedRepository(db, 'business_calendar', calendarKey);
    this.#rules = new VersionedRepository(db, 'alert_rule', ruleKey);
    this.#agents = new VersionedRepository(db, 'agent_profile', agentKey);
  }

  listQueues() { return this.#queues.list(); }
  getQueue(queueId: string) { return this.#queues.get(queueId); }
  putQueue(queue: QueueConfig, ifVersion?: number) { return this.#queues.put(queue, ifVersion); }
  deleteQueue(queueId: string, ifVersion?: number) { return this.#queues.delete(queueId, ifVersion); }

  listCalendars() { return this.#calendars.list(); }
  getCalendar(id: string) { return this.#calendars.get(id); }
  putCalendar(calendar: BusinessCalendar, ifVersion?: number) { return this.#calendars.put(calendar, ifVersion); }
  deleteCalendar(id: string, ifVersion?: number) { return this.#calendars.delete(id, ifVersion); }

  listAlertRules() { return this.#rules.list(); }
  getAlertRule(id: string) { return this.#rules.get(id); }
  putAlertRule(rule: AlertRule, ifVersion?: number) { return this.#rules.put(rule, ifVersion); }
  deleteAlertRule(id: string, ifVersion?: number) { return this.#rules.delete(id, ifVersion); }

  listAgents() { return this.#agents.list(); }
  getAgent(agentId: string) { return this.#agents.get(agentId); }
  putAgent(agent: AgentProfile, ifVersion?: number) { return this.#agents.put(agent, ifVersion); }
  deleteAgent(agentId: string, ifVersion?: number) { return this.#agents.delete(agentId, ifVersion); }

  async getSettings(): Promise<EngineSettings | undefined> {
    const row = await this.#db.selectFrom('engine_settings').select('value').executeTakeFirst();
    return row?.value as EngineSettings | undefined;
  }

  async putSettings(settings: EngineSettings): Promise<void> {
    await putSettingsWith(this.#db, settings);
  }

  async exportAll(): Promise<ConfigDocument> {
    const values = <T>(list: Versioned<T>[]) => list.map((entry) => entry.value);
    const [settings, queues, calendars, alertRules, agents] = await Promise.all([
      this.getSettings(), this.listQueues(), this.listCalendars(), this.listAlertRules(), this.listAgents(),
    ]);
    return {
      ...(settings && { settings }),
      queues: values(queues), calendars: values(calendars), alertRules: values(alertRules), agents: values(agents),
    };
  }

  async replaceAll(document: ConfigDocument): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await replaceTable(trx, 'queue_config', document.queues, queueKey);
      await replaceTable(trx, 'business_calendar', document.calendars, calendarKey);
      await replaceTable(trx, 'alert_rule', document.alertRules, ruleKey);
      await replaceTable(trx, 'agent_profile', document.agents, agentKey);
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
