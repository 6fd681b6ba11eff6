import { describe, expect, it } from 'vitest';
import type { AbandonPolicyName } from '@plancia/contracts';
import { config, engineWith, ev, queue, queueOf, s } from './engine-test-kit.js';

/**
 * T = 20 s, S = 5 s. c1 answered at 10 s (met), c2 answered at 30 s (missed at 20 s), c3 abandoned at 15 s
 * (abandoned within T), c4 abandoned at 3 s (short), c5 abandoned at 40 s (missed at 20 s).
 */
const mixed = () => [
  ev.queued('c1', s(0)), ev.answered('c1', s(10)),
  ev.queued('c2', s(0)), ev.answered('c2', s(30), 'a2'),
  ev.queued('c3', s(0)), ev.abandoned('c3', s(15)),
  ev.queued('c4', s(0)), ev.abandoned('c4', s(3)),
  ev.queued('c5', s(0)), ev.abandoned('c5', s(40)),
];

const withPolicy = (abandonPolicy: AbandonPolicyName) => config([queue('q1', { abandonPolicy })]);

describe('service level policies (worked example of docs/metrics.md)', () => {
  it('counts every contact at its own instant', () => {
    const w = queueOf(engineWith(mixed(), s(60)), s(60)).windows.rolling;
    expect(w).toMatchObject({
      offered: 4, shortAbandoned: 1, answered: 2, abandoned: 2, answeredWithinThreshold: 1, abandonedWithinThreshold: 1,
      settled: 4, asa: 20, abandonRate: 0.5,
    });
  });

  it.each([
    ['ignore', 1 / 3], // met ÷ (settled − abandoned within T) = 1 ÷ (4 − 1)
    ['negative', 1 / 4], // met ÷ settled
    ['positive', 2 / 4], // (met + abandoned within T) ÷ settled
    ['exclude', 1 / 2], // answered within T ÷ answered (Asterisk's ServicelevelPerf): c3 and c5 left out
  ] as const)('%s: SL = %d', (policy, expected) => {
    const e = engineWith(mixed(), s(60), withPolicy(policy));
    expect(queueOf(e, s(60)).windows.rolling.serviceLevel).toBeCloseTo(expected, 12);
  });

  it('is null when nothing has settled yet', () => {
    const e = engineWith([ev.queued('c1', s(0))], s(5));
    expect(queueOf(e, s(5)).windows.rolling).toMatchObject({ offered: 1, settled: 0, serviceLevel: null });
  });
});

describe('abandon policy exclude', () => {
  it('counts a caller still waiting past T as missed, and withdraws the miss when the caller abandons', () => {
    const e = engineWith([ev.queued('c1', s(0)), ev.queued('c2', s(0)), ev.answered('c2', s(8))], s(25), withPolicy('exclude'));
    expect(queueOf(e, s(25)).windows.rolling).toMatchObject({ settled: 2, serviceLevel: 0.5 });
    e.apply([ev.abandoned('c1', s(40))], s(40));
    expect(queueOf(e, s(40)).windows.rolling).toMatchObject({ settled: 1, serviceLevel: 1, abandoned: 1 });
  });
});

describe('a call that misses T while still waiting', () => {
  it('is settled as missed at T, before it ends', () => {
    const e = engineWith([ev.queued('c1', s(0)), ev.queued('c2', s(5)), ev.answered('c2', s(8))], s(19));
    expect(queueOf(e, s(19)).windows.rolling).toMatchObject({ settled: 1, serviceLevel: 1 });
    e.tick(s(20));
    const q = queueOf(e, s(20));
    expect(q.windows.rolling).toMatchObject({ settled: 2, serviceLevel: 0.5, answered: 1 });
    expect(q.live).toMatchObject({ waiting: 1, longestWaitSince: new Date(s(0)).toISOString() });
    e.apply([ev.answered('c1', s(45))], s(45));
    expect(queueOf(e, s(45)).windows.rolling).toMatchObject({ settled: 2, serviceLevel: 0.5, answered: 2, answeredWithinThreshold: 1 });
  });

  it('counts a wait of exactly T as within T', () => {
    const e = engineWith([ev.queued('c1', s(0)), ev.answered('c1', s(20))], s(30));
    expect(queueOf(e, s(30)).windows.rolling).toMatchObject({ answeredWithinThreshold: 1, serviceLevel: 1 });
  });

  it('is corrected when an earlier answer arrives late within grace', () => {
    const e = engineWith([ev.queued('c1', s(0))], s(25));
    expect(queueOf(e, s(25)).windows.rolling.serviceLevel).toBe(0);
    e.apply([ev.answered('c1', s(15))], s(30));
    expect(queueOf(e, s(30)).windows.rolling).toMatchObject({ settled: 1, serviceLevel: 1, answeredWithinThreshold: 1 });
  });
});

