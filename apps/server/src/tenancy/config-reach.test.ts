import { describe, expect, it } from 'vitest';
import { defaultQueueConfig, type AgentDetail, type AlertRule, type AuditEntry, type ConfigDocument } from '@plancia/contracts';
import type { Principal } from '../plugins/app/principal.js';
import { agentPseudonym } from '../privacy/agent-pseudonym.js';
import { ConfigReach } from './config-reach.js';
import { Reach, type PlacementLookup } from './reach.js';

const rule = (id: string, kind: AlertRule['scope']['kind'], scopeId?: string): AlertRule => ({
  id, name: id, metric: 'waiting', scope: { kind, ...(scopeId ? { id: scopeId } : {}) }, window: 'live', comparison: 'gt',
  threshold: 5, forSeconds: 0, severity: 'warning', enabled: true,
});
const calendar = (id: string) => ({ id, name: id, timeZone: 'Europe/Rome', weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, italianHolidays: true, closures: [] });

const document: ConfigDocument = {
  settings: { timeZone: 'Europe/Rome', dayResetTime: '00:00', graceSeconds: 120, staleContactSeconds: 14_400, notReadyAlertSeconds: 900 },
  queues: [
    { ...defaultQueueConfig('acme-sales'), calendarId: 'acme-hours' },
    { ...defaultQueueConfig('acme-care'), teamId: 'acme-team', calendarId: 'shared-hours' },
    { ...defaultQueueConfig('beta-care'), calendarId: 'shared-hours' },
  ],
  calendars: [calendar('default'), calendar('acme-hours'), calendar('shared-hours'), calendar('beta-only')],
  alertRules: [rule('acme-wait', 'queue', 'acme-sales'), rule('beta-wait', 'queue', 'beta-care'), rule('centre', 'centre'),
    rule('every-queue', 'queue'), rule('acme-team-rule', 'team', 'acme-team'), rule('giulia-ready', 'agent', 'giulia'), rule('marco-ready', 'agent', 'marco')],
  agents: [{ agentId: 'giulia', name: 'Giulia Rossi', teamId: 'acme-team' }, { agentId: 'marco', name: 'Marco Bianchi', teamId: 'beta-team' },
    { agentId: 'sara', name: 'Sara Verdi' }],
};

const placements: PlacementLookup = {
  teamOfQueue: (id) => document.queues.find((q) => q.queueId === id)?.teamId ?? null,
  // Sara has no team in her profile: the board saw her on acme-sales.
  agent: (id) => (id === 'sara' ? { teamId: null, queueIds: ['acme-sales'] } : undefined),
};
const acmeArea = { queues: new Set(['acme-sales', 'acme-care']), teams: new Set(['acme-team']) };
const principal = (tenant: string, queues: string[] = []): Principal => ({ kind: 'user', name: 'anna', tenant, scope: { queues, teams: [] } });

function reachOf(who: Principal, agentDetail: AgentDetail = 'named', extra: Partial<ConstructorParameters<typeof ConfigReach>[0]> = {}) {
  const scope = who.scope.queues.length > 0 ? { queues: new Set(who.scope.queues), teams: new Set<string>() } : null;
  const reach = new Reach(who.tenant === 'default' ? null : acmeArea, scope, placements);
  return new ConfigReach({ principal: who, administers: true, reach, agentDetail, pseudonymKey: 'acme-key', document, placements, ...extra });
}
const ids = (entries: readonly { id?: string; queueId?: string; agentId?: string }[]) => entries.map((e) => e.queueId ?? e.agentId ?? e.id);

