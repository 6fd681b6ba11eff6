import {
  ConfigDocument, type AlertEvent, type AlertRule, type AuditEntry, type AuditQuery, type ConfigDiff, type QueueConfig,
  type QueueListEntry,
} from '@plancia/contracts';
import { configProblems, type EngineConfig } from '@plancia/engine';
import { diffConfig } from './config-document.js';
import { loadEngineConfig } from './engine-config.js';
import { configResources, type Entity, type Resource } from './resources.js';
import { previewRule } from './rule-preview.js';
import { assertEngineAccepts, assertValid, mergeSettings } from './validation.js';
import type { Store, Versioned } from '@plancia/store';

const DEFAULT_AUDIT_PAGE = 100;
/** Entries read at a time while filtering the audit log (the store's largest page). */
const AUDIT_SCAN_PAGE = 1_000;

/**
 * How a stored configuration change reaches the engine (engine-controls.ts): the single process rebuilds its own from
 * the journal; a cluster node sends the change through the stream, for every replica to rebuild at the same position.
 */
export interface EngineControls {
  /** Every figure rebuilt from the journal under the stored configuration; `queue`: the queue changed (only its settings). */
  reconfigure(queue?: QueueConfig): Promise<number>;
}

export interface ConfigDeps {
  store: Pick<Store, 'config' | 'audit' | 'journal'>;
  engine: EngineControls;
  /** Queues the engine has seen in events: unconfigured, they exist on defaults. */
  seenQueues: () => string[];
  now: () => number;
}

export interface WriteResult {
  entry: Versioned<Entity>;
  /** Events replayed to recompute a queue's windows; 0 for other resources. */
  replayed: number;
}

/**
 * Reads and writes configuration: validates against the contract, records the audit trail, applies at once. The
 * routes reach the store only through here.
 */
export class ConfigService {
  readonly resources: ReadonlyMap<Resource['path'], Resource>;

  constructor(private readonly deps: ConfigDeps) {
    this.resources = new Map(configResources(deps.store.config).map((r) => [r.path, r]));
  }

  resource(path: Resource['path']): Resource {
    return this.resources.get(path)!;
  }

  /** Every stored entity of a resource, in id order. */
  async list(resource: Resource): Promise<Entity[]> {
    return (await resource.table.list()).map((entry) => entry.value);
  }

  /** Configured queues, then queues seen in events that are not (on the defaults, version 0). */
  async queueList(): Promise<QueueListEntry[]> {
    const stored = await this.deps.store.config.table('queues').list();
    const configured = new Set(stored.map((q) => q.value.queueId));
    const seen = this.deps.seenQueues().filter((id) => !configured.has(id));
    const fallback = this.resource('queues').fallback!;
    return [
      ...stored.map((q) => ({ config: q.value, version: q.version, configured: true })),
      ...seen.map((id) => ({ config: fallback(id) as QueueConfig, version: 0, configured: false })),
    ];
  }

  /** The stored entity, or for a queue seen in events the defaults (version 0: never stored). */
  async get(resource: Resource, id: string): Promise<Versioned<Entity> | undefined> {
    const stored = await resource.table.get(id);
    if (stored || !resource.fallback || !this.deps.seenQueues().includes(id)) return stored;
    return this.#defaults(resource, id);
  }

  #defaults(resource: Resource, id: string): Versioned<Entity> | undefined {
    if (!resource.fallback) return undefined;
    return { value: resource.fallback(id), version: 0, updatedAt: new Date(this.deps.now()).toISOString() };
  }

  /**
   * `allow`: heard with the stored entry (undefined: none yet) and the valid candidate before anything is stored; it
   * throws to refuse (the routes' scope check, see tenancy/config-reach.ts).
   */
  async put(
    resource: Resource, id: string, body: unknown, actor: string, ifVersion?: number,
    allow: (before: Entity | undefined, after: Entity) => void = () => {},
  ): Promise<WriteResult> {
    const current = (await resource.table.get(id)) ?? this.#defaults(resource, id);
    const merged = mergeSettings(current?.value ?? {}, { ...(body as object), [resource.idField]: id });
    assertValid(resource.schema, merged);
    const candidate = merged as Entity;
    assertEngineAccepts(resource.engineProblems?.(candidate) ?? []);
    allow(current?.version ? current.value : undefined, candidate);
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

  /** The document itself once it passes the contract and the engine's rules (InvalidConfigError naming each bad field otherwise). */
  validDocument(document: unknown): ConfigDocument {
    assertValid(ConfigDocument, document);
    assertEngineAccepts(configProblems(document as ConfigDocument));
    return document as ConfigDocument;
  }

  /** What replacing the whole configuration with `document` changes; with `dryRun` nothing is replaced. */
  async replaceAll(document: unknown, actor: string, dryRun: boolean): Promise<ConfigDiff> {
    const diff = diffConfig(await this.exportAll(), this.validDocument(document));
    if (!dryRun) await this.importAll(document, actor);
    return diff;
  }

  async importAll(document: unknown, actor: string): Promise<void> {
    const valid = this.validDocument(document);
    const before = await this.exportAll();
    await this.deps.store.config.replaceAll(valid);
    await this.#audit(actor, 'config.import', 'config', before, valid);
    await this.deps.engine.reconfigure();
  }

  /**
   * The audit log's entries, newest first, that `shown` keeps (and as it shows them). Which entries a scope may see
   * depends on the rule or queue each names, which SQL cannot tell: the log is read page by page, newest first, and
   * filtered here until `limit` entries are kept or the log (since `since`) is read to its start.
   */
  async audit(query: AuditQuery, shown?: (entry: AuditEntry) => AuditEntry | null): Promise<AuditEntry[]> {
    const sinceMs = query.since ? { sinceMs: Date.parse(query.since) } : {};
    if (!shown) return this.deps.store.audit.list({ ...sinceMs, ...(query.limit ? { limit: query.limit } : {}) });
    const limit = query.limit ?? DEFAULT_AUDIT_PAGE;
    const kept: AuditEntry[] = [];
    let beforeId: number | undefined;
    for (;;) {
      const page = await this.deps.store.audit.list({
        ...sinceMs,
        ...(beforeId === undefined ? {} : { beforeId }),
        limit: AUDIT_SCAN_PAGE,
      });
      for (const entry of page) {
        const visible = shown(entry);
        if (visible) kept.push(visible);
        if (kept.length === limit) return kept;
      }
      if (page.length < AUDIT_SCAN_PAGE) return kept;
      beforeId = page[page.length - 1]!.id;
    }
  }

  /** The transitions of this rule alone over the last hour, replayed on the stored configuration. */
  async previewRule(rule: AlertRule): Promise<AlertEvent[]> {
    const transitions = await previewRule(rule, await this.engineConfig(), this.deps.store.journal, this.deps.now());
    return transitions.filter((event) => event.alert.ruleId === rule.id);
  }

  /** The stored configuration as the engine runs it (what it would refuse left out). */
  engineConfig(): Promise<EngineConfig> {
    return loadEngineConfig(this.deps.store.config);
  }

  async #audit(actor: string, action: string, resource: string, before: unknown, after: unknown): Promise<void> {
    await this.deps.store.audit.record({ actor, action, resource, before, after, atMs: this.deps.now() });
  }

  /**
   * Every change is replayed from the journal, so the board equals a fresh replay with the new configuration whatever
   * door the change came through; a queue's change reports how many of the replayed events concern it.
   */
  #apply(resource: Resource, value: Entity | undefined): Promise<number> {
    return this.deps.engine.reconfigure(resource.path === 'queues' && value !== undefined ? value as QueueConfig : undefined);
  }
}
