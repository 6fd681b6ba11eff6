import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@plancia/store';
import { backends } from './backends.js';
import { BASE_MS, queued } from './events.js';
import { useStore } from './suite.js';

describe.each(backends)('latest event of a producer on $name', (backend) => {
  const opened = useStore(backend);
  let store: Store;
  beforeAll(async () => {
    store = opened.store();
    // Appended out of time order, with another producer's events after them in time.
    await store.journal.append([
      queued('r1-e2', 20_000, 'sim/run-1'),
      queued('r1-e1', 10_000, 'sim/run-1'),
      queued('x-e9', 90_000, 'urn:test:acd'),
      queued('r2-e1', 30_000, 'sim/run-2'),
      queued('s_e1', 5_000, 'sim_run'),
    ]);
  });

  it('answers the latest event by time among the sources starting with the prefix, whole', async () => {
    const latest = await store.journal.latestFromSource('sim/', BASE_MS);
    expect(latest).toMatchObject({ source: 'sim/run-2', id: 'r2-e1', type: 'contact.queued', timeMs: BASE_MS + 30_000 });
    expect(latest?.data).toEqual({ contactId: 'c-r2-e1', queueId: 'sales', channel: 'voice' });
    expect((await store.journal.latestFromSource('sim/run-1', BASE_MS))?.id).toBe('r1-e2');
  });

  it('takes the prefix literally (no LIKE wildcards) and answers nothing before sinceMs or for an unknown producer', async () => {
    expect((await store.journal.latestFromSource('sim_r', BASE_MS))?.id).toBe('s_e1');
    expect(await store.journal.latestFromSource('sim/', BASE_MS + 31_000)).toBeUndefined();
    expect(await store.journal.latestFromSource('nobody/', 0)).toBeUndefined();
  });

  it('at equal times, answers the one that arrived last', async () => {
    await store.journal.append([queued('r3-a', 100_000, 'sim/run-3')]);
    await store.journal.append([queued('r3-b', 100_000, 'sim/run-3')]);
    expect((await store.journal.latestFromSource('sim/', BASE_MS))?.id).toBe('r3-b');
  });
});
