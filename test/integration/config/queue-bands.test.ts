import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueSnapshot } from '@plancia/contracts';
import { backends, startTestServer, type TestDatabase, type TestServer } from '../helpers/plancia-server.js';
import { answered, postEvents, queued } from '../helpers/events.js';

/** 25 contacts over the last five minutes, 23 answered within T (20 s) and two after it: 92 %. */
function ninetyTwoPercent() {
  const start = Date.now() - 5 * 60_000;
  return Array.from({ length: 25 }, (_, i) => [
    queued(`q${i}`, 'sales', start + i * 10_000),
    answered(`a${i}`, `c-q${i}`, `agent-${i}`, start + i * 10_000 + (i < 23 ? 5 : 40) * 1000),
  ]).flat();
}

describe.each(backends)('a queue\'s colour bands through the HTTP API on $name', (backend) => {
  let database: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    database = await backend.create();
    server = await startTestServer(database);
    expect((await postEvents(server.url, JSON.stringify(ninetyTwoPercent()))).status).toBe(202);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.dispose();
  });

  const put = (body: unknown) => fetch(`${server.url}/api/v1/queues/sales`, {
    method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  async function sales(): Promise<QueueSnapshot> {
    const snapshot = await (await fetch(`${server.url}/api/v1/snapshot`)).json() as { queues: QueueSnapshot[] };
    return snapshot.queues.find((q) => q.queueId === 'sales')!;
  }
  const stored = async () => (await fetch(`${server.url}/api/v1/queues/sales`)).json() as Promise<Record<string, unknown>>;

  it('follow the target without bands of its own: a target of 95 % turns 92 % amber', async () => {
    const before = await sales();
    expect(before.windows.rolling.serviceLevel).toBeCloseTo(0.92, 6);
    expect(before.status.band).toBe('green');

    expect((await put({ serviceLevel: { target: 0.95 } })).status).toBe(200);
    expect(await stored()).not.toHaveProperty('colours');
    const after = await sales();
    expect(after.serviceLevelTarget).toBe(0.95);
    expect(after.colours).toEqual({ amberBelow: 0.95, redBelow: 0.85 });
    expect(after.status.band).toBe('amber');
    expect(after.status.level).not.toBe('ok');
  });

  it('keep a queue\'s own bands through a change of target, and follow it again once they are removed (null)', async () => {
    const own = { amberBelow: 0.9, redBelow: 0.75 };
    expect((await put({ colours: own })).status).toBe(200);
    expect((await put({ serviceLevel: { target: 0.97 } })).status).toBe(200);
    expect((await sales()).colours).toEqual(own);
    expect((await sales()).status.band).toBe('green');

    expect((await put({ colours: null })).status).toBe(200);
    expect(await stored()).not.toHaveProperty('colours');
    expect((await sales()).colours).toEqual({ amberBelow: 0.97, redBelow: 0.87 });
    expect((await sales()).status.band).toBe('amber');
  });
});
