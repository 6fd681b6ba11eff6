import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, defaultQueueConfig, type ConfigDocument } from '@plancia/contracts';
import { backends, startTestServer, type TestDatabase, type TestServer } from '../helpers/plancia-server.js';
import { calendar, call } from './fixtures.js';

const monday = (start: string, end: string) => ({ ...calendar.weekly, mon: [{ start, end }] });

describe.each(backends)('configuration the engine refuses, on $name', (backend) => {
  let database: TestDatabase;
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plancia-guard-'));
    database = await backend.create();
    server = await startTestServer(database);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['an unknown time zone', { timeZone: 'Not/AZone' }, '/timeZone'],
    ['a span that starts when it ends', { weekly: monday('09:00', '09:00') }, '/weekly/mon/0'],
    ['an impossible closure date', { closures: ['2026-02-30'] }, '/closures/0'],
    ['an impossible patron saint day', { patronSaintDay: '04-31' }, '/patronSaintDay'],
  ])('answers 400 to a calendar with %s and stores nothing', async (_, change, path) => {
    const put = await call(server, { method: 'PUT', url: '/api/v1/calendars/bad', body: { ...calendar, ...change } });
    expect(put.status).toBe(400);
    expect(put.body.details).toContainEqual(expect.objectContaining({ path }));
    expect((await call(server, { method: 'GET', url: '/api/v1/calendars/bad' })).status).toBe(404);
  });

  it('answers 400 to a document with an unknown settings zone or a bad calendar, dry run or not, and stores nothing', async () => {
    const before = (await call(server, { method: 'GET', url: '/api/v1/config' })).body;
    const document = {
      settings: { ...DEFAULT_SETTINGS, timeZone: 'Mars/Olympus' }, queues: [], alertRules: [], agents: [],
      calendars: [calendar, { ...calendar, id: 'bad', closures: ['2026-02-30'] }],
    };
    for (const url of ['/api/v1/config', '/api/v1/config?dryRun=1']) {
      const put = await call(server, { method: 'PUT', url, body: document });
      expect(put.status).toBe(400);
      expect(put.body.details.map((d: { path: string }) => d.path)).toEqual(['/settings/timeZone', '/calendars/1/closures/0']);
    }
    expect((await call(server, { method: 'GET', url: '/api/v1/config' })).body).toEqual(before);
    expect((await call(server, { method: 'PUT', url: '/api/v1/calendars/milano', body: calendar })).status).toBe(200);
  });

  it('starts over a bad stored document, keeps serving and writing, and is repaired by PLANCIA_CONFIG', async () => {
    // Stored behind the API's back, as a document saved before these checks existed would be.
    await server.app.store.config.replaceAll({
      settings: { ...DEFAULT_SETTINGS, timeZone: 'Mars/Olympus' }, alertRules: [], agents: [],
      queues: [{ ...defaultQueueConfig('sales'), calendarId: 'bad' }],
      calendars: [calendar, { ...calendar, id: 'bad', timeZone: 'Not/AZone', weekly: monday('10:00', '10:00') }],
    });
    await server.stop();
    server = await startTestServer(database);
    expect(server.app.live.snapshot().queues.map((q) => q.queueId)).toContain('sales');
    const write = await call(server, { method: 'PUT', url: '/api/v1/queues/sales', body: { name: 'Sales' } });
    expect(write.status).toBe(200);

    const repaired: ConfigDocument = {
      settings: DEFAULT_SETTINGS, queues: [{ ...defaultQueueConfig('sales'), calendarId: 'milano' }],
      calendars: [calendar], alertRules: [], agents: [],
    };
    await writeFile(join(dir, 'plancia.json'), JSON.stringify(repaired));
    await server.stop();
    server = await startTestServer(database, { PLANCIA_CONFIG: join(dir, 'plancia.json') });
    expect((await call(server, { method: 'GET', url: '/api/v1/config' })).body).toEqual(repaired);
  });

  it('refuses to start on a PLANCIA_CONFIG the engine cannot run on, naming the field', async () => {
    const bad = { settings: DEFAULT_SETTINGS, queues: [], calendars: [{ ...calendar, timeZone: 'Not/AZone' }], alertRules: [], agents: [] };
    await writeFile(join(dir, 'bad.json'), JSON.stringify(bad));
    await expect(startTestServer(database, { PLANCIA_CONFIG: join(dir, 'bad.json') })).rejects.toThrow(/\/calendars\/0\/timeZone/);
  });
});
