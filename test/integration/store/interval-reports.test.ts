import { describe, expect, it } from 'vitest';
import type { ClosedIntervalEntry, WindowMetrics } from '@plancia/contracts';
import { backends } from './backends.js';
import { useStore } from './suite.js';

function metrics(offered: number): WindowMetrics {
  return {
    offered, answered: offered, abandoned: 0, shortAbandoned: 0, transferredOut: 0, answeredWithinThreshold: offered,
    abandonedWithinThreshold: 0, settled: offered, serviceLevel: offered > 0 ? 1 : null, asa: 4.5, maxWait: 9, waitP50: 4,
    waitP90: 8, abandonRate: 0, handled: offered, aht: 240, avgTalk: 200, avgWrapUp: 40, occupancy: 0.8,
    tickets: { created: 0, firstResponses: 0, firstResponsesInTarget: 0, firstResponseAttainment: null, solved: 0, solvedInTarget: 0, resolutionAttainment: null },
    surveys: { responses: 0, csat: null, csatMean: null, nps: null, cesMean: null, fcr: null },
  };
}

const interval = (queueId: string, start: string, offered: number): ClosedIntervalEntry =>
  ({ queueId, intervalStart: start, intervalMinutes: 30, metrics: metrics(offered) });

describe.each(backends)('intervals of several queues for reports on $name', (backend) => {
  const opened = useStore(backend);

  it('lists several queues\' intervals in time order and which queues have any in a range', async () => {
    const store = opened.store();
    const stored = [
      interval('sales', '2026-03-02T09:30:00.000Z', 2), interval('care', '2026-03-02T09:00:00.000Z', 3),
      interval('sales', '2026-03-02T09:00:00.000Z', 1), interval('mail', '2026-03-02T10:00:00.000Z', 4),
    ];
    await store.intervals.save(stored);
    const from = Date.parse('2026-03-02T09:00:00.000Z');
    const to = Date.parse('2026-03-02T10:00:00.000Z');
    expect((await store.intervals.listMany(['sales', 'care'], from, to)).map((i) => [i.queueId, i.intervalStart])).toEqual([
      ['care', '2026-03-02T09:00:00.000Z'], ['sales', '2026-03-02T09:00:00.000Z'], ['sales', '2026-03-02T09:30:00.000Z'],
    ]);
    expect(await store.intervals.listMany([], from, to)).toEqual([]);
    expect(await store.intervals.queueIds(from, to)).toEqual(['care', 'sales']);
    expect(await store.intervals.queueIds(from, to + 1)).toEqual(['care', 'mail', 'sales']);
  });

  it('keeps the abandon policy an interval was computed under, replaced with the interval; none for one stored without', async () => {
    const store = opened.store();
    const start = '2026-03-03T09:00:00.000Z';
    const from = Date.parse(start);
    await store.intervals.save([{ ...interval('sales', start, 2), abandonPolicy: 'positive' }, interval('care', start, 1)]);
    const read = async () => (await store.intervals.listMany(['sales', 'care'], from, from + 1)).map((i) => [i.queueId, i.abandonPolicy]);
    expect(await read()).toEqual([['care', undefined], ['sales', 'positive']]);
    await store.intervals.save([{ ...interval('sales', start, 2), abandonPolicy: 'exclude' }]);
    expect(await read()).toEqual([['care', undefined], ['sales', 'exclude']]);
  });
});
