import { ConfigDocument, DEFAULT_SETTINGS, type QueueConfig, type TimedEvent } from '@plancia/contracts';
import type { EngineConfig } from '@plancia/engine';
import { configResources, type Resource } from './resources.js';
import { assertValid, mergeSettings } from './validation.js';
import type { Store, Versioned } from '@plancia/store';

/** The engine operations a configuration change needs (the live state delegates them to the engine). */
export interface EngineControls {
  configure(config: EngineConfig): void;
  recomputeQueue(queue: QueueConfig, events: readonly TimedEvent[]): number;
  replayFrom(): number;
}

export interface ConfigDeps {
  store: Pick<Store, 'config' | 'audit' | 'journal'>;
  engine: EngineControls;
  /** Queues the engine has seen in events: unconfigured, they exist on defaults. */
  seenQueues: () => string[];
  now: () => number;
}

export interface WriteResult {
  entry: Versioned<unknown>;
  /** Events replayed to recompute a queue's windows; 0 for other resources. */
  replayed: number;
}

/** Reads and writes configuration: validates against the contract, records the audit trail, applies at once. */
export class ConfigService {
  readonly resources: ReadonlyMap<Resource['path'], Resource>;

  constructor(private readonly deps: ConfigDeps) {
    this.resources = new Map(configResources(deps.store.config).map((r) => [r.path, r]));
  }

  seenQueues(): string[] {
    return this.deps.seenQueues();
  }

  resource(path: Resource['path']): Resource {
    return this.resources.get(path)!;
  }

  /** The stored entity, or for a queue seen in events the defaults (version 0: never stored). */
  async get(resource: Resource, id: string): Promise<Versioned<unknown> | undefined> {
    const stored = await resource.table.get(id);
    if (stored || !resource.fallback || !this.deps.seenQueues().includes(id)) return stored;
    return this.#defaults(resource, id);
  }

  #defaults(resource: Resource, id: string): Versioned<unknown> | undefined {
    if (!resource.fallback) return undefined;
    return { value: resource.fallback(id), version: 0, updatedAt: new Date(this.deps.now()).toISOString() };
  }

  async put(resource: Resource, id: string, body: unknown, actor: string, ifVersion?: number): Promise<WriteResult> {
    const current = (await resource.table.get(id)) ?? this.#defaults(resource, id);
    const candidate = mergeSettings(current?.value ?? {}, { ...(body as object), [resource.idField]: id });
    assertValid(resource.schema, candidate);
    const stored = await resource.table.put(candidate, ifVersion);
    await this.#audit(actor, `${resource.path}.put`, `${resource.path}/${id}`, current?.version ? current.value : null, stored.value);
    const replayed = await this.#apply(resource, stored.value);
    return { entry: stored, replayed };
  }

  /** False when there was nothing to delete. */
  async delete(resource: Resource, id: string, actor: string, ifVersion?: number): Promise<boolean> {
    const before = await resource.table.get(id);
    if (!before) return false;
    const deleted = await resource.table.delete(id, ifVersion);
    if (!deleted) return false;
    await this.#audit(actor, `${resource.path}.delete`, `${resource.path}/${id}`, before.value, null);
    await this.#apply(resource, resource.fallback?.(id));
    return true;
  }

  exportAll(): Promise<ConfigDocument> {
    return this.deps.store.config.exportAll();
  }

  /** The document itself once it passes the contract (InvalidConfigError naming each bad field otherwise). */
  validDocument(document: unknown): ConfigDocument {
    assertValid(ConfigDocument, document);
    return document as ConfigDocument;
  }

  async importAll(document: unknown, actor: string): Promise<void> {
    const valid = this.validDocument(document);
    const before = await this.exportAll();
    await this.deps.store.config.replaceAll(valid);
    await this.#audit(actor, 'config.import', 'config', before, valid);
    await this.#reconfigure();
  }

  async #audit(actor: string, action: string, resource: string, before: unknown, after: unknown): Promise<void> {
    await this.deps.store.audit.record({ actor, action, resource, before, after, atMs: this.deps.now() });
  }

  /** A queue is recomputed from the journal so its windows never mix two definitions; anything else reconfigures. */
  async #apply(resource: Resource, value: unknown): Promise<number> {
    if (resource.path !== 'queues' || value === undefined) {
      await this.#reconfigure();
      return 0;
    }
    const events: TimedEvent[] = [];
    await this.deps.store.journal.readSince(this.deps.engine.replayFrom(), (chunk) => {
      events.push(...chunk);
    });
    return this.deps.engine.recomputeQueue(value as QueueConfig, events);
  }

  async #reconfigure(): Promise<void> {
    const document = await this.exportAll();
    this.deps.engine.configure({ ...document, settings: document.settings ?? DEFAULT_SETTINGS });
  }
}
