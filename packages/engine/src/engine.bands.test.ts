import { describe, expect, it } from 'vitest';
import { bandsFromTarget } from '@plancia/contracts';
import { config, createEngineAt, ev, queue, queueOf, s } from './engine-test-kit.js';

/** 23 of 25 contacts answered within T (20 s), two after it: 92 % in the rolling window. */
function ninetyTwoPercent() {
  return Array.from({ length: 25 }, (_, i) => {
    const wait = i < 23 ? 5 : 40;
    return [ev.queued(`c${i}`, s(i * 10)), ev.answered(`c${i}`, s(i * 10 + wait), `a${i}`)];
  }).flat();
}
const NOW = s(300);

describe('service-level bands', () => {
  it('follow the target when the queue has no bands of its own: raising it to 95 % turns 92 % amber', () => {
    const events = ninetyTwoPercent();
    const e = createEngineAt(config([queue('q1')]));
    e.apply(events, NOW);
    expect(queueOf(e, NOW).windows.rolling.serviceLevel).toBeCloseTo(0.92, 6);
    expect(queueOf(e, NOW).status.band).toBe('green');
    expect(queueOf(e, NOW).colours).toEqual({ amberBelow: 0.8, redBelow: 0.7 });

    e.rebuildWithQueue(queue('q1', { target: 0.95 }), events, NOW);
    expect(queueOf(e, NOW).colours).toEqual({ amberBelow: 0.95, redBelow: 0.85 });
    expect(queueOf(e, NOW).status.band).toBe('amber');

    e.rebuildWithQueue(queue('q1', { target: 0.9 }), events, NOW);
    expect(queueOf(e, NOW).colours).toEqual(bandsFromTarget(0.9));
    expect(queueOf(e, NOW).status.band).toBe('green');
  });

  it('keep a queue\'s own bands whatever its target', () => {
    const events = ninetyTwoPercent();
    const own = { amberBelow: 0.9, redBelow: 0.75 };
    const e = createEngineAt(config([queue('q1', {}, { colours: own })]));
    e.apply(events, NOW);
    e.rebuildWithQueue(queue('q1', { target: 0.95 }, { colours: own }), events, NOW);
    expect(queueOf(e, NOW).colours).toEqual(own);
    expect(queueOf(e, NOW).status.band).toBe('green');
  });

  it('are derived as amber below the target and red ten points below it, never under 0', () => {
    expect(bandsFromTarget(0.8)).toEqual({ amberBelow: 0.8, redBelow: 0.7 });
    expect(bandsFromTarget(0.05)).toEqual({ amberBelow: 0.05, redBelow: 0 });
    expect(bandsFromTarget(0.955)).toEqual({ amberBelow: 0.955, redBelow: 0.855 });
  });
});
