import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { InstallationSnapshot, TimedEvent, WindowMetrics } from '@plancia/contracts';
import { applyInBatches, config, contactEnding, createEngineAt, ev, queue, s, type ContactOutcome } from './engine-test-kit.js';

interface Plan { queue: 'q1' | 'q2'; channel: 'voice' | 'chat'; start: number; wait: number; outcome: ContactOutcome; talk: number; wrap: number | null; agentFirst: boolean }

const plan = (maxStart: number): fc.Arbitrary<Plan> => fc.record({
  queue: fc.constantFrom('q1' as const, 'q2' as const),
  channel: fc.constantFrom('voice' as const, 'chat' as const),
  start: fc.integer({ min: 0, max: maxStart }),
  wait: fc.integer({ min: 0, max: 30_000 }),
  outcome: fc.constantFrom<ContactOutcome>('answered', 'answered', 'abandoned', 'waiting', 'transferred'),
  talk: fc.integer({ min: 1, max: 30_000 }),
  wrap: fc.option(fc.integer({ min: 0, max: 20_000 })),
  agentFirst: fc.boolean(),
});

/** A valid stream: one agent per contact (no conflicts), times in ms from `base`. */
function stream(plans: Plan[], base: number): TimedEvent[] {
  return plans.flatMap((p, i) => {
    const id = `c${i}`;
    const agent = `a${i}`;
    const t = base + p.start;
    const out: TimedEvent[] = [ev.queued(id, t, p.queue, p.channel)];
    if (p.agentFirst) out.push(ev.agent(agent, t, 'available', { queueIds: [p.queue], teamId: i % 2 ? 'red' : 'blue' }));
    return [...out, ...contactEnding(id, t, agent, p)];
  });
}

const cfg = () => config([queue('q1'), queue('q2', { abandonPolicy: 'positive' }, { channel: 'chat' })]);

function allWindows(snap: InstallationSnapshot): WindowMetrics[] {
  const entries = [snap.centre, ...snap.channels, ...snap.queues];
  return entries.flatMap((e) => [e.windows.rolling, e.windows.interval, e.windows.today]);
}

function expectSane(snap: InstallationSnapshot): void {
  for (const w of allWindows(snap)) {
    for (const [key, value] of Object.entries(w)) if (typeof value === 'number') expect(value, key).toBeGreaterThanOrEqual(0);
    for (const value of Object.values(w.tickets)) if (typeof value === 'number') expect(value).toBeGreaterThanOrEqual(0);
    if (w.serviceLevel !== null) {
      expect(w.serviceLevel).toBeGreaterThanOrEqual(0);
      expect(w.serviceLevel).toBeLessThanOrEqual(1);
    }
  }
  for (const q of snap.queues) for (const n of Object.values(q.live.agents)) expect(n).toBeGreaterThanOrEqual(0);
}

describe('arrival order', () => {
  it('any permutation within grace, in any batches, gives the same snapshot', () => {
    // Every stream spans at most 30 + 30 + 30 + 20 = 110 s < 120 s of grace.
    const arb = fc.array(plan(30_000), { minLength: 1, maxLength: 12 }).chain((plans) => {
      const events = stream(plans, s(0));
      return fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length }), fc.integer({ min: 1, max: 4 }));
    });
    fc.assert(fc.property(arb, ([events, shuffled, batches]) => {
      const inOrder = createEngineAt(cfg());
      for (const e of [...events].sort((a, b) => a.timeMs - b.timeMs)) inOrder.apply([e], e.timeMs);
      const permuted = createEngineAt(cfg());
      applyInBatches(permuted, shuffled, batches);
      const end = s(200);
      inOrder.tick(end);
      permuted.tick(end);
      const a = inOrder.snapshot(end);
      const b = permuted.snapshot(end);
      // Rules are judged once for what was applied, at the clock of the last apply, then at each tick: alerts match too.
      expect({ ...b, seq: 0 }).toEqual({ ...a, seq: 0 });
      expect(permuted.drainAlertEvents()).toEqual(inOrder.drainAlertEvents());
      expectSane(b);
    }), { numRuns: 150 });
  });
});

