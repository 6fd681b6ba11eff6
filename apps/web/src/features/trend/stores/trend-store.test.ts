import { describe, expect, it } from 'vitest';
import { TREND_SPAN_MS, TREND_STEP_MS, appendPoint, type TrendPoint } from './trend-store.js';

describe('trend points', () => {
  it('keeps one point per 15 s step, the latest value of the step', () => {
    let points: TrendPoint[] = [];
    for (let at = 0; at < 3 * TREND_STEP_MS; at += 1000) points = appendPoint(points, { at, serviceLevel: at / 100_000, waiting: at });
    expect(points.map((p) => p.at)).toEqual([14_000, 29_000, 44_000]);
  });

  it('never holds more than an hour, however long it runs', () => {
    let points: TrendPoint[] = [];
    for (let at = 0; at < 3 * TREND_SPAN_MS; at += 5000) points = appendPoint(points, { at, serviceLevel: 1, waiting: 0 });
    expect(points.length).toBeLessThanOrEqual(TREND_SPAN_MS / TREND_STEP_MS);
    expect(points.at(-1)!.at - points[0]!.at).toBeLessThan(TREND_SPAN_MS);
  });
});
