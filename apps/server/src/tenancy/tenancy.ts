import type { AuditRepository, StoredTenant, TenantRepository } from '@plancia/store';
import { DEFAULT_TENANT, type PrivacySettings, type Tenant } from '@plancia/contracts';
import type { Principal } from '../plugins/app/principal.js';
import { Placements } from './placements.js';
import { Reach, type Area } from './reach.js';

/** A setting refused before it is stored, naming the field. */
export class TenancyRefusal extends Error {
  constructor(readonly status: 400 | 404 | 409, message: string) {
    super(message);
  }
}

const area = (queues: readonly string[], teams: readonly string[]): Area | null =>
  queues.length === 0 && teams.length === 0 ? null : { queues: new Set(queues), teams: new Set(teams) };

function privacyOf(tenant: StoredTenant): PrivacySettings {
  return {
    agentDetail: tenant.agentDetail as PrivacySettings['agentDetail'],
    ...(tenant.agreement === null ? {} : { agreement: tenant.agreement }),
    ...(tenant.agreementDate === null ? {} : { agreementDate: tenant.agreementDate }),
  };
}

const toApi = (tenant: StoredTenant): Tenant =>
  ({ tenantId: tenant.id, name: tenant.name, queues: tenant.queues, teams: tenant.teams, privacy: privacyOf(tenant) });

/** `named` is lawful only with the agreement or authorisation on record. */
export function checkPrivacy(settings: PrivacySettings): void {
  if (settings.agentDetail === 'named' && !settings.agreement) {
    throw new TenancyRefusal(400, 'agreement: named agent detail needs the reference of the union agreement or INL authorisation');
  }
}

/**
 * Tenants in memory (read at start, followed through this server's own changes and, in cluster mode, those other
 * nodes announce), each write audited. Decides what a principal reaches and how much of each agent its tenant lets out.
 */
export class Tenancy {
  readonly placements = new Placements();
  readonly #tenants = new Map<string, StoredTenant>();
  readonly #listeners = new Set<(tenantId: string) => void>();
  /** Tells the other nodes of a cluster which tenant this one changed (nobody to tell in the single process). */
  #announce: (tenantId: string) => Promise<void> = async () => undefined;

  private constructor(private readonly repository: TenantRepository, private readonly audit: AuditRepository, private readonly now: () => number) {}

  static async open(repository: TenantRepository, audit: AuditRepository, now: () => number = Date.now): Promise<Tenancy> {
    const tenancy = new Tenancy(repository, audit, now);
    for (const tenant of await repository.list()) tenancy.#tenants.set(tenant.id, tenant);
    return tenancy;
  }

  /** Cluster mode: each change stored here is announced to the other nodes, which `reload` the tenant. */
  announceThrough(announce: (tenantId: string) => Promise<void>): void {
    this.#announce = announce;
  }

  list(): Tenant[] {
    return [...this.#tenants.values()].map(toApi);
  }

  get(id: string): Tenant | undefined {
    const tenant = this.#tenants.get(id);
    return tenant && toApi(tenant);
  }

  has(id: string): boolean {
    return this.#tenants.has(id);
  }

  privacy(id: string): PrivacySettings {
    const tenant = this.#tenants.get(id);
    return tenant ? privacyOf(tenant) : { agentDetail: 'off' };
  }

  pseudonymKey(id: string): string {
    return this.#tenants.get(id)?.pseudonymKey ?? '';
  }

  /** What a principal sees: its tenant's queues and teams (the default tenant owns all), narrowed to its scope. */
  reachOf(principal: Principal): Reach {
    const tenant = this.#tenants.get(principal.tenant);
    // A tenant removed under a live session owns nothing any more.
    const owned = principal.tenant === DEFAULT_TENANT ? null : area(tenant?.queues ?? [], tenant?.teams ?? []) ?? { queues: new Set<string>(), teams: new Set<string>() };
    return new Reach(owned, area(principal.scope.queues, principal.scope.teams), this.placements);
  }

  /** Creates or replaces a tenant (not `default`'s lists: it owns everything). */
  async put(tenant: Tenant, actor: string): Promise<'created' | 'replaced'> {
    checkPrivacy(tenant.privacy);
    const before = this.#tenants.get(tenant.tenantId);
    const record = {
      id: tenant.tenantId, name: tenant.name, queues: tenant.queues, teams: tenant.teams, agentDetail: tenant.privacy.agentDetail,
      agreement: tenant.privacy.agreement ?? null, agreementDate: tenant.privacy.agreementDate ?? null,
    };
    const created = await this.repository.upsert(record);
    await this.reload(tenant.tenantId);
    await this.record(actor, created ? 'tenant.create' : 'tenant.update', tenant.tenantId, before && toApi(before), tenant);
    await this.#announce(tenant.tenantId);
    return created ? 'created' : 'replaced';
  }

  async remove(id: string, actor: string): Promise<void> {
    if (id === DEFAULT_TENANT) throw new TenancyRefusal(409, 'tenantId: the default tenant cannot be removed');
    const before = this.#tenants.get(id);
    if (!before) throw new TenancyRefusal(404, `tenantId: no tenant ${id}`);
    if (!(await this.repository.remove(id))) throw new TenancyRefusal(409, `tenantId: users or tokens still belong to ${id}`);
    this.#tenants.delete(id);
    await this.record(actor, 'tenant.delete', id, toApi(before), null);
    this.changed(id);
    await this.#announce(id);
  }

  /** A tenant's agent-detail mode and the agreement behind it. */
  async setPrivacy(id: string, settings: PrivacySettings, actor: string): Promise<PrivacySettings> {
    checkPrivacy(settings);
    const tenant = this.#tenants.get(id);
    if (!tenant) throw new TenancyRefusal(404, `tenant: no tenant ${id}`);
    const before = privacyOf(tenant);
    await this.repository.upsert({ ...tenant, agentDetail: settings.agentDetail, agreement: settings.agreement ?? null, agreementDate: settings.agreementDate ?? null });
    await this.reload(id);
    await this.record(actor, 'privacy.update', id, before, settings);
    await this.#announce(id);
    return this.privacy(id);
  }

  /** Hears which tenant changed: its boards must start over under the new reach or privacy. */
  onChange(listener: (tenantId: string) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Reads one tenant again as stored (gone from the store: gone here), then tells the listeners. */
  async reload(id: string): Promise<void> {
    const stored = await this.repository.find(id);
    if (stored) this.#tenants.set(id, stored);
    else this.#tenants.delete(id);
    this.changed(id);
  }

  private changed(id: string): void {
    for (const listener of this.#listeners) listener(id);
  }

  private record(actor: string, action: string, id: string, before: unknown, after: unknown): Promise<void> {
    return this.audit.record({ actor, action, resource: `tenants/${id}`, before, after, atMs: this.now() });
  }
}
