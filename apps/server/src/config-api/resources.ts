import type { TSchema } from '@sinclair/typebox';
import { AgentProfile, AlertRule, BusinessCalendar, QueueConfig, defaultQueueConfig } from '@plancia/contracts';
import type { Store, Versioned } from '@plancia/store';

/** What the API needs of one configuration table. */
export interface ResourceTable<T> {
  list(): Promise<Versioned<T>[]>;
  get(id: string): Promise<Versioned<T> | undefined>;
  put(value: T, ifVersion?: number): Promise<Versioned<T>>;
  delete(id: string, ifVersion?: number): Promise<boolean>;
}

/** One configurable resource: its URL segment, contract schema, id field and, for queues, the defaults. */
export interface Resource<T = unknown> {
  path: 'queues' | 'calendars' | 'alert-rules' | 'agents';
  schema: TSchema;
  idField: string;
  table: ResourceTable<T>;
  /** Queues seen in events but not configured run on defaults: a PUT merges onto these. */
  fallback?: (id: string) => T;
}

export function configResources(config: Store['config']): Resource[] {
  const queues: Resource<QueueConfig> = {
    path: 'queues', schema: QueueConfig, idField: 'queueId', fallback: (id) => defaultQueueConfig(id),
    table: {
      list: () => config.listQueues(), get: (id) => config.getQueue(id),
      put: (v, at) => config.putQueue(v, at), delete: (id, at) => config.deleteQueue(id, at),
    },
  };
  const calendars: Resource<BusinessCalendar> = {
    path: 'calendars', schema: BusinessCalendar, idField: 'id',
    table: {
      list: () => config.listCalendars(), get: (id) => config.getCalendar(id),
      put: (v, at) => config.putCalendar(v, at), delete: (id, at) => config.deleteCalendar(id, at),
    },
  };
  const alertRules: Resource<AlertRule> = {
    path: 'alert-rules', schema: AlertRule, idField: 'id',
    table: {
      list: () => config.listAlertRules(), get: (id) => config.getAlertRule(id),
      put: (v, at) => config.putAlertRule(v, at), delete: (id, at) => config.deleteAlertRule(id, at),
    },
  };
  const agents: Resource<AgentProfile> = {
    path: 'agents', schema: AgentProfile, idField: 'agentId',
    table: {
      list: () => config.listAgents(), get: (id) => config.getAgent(id),
      put: (v, at) => config.putAgent(v, at), delete: (id, at) => config.deleteAgent(id, at),
    },
  };
  return [queues, calendars, alertRules, agents] as Resource[];
}
