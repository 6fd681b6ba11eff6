import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TimedEvent } from '@plancia/contracts';
import { config, contactEnding, createEngineAt, ev, queue, s, type ContactOutcome } from './engine-test-kit.js';
import { created, reopened, replied, solved } from './tickets/ticket-test-kit.js';

interface Plan {
  queue: 'q1' | 'q2'; start: number; wait: number; outcome: ContactOutcome; talk: number; wrap: number | null; agent: number; pause: number | null;
  /** a ticket opened at the contact's start: its first reply, solution and reopening after these delays */
  ticket: { reply: number | null; solve: number | null; reopen: number | null } | null;
}

const HOUR = 3_600_000;

/** Contacts over two hours of a morning, waits up to 10 minutes: lateness of hours, far beyond the 120 s of grace. */
const plan: fc.Arbitrary<Plan> = fc.record({
  queue: fc.constantFrom('q1' as const, 'q2' as const),
  start: fc.integer({ min: 0, max: 2 * HOUR }),
  wait: fc.integer({ min: 0, max: 600_000 }),
  outcome: fc.constantFrom<ContactOutcome>('answered', 'answered', 'abandoned', 'waiting', 'transferred'),
  talk: fc.integer({ min: 1, max: 300_000 }),
  wrap: fc.option(fc.integer({ min: 0, max: 60_000 })),
  agent: fc.integer({ min: 0, max: 3 }),
  pause: fc.option(fc.integer({ min: 1, max: 2 * HOUR })),
  ticket: fc.option(fc.record({
    reply: fc.option(fc.integer({ min: 1, max: HOUR })),
    solve: fc.option(fc.integer({ min: 1, max: HOUR })),
    reopen: fc.option(fc.integer({ min: 1, max: 600_000 })),
  })),
});

/** Contacts answered by a handful of agents (so their timelines interleave), agents' own state changes, tickets. */
function day(plans: Plan[]): TimedEvent[] {
  const out: TimedEvent[] = [];
  for (let a = 0; a < 4; a++) out.push(ev.agent(`a${a}`, s(0), 'available', { queueIds: ['q1', 'q2'], teamId: 'red' }));
  plans.forEach((p, i) => {
    const id = `c${i}`;
    const agent = `a${p.agent}`;
    const t = s(60) + p.start;
    out.push(ev.queued(id, t, p.queue), ...contactEnding(id, t, agent, p));
    if (p.ticket) {
      const k = p.ticket;
      out.push(created(`t${i}`, t, { queueId: p.queue }));
      // Two replies: the earlier is the first response whichever arrives first.
      if (k.reply !== null) out.push(replied(`t${i}`, t + k.reply), replied(`t${i}`, t + 2 * k.reply));
      if (k.solve !== null) out.push(solved(`t${i}`, t + (k.reply ?? 0) + k.solve));
      if (k.solve !== null && k.reopen !== null) out.push(reopened(`t${i}`, t + (k.reply ?? 0) + k.solve + k.reopen));
    }
    if (p.pause !== null) out.push(ev.agent(agent, s(60) + p.pause, 'not_ready', { reason: 'break' }), ev.agent(agent, s(60) + p.pause + 300_000, 'available'));
  });
  return out;
}

describe('arrival order beyond the grace period', () => {
  it('any permutation, in one batch or many, hours late, gives the snapshot of the stream in time order', () => {
    const arb = fc.array(plan, { minLength: 1, maxLength: 15 }).chain((plans) => {
      const events = day(plans);
      return fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length }), fc.integer({ min: 1, max: 5 }));
    });
    fc.assert(fc.property(arb, ([events, shuffled, batches]) => {
      const cfg = config([queue('q1'), queue('q2', { abandonPolicy: 'positive' })]);
      const inOrder = createEngineAt(cfg);
      for (const e of [...events].sort((a, b) => a.timeMs - b.timeMs)) inOrder.apply([e], e.timeMs);
      const late = createEngineAt(cfg);
      const last = Math.max(...events.map((e) => e.timeMs));
      // The late engine's clock is past every event from the first batch on: each arrives up to hours late.
      const size = Math.ceil(shuffled.length / batches);
      for (let i = 0; i < shuffled.length; i += size) late.apply(shuffled.slice(i, i + size), last);
      const end = last + 60_000;
      inOrder.tick(end);
      late.tick(end);
      const a = inOrder.snapshot(end);
      const b = late.snapshot(end);
      expect({ ...b, seq: 0, anomalies: { ...b.anomalies, lateEvents: 0 } }).toEqual({ ...a, seq: 0, anomalies: { ...a.anomalies, lateEvents: 0 } });
    }), { numRuns: 150 });
  });
});
