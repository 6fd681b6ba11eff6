import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type TimedEvent } from '@plancia/contracts';
import { createEngine } from '@plancia/engine';
import { backends, startTestServer, type TestDatabase, type TestServer } from '../helpers/plancia-server.js';
import { answered, postEvents, queued } from '../helpers/events.js';
import { call } from './fixtures.js';

const WAITS = [5, 15, 25, 35, 45];

describe.each(backends)('changing a live queue on $name', (backend) => {
  let database: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    database = await backend.create();
    server = await startTestServer(database);
    const start = Date.now() - 5 * 60_000;
    const events = WAITS.flatMap((wait, i) => [
      queued(`q${i}`, 'sales', start + i * 30_000),
      answered(`a${i}`, `c-q${i}`, `agent-${i}`, start + i * 30_000 + wait * 1000),
    ]);
    expect((await postEvents(server.url, JSON.stringify(events))).status).toBe(202);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.dispose();
  });

  it('recomputes the rolling service level from the journal, equal to a fresh replay with the new T', async () => {
    const before = server.app.live.snapshot().queues.find((q) => q.queueId === 'sales')!;
    expect(before.windows.rolling.answered).toBe(WAITS.length);

    const put = await call(server, { method: 'PUT', url: '/api/v1/queues/sales', body: { serviceLevel: { thresholdSeconds: 40 } } });
    expect(put.status).toBe(200);
    expect(Number(put.headers['plancia-replayed'])).toBeGreaterThanOrEqual(WAITS.length * 2);
    const after = server.app.live.snapshot().queues.find((q) => q.queueId === 'sales')!;

    const now = Date.now();
    const fresh = createEngine({ settings: DEFAULT_SETTINGS, queues: [put.body], calendars: [], alertRules: [], agents: [] }, now);
    const journal: TimedEvent[] = [];
    await server.app.store.journal.readSince(fresh.replayFrom(now), (chunk) => { journal.push(...chunk); });
    fresh.apply(journal, now);
    const replayed = fresh.snapshot(now).queues.find((q) => q.queueId === 'sales')!;

    expect(after.thresholdSeconds).toBe(40);
    expect(after.windows.rolling.serviceLevel).toBe(replayed.windows.rolling.serviceLevel);
    expect(after.windows.rolling.answeredWithinThreshold).toBe(4);
    expect(before.windows.rolling.answeredWithinThreshold).toBe(2);
  });

  it('previews an alert rule by replaying the last hour: raised once service level fell, silent when it never could', async () => {
    const rule = {
      id: 'preview', name: 'Preview', metric: 'serviceLevel', scope: { kind: 'queue', id: 'sales' }, window: 'rolling',
      comparison: 'lt', threshold: 0.9, forSeconds: 0, severity: 'warning', enabled: true,
    };
    const fires = await call(server, { method: 'POST', url: '/api/v1/alert-rules/preview', body: rule });
    expect(fires.status).toBe(200);
    expect(fires.body.transitions.map((t: { kind: string }) => t.kind)[0]).toBe('raised');
    expect(fires.body.transitions[0].alert).toMatchObject({ ruleId: 'preview', scope: { kind: 'queue', id: 'sales' } });
    const never = await call(server, { method: 'POST', url: '/api/v1/alert-rules/preview', body: { ...rule, threshold: 0 } });
    expect(never.body.transitions).toEqual([]);
    const bad = await call(server, { method: 'POST', url: '/api/v1/alert-rules/preview', body: { ...rule, window: 'year' } });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toContainEqual(expect.objectContaining({ path: '/window' }));
  });
});
