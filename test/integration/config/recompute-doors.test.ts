import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BusinessCalendar, ConfigDocument, QueueConfig, Snapshot, TimedEvent } from '@plancia/contracts';
import { createEngine } from '@plancia/engine';
import { engineConfigOf } from '../../../apps/server/src/config-api/engine-config.js';
import { backends, startTestServer, type TestDatabase, type TestServer } from '../helpers/plancia-server.js';
import { answered, postEvents, queued, wireEvent } from '../helpers/events.js';
import { calendar, call } from './fixtures.js';

const WAITS = [5, 15, 25, 35, 45];
const week = (hours: { start: string; end: string }[]): BusinessCalendar['weekly'] =>
  ({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: hours, sun: hours });
const desk = (open: boolean): BusinessCalendar => ({ ...calendar, id: 'desk', italianHolidays: false, closures: [], weekly: week(open ? [{ start: '00:00', end: '24:00' }] : []) });

/** What the board shows of a queue that a change of T or of its calendar moves, and that stays put while the test runs. */
const figures = (snapshot: Snapshot) => snapshot.queues.filter((q) => q.queueId === 'sales').map((q) => ({
  thresholdSeconds: q.thresholdSeconds, rolling: q.windows.rolling, today: q.windows.today, tickets: q.live.tickets,
}));

type Door = 'queue' | 'calendar' | 'config' | 'file';
const Change = fc.record({
  door: fc.constantFrom<Door>('queue', 'calendar', 'config', 'file'),
  thresholdSeconds: fc.integer({ min: 1, max: 60 }),
  open: fc.boolean(),
});

describe.each(backends)('a configuration change through any door equals a fresh replay, on $name', (backend) => {
  let database: TestDatabase;
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plancia-doors-'));
    database = await backend.create();
    server = await startTestServer(database);
    await call(server, { method: 'PUT', url: '/api/v1/calendars/desk', body: desk(true) });
    await call(server, {
      method: 'PUT', url: '/api/v1/queues/sales',
      body: { calendarId: 'desk', firstResponse: [{ seconds: 1800, businessHours: true }] },
    });
    const start = Date.now() - 50 * 60_000;
    const events = [
      ...WAITS.flatMap((wait, i) => [
        queued(`q${i}`, 'sales', Date.now() - 5 * 60_000 + i * 30_000),
        answered(`a${i}`, `c-q${i}`, `agent-${i}`, Date.now() - 5 * 60_000 + i * 30_000 + wait * 1000),
      ]),
      ...[0, 1, 2].map((i) => wireEvent('ticket.created', `t${i}`, { ticketId: `t${i}`, queueId: 'sales' }, start + i * 60_000)),
    ];
    expect((await postEvents(server.url, JSON.stringify(events))).status).toBe(202);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  async function change(door: Door, thresholdSeconds: number, open: boolean): Promise<void> {
    const current = (await call(server, { method: 'GET', url: '/api/v1/config' })).body as ConfigDocument;
    const queue = current.queues.find((q) => q.queueId === 'sales')!;
    const changed: QueueConfig = { ...queue, serviceLevel: { ...queue.serviceLevel, thresholdSeconds } };
    const document: ConfigDocument = {
      ...current,
      queues: current.queues.map((q) => (q.queueId === 'sales' ? changed : q)),
      calendars: current.calendars.map((c) => (c.id === 'desk' ? desk(open) : c)),
    };
    if (door === 'queue') {
      expect((await call(server, { method: 'PUT', url: '/api/v1/queues/sales', body: { serviceLevel: changed.serviceLevel } })).status).toBe(200);
    } else if (door === 'calendar') {
      expect((await call(server, { method: 'PUT', url: '/api/v1/calendars/desk', body: desk(open) })).status).toBe(200);
    } else if (door === 'config') {
      expect((await call(server, { method: 'PUT', url: '/api/v1/config', body: document })).status).toBe(200);
    } else {
      await writeFile(join(dir, 'plancia.json'), JSON.stringify(document));
      await server.stop();
      server = await startTestServer(database, { PLANCIA_CONFIG: join(dir, 'plancia.json') });
    }
  }

  async function freshReplay(now: number): Promise<Snapshot> {
    const fresh = createEngine(engineConfigOf(await server.app.store.config.exportAll()).config, now);
    const journal: TimedEvent[] = [];
    await server.app.store.journal.readSince(fresh.replayFrom(now), (chunk) => { journal.push(...chunk); });
    fresh.apply(journal, now);
    return fresh.snapshot(now);
  }

  it('leaves the board equal to a freshly built engine replaying the journal with the new configuration', async () => {
    await fc.assert(fc.asyncProperty(Change, async ({ door, thresholdSeconds, open }) => {
      await change(door, thresholdSeconds, open);
      const now = Date.now();
      expect(figures(server.app.live.snapshot())).toEqual(figures(await freshReplay(now)));
    }), { numRuns: 8 });
  });
});