describe('short abandons', () => {
  it('are excluded from offered, abandoned and service level', () => {
    const e = engineWith([ev.queued('c1', s(0)), ev.abandoned('c1', s(4.999))], s(30));
    expect(queueOf(e, s(30)).windows.rolling).toMatchObject({ offered: 0, abandoned: 0, shortAbandoned: 1, settled: 0, serviceLevel: null, abandonRate: null });
  });

  it('are ordinary abandons when S = 0', () => {
    const e = engineWith([ev.queued('c1', s(0)), ev.abandoned('c1', s(3))], s(30), config([queue('q1', { shortAbandonSeconds: 0, abandonPolicy: 'negative' })]));
    expect(queueOf(e, s(30)).windows.rolling).toMatchObject({ offered: 1, abandoned: 1, shortAbandoned: 0, abandonedWithinThreshold: 1, serviceLevel: 0 });
  });

  it('an abandon after T but shorter than S retracts the miss counted at T', () => {
    const e = engineWith([ev.queued('c1', s(0))], s(25), config([queue('q1', { thresholdSeconds: 20, shortAbandonSeconds: 30 })]));
    expect(queueOf(e, s(25)).windows.rolling.settled).toBe(1);
    e.apply([ev.abandoned('c1', s(26))], s(26));
    expect(queueOf(e, s(26)).windows.rolling).toMatchObject({ settled: 0, offered: 0, shortAbandoned: 1 });
  });
});

describe('transfers', () => {
  const cfg = config([queue('q1'), queue('q2')]);

  it('within T settle the first queue as met; the second queue sees a new contact', () => {
    const e = engineWith([ev.queued('c1', s(0)), ev.transferred('c1', s(10), 'q2'), ev.answered('c1', s(40))], s(60), cfg);
    expect(queueOf(e, s(60), 'q1').windows.rolling).toMatchObject({ offered: 1, transferredOut: 1, answered: 0, settled: 1, serviceLevel: 1 });
    // In q2 the contact waited 30 s (10 → 40): missed at 10 + 20 = 30 s.
    expect(queueOf(e, s(60), 'q2').windows.rolling).toMatchObject({ offered: 1, answered: 1, settled: 1, serviceLevel: 0, asa: 30 });
  });

  it('after T leave the first queue missed', () => {
    const e = engineWith([ev.queued('c1', s(0)), ev.transferred('c1', s(25), 'q2')], s(30), cfg);
    expect(queueOf(e, s(30), 'q1').windows.rolling).toMatchObject({ transferredOut: 1, settled: 1, serviceLevel: 0 });
    expect(queueOf(e, s(30), 'q2').live).toMatchObject({ waiting: 1, longestWaitSince: new Date(s(25)).toISOString() });
    expect(queueOf(e, s(30), 'q1').live.waiting).toBe(0);
  });

  it('after an answer keep the contact waiting in the next queue, even when its events arrive past the grace period', () => {
    const late = s(600);
    const e = engineWith([ev.queued('c1', s(0)), ev.answered('c1', s(5)), ev.transferred('c1', s(30), 'q2')], late, cfg);
    e.tick(late);
    expect(queueOf(e, late, 'q2').live).toMatchObject({ waiting: 1, longestWaitSince: new Date(s(30)).toISOString() });
    e.apply([ev.answered('c1', s(40), 'a2')], late);
    expect(queueOf(e, late, 'q2').live.waiting).toBe(0);
    expect(queueOf(e, late, 'q2').windows.today).toMatchObject({ offered: 1, answered: 1 });
    expect(e.snapshot(late).anomalies.orphanEvents).toBe(0);
  });
});
