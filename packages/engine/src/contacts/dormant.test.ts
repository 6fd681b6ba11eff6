import { describe, expect, it } from 'vitest';
import type { TimedEvent } from '@plancia/contracts';
import { ev, s } from '../engine-test-kit.js';
import { dormantContact, dormantDue, dormantLastAt, dormantSteps, packSteps, unpackSteps } from './dormant.js';
import { contactStep, type ContactEvent } from './lifecycle.js';

const steps = (events: TimedEvent[]) => events.map((e, i) => contactStep(e as ContactEvent, 10 + 7 * i));
/** The same event sent by another source, or with another id. */
const as = (e: TimedEvent, change: Partial<TimedEvent>): TimedEvent => ({ ...e, ...change }) as TimedEvent;

describe('packed contact steps', () => {
  it('unpack to steps equal field by field, of every type', () => {
    const queued = ev.queued('c1', s(0), 'q1', 'chat');
    const waiting = as(queued, { data: { ...queued.data, priority: 3, vip: true, caller: 'caller-1' } } as Partial<TimedEvent>);
    const list = steps([
      waiting, ev.transferred('c1', s(10), 'q2'), ev.answered('c1', s(20), 'a1'), ev.abandoned('c1', s(21)),
      ev.ended('c1', s(30)), as(ev.completed('c1', s(45)), { source: 'other' }), as(ev.completed('c1', s(45)), { source: '' }),
    ]);
    expect(unpackSteps(packSteps(list))).toEqual(list);
  });

  it('keep strings holding the separators, empty strings apart from null, and instants that are not integers', () => {
    const odd = as(ev.queued('c1', s(0) + 0.25, '\u0001q\u0002n', '\u0002s'), { id: '\u0002n', source: '\u0002s' });
    const second = as(ev.answered('c1', s(60) + 0.5, '\u0001'), { id: '', source: '\u0002s' });
    const list = steps([odd, second]);
    expect(unpackSteps(packSteps(list))).toEqual(list);
    expect(unpackSteps(packSteps(list))[1]!.source).toBe('\u0002s');
  });

  it('keep arrival places whose difference would not be exact', () => {
    const list = steps([ev.queued('c1', s(0)), ev.answered('c1', s(1))]).map((step, i) => ({ ...step, seq: i === 0 ? -2 : Number.MAX_SAFE_INTEGER }));
    expect(unpackSteps(packSteps(list))).toEqual(list);
  });

  it('hold a contact in one string: its last instant, its deadline and its steps read back as they were', () => {
    const list = steps([ev.queued('c1', s(0) + 0.25), ev.answered('c1', s(20), '\u0001a')]);
    for (const [lastAt, due] of [[s(20), s(7200)], [s(20) + 0.25, Infinity], [-1.5, 0]] as const) {
      const held = dormantContact(list, lastAt, due);
      expect([dormantLastAt(held), dormantDue(held), dormantSteps(held)]).toEqual([lastAt, due, list]);
    }
  });
});