describe('ConfigReach', () => {
  it('lets the installation\'s administrator see and write everything, agent names included, whatever its tenant mode', () => {
    const whole = reachOf(principal('default'), 'off');
    expect(whole.document(document)).toBe(document);
    expect(whole.writeRefusal('alert-rules', undefined, rule('c', 'centre'))).toBeNull();
    expect(whole.wholeWriteRefusal('config')).toBeNull();
  });

  it('shows an installation-wide viewer every queue, calendar and rule, but agents only as the default tenant\'s mode says', () => {
    const off = reachOf(principal('default'), 'off', { administers: false });
    const seen = off.document(document);
    expect(ids(seen.queues)).toEqual(['acme-sales', 'acme-care', 'beta-care']);
    expect(ids(seen.calendars)).toEqual(['default', 'acme-hours', 'shared-hours', 'beta-only']);
    expect(seen.agents).toEqual([]);
    expect(ids(seen.alertRules)).toEqual(['acme-wait', 'beta-wait', 'centre', 'every-queue', 'acme-team-rule']);
    expect(JSON.stringify(seen)).not.toMatch(/giulia|marco|Rossi|Bianchi/i);

    const pseudonymous = reachOf(principal('default'), 'pseudonymous', { administers: false }).document(document);
    expect(pseudonymous.agents.map((a) => a.agentId)).toEqual(['giulia', 'marco', 'sara'].map((id) => agentPseudonym('acme-key', id)));
    expect(JSON.stringify(pseudonymous)).not.toMatch(/Giulia|Rossi|"giulia"|"marco"/);
    expect(reachOf(principal('default'), 'named', { administers: false }).document(document).agents).toEqual(document.agents);
  });

  it('shows a tenant only its queues, their calendars (and the default), rules on what it reaches and its agents', () => {
    const seen = reachOf(principal('acme')).document(document);
    expect(ids(seen.queues)).toEqual(['acme-sales', 'acme-care']);
    expect(ids(seen.calendars)).toEqual(['default', 'acme-hours', 'shared-hours']);
    expect(ids(seen.alertRules)).toEqual(['acme-wait', 'acme-team-rule', 'giulia-ready']);
    expect(ids(seen.agents)).toEqual(['giulia', 'sara']);
    expect(seen.settings).toEqual(document.settings);
  });

  it('narrows to the scope within the tenant', () => {
    const seen = reachOf(principal('acme', ['acme-sales'])).document(document);
    expect(ids(seen.queues)).toEqual(['acme-sales']);
    expect(ids(seen.calendars)).toEqual(['default', 'acme-hours']);
    expect(ids(seen.alertRules)).toEqual(['acme-wait']);
    expect(ids(seen.agents)).toEqual(['sara']);
  });

  it('names the field when refusing a read outside the reach', () => {
    const acme = reachOf(principal('acme'));
    expect(acme.readRefusal('queues', document.queues[2]!)).toBe('queueId: outside your scope');
    expect(acme.readRefusal('alert-rules', document.alertRules[1]!)).toBe('scope: outside your scope');
    expect(acme.readRefusal('queues', document.queues[0]!)).toBeNull();
  });

  it('refuses writes that take from or give to another tenant, and installation-wide entries', () => {
    const acme = reachOf(principal('acme'));
    const sales = document.queues[0]!;
    expect(acme.writeRefusal('queues', sales, { ...sales, name: 'Vendite' })).toBeNull();
    expect(acme.writeRefusal('queues', document.queues[2]!, { ...document.queues[2]!, name: 'x' })).toBe('queueId: outside your scope');
    expect(acme.writeRefusal('queues', undefined, defaultQueueConfig('acme-new'))).toBe('queueId: outside your scope');
    expect(acme.writeRefusal('queues', undefined, { ...defaultQueueConfig('acme-new'), teamId: 'acme-team' })).toBeNull();
    expect(acme.writeRefusal('alert-rules', undefined, rule('x', 'centre'))).toMatch(/^scope: .*installation-wide/);
    expect(acme.writeRefusal('alert-rules', undefined, rule('x', 'queue'))).toMatch(/^scope: /);
    expect(acme.writeRefusal('alert-rules', document.alertRules[0]!, rule('acme-wait', 'queue', 'beta-care'))).toBe('scope: outside your scope');
    expect(acme.writeRefusal('calendars', calendar('acme-hours'), calendar('acme-hours'))).toBeNull();
    expect(acme.writeRefusal('calendars', calendar('shared-hours'), undefined)).toMatch(/^id: /);
    expect(acme.writeRefusal('calendars', undefined, calendar('new-hours'))).toMatch(/^id: /);
    expect(acme.writeRefusal('calendars', calendar('default'), calendar('default'))).toMatch(/^id: /);
    expect(acme.writeRefusal('queues', sales, { ...sales, calendarId: 'beta-only' })).toBe('calendarId: outside your scope');
    expect(acme.writeRefusal('queues', sales, { ...sales, calendarId: 'shared-hours' })).toBeNull();
    expect(acme.wholeWriteRefusal('config')).toMatch(/^config: /);
  });

  it('with agent detail off lets no agent profile or agent rule out, and refuses writing them', () => {
    const off = reachOf(principal('acme'), 'off');
    const seen = off.document(document);
    expect(seen.agents).toEqual([]);
    expect(ids(seen.alertRules)).toEqual(['acme-wait', 'acme-team-rule']);
    expect(off.readRefusal('agents', document.agents[0]!)).toBe('agentId: outside your scope');
    expect(off.writeRefusal('agents', undefined, document.agents[0]!)).toBe('agentId: agent detail is off in your tenant');
  });

  it('with pseudonymous detail shows agents under the pseudonym the board shows and finds them by it', () => {
    const pseudonymous = reachOf(principal('acme'), 'pseudonymous');
    const giulia = agentPseudonym('acme-key', 'giulia');
    const seen = pseudonymous.document(document);
    expect(seen.agents[0]).toEqual({ agentId: giulia, name: giulia, teamId: 'acme-team' });
    expect(JSON.stringify(seen)).not.toMatch(/Giulia|Rossi|"giulia"/);
    expect(seen.alertRules.find((r) => r.id === 'giulia-ready')!.scope).toEqual({ kind: 'agent', id: giulia });
    expect(pseudonymous.storedId('agents', giulia)).toBe('giulia');
    expect(pseudonymous.storedId('agents', 'giulia')).toBeUndefined();
  });

  describe('audit entries', () => {
    const entry = (resource: string, after: unknown = null, before: unknown = null): AuditEntry =>
      ({ id: 1, at: '2026-12-04T10:00:00.000Z', actor: 'user:admin', action: 'x', resource, before, after });
    const lookups = { userTenant: (n: string) => ({ anna: 'acme', bruno: 'beta' })[n], tokenTenant: (n: string) => ({ wall: 'acme' })[n] };

    it('keeps only what the reach holds, never another tenant', () => {
      const acme = reachOf(principal('acme'), 'named', lookups);
      const kept = (resource: string, after?: unknown, before?: unknown) => acme.auditEntry(entry(resource, after, before)) !== null;
      expect(kept('queues/acme-sales', document.queues[0])).toBe(true);
      expect(kept('queues/beta-care', document.queues[2])).toBe(false);
      expect(kept('alert-rules/acme-wait', null, document.alertRules[0])).toBe(true);
      expect(kept('alert-rules/centre', document.alertRules[2])).toBe(false);
      expect(kept('users/anna')).toBe(true);
      expect(kept('users/bruno')).toBe(false);
      expect(kept('users/gone', null, { username: 'gone', tenant: 'acme' })).toBe(true);
      expect(kept('tokens/wall')).toBe(true);
      expect(kept('tenants/acme')).toBe(true);
      expect(kept('tenants/beta')).toBe(false);
      expect(kept('config', {})).toBe(false);
      expect(kept('contacts/c1')).toBe(false);
      expect(kept('alerts/acme-wait:acme-sales:2026-12-04T09:00:00.000Z')).toBe(true);
      expect(kept('alerts/beta-wait:beta-care:2026-12-04T09:00:00.000Z')).toBe(false);
      expect(kept('alerts/acme-wait:beta-care:2026-12-04T09:00:00.000Z')).toBe(false);
    });

    it('shapes agents as the tenant says', () => {
      const giulia = agentPseudonym('acme-key', 'giulia');
      const pseudonymous = reachOf(principal('acme'), 'pseudonymous', lookups);
      const shown = pseudonymous.auditEntry(entry('agents/giulia', document.agents[0]))!;
      expect(shown.resource).toBe(`agents/${giulia}`);
      expect(JSON.stringify(shown)).not.toContain('Giulia');
      expect(pseudonymous.auditEntry(entry('alerts/giulia-ready:giulia:2026-12-04T09:00:00.000Z'))!.resource)
        .toBe(`alerts/giulia-ready:${giulia}:2026-12-04T09:00:00.000Z`);
      const off = reachOf(principal('acme'), 'off', lookups);
      expect(off.auditEntry(entry('agents/giulia', document.agents[0]))).toBeNull();
      expect(off.auditEntry(entry('alert-rules/giulia-ready', document.alertRules[5]))).toBeNull();
      expect(off.auditEntry(entry('alerts/giulia-ready:giulia:2026-12-04T09:00:00.000Z'))).toBeNull();
    });
  });
});
