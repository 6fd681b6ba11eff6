import { beforeAll, describe, expect, it } from 'vitest';
import type { TimedEvent } from '@plancia/contracts';
import { RejectedDataError, type Store } from '@plancia/store';
import { backends } from './backends.js';
import { BASE_MS, queued, queuedRange } from './events.js';
import { useStore } from './suite.js';

describe.each(backends)('event journal on $name', (backend) => {
  const opened = useStore(backend);
  let store: Store;
  beforeAll(() => {
    store = opened.store();
  });

  it('stores new events and counts repeats as duplicates, within a call and across calls', async () => {
    const first = await store.journal.append([queued('a'), queued('b'), queued('a')]);
    expect(first.accepted.map((e) => e.id)).toEqual(['a', 'b']);
    expect(first.duplicates).toBe(1);

    const second = await store.journal.append([queued('b'), queued('c'), queued('b', 0, 'urn:test:other')]);
    expect(second.accepted.map((e) => `${e.source}/${e.id}`)).toEqual(['urn:test:acd/c', 'urn:test:other/b']);
    expect(second.duplicates).toBe(1);
    expect(await store.journal.count()).toBe(4);
  });

  it('keeps idempotency across a restart', async () => {
    store = await opened.reopen();
    const again = await store.journal.append([queued('a'), queued('c'), queued('d')]);
    expect(again.accepted.map((e) => e.id)).toEqual(['d']);
    expect(again.duplicates).toBe(2);
    expect(await store.journal.count()).toBe(5);
  });

  it('merges concurrent appends into shared transactions, each caller getting its own answer', async () => {
    const before = store.journal.stats();
    const calls = Array.from({ length: 40 }, (_, i) => store.journal.append([queued(`g${i}`), queued(`g${(i + 1) % 40}`)]));
    const results = await Promise.all(calls);
    const after = store.journal.stats();

    expect(after.commits - before.commits).toBeLessThan(40);
    expect(after.events - before.events).toBe(40);
    const acceptedIds = results.flatMap((r) => r.accepted.map((e) => e.id));
    expect(new Set(acceptedIds).size).toBe(40);
    expect(acceptedIds).toHaveLength(40);
    expect(results.reduce((sum, r) => sum + r.duplicates, 0)).toBe(40);
  });

  it('stores large batches in several statements of one commit', async () => {
    const batch = queuedRange(12_000, 'big', 1);
    const before = store.journal.stats();
    const result = await store.journal.append(batch);
    expect(result.accepted).toHaveLength(12_000);
    expect(store.journal.stats().commits - before.commits).toBe(1);
  });

  it('fails only the batch carrying a value the database refuses', async () => {
    const bad = { ...queued('nul'), data: { contactId: 'c\u0000', queueId: 'sales', channel: 'voice' } } as TimedEvent;
    const [refused, fine] = await Promise.allSettled([
      store.journal.append([queued('blocker')]),
      store.journal.append([bad]),
      store.journal.append([queued('innocent')]),
    ]).then((outcomes) => [outcomes[1], outcomes[2]]);
    expect(refused?.status).toBe('rejected');
    expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(RejectedDataError);
    expect(fine?.status === 'fulfilled' && fine.value.accepted.map((e) => e.id)).toEqual(['innocent']);
  });

  it('fails only the batch carrying a value too deep to serialise, whatever the error', async () => {
    let deep: unknown = 1;
    for (let level = 0; level < 20_000; level++) deep = [deep];
    const poisoned = { ...queued('deep'), data: { contactId: 'c', queueId: 'sales', channel: 'voice', deep } } as TimedEvent;
    const blocker = store.journal.append([queued('deep-blocker')]);
    const batches = Array.from({ length: 30 }, (_, i) => store.journal.append([queued(`deep-ok-${i}`)]));
    const refused = store.journal.append([poisoned]);
    const outcomes = await Promise.allSettled([blocker, ...batches, refused]);
    expect(outcomes.at(-1)?.status).toBe('rejected');
    expect(outcomes.slice(0, -1).map((o) => o.status)).toEqual(Array(31).fill('fulfilled'));
  });
});

describe.each(backends)('journal reading and retention on $name', (backend) => {
  const opened = useStore(backend);
  let store: Store;
  beforeAll(() => {
    store = opened.store();
  });

  it('reads back the received CloudEvents in (time, arrival) order, in chunks, from an instant on', async () => {
    const late = { ...queued('late', 60_000), traceparent: '00-abc-def-01', data: { contactId: 'x', queueId: 'q', channel: 'chat', extra: { n: 1 } } } as TimedEvent;
    const sameTimeFirst = queued('tie-1', 30_000);
    const sameTimeSecond = queued('tie-2', 30_000);
    await store.journal.append([late, queued('early', 0), queued('middle', 10_000)]);
    await store.journal.append([sameTimeFirst, sameTimeSecond, queued('before-window', -60_000)]);

    const chunks: number[] = [];
    const events: TimedEvent[] = [];
    const read = await store.journal.readSince(BASE_MS, (chunk) => {
      chunks.push(chunk.length);
      events.push(...chunk);
    }, 2);

    expect(read).toBe(5);
    expect(chunks).toEqual([2, 2, 1]);
    expect(events.map((e) => e.id)).toEqual(['early', 'middle', 'tie-1', 'tie-2', 'late']);
    expect(events[4]).toEqual(late);
    expect(events[0]).toEqual(queued('early', 0));
    // Two events of the same instant on either side of a chunk's end: the next chunk starts after the first, exactly.
    const straddling: string[] = [];
    expect(await store.journal.readSince(BASE_MS, (chunk) => void straddling.push(...chunk.map((e) => e.id)), 3)).toBe(5);
    expect(straddling).toEqual(['early', 'middle', 'tie-1', 'tie-2', 'late']);
    const inSeqOrder: TimedEvent[] = [];
    await store.journal.readAfter(null, (chunk) => void inSeqOrder.push(...chunk), 4);
    expect(inSeqOrder.map((e) => e.id)).toEqual(['late', 'early', 'middle', 'tie-1', 'tie-2', 'before-window']);
    expect(inSeqOrder.find((e) => e.id === 'before-window')!.timeMs).toBe(BASE_MS - 60_000);
  });

  it('waits for an asynchronous chunk handler before reading on', async () => {
    const order: string[] = [];
    await store.journal.readSince(BASE_MS, async (chunk) => {
      order.push(`start ${chunk.length}`);
      await new Promise((resolve) => setImmediate(resolve));
      order.push('end');
    }, 3);
    expect(order).toEqual(['start 3', 'end', 'start 2', 'end']);
  });

  it('purges events dated before a cutoff', async () => {
    expect(await store.journal.purgeOlderThan(BASE_MS + 10_000)).toBe(2);
    expect(await store.journal.count()).toBe(4);
    const remaining: string[] = [];
    await store.journal.readSince(0, (chunk) => void remaining.push(...chunk.map((e) => e.id)));
    expect(remaining).toEqual(['middle', 'tie-1', 'tie-2', 'late']);
  });
});
