import { describe, expect, it } from 'vitest';
import type { ClosedIntervalEntry, WindowMetrics } from '@plancia/contracts';
import { intervalRows, trendRows } from './trend-history.js';

const interval = (start: string, serviceLevel: number | null, intervalMinutes = 30): ClosedIntervalEntry =>
  ({ queueId: 'sales', intervalStart: `2026-03-02T${start}:00.000Z`, intervalMinutes, metrics: { serviceLevel } as WindowMetrics });
const at = (hhmm: string) => Date.parse(`2026-03-02T${hhmm}:00.000Z`);

describe('trend rows from closed intervals', () => {
  it('draws each interval flat from its start to its end, breaks at a gap, leaves out an overlapping one', () => {
    const rows = intervalRows([interval('08:00', 0.9), interval('08:30', 0.5), interval('08:45', 0.1, 15), interval('09:30', null)]);
    expect(rows).toEqual([
      { at: at('08:00'), intervalServiceLevel: 0.9 }, { at: at('08:30'), intervalServiceLevel: 0.9 },
      { at: at('08:30'), intervalServiceLevel: 0.5 }, { at: at('09:00'), intervalServiceLevel: 0.5 },
      { at: at('09:00'), intervalServiceLevel: null },
      { at: at('09:30'), intervalServiceLevel: null }, { at: at('10:00'), intervalServiceLevel: null },
    ]);
  });

  it('puts the live samples after the intervals, and keeps only what ends inside the span', () => {
    const rows = trendRows([interval('07:00', 1), interval('08:00', 0.8)], [{ at: at('08:40'), serviceLevel: 0.7, waiting: 3 }], at('07:45'));
    expect(rows.map((row) => row.at)).toEqual([at('08:00'), at('08:30'), at('08:40')]);
  });
});
