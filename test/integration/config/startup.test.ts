import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultQueueConfig, type ConfigDocument } from '@plancia/contracts';
import { backends, startTestServer, type TestDatabase, type TestServer } from '../helpers/plancia-server.js';
import { calendar, call, rule } from './fixtures.js';

const TOKEN = 'admin-secret-0123456789';
const document: ConfigDocument = {
  queues: [{ ...defaultQueueConfig('premium'), name: 'Premium', serviceLevel: { thresholdSeconds: 15, target: 0.9, shortAbandonSeconds: 5, abandonPolicy: 'ignore' } }],
  calendars: [calendar],
  alertRules: [rule],
  agents: [{ agentId: 'a1', name: 'Marco Bianchi' }],
};

describe.each(backends)('configuration file, admin tokens and import on $name', (backend) => {
  let database: TestDatabase;
  let server: TestServer;
  let dir: string;
  const admin = { authorization: `Bearer ${TOKEN}` };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plancia-config-'));
    await writeFile(join(dir, 'plancia.json'), JSON.stringify(document));
    database = await backend.create();
    server = await startTestServer(database, { PLANCIA_ADMIN_TOKENS: `other-admin-0123456789,${TOKEN}`, PLANCIA_CONFIG: join(dir, 'plancia.json') });
  });
  afterAll(async () => {
    await server?.stop();
    await database?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('applies PLANCIA_CONFIG at start', async () => {
    const exported = await call(server, { method: 'GET', url: '/api/v1/config', headers: admin });
    expect(exported.body).toEqual(document);
    expect(server.app.live.snapshot().queues.find((q) => q.queueId === 'premium')).toMatchObject({ name: 'Premium', thresholdSeconds: 15 });
  });

  it('asks viewers for a token too once tokens are configured', async () => {
    expect((await call(server, { method: 'GET', url: '/api/v1/config' })).status).toBe(401);
  });

  it('answers 401 to a write without a token or with a wrong one, even from loopback', async () => {
    const body = { name: 'Sales' };
    expect((await call(server, { method: 'PUT', url: '/api/v1/queues/sales', body })).status).toBe(401);
    const wrong = await call(server, { method: 'PUT', url: '/api/v1/queues/sales', body, headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect((await call(server, { method: 'PUT', url: '/api/v1/config', body: document })).status).toBe(401);
    const remote = await call(server, { method: 'PUT', url: '/api/v1/queues/sales', body, headers: admin, remoteAddress: '10.1.2.3' });
    expect(remote.status).toBe(200);
  });

  it('round-trips export → import with an empty dry-run diff and no change', async () => {
    const exported = (await call(server, { method: 'GET', url: '/api/v1/config', headers: admin })).body;
    const empty = { added: [], changed: [], removed: [] };
    const noChange = { queues: empty, calendars: empty, alertRules: empty, agents: empty, settingsChanged: false };
    const dry = await call(server, { method: 'PUT', url: '/api/v1/config?dryRun=1', body: exported, headers: admin });
    expect(dry.body).toEqual(noChange);
    const real = await call(server, { method: 'PUT', url: '/api/v1/config', body: exported, headers: admin });
    expect(real.body).toEqual(noChange);
    expect((await call(server, { method: 'GET', url: '/api/v1/queues/premium', headers: admin })).headers.etag).toBe('"1"');
  });

  it('answers a dry run with what would change, and changes nothing', async () => {
    const exported = (await call(server, { method: 'GET', url: '/api/v1/config', headers: admin })).body as ConfigDocument;
    const next = { ...exported, queues: [{ ...exported.queues[0]!, name: 'Premium plus' }], agents: [], calendars: [...exported.calendars, { ...calendar, id: 'roma' }] };
    const dry = await call(server, { method: 'PUT', url: '/api/v1/config?dryRun=1', body: next, headers: admin });
    expect(dry.body).toMatchObject({
      queues: { added: [], changed: ['premium'], removed: ['sales'] },
      calendars: { added: ['roma'], changed: [], removed: [] },
      agents: { removed: ['a1'] },
    });
    expect((await call(server, { method: 'GET', url: '/api/v1/config', headers: admin })).body).toEqual(exported);
    const bad = await call(server, { method: 'PUT', url: '/api/v1/config?dryRun=1', body: { ...next, queues: [{ queueId: 'x' }] }, headers: admin });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toContainEqual(expect.objectContaining({ path: '/queues/0/name' }));
  });

  it('names the token, never the secret, in the audit log', async () => {
    const audit = (await call(server, { method: 'GET', url: '/api/v1/audit', headers: admin })).body as { actor: string; action: string }[];
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['config.import', 'queues.put']));
    expect(audit.find((e) => e.action === 'queues.put')!.actor).toMatch(/^token:[0-9a-f]{12}$/);
    expect(JSON.stringify(audit)).not.toContain(TOKEN);
  });
});
