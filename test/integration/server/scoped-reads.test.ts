import { describe, expect, it } from 'vitest';
import { defaultQueueConfig, type AuditEntry, type ConfigDocument, type QueueListEntry } from '@plancia/contracts';
import { useServer } from '../helpers/plancia-server.js';
import { asPage, login } from '../session/session-client.js';

const ADMIN_PASSWORD = 'admin-password-0123';
const PASSWORD = 'a-long-password-42';
const NAMED = { agentDetail: 'named', agreement: 'Accordo sindacale 2026/1' };
const OFF = { agentDetail: 'off' };

const week = { mon: [{ start: '08:00', end: '18:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const calendar = (id: string) => ({ id, name: id, timeZone: 'Europe/Rome', weekly: week, italianHolidays: true, closures: [] });
const rule = (id: string, scope: { kind: string; id?: string }) => ({
  id, name: id, metric: 'waiting', scope, window: 'live', comparison: 'gt', threshold: 5, forSeconds: 0, severity: 'warning', enabled: true,
});
const queue = (queueId: string, calendarId: string) => ({ ...defaultQueueConfig(queueId), calendarId });

const ids = (entries: readonly Record<string, unknown>[], key: string) => entries.map((entry) => entry[key]).sort();

describe('configuration reads, writes, audit and history obey tenants and scopes', () => {
  const server = useServer({ PLANCIA_ADMIN_PASSWORD: ADMIN_PASSWORD, PLANCIA_LOGIN_RATE_LIMIT: '100' });
  const cookies: Record<string, string> = {};
  const as = (who: string, path: string, method = 'GET', body?: unknown) => asPage(server().url, path, cookies[who]!, method, body);
  const json = async <T>(who: string, path: string): Promise<T> => {
    const response = await as(who, path);
    expect(response.status, `${who} GET ${path}`).toBe(200);
    return (await response.json()) as T;
  };
  const expectForbidden = async (response: Response, field: string) => {
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'forbidden', message: expect.stringMatching(new RegExp(`^${field}: `)) });
  };

  it('sets up two tenants, their administrators, a scoped supervisor and a configuration of both', async () => {
    cookies.admin = (await login(server().url, 'admin', ADMIN_PASSWORD)).cookie;
    const tenants = [
      { id: 'acme', body: { name: 'Acme', queues: ['acme-sales', 'acme-care'], teams: ['acme-team'], privacy: NAMED } },
      // Beta lets no agent detail out: no profile or agent rule of it may leave the server.
      { id: 'beta', body: { name: 'Beta', queues: ['beta-care'], teams: ['beta-team'], privacy: OFF } },
    ];
    for (const { id, body } of tenants) expect((await as('admin', `/api/v1/tenants/${id}`, 'PUT', body)).status).toBe(201);
    const document = {
      queues: [queue('acme-sales', 'acme-hours'), queue('acme-care', 'default'), queue('beta-care', 'beta-hours')],
      calendars: [calendar('default'), calendar('acme-hours'), calendar('beta-hours')],
      alertRules: [
        rule('acme-wait', { kind: 'queue', id: 'acme-sales' }), rule('beta-wait', { kind: 'queue', id: 'beta-care' }),
        rule('centre-wait', { kind: 'centre' }), rule('giulia-ready', { kind: 'agent', id: 'giulia' }),
        rule('marco-ready', { kind: 'agent', id: 'marco' }),
      ],
      agents: [{ agentId: 'giulia', name: 'Giulia Rossi', teamId: 'acme-team' }, { agentId: 'marco', name: 'Marco Bianchi', teamId: 'beta-team' }],
    };
    const imported = await as('admin', '/api/v1/config', 'PUT', document);
    expect(imported.status, await imported.clone().text()).toBe(200);
    const users = [
      { username: 'acme-admin', role: 'admin', tenant: 'acme' },
      { username: 'beta-admin', role: 'admin', tenant: 'beta' },
      { username: 'sam', role: 'supervisor', tenant: 'acme', scope: { queues: ['acme-sales'], teams: [] } },
      { username: 'ada', role: 'admin', tenant: 'acme', scope: { queues: ['acme-care'], teams: [] } },
    ];
    for (const user of users) {
      expect((await as('admin', '/api/v1/users', 'POST', { ...user, password: PASSWORD })).status).toBe(201);
      cookies[user.username] = (await login(server().url, user.username, PASSWORD)).cookie;
    }
  });

  it('lists only the queues, calendars, rules and agents each reaches', async () => {
    const seen = async (who: string) => ({
      queues: ids((await json<QueueListEntry[]>(who, '/api/v1/queues')).map((q) => q.config), 'queueId'),
      calendars: ids(await json(who, '/api/v1/calendars'), 'id'),
      rules: ids(await json(who, '/api/v1/alert-rules'), 'id'),
      agents: ids(await json(who, '/api/v1/agents'), 'agentId'),
    });
    expect(await seen('admin')).toEqual({
      queues: ['acme-care', 'acme-sales', 'beta-care'], calendars: ['acme-hours', 'beta-hours', 'default'],
      rules: ['acme-wait', 'beta-wait', 'centre-wait', 'giulia-ready', 'marco-ready'], agents: ['giulia', 'marco'],
    });
    expect(await seen('acme-admin')).toEqual({
      queues: ['acme-care', 'acme-sales'], calendars: ['acme-hours', 'default'], rules: ['acme-wait', 'giulia-ready'], agents: ['giulia'],
    });
    expect(await seen('sam')).toEqual({ queues: ['acme-sales'], calendars: ['acme-hours', 'default'], rules: ['acme-wait'], agents: [] });
    // Beta's agents are its own, but its agent detail is off: no name leaves the server.
    expect(await seen('beta-admin')).toEqual({ queues: ['beta-care'], calendars: ['beta-hours', 'default'], rules: ['beta-wait'], agents: [] });
  });

  it('exports to each only its own part of the whole document, engine settings shown', async () => {
    const acme = await json<ConfigDocument>('acme-admin', '/api/v1/config');
    expect(ids(acme.queues, 'queueId')).toEqual(['acme-care', 'acme-sales']);
    expect(ids(acme.alertRules, 'id')).toEqual(['acme-wait', 'giulia-ready']);
    const beta = JSON.stringify(await json<ConfigDocument>('beta-admin', '/api/v1/config'));
    expect(beta).not.toMatch(/acme|Giulia|Marco|marco|centre-wait/);
    const whole = await json<ConfigDocument>('admin', '/api/v1/config');
    expect(ids(whole.queues, 'queueId')).toEqual(['acme-care', 'acme-sales', 'beta-care']);
  });

  it("answers 403 naming the field for one entry of another tenant's, and for what is outside a scope", async () => {
    await expectForbidden(await as('acme-admin', '/api/v1/queues/beta-care'), 'queueId');
    await expectForbidden(await as('beta-admin', '/api/v1/queues/acme-sales'), 'queueId');
    await expectForbidden(await as('sam', '/api/v1/queues/acme-care'), 'queueId');
    await expectForbidden(await as('ada', '/api/v1/queues/acme-sales', 'PUT', { name: 'Not in my scope' }), 'queueId');
    await expectForbidden(await as('acme-admin', '/api/v1/alert-rules/beta-wait'), 'scope');
    await expectForbidden(await as('acme-admin', '/api/v1/alert-rules/centre-wait'), 'scope');
    await expectForbidden(await as('acme-admin', '/api/v1/calendars/beta-hours'), 'id');
    await expectForbidden(await as('acme-admin', '/api/v1/agents/marco'), 'agentId');
    await expectForbidden(await as('beta-admin', '/api/v1/agents/marco'), 'agentId');
    // A name never used is refused alike: another tenant's ids cannot be told from it.
    await expectForbidden(await as('acme-admin', '/api/v1/calendars/no-such-calendar'), 'id');
    const own = await as('acme-admin', '/api/v1/queues/acme-sales');
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({ queueId: 'acme-sales' });
    expect((await as('admin', '/api/v1/queues/beta-care')).status).toBe(200);
  });

  it("refuses writes to another tenant's entries and installation-wide ones, and lets each write its own", async () => {
    await expectForbidden(await as('acme-admin', '/api/v1/queues/beta-care', 'PUT', { name: 'Taken' }), 'queueId');
    await expectForbidden(await as('acme-admin', '/api/v1/queues/beta-care', 'DELETE'), 'queueId');
    await expectForbidden(await as('acme-admin', '/api/v1/alert-rules/acme-wait', 'PUT', { scope: { kind: 'queue', id: 'beta-care' } }), 'scope');
    await expectForbidden(await as('acme-admin', '/api/v1/alert-rules/acme-centre', 'PUT', rule('acme-centre', { kind: 'centre' })), 'scope');
    await expectForbidden(await as('acme-admin', '/api/v1/calendars/default', 'PUT', { name: 'Ours now' }), 'id');
    await expectForbidden(await as('beta-admin', '/api/v1/agents/marco', 'PUT', { name: 'Marco B.' }), 'agentId');
    await expectForbidden(await as('acme-admin', '/api/v1/config', 'PUT', { queues: [], calendars: [], alertRules: [], agents: [] }), 'config');
    expect((await as('acme-admin', '/api/v1/queues/acme-sales', 'PUT', { name: 'Acme vendite' })).status).toBe(200);
    expect((await as('acme-admin', '/api/v1/calendars/acme-hours', 'PUT', { name: 'Orari Acme' })).status).toBe(200);
    expect((await as('beta-admin', '/api/v1/queues/beta-care', 'PUT', { name: 'Beta assistenza' })).status).toBe(200);
    const queues = await json<QueueListEntry[]>('admin', '/api/v1/queues');
    expect(queues.find((q) => q.config.queueId === 'beta-care')!.config.name).toBe('Beta assistenza');
  });

  it("shows each the audit entries of its own reach and tenant, never another's", async () => {
    const resources = async (who: string) => (await json<AuditEntry[]>(who, '/api/v1/audit?limit=1000')).map((e) => e.resource);
    const acme = await resources('acme-admin');
    expect(acme).toEqual(expect.arrayContaining(['queues/acme-sales', 'calendars/acme-hours', 'users/acme-admin', 'users/sam', 'tenants/acme']));
    expect(acme.filter((r) => /beta|^config$|users\/admin$/.test(r))).toEqual([]);
    const beta = await resources('beta-admin');
    expect(beta).toEqual(expect.arrayContaining(['queues/beta-care', 'users/beta-admin', 'tenants/beta']));
    expect(beta.filter((r) => /acme|sam|^config$/.test(r))).toEqual([]);
    // A scoped administrator of acme sees its users and its queue, not acme-sales's changes.
    const ada = await resources('ada');
    expect(ada).toEqual(expect.arrayContaining(['users/ada', 'users/acme-admin', 'tenants/acme']));
    expect(ada.filter((r) => /beta|acme-sales|acme-hours/.test(r))).toEqual([]);
    expect((await as('sam', '/api/v1/audit')).status).toBe(403); // the audit log is for administrators
    expect(await resources('admin')).toEqual(expect.arrayContaining(['config', 'queues/acme-sales', 'queues/beta-care', 'tenants/beta']));
    // Paging counts what the caller sees: the newest entry of its own, not an empty page of others'.
    expect(await json<AuditEntry[]>('beta-admin', '/api/v1/audit?limit=1')).toHaveLength(1);
  });

  it('shows agents under their pseudonyms once the tenant is pseudonymous, and finds them only by it', async () => {
    const acme = { name: 'Acme', queues: ['acme-sales', 'acme-care'], teams: ['acme-team'], privacy: { agentDetail: 'pseudonymous' } };
    expect((await as('admin', '/api/v1/tenants/acme', 'PUT', acme)).status).toBe(200);
    const agents = await json<{ agentId: string; name: string }[]>('acme-admin', '/api/v1/agents');
    expect(agents).toHaveLength(1);
    const pseudonym = agents[0]!.agentId;
    expect(pseudonym).toMatch(/^A-[0-9A-Z]{8}$/);
    expect(agents[0]!.name).toBe(pseudonym);
    const rules = JSON.stringify(await json('acme-admin', '/api/v1/alert-rules'));
    expect(rules).toContain(`"id":"${pseudonym}"`);
    expect(rules).not.toContain('"id":"giulia"');
    expect(await json('acme-admin', `/api/v1/agents/${pseudonym}`)).toEqual({ agentId: pseudonym, name: pseudonym, teamId: 'acme-team' });
    await expectForbidden(await as('acme-admin', '/api/v1/agents/giulia'), 'agentId');
    expect(JSON.stringify(await json('acme-admin', '/api/v1/config'))).not.toMatch(/Giulia|Rossi/);
    // The installation still sees the names it configured.
    expect(await json('admin', '/api/v1/agents/giulia')).toMatchObject({ name: 'Giulia Rossi' });
  });

  it("refuses another tenant's queue history with 403, and answers a queue in reach", async () => {
    await expectForbidden(await as('acme-admin', '/api/v1/intervals?queue=beta-care'), 'queue');
    await expectForbidden(await as('sam', '/api/v1/intervals?queue=acme-care'), 'queue');
    await expectForbidden(await as('beta-admin', '/api/v1/intervals?queue=acme-sales'), 'queue');
    expect((await as('sam', '/api/v1/intervals?queue=acme-sales')).status).toBe(200);
    expect((await as('admin', '/api/v1/intervals?queue=beta-care')).status).toBe(200);
  });
});
