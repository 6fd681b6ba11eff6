import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueSnapshot } from '@plancia/contracts';
import { backends, startTestServer, type TestDatabase, type TestServer } from '../helpers/plancia-server.js';
import { answered, postEvents, queued } from '../helpers/events.js';

/** The instant HH:MM struck last in Europe/Rome, read with Intl rather than with the engine's own day clock. */
function lastLocal(hours: number, minutes: number, now = Date.now()): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const sinceMidnight = (part('hour') * 3600 + part('minute') * 60 + part('second')) * 1000 + (now % 1000);
  const back = (sinceMidnight - (hours * 60 + minutes) * 60_000 + 86_400_000) % 86_400_000;
  return now - back;
}

describe.each(backends)('a queue\'s own day reset through the HTTP API on $name', (backend) => {
  let database: TestDatabase;
  let server: TestServer;
  let answeredAt = 0;
  beforeAll(async () => {
    database = await backend.create();
    server = await startTestServer(database);
    const start = Date.now() - 60_000;
    answeredAt = start + 5000;
    expect((await postEvents(server.url, JSON.stringify([queued('q1', 'sales', start), answered('a1', 'c-q1', 'agent-1', answeredAt)]))).status).toBe(202);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.dispose();
  });

  const put = (body: unknown) => fetch(`${server.url}/api/v1/queues/sales`, {
    method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  const stored = async () => (await fetch(`${server.url}/api/v1/queues/sales`)).json() as Promise<Record<string, unknown>>;
  async function sales(): Promise<QueueSnapshot> {
    const snapshot = await (await fetch(`${server.url}/api/v1/snapshot`)).json() as { queues: QueueSnapshot[] };
    return snapshot.queues.find((q) => q.queueId === 'sales')!;
  }

  it('refuses a time that is not HH:MM of a day, naming the field, and stores nothing', async () => {
    for (const bad of ['25:00', '24:00', '6:00', '06:60', 'noon', 600]) {
      const res = await put({ dayResetTime: bad });
      expect(res.status, String(bad)).toBe(400);
      expect(await res.text()).toContain('dayResetTime');
    }
    expect(await stored()).not.toHaveProperty('dayResetTime');
  });

  it('moves the queue\'s today to its reset time, and back to the centre\'s when removed (null)', async () => {
    const before = await sales();
    expect(Date.parse(before.todayStart!)).toBe(lastLocal(0, 0));
    const reset = new Date(Date.now() - 30_000);
    // A reset half a minute ago (local time): the contact answered a minute ago falls out of the queue's today.
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(reset);
    expect((await put({ dayResetTime: local })).status).toBe(200);
    expect((await stored()).dayResetTime).toBe(local);
    const after = await sales();
    const [h, m] = local.split(':').map(Number) as [number, number];
    expect(Date.parse(after.todayStart!)).toBe(lastLocal(h, m));
    expect(after.windows.today.answered).toBe(Date.parse(after.todayStart!) <= answeredAt ? 1 : 0);

    expect((await put({ dayResetTime: null })).status).toBe(200);
    expect(await stored()).not.toHaveProperty('dayResetTime');
    expect(Date.parse((await sales()).todayStart!)).toBe(lastLocal(0, 0));
    expect((await sales()).windows.today.answered).toBe(1);
  });
});
