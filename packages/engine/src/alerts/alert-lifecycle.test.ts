import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Alert, AlertRule } from '@plancia/contracts';
import { AlertEngine } from './alert-engine.js';

const rule: AlertRule = {
  id: 'wait', name: 'wait', metric: 'waiting', scope: { kind: 'queue', id: 'q1' }, window: 'live', comparison: 'gt', threshold: 3,
  forSeconds: 0, severity: 'critical', enabled: true,
};

/** An engine fed one value at `atMs`; answers the transitions it produced. */
function feed(engine: AlertEngine, value: number, atMs: number) {
  engine.evaluate([rule], () => [{ id: 'q1', value }], atMs);
  return engine.drain();
}

function raisedAt(engine: AlertEngine, atMs: number): Alert {
  const [event] = feed(engine, 5, atMs);
  expect(event?.kind).toBe('raised');
  return event!.alert;
}

describe('alert lifecycle', () => {
  it('a new alert carries empty lifecycle fields', () => {
    const alert = raisedAt(new AlertEngine(), 0);
    expect(alert).toMatchObject({ assignedTo: null, assignedAt: null, resolvedBy: null, resolutionNote: null, comments: [], snoozedUntil: null });
  });

  it('assigning a raised alert acknowledges it too, by the one who assigns; the note becomes a comment', () => {
    const engine = new AlertEngine();
    const alert = raisedAt(engine, 0);
    const event = engine.assign(alert.id, 'marta', 'call the vendor', { by: 'sara', nowMs: 60_000 })!;
    expect(event.kind).toBe('assigned');
    expect(event.alert).toMatchObject({
      state: 'assigned', assignedTo: 'marta', assignedAt: new Date(60_000).toISOString(),
      acknowledgedBy: 'sara', acknowledgedAt: new Date(60_000).toISOString(),
      comments: [{ at: new Date(60_000).toISOString(), by: 'sara', text: 'call the vendor' }],
    });
  });

  it('acknowledging an assigned alert keeps it assigned and keeps the first acknowledgement time', () => {
    const engine = new AlertEngine();
    const alert = raisedAt(engine, 0);
    engine.acknowledge(alert.id, 'sara', null, 10_000);
    engine.assign(alert.id, 'marta', null, { by: 'sara', nowMs: 20_000 });
    const again = engine.acknowledge(alert.id, 'luca', 'seen', 30_000)!;
    expect(again.alert.state).toBe('assigned');
    expect(again.alert.acknowledgedAt).toBe(new Date(10_000).toISOString());
  });

  it('keeps every comment in order, and a snooze', () => {
    const engine = new AlertEngine();
    const alert = raisedAt(engine, 0);
    engine.comment(alert.id, 'one', { by: 'a', nowMs: 1000 });
    engine.comment(alert.id, 'two', { by: 'b', nowMs: 2000 });
    const snoozed = engine.snooze(alert.id, 3_600_000, { by: 'a', nowMs: 3000 })!;
    expect(snoozed.kind).toBe('snoozed');
    expect(snoozed.alert.snoozedUntil).toBe(new Date(3_600_000).toISOString());
    expect(snoozed.alert.comments!.map((c) => c.text).slice(0, 2)).toEqual(['one', 'two']);
  });

  it('a hand-resolved alert whose condition still holds is not raised again until the condition clears and returns', () => {
    const engine = new AlertEngine();
    const alert = raisedAt(engine, 0);
    const resolved = engine.resolveByHand(alert.id, 'known outage', { by: 'sara', nowMs: 5000 })!;
    expect(resolved.alert).toMatchObject({ state: 'resolved', resolvedBy: 'sara', resolutionNote: 'known outage', resolvedAt: new Date(5000).toISOString() });
    engine.drain();
    expect(feed(engine, 6, 10_000)).toEqual([]);
    expect(feed(engine, 9, 20_000)).toEqual([]);
    expect(feed(engine, 1, 30_000)).toEqual([]);
    const [back] = feed(engine, 5, 40_000);
    expect(back?.kind).toBe('raised');
    expect(back?.alert.id).not.toBe(alert.id);
  });

  it('a resolution by itself has no resolvedBy, and the next raise comes at once', () => {
    const engine = new AlertEngine();
    raisedAt(engine, 0);
    const [cleared] = feed(engine, 1, 1000);
    expect(cleared?.alert).toMatchObject({ state: 'resolved', resolvedBy: null });
    expect(feed(engine, 5, 2000)[0]?.kind).toBe('raised');
  });

  it('restore keeps assignment, comments and snooze, and keeps a hand resolution from raising again', () => {
    const first = new AlertEngine();
    const alert = raisedAt(first, 0);
    first.assign(alert.id, 'marta', 'mine', { by: 'sara', nowMs: 1000 });
    first.snooze(alert.id, 600_000, { by: 'sara', nowMs: 2000 });
    const other = { ...rule, id: 'other' };
    first.evaluate([rule, other], () => [{ id: 'q1', value: 5 }], 3000);
    const otherAlert = first.drain().find((e) => e.kind === 'raised')!.alert;
    const handResolved = first.resolveByHand(otherAlert.id, null, { by: 'sara', nowMs: 4000 })!.alert;
    const [open] = first.active();

    const second = new AlertEngine();
    second.restore([open!], [handResolved]);
    second.evaluate([rule, other], () => [{ id: 'q1', value: 5 }], 10_000);
    expect(second.drain()).toEqual([]);
    expect(second.active()).toEqual([open]);
    expect(open).toMatchObject({ state: 'assigned', assignedTo: 'marta', snoozedUntil: new Date(600_000).toISOString() });
  });

  it('restores an alert stored before the lifecycle with empty lifecycle fields', () => {
    const old = raisedAt(new AlertEngine(), 0);
    const { assignedTo: _a, assignedAt: _b, resolvedBy: _c, resolutionNote: _d, comments: _e, snoozedUntil: _f, ...stored } = old;
    const engine = new AlertEngine();
    engine.restore([stored]);
    expect(engine.comment(old.id, 'hi', { by: 'x', nowMs: 1 })!.alert.comments).toEqual([{ at: new Date(1).toISOString(), by: 'x', text: 'hi' }]);
  });

  it('state only moves forward and MTTA never exceeds MTTR, whatever people do in whatever order', () => {
    const STATES = ['raised', 'acknowledged', 'assigned', 'resolved'];
    const action = fc.oneof(
      fc.record({ op: fc.constant('ack' as const) }), fc.record({ op: fc.constant('assign' as const) }),
      fc.record({ op: fc.constant('comment' as const) }), fc.record({ op: fc.constant('snooze' as const) }),
      fc.record({ op: fc.constant('resolve' as const) }), fc.record({ op: fc.constant('value' as const), value: fc.integer({ min: 0, max: 8 }) }),
    );
    fc.assert(fc.property(fc.array(action, { maxLength: 30 }), fc.array(fc.integer({ min: 1, max: 60_000 }), { minLength: 30, maxLength: 30 }), (actions, gaps) => {
      const engine = new AlertEngine();
      let now = 0;
      const seen = new Map<string, Alert[]>();
      const record = () => { for (const e of engine.drain()) seen.set(e.alert.id, [...(seen.get(e.alert.id) ?? []), e.alert]); };
      feed(engine, 5, now);
      record();
      actions.forEach((a, i) => {
        now += gaps[i]!;
        const open = engine.active()[0];
        const who = { by: 'u', nowMs: now };
        if (a.op === 'value') engine.evaluate([rule], () => [{ id: 'q1', value: a.value }], now);
        else if (open && a.op === 'ack') engine.acknowledge(open.id, 'u', null, now);
        else if (open && a.op === 'assign') engine.assign(open.id, 'v', null, who);
        else if (open && a.op === 'comment') engine.comment(open.id, 'c', who);
        else if (open && a.op === 'snooze') engine.snooze(open.id, now + 1000, who);
        else if (open && a.op === 'resolve') engine.resolveByHand(open.id, null, who);
        record();
      });
      for (const versions of seen.values()) {
        const ranks = versions.map((v) => STATES.indexOf(v.state));
        expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
        const last = versions.at(-1)!;
        if (last.acknowledgedAt && last.resolvedAt) expect(Date.parse(last.acknowledgedAt)).toBeLessThanOrEqual(Date.parse(last.resolvedAt));
        if (last.acknowledgedAt) expect(Date.parse(last.acknowledgedAt)).toBeGreaterThanOrEqual(Date.parse(last.raisedAt));
      }
    }), { numRuns: 300 });
  });
});
