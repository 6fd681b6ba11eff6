import type {
  AgentDetail, AgentProfile, AlertRule, AuditEntry, BusinessCalendar, ConfigDocument, ConfigResourcePath, QueueConfig,
} from '@plancia/contracts';
import { isInstallationWide, type Principal } from '../plugins/app/principal.js';
import { agentPseudonym } from '../privacy/agent-pseudonym.js';
import type { PlacementLookup, Reach } from './reach.js';

/** A read or write of configuration outside the principal's scope: 403, the message naming the field. */
export class ScopeRefusal extends Error {
  readonly status = 403;
}

const DEFAULT_CALENDAR = 'default';
type AnyEntity = QueueConfig | BusinessCalendar | AlertRule | AgentProfile;
type Named = { tenant?: unknown } | null | undefined;

export interface ConfigReachInput {
  principal: Principal;
  /**
   * May administer (the admin role): only an administrator of the whole installation sees agents as stored. Other
   * installation-wide readers (viewers and supervisors, view tokens) see them as the default tenant's mode says.
   */
  administers: boolean;
  reach: Reach;
  /** The principal's tenant's agent-detail mode and its pseudonym key. */
  agentDetail: AgentDetail;
  pseudonymKey: string;
  /** The stored configuration: which team a queue is in, which queues use a calendar, an agent's team. */
  document: ConfigDocument;
  /** Where the board last saw agents (their queues). */
  placements: PlacementLookup;
  /** Tenants of users and tokens by name, for audit entries whose before/after do not say. */
  userTenant?: (username: string) => string | undefined;
  tokenTenant?: (name: string) => string | undefined;
}

/**
 * What one principal may read and write of the configuration and the audit log: the one place these rules live.
 *
 * An installation-wide principal (default tenant, unscoped) sees and writes everything; agent names too when it is an
 * administrator, whose export must import back whole (anyone else sees agents as the default tenant's mode says). Every other principal sees the entries its
 * reach holds: queues it reaches; rules on a queue, team or agent it reaches (rules on the centre, a channel or every
 * entity of a kind are the installation's); agent profiles whose team, or a queue the board saw them on, it reaches;
 * calendars used by a queue it reaches, and the default calendar. The engine settings are installation-wide: they are
 * shown read-only (time zone, day reset: a tenant's board needs them to read its figures) and written only by the
 * installation. Its tenant's agent-detail mode then shapes the rest: `off` no agent profile and no agent-scoped rule,
 * `pseudonymous` each agent under the same pseudonym the board shows.
 */
export class ConfigReach {
  readonly whole: boolean;
  /** Sees agents as stored, whatever the agent-detail mode. */
  readonly #agentsAsStored: boolean;
  readonly #teamOfQueue: Map<string, string | undefined>;
  readonly #agents: Map<string, AgentProfile>;
  readonly #rules: AlertRule[];

  constructor(private readonly input: ConfigReachInput) {
    this.whole = isInstallationWide(input.principal);
    this.#agentsAsStored = this.whole && input.administers;
    this.#teamOfQueue = new Map(input.document.queues.map((q) => [q.queueId, q.teamId]));
    this.#agents = new Map(input.document.agents.map((a) => [a.agentId, a]));
    // Longest id first: an alert id is matched to the rule whose id is its longest prefix.
    this.#rules = [...input.document.alertRules].sort((a, b) => b.id.length - a.id.length);
  }

  get agentDetail(): AgentDetail {
    return this.input.agentDetail;
  }

  hasQueue(queueId: string, teamId: string | undefined = this.#teamOfQueue.get(queueId)): boolean {
    return this.whole || this.input.reach.hasQueue(queueId, teamId ?? undefined);
  }

