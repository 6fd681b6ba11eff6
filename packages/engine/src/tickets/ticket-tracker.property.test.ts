import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TimedEvent } from '@plancia/contracts';
import type { TicketTracker } from './ticket-tracker.js';
import { created, newTracker, reopened, replied, solved } from './ticket-test-kit.js';

const START = Date.parse('2026-03-27T08:00:00+01:00'); // a week spanning the DST change and Easter
const HOUR_MS = 3_600_000;

const ticketStory = fc.record({
  queueId: fc.constantFrom('support', 'billing'),
  channel: fc.constantFrom('email', 'web', 'social'),
  priority: fc.constantFrom('low', 'normal', 'high', 'urgent'),
  createdAt: fc.integer({ min: 0, max: 10 * 24 * HOUR_MS }),
  replyAfter: fc.option(fc.integer({ min: 1, max: 72 * HOUR_MS })),
  solveAfter: fc.option(fc.integer({ min: 1, max: 200 * HOUR_MS })),
  reopenAfterSolve: fc.option(fc.integer({ min: 1, max: 100 * HOUR_MS })),
});

type Story = typeof ticketStory extends fc.Arbitrary<infer S> ? S : never;

function eventsOf(stories: Story[]): TimedEvent[] {
  return stories.flatMap((s, i) => {
    const id = `T${i}`;
    const at = START + s.createdAt;
    const events = [created(id, at, { queueId: s.queueId, channel: s.channel, priority: s.priority })];
    if (s.replyAfter !== null) events.push(replied(id, at + s.replyAfter));
    if (s.solveAfter !== null) {
      events.push(solved(id, at + s.solveAfter));
      if (s.reopenAfterSolve !== null) events.push(reopened(id, at + s.solveAfter + s.reopenAfterSolve));
    }
    return events;
  });
}

function outcome(tracker: TicketTracker, nowMs: number) {
  tracker.tick(nowMs);
  const facts = tracker.drainFacts().map((f) => JSON.stringify(f)).sort();
  const live = Object.fromEntries(['support', 'billing'].map((q) => [q, tracker.live(q, nowMs)]));
  return { facts, live };
}

describe('TicketTracker properties', () => {
  it('gives the same facts and live counts whatever the arrival order and tick cadence; counts stay consistent', () => {
    const scenario = fc
      .array(ticketStory, { minLength: 1, maxLength: 12 })
      .chain((stories) => {
        const events = eventsOf(stories);
        return fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }));
      });
    const at = fc.integer({ min: 0, max: 20 * 24 * HOUR_MS });
    fc.assert(fc.property(scenario, at, ([events, shuffled], nowOffset) => {
      const nowMs = Math.max(...events.map((e) => e.timeMs)) + nowOffset; // after every event, as ticks only go forward
      const inOrder = newTracker();
      // The in-order run ticks as it goes, as a live feed would; the shuffled run ticks once at the end.
      for (const e of [...events].sort((a, b) => a.timeMs - b.timeMs)) {
        inOrder.tick(e.timeMs);
        inOrder.apply(e);
      }
      const anyOrder = newTracker();
      for (const e of shuffled) anyOrder.apply(e);
      const expected = outcome(inOrder, nowMs);
      expect(outcome(anyOrder, nowMs)).toEqual(expected);
      for (const c of Object.values(expected.live)) {
        expect(c.breached + c.atRisk).toBeLessThanOrEqual(c.open);
        expect(Math.min(c.open, c.breached, c.atRisk)).toBeGreaterThanOrEqual(0);
      }
    }), { numRuns: 200 });
  });
});