/** The naive reference: every fact recomputed from the raw events, then filtered by the window. */
function naiveRolling(events: readonly TimedEvent[], queueId: string, now: number) {
  const from = (Math.floor(now / 10_000) - 89) * 10_000;
  const inWindow = (t: number) => t >= from && t <= now;
  const n = { offered: 0, answered: 0, abandoned: 0, shortAbandoned: 0, answeredWithinThreshold: 0, settled: 0, met: 0, den: 0, waitSum: 0, handled: 0, handleSum: 0 };
  const byContact = new Map<string, TimedEvent[]>();
  for (const e of events) if (e.timeMs <= now && 'contactId' in e.data) byContact.set(e.data.contactId as string, [...(byContact.get(e.data.contactId as string) ?? []), e]);
  for (const list of byContact.values()) {
    const at = (type: string) => list.find((e) => e.type === type)?.timeMs;
    const queued = list.find((e) => e.type === 'contact.queued')!;
    if ((queued.data as { queueId: string }).queueId !== queueId) continue;
    const t0 = queued.timeMs;
    const answered = at('contact.answered');
    const abandoned = at('contact.abandoned');
    const completed = at('contact.completed');
    const deadline = t0 + 20_000;
    if (abandoned !== undefined && abandoned - t0 < 5000) { if (inWindow(abandoned)) n.shortAbandoned++; continue; }
    if (inWindow(t0)) n.offered++;
    const end = answered ?? abandoned;
    if (answered !== undefined && inWindow(answered)) { n.answered++; n.waitSum += answered - t0; if (answered <= deadline) n.answeredWithinThreshold++; }
    if (abandoned !== undefined && inWindow(abandoned)) n.abandoned++;
    if (end !== undefined && end <= deadline) {
      if (inWindow(end)) { n.settled++; if (answered !== undefined) { n.met++; n.den++; } }
    } else if (now >= deadline && inWindow(deadline)) { n.settled++; n.den++; }
    if (completed !== undefined && answered !== undefined && inWindow(completed)) { n.handled++; n.handleSum += completed - answered; }
  }
  return {
    offered: n.offered, answered: n.answered, abandoned: n.abandoned, shortAbandoned: n.shortAbandoned,
    answeredWithinThreshold: n.answeredWithinThreshold, settled: n.settled,
    serviceLevel: n.den ? n.met / n.den : null, asa: n.answered ? n.waitSum / n.answered / 1000 : null,
    handled: n.handled, aht: n.handled ? n.handleSum / n.handled / 1000 : null,
  };
}

describe('rolling window', () => {
  it('equals a naive recomputation from the raw events over the same window', () => {
    const arb = fc.tuple(
      fc.array(plan(40 * 60_000).filter((p) => p.outcome !== 'transferred'), { minLength: 1, maxLength: 25 }),
      fc.array(fc.integer({ min: 0, max: 45 * 60_000 }), { minLength: 1, maxLength: 5 }),
    );
    fc.assert(fc.property(arb, ([plans, checkpoints]) => {
      const events = stream(plans, s(0)).sort((a, b) => a.timeMs - b.timeMs);
      const engine = createEngineAt(config([queue('q1'), queue('q2')]));
      let next = 0;
      for (const c of [...checkpoints].sort((a, b) => a - b).map((x) => s(0) + x)) {
        const due: TimedEvent[] = [];
        while (next < events.length && events[next]!.timeMs <= c) due.push(events[next++]!);
        engine.apply(due, c);
        engine.tick(c);
        const snap = engine.snapshot(c);
        expectSane(snap);
        for (const q of snap.queues) {
          const expected = naiveRolling(events, q.queueId, c);
          const { rolling } = q.windows;
          expect({ ...rolling, serviceLevel: round(rolling.serviceLevel), asa: round(rolling.asa), aht: round(rolling.aht) })
            .toMatchObject({ ...expected, serviceLevel: round(expected.serviceLevel), asa: round(expected.asa), aht: round(expected.aht) });
        }
      }
    }), { numRuns: 100 });
  });
});

const round = (x: number | null) => (x === null ? null : Math.round(x * 1e9) / 1e9);