  /** Agent detail `off` hides every agent, whatever the reach. */
  hasAgent(agentId: string, teamId: string | undefined = this.#agents.get(agentId)?.teamId): boolean {
    if (this.#agentsAsStored) return true;
    if (this.input.agentDetail === 'off') return false;
    if (this.whole) return true;
    const queueIds = this.input.placements.agent(agentId)?.queueIds ?? [];
    return this.input.reach.hasAgent({ teamId: teamId ?? this.input.placements.agent(agentId)?.teamId ?? null, queueIds });
  }

  hasRule(rule: Pick<AlertRule, 'scope'>): boolean {
    const { kind, id } = rule.scope;
    // A rule on every agent names none; a rule on one agent is shown only where that agent may be.
    if (this.whole && (kind !== 'agent' || id === undefined)) return true;
    if (id === undefined) return false;
    switch (kind) {
      case 'queue': return this.hasQueue(id);
      case 'team': return this.input.reach.hasTeam(id);
      case 'agent': return this.hasAgent(id);
      case 'channel': case 'centre': return false;
    }
  }

  hasCalendar(calendarId: string): boolean {
    return this.whole || calendarId === DEFAULT_CALENDAR || this.#queuesUsing(calendarId).some((q) => this.hasQueue(q.queueId, q.teamId));
  }

  has(path: ConfigResourcePath, entity: AnyEntity): boolean {
    switch (path) {
      case 'queues': { const q = entity as QueueConfig; return this.hasQueue(q.queueId, q.teamId); }
      case 'calendars': return this.hasCalendar((entity as BusinessCalendar).id);
      case 'alert-rules': return this.hasRule(entity as AlertRule);
      case 'agents': { const a = entity as AgentProfile; return this.hasAgent(a.agentId, a.teamId); }
    }
  }

  /** The entity as this principal is shown it (agents under their pseudonyms when the tenant says so). */
  shown<T extends AnyEntity>(path: ConfigResourcePath, entity: T): T {
    if (this.#agentsAsStored || this.input.agentDetail !== 'pseudonymous') return entity;
    if (path === 'agents') {
      const pseudonym = this.#pseudonym((entity as AgentProfile).agentId);
      return { ...entity, agentId: pseudonym, name: pseudonym };
    }
    if (path === 'alert-rules') {
      const rule = entity as AlertRule;
      if (rule.scope.kind === 'agent' && rule.scope.id !== undefined) return { ...rule, scope: { ...rule.scope, id: this.#pseudonym(rule.scope.id) } } as T;
    }
    return entity;
  }

  /** The entries of a list this principal may see, as it is shown them. */
  list<T extends AnyEntity>(path: ConfigResourcePath, entities: readonly T[]): T[] {
    return entities.filter((e) => this.has(path, e)).map((e) => this.shown(path, e));
  }

  /** The whole document as this principal may see it; settings are shown (read-only for all but the installation). */
  document(document: ConfigDocument): ConfigDocument {
    if (this.#agentsAsStored) return document;
    return {
      ...(document.settings ? { settings: document.settings } : {}),
      queues: this.list('queues', document.queues),
      calendars: this.list('calendars', document.calendars),
      alertRules: this.list('alert-rules', document.alertRules),
      agents: this.list('agents', document.agents),
    };
  }

  /**
   * The stored id an URL's id stands for: with pseudonyms, an agent is asked for by its pseudonym only (undefined
   * otherwise: answering a real id with its pseudonym would undo the pseudonym).
   */
  storedId(path: ConfigResourcePath, shownId: string): string | undefined {
    if (this.#agentsAsStored || path !== 'agents' || this.input.agentDetail !== 'pseudonymous') return shownId;
    for (const agentId of this.#agents.keys()) if (this.#pseudonym(agentId) === shownId) return agentId;
    return undefined;
  }

  /** Why this principal may not read the entry (outside its reach), or null. */
  readRefusal(path: ConfigResourcePath, entity: AnyEntity): string | null {
    return this.has(path, entity) ? null : `${idField(path)}: outside your scope`;
  }

  /**
   * Why this principal may not write the entry, or null. `before`: the stored entry (undefined: a new one); `after`:
   * the entry as it would be stored (undefined: a deletion). Both must be in reach: an entry is neither taken from
   * nor given to another tenant.
   */
  writeRefusal(path: ConfigResourcePath, before: AnyEntity | undefined, after: AnyEntity | undefined): string | null {
    if (this.whole) return null;
    const field = idField(path);
    if (path === 'agents' || (path === 'alert-rules' && [before, after].some((r) => (r as AlertRule | undefined)?.scope.kind === 'agent'))) {
      // Writing a profile (or a rule on one agent) names the agent: only where the tenant lets names out.
      if (this.input.agentDetail !== 'named') return `${field}: agent detail is ${this.input.agentDetail} in your tenant`;
    }
    if (path === 'calendars') {
      const id = ((before ?? after) as BusinessCalendar).id;
      const users = this.#queuesUsing(id);
      // The default calendar (every unconfigured queue's), one shared with queues outside the scope, or one used by
      // none is the installation's.
      if (id === DEFAULT_CALENDAR || users.length === 0 || !users.every((q) => this.hasQueue(q.queueId, q.teamId))) return 'id: a calendar not used solely by your queues is installation-wide';
      return null;
    }
    if (path === 'alert-rules' && [before, after].some((r) => r !== undefined && (r as AlertRule).scope.id === undefined)) {
      return 'scope: rules on the centre, a channel or every entity of a kind are installation-wide';
    }
    for (const entity of [before, after]) if (entity !== undefined && !this.has(path, entity)) return `${field}: outside your scope`;
    // Pointing a queue at another tenant's calendar would show it that calendar, and take it from its owner.
    if (path === 'queues' && after !== undefined && !this.hasCalendar((after as QueueConfig).calendarId)) return 'calendarId: outside your scope';
    return null;
  }

  /** Engine settings and the whole document are the installation's to write. */
  wholeWriteRefusal(field: 'settings' | 'config'): string | null {
    return this.whole ? null : `${field}: only an installation-wide administrator may write ${field === 'settings' ? 'the engine settings' : 'the whole configuration'}`;
  }

  /** The audit entry as this principal may see it, or null: only entries about what its reach holds, never another tenant's. */
  auditEntry(entry: AuditEntry): AuditEntry | null {
    if (this.whole) return entry;
    const slash = entry.resource.indexOf('/');
    if (slash < 0) return null; // `config`: a whole import is the installation's
    const kind = entry.resource.slice(0, slash);
    const id = entry.resource.slice(slash + 1);
    const value = (entry.after ?? entry.before) as AnyEntity | null;
    switch (kind) {
      case 'queues':
        return this.hasQueue(id, (value as QueueConfig | null)?.teamId) ? entry : null;
      case 'calendars':
        return this.hasCalendar(id) ? entry : null;
      case 'alert-rules':
        return value && this.hasRule(value as AlertRule) ? this.#shownAuditEntry(entry, 'alert-rules') : null;
      case 'agents':
        return this.hasAgent(id, (value as AgentProfile | null)?.teamId) ? this.#shownAuditEntry(entry, 'agents') : null;
      case 'alerts':
        return this.#alertAuditEntry(entry, id);
      case 'users':
        return this.#ofTenant(entry, this.input.userTenant?.(id)) || this.#isSelf('user', id) ? entry : null;
      case 'tokens':
        return this.#ofTenant(entry, this.input.tokenTenant?.(id)) ? entry : null;
      case 'tenants':
        return id === this.input.principal.tenant ? entry : null;
      default:
        return null; // contacts and anything new: the installation's until a rule says otherwise
    }
  }

  #isSelf(kind: Principal['kind'], name: string): boolean {
    return this.input.principal.kind === kind && this.input.principal.name === name;
  }

  #ofTenant(entry: AuditEntry, current: string | undefined): boolean {
    const recorded = ((entry.after as Named)?.tenant ?? (entry.before as Named)?.tenant) as string | undefined;
    return (recorded ?? current) === this.input.principal.tenant;
  }

  #shownAuditEntry(entry: AuditEntry, path: 'agents' | 'alert-rules'): AuditEntry {
    if (this.input.agentDetail !== 'pseudonymous') return entry;
    const shown = (value: unknown) => (value === null || value === undefined ? value : this.shown(path, value as AnyEntity));
    const resource = path === 'agents' ? `agents/${this.#pseudonym(entry.resource.slice('agents/'.length))}` : entry.resource;
    return { ...entry, resource, before: shown(entry.before), after: shown(entry.after) };
  }

  /** An alert's id is `ruleId:scopeId:raisedAt` (packages/engine alert-engine): its rule says the kind, the middle part the entity. */
  #alertAuditEntry(entry: AuditEntry, alertId: string): AuditEntry | null {
    const rule = this.#rules.find((r) => alertId.startsWith(`${r.id}:`));
    const raisedAt = /:(\d{4}-\d{2}-\d{2}T[\d:.]+Z)$/.exec(alertId);
    if (!rule || !raisedAt) return null;
    const scopeId = alertId.slice(rule.id.length + 1, raisedAt.index);
    if (!this.hasRule({ scope: { kind: rule.scope.kind, id: scopeId } })) return null;
    if (rule.scope.kind !== 'agent' || this.input.agentDetail !== 'pseudonymous') return entry;
    return { ...entry, resource: `alerts/${rule.id}:${this.#pseudonym(scopeId)}:${raisedAt[1]}` };
  }

  #queuesUsing(calendarId: string): QueueConfig[] {
    return this.input.document.queues.filter((q) => q.calendarId === calendarId);
  }

  #pseudonym(agentId: string): string {
    return agentPseudonym(this.input.pseudonymKey, agentId);
  }
}

const ID_FIELDS: Record<ConfigResourcePath, string> = { queues: 'queueId', calendars: 'id', 'alert-rules': 'scope', agents: 'agentId' };
const idField = (path: ConfigResourcePath): string => ID_FIELDS[path];
