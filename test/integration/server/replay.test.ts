import { afterAll, describe, expect, it } from 'vitest';
import { backends, startTestServer, type TestDatabase, NAMED_AGENTS } from '../helpers/plancia-server.js';
import { agentState, answered, postEvents, queued, wireEvent, type WireEvent } from '../helpers/events.js';
import { atStateStart } from '../helpers/agent-day.js';

async function snapshotOf(url: string) {
  const response = await fetch(`${url}/api/v1/snapshot`);
  expect(response.status).toBe(200);
  return (await response.json()) as { centre: { live: { waiting: number }; windows: { today: { offered: number; answered: number; abandoned: number }; rolling: { offered: number; answered: number; abandoned: number } } }; queues: unknown[]; agents: unknown[]; channels: unknown[] };
}

/** A few minutes of traffic on two queues, ending a little before now. */
function traffic(): WireEvent[] {
  // The last contact waits from 80 s ago: no service-level deadline (20 s) falls near the moment the two servers,
  // each on its own clock, are asked for their snapshots, so both have settled the same contacts.
  const t0 = Date.now() - 150_000;
  const at = (seconds: number) => t0 + seconds * 1000;
  return [
    agentState('o1', 'ada', 'available', ['sales'], at(0)),
    agentState('o2', 'bob', 'available', ['support'], at(1)),
    queued('o3', 'sales', at(5)),
    queued('o4', 'support', at(6)),
    queued('o5', 'sales', at(8)),
    answered('o6', 'c-o3', 'ada', at(12)),
    agentState('o7', 'ada', 'on_contact', ['sales'], at(12)),
    wireEvent('contact.abandoned', 'o8', { contactId: 'c-o5' }, at(30)),
    answered('o9', 'c-o4', 'bob', at(40)),
    wireEvent('contact.ended', 'o10', { contactId: 'c-o3' }, at(60)),
    queued('o11', 'support', at(70)),
  ];
}

// An alert's id carries the moment its server raised it, which differs between two servers; the rest must not.
const withoutAlertIds = (queues: unknown[]) => JSON.parse(JSON.stringify(queues), (key, value) => (key === 'id' && typeof value === 'string' && /:\d{4}-\d\d-\d\dT/.test(value) ? undefined : value)) as unknown[];

const comparable = (snapshot: Awaited<ReturnType<typeof snapshotOf>>) => ({
  centre: snapshot.centre, queues: withoutAlertIds(snapshot.queues), agents: (snapshot.agents as Parameters<typeof atStateStart>[0][]).map(atStateStart), channels: snapshot.channels,
});

describe.each(backends)('journal replay on $name', (backend) => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    await Promise.all(databases.map((d) => d.dispose()));
  });

  it('keeps idempotency and rebuilds the same state across a restart', async () => {
    const database = await backend.create();
    databases.push(database);
    const events = traffic();
    const first = await startTestServer(database, NAMED_AGENTS);
    expect(await (await postEvents(first.url, JSON.stringify(events))).json()).toEqual({ accepted: events.length, duplicates: 0 });
    const before = await snapshotOf(first.url);
    await first.stop();

    const second = await first.restart();
    const after = await snapshotOf(second.url);
    expect(after.centre.windows.today).toEqual(before.centre.windows.today);
    expect(after.centre.live.waiting).toBe(before.centre.live.waiting);
    expect(await (await postEvents(second.url, JSON.stringify(events))).json()).toEqual({ accepted: 0, duplicates: events.length });
    expect(await second.app.store.journal.count()).toBe(events.length);
    await second.stop();
  });
});

describe('out-of-order arrival', () => {
  it('gives the same snapshot whether events arrive in order or reversed, one by one', async () => {
    const events = traffic();
    const databases = await Promise.all([backends[0]!.create(), backends[0]!.create()]);
    const [inOrder, reversed] = await Promise.all(databases.map((d) => startTestServer(d, NAMED_AGENTS)));
    await postEvents(inOrder!.url, JSON.stringify(events));
    for (const event of [...events].reverse()) {
      expect((await postEvents(reversed!.url, JSON.stringify(event))).status).toBe(202);
    }
    const [a, b] = await Promise.all([snapshotOf(inOrder!.url), snapshotOf(reversed!.url)]);
    // The rolling window (15 min), not today's: traffic from 150 s ago lies partly in yesterday just after midnight.
    expect(a.centre.windows.rolling).toMatchObject({ answered: 2, abandoned: 1 });
    expect(a.centre.live.waiting).toBe(1);
    expect(comparable(b)).toEqual(comparable(a));
    await Promise.all([inOrder!.stop(), reversed!.stop()]);
    await Promise.all(databases.map((d) => d.dispose()));
  });
});
