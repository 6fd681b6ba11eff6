import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { byWait } from './longest-waits.js';
import { WaitingLine, type Waiter, type WaitingView } from './waiting-line.js';

const view = (since: number, channel: string, priority = 0): WaitingView => ({ waitingSince: since, waitingChannel: channel, waitingPriority: priority, waitingVip: false, waitingCaller: null });

type Step = { kind: 'join' | 'leave' | 'move'; who: number; since: number; channel: string; priority: number };
const step: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom('join' as const, 'leave' as const, 'move' as const),
  who: fc.integer({ min: 0, max: 12 }),
  since: fc.integer({ min: 0, max: 30 }),
  channel: fc.constantFrom('voice', 'chat', 'email'),
  priority: fc.integer({ min: -1, max: 3 }),
});

/** For each priority present, how many waiters are at a higher one, counted from scratch. */
function aheadScanned(waiters: Iterable<Waiter>): Map<number, number> {
  const all = [...waiters];
  const priorities = new Set(all.map((w) => w.view.waitingPriority));
  return new Map([...priorities].map((p) => [p, all.filter((w) => w.view.waitingPriority > p).length]));
}

const LISTED = 4;

describe('WaitingLine', () => {
  it('counts per channel and priority, finds the earliest start and the longest waits as a scan of its waiters would, through joins, leaves and moves', () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 120 }), (steps) => {
      const line = new WaitingLine();
      const waiters = new Map<number, Waiter & { view: WaitingView }>();
      for (const s of steps) {
        const w = waiters.get(s.who);
        if (s.kind === 'join' && !w) {
          const fresh = { id: `c${s.who}`, view: view(s.since, s.channel, s.priority), waitingSlot: -1 };
          waiters.set(s.who, fresh);
          line.join(fresh);
        } else if (s.kind === 'leave' && w) {
          // as the contact book does: the view may already be the next one when the contact leaves
          const was = w.view;
          w.view = view(s.since, s.channel, s.priority);
          line.leave(w, was);
          waiters.delete(s.who);
        } else if (s.kind === 'move' && w) {
          const was = w.view;
          w.view = view(s.since, s.channel, s.priority);
          line.moved(w, was);
        }
        for (const channel of ['voice', 'chat', 'email', null]) {
          const shown = [...waiters.values()].filter((x) => channel === null || x.view.waitingChannel === channel);
          expect(line.count(channel)).toBe(shown.length);
          expect(line.oldest(channel)).toBe(Math.min(Infinity, ...shown.map((x) => x.view.waitingSince)));
        }
        expect(new Set(line.waiters)).toEqual(new Set(waiters.values()));
        expect(line.aheadByPriority()).toEqual(aheadScanned(waiters.values()));
        // kept as waiters come and go, found again after a listed one leaves a longer line
        expect(line.longest(LISTED).map((w) => w.id)).toEqual([...waiters.values()].sort(byWait).slice(0, LISTED).map((w) => w.id));
      }
    }), { numRuns: 300 });
  });
});
