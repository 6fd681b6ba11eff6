import { describe, expect, it } from 'vitest';
import { createEngine } from '@plancia/engine';
import { DEFAULT_SETTINGS, type ClosedIntervalEntry, type TimedEvent } from '@plancia/contracts';
import { backends, useServer } from '../helpers/plancia-server.js';

const TOKEN = 'viewer-0123456789abc';
const HALF_HOUR = 30 * 60_000;

/** A contact queued and answered 5 s later in `queueId`, as the engine takes events. */
function contact(id: string, queueId: string, atMs: number): TimedEvent[] {
  const source = 'urn:test:acd';
  return [
    { specversion: '1.0', id: `${id}-q`, source, type: 'contact.queued', time: new Date(atMs).toISOString(), timeMs: atMs, data: { contactId: id, queueId, channel: 'voice' } },
    { specversion: '1.0', id: `${id}-a`, source, type: 'contact.answered', time: new Date(atMs + 5000).toISOString(), timeMs: atMs + 5000, data: { contactId: id, agentId: 'ag' } },
  ] as TimedEvent[];
}

/** Closed intervals of two queues over three half-hours, computed by the engine walking through them. */
function closedIntervals(startMs: number) {
  const engine = createEngine({ settings: DEFAULT_SETTINGS, queues: [], calendars: [], alertRules: [], agents: [] }, startMs);
  for (let i = 0; i < 3; i += 1) {
    const at = startMs + i * HALF_HOUR + 60_000;
    engine.tick(at);
    engine.apply([...contact(`s${i}`, 'sales', at), ...contact(`c${i}`, 'care', at)], at);
  }
  engine.tick(startMs + 4 * HALF_HOUR);
  return engine.drainClosedIntervals();
}

describe.each(backends)('GET /api/v1/intervals on $name', (backend) => {
  const server = useServer({ PLANCIA_VIEW_TOKENS: TOKEN }, backend);
  const start = Math.floor(Date.now() / HALF_HOUR) * HALF_HOUR - 6 * HALF_HOUR;
  const get = (query: string, token: string | null = TOKEN) =>
    fetch(`${server().url}/api/v1/intervals?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('answers one queue\'s stored intervals in a range, oldest first, to viewers only', async () => {
    const closed = closedIntervals(start);
    expect(closed).toHaveLength(6);
    await server().app.store.intervals.save(closed);

    expect((await get('queue=sales', null)).status).toBe(401);
    const all = (await (await get('queue=sales')).json()) as { intervals: ClosedIntervalEntry[] };
    expect(all.intervals).toEqual(closed.filter((i) => i.queueId === 'sales'));
    const from = new Date(start + HALF_HOUR).toISOString();
    const to = new Date(start + 2 * HALF_HOUR).toISOString();
    const one = (await (await get(`queue=care&from=${from}&to=${to}`)).json()) as { intervals: ClosedIntervalEntry[] };
    expect(one.intervals.map((i) => [i.queueId, i.intervalStart])).toEqual([['care', from]]);
    expect(one.intervals[0]!.metrics).toMatchObject({ offered: 1, answered: 1, serviceLevel: 1 });
  });

  it('refuses a reversed or over-long range and a missing queue', async () => {
    expect((await get(`queue=sales&from=2026-03-02T10:00:00Z&to=2026-03-02T09:00:00Z`)).status).toBe(400);
    expect((await get(`queue=sales&from=2026-01-01T00:00:00Z&to=2026-03-02T09:00:00Z`)).status).toBe(400);
    expect((await get('')).status).toBe(400);
  });

  it('is in the OpenAPI document with the contract\'s answer', async () => {
    const document = (await (await fetch(`${server().url}/api/v1/openapi.json`)).json()) as { paths: Record<string, { get?: { responses: Record<string, unknown> } }> };
    expect(JSON.stringify(document.paths['/api/v1/intervals']?.get?.responses['200'])).toContain('intervalMinutes');
  });
});
