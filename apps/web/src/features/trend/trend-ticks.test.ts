import { describe, expect, it } from 'vitest';
import { timeTicks } from './trend-ticks.js';

const at = (hhmmss: string) => Date.parse(`2026-03-02T${hhmmss}Z`);
const minutes = (ticks: number[]) => ticks.map((tick) => new Date(tick).toISOString().slice(11, 16));

describe('time ticks', () => {
  it('puts at most seven ticks on whole steps, never two in the same minute', () => {
    expect(minutes(timeTicks(at('08:10:07'), at('10:10:07')))).toEqual(['08:30', '09:00', '09:30', '10:00']);
    expect(minutes(timeTicks(at('10:00:03'), at('10:04:50')))).toEqual(['10:01', '10:02', '10:03', '10:04']);
    for (const [from, to] of [[at('10:00:00'), at('10:00:45')], [at('09:59:50'), at('10:01:10')], [at('00:00:00'), at('23:59:00')]] as const) {
      const ticks = timeTicks(from, to);
      expect(ticks.length).toBeLessThanOrEqual(7);
      expect(new Set(minutes(ticks)).size).toBe(ticks.length);
      for (const tick of ticks) expect(tick >= from && tick <= to).toBe(true);
    }
  });

  it('gives nothing for an empty span', () => {
    expect(timeTicks(at('10:00:00'), at('10:00:00'))).toEqual([]);
  });
});
