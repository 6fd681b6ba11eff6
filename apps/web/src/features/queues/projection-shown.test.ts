import { describe, expect, it } from 'vitest';
import type { QueueSnapshot } from '@plancia/contracts';
import { showsProjection } from './projection-shown.js';

const projection = { serviceLevelAtIntervalEnd: 0.6, serviceLevelAtDayEnd: 0.7, answersNeeded: 4, ewtSeconds: 30, agentsNeeded: 5, agentsStaffed: 3, paceSeconds: 890, intervalEnd: '2026-12-05T10:30:00Z' };

function queue(level: 'ok' | 'warning' | 'critical', serviceLevel: number | null, withProjection = true): QueueSnapshot {
  const window = { serviceLevel };
  return {
    status: { level, band: level === 'ok' ? 'ok' : 'red', alerts: [] },
    colours: { amberBelow: 0.8, redBelow: 0.7 },
    windows: { rolling: window, interval: window, today: window },
    ...(withProjection ? { projection } : {}),
  } as unknown as QueueSnapshot;
}

describe('showsProjection', () => {
  it('shows it on a queue that is not ok, by its status or by the window on screen', () => {
    expect(showsProjection(queue('critical', 0.9), 'rolling')).toBe(true);
    expect(showsProjection(queue('ok', 0.75), 'today')).toBe(true);
    expect(showsProjection(queue('ok', 0.95), 'rolling')).toBe(false);
    expect(showsProjection(queue('ok', null), 'rolling')).toBe(false);
  });

  it('not without a projection or a queue', () => {
    expect(showsProjection(queue('critical', 0.5, false), 'rolling')).toBe(false);
    expect(showsProjection(undefined, 'rolling')).toBe(false);
  });
});
