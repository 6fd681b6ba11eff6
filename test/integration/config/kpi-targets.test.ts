import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_KPI_TARGETS, type QueueSnapshot } from '@plancia/contracts';
import { backends, startTestServer, type TestDatabase, type TestServer } from '../helpers/plancia-server.js';
import { call } from './fixtures.js';

describe.each(backends)('KPI targets and the repeat window of a queue through the HTTP API, on $name', (backend) => {
  let database: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    database = await backend.create();
    server = await startTestServer(database);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.dispose();
  });

  const sales = async (): Promise<QueueSnapshot> =>
    ((await call(server, { method: 'GET', url: '/api/v1/snapshot' })).body as { queues: QueueSnapshot[] }).queues.find((q) => q.queueId === 'sales')!;

  it.each<[string, object, string]>([
    ['a critical value on the good side of its target', { kpiTargets: { ticketSla: { target: 0.9, critical: 0.95 } } }, '/kpiTargets/ticketSla/critical'],
    // an optional object may be null in a patch: the union's error names the object
    ['a CES target off the 1–7 scale', { kpiTargets: { ces: { target: 9 } } }, '/kpiTargets'],
    ['an unknown KPI', { kpiTargets: { happiness: { target: 1 } } }, '/kpiTargets'],
    ['a repeat window longer than a day', { repeatWindowMinutes: 2880 }, '/repeatWindowMinutes'],
  ])('answers 400 naming the field to %s, and stores nothing', async (_, body, path) => {
    const put = await call(server, { method: 'PUT', url: '/api/v1/queues/sales', body: { name: 'Vendite', ...body } });
    expect(put.status).toBe(400);
    expect(put.body.details).toContainEqual(expect.objectContaining({ path: expect.stringContaining(path) }));
    expect((await call(server, { method: 'GET', url: '/api/v1/queues/sales' })).status).toBe(404);
  });

  it('stores its own targets, and the board gets them over the defaults', async () => {
    const own = { csat: { target: 0.85, critical: 0.75 }, aht: { target: 240 } };
    const put = await call(server, { method: 'PUT', url: '/api/v1/queues/sales', body: { name: 'Vendite', kpiTargets: own, repeatWindowMinutes: 120 } });
    expect(put.status).toBe(200);
    const queue = await sales();
    expect(queue.kpiTargets).toEqual({ ...DEFAULT_KPI_TARGETS, ...own });
    expect(queue.projection).toMatchObject({ answersNeeded: 0, serviceLevelAtIntervalEnd: null });
  });
});
