import { CONFIG_RESOURCES, defaultQueueConfig, type ConfigEntity, type ConfigResourcePath } from '@plancia/contracts';
import { calendarProblems, queueProblems, type ConfigProblem } from '@plancia/engine';
import type { Store, Versioned } from '@plancia/store';

/** What the API needs of one configuration table. */
export interface ResourceTable<T> {
  list(): Promise<Versioned<T>[]>;
  get(id: string): Promise<Versioned<T> | undefined>;
  put(value: T, ifVersion?: number): Promise<Versioned<T>>;
  delete(id: string, ifVersion?: number): Promise<boolean>;
}

/** Any configurable entity: a queue, a calendar, an alert rule or an agent. */
export type Entity = ConfigEntity<ConfigResourcePath>;

type Declared<P extends ConfigResourcePath> = (typeof CONFIG_RESOURCES)[P];

/** One configurable resource: the contract's declaration of it (schemas, id field) with its table and its rules. */
export interface Resource<P extends ConfigResourcePath = ConfigResourcePath> {
  path: P;
  /** the entity, as stored and answered */
  schema: Declared<P>['entity'];
  /** a PUT body, laid over the stored entity */
  patch: Declared<P>['patch'];
  idField: Declared<P>['idField'];
  table: ResourceTable<ConfigEntity<P>>;
  /** Queues seen in events but not configured run on defaults: a PUT merges onto these. */
  fallback?: (id: string) => ConfigEntity<P>;
  /** What the engine would refuse in a value that passes the schema (paths within the value). */
  engineProblems?: (value: ConfigEntity<P>) => ConfigProblem[];
}

type Rules<P extends ConfigResourcePath> = Pick<Resource<P>, 'fallback' | 'engineProblems'>;

function resource<P extends ConfigResourcePath>(config: Store['config'], path: P, rules: Rules<P> = {}): Resource<P> {
  const { entity, patch, idField, documentKey } = CONFIG_RESOURCES[path];
  // The store names a table by the document's list; the declaration pairs the two, which TypeScript cannot follow.
  const table = config.table(documentKey) as unknown as ResourceTable<ConfigEntity<P>>;
  return { path, schema: entity, patch, idField, table, ...rules };
}

export function configResources(config: Store['config']): Resource[] {
  return [
    resource(config, 'queues', { fallback: (id) => defaultQueueConfig(id), engineProblems: queueProblems }),
    resource(config, 'calendars', { engineProblems: calendarProblems }),
    resource(config, 'alert-rules'),
    resource(config, 'agents'),
  ] as Resource[];
}
