import { beforeAll, describe, expect, it } from 'vitest';
import type { Alert, AlertEvent } from '@plancia/contracts';
import type { Store } from '@plancia/store';
import { backends } from './backends.js';
import { useStore } from './suite.js';

const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

function alert(id: string, queueId: string, severity: Alert['severity'], raisedSecond: number): Alert {
  return {
    id, ruleId: `rule-${severity}`, ruleName: 'r', metric: 'waiting', scope: { kind: 'queue', id: queueId }, window: 'live', severity,
    state: 'raised', value: 5, threshold: 3, raisedAt: at(raisedSecond), acknowledgedAt: null, acknowledgedBy: null, note: null,
    resolvedAt: null, assignedTo: null, assignedAt: null, resolvedBy: null, resolutionNote: null, comments: [], snoozedUntil: null,
  };
}

/** Raise at r, acknowledge at a (optional), resolve at z (optional), with two comments on the way. */
function life(base: Alert, ackSecond: number | null, resolveSecond: number | null, resolvedBy: string | null = null): AlertEvent[] {
  const events: AlertEvent[] = [{ kind: 'raised', alert: base }];
  let current = base;
  if (ackSecond !== null) {
    current = { ...current, state: 'assigned', acknowledgedAt: at(ackSecond), acknowledgedBy: 'sara', assignedTo: 'marta', assignedAt: at(ackSecond) };
    events.push({ kind: 'assigned', alert: current });
    for (const text of ['first', 'second']) {
      current = { ...current, comments: [...current.comments!, { at: at(ackSecond + 1), by: 'sara', text }] };
      events.push({ kind: 'commented', alert: current });
    }
  }
  if (resolveSecond !== null) events.push({ kind: 'resolved', alert: { ...current, state: 'resolved', resolvedAt: at(resolveSecond), resolvedBy } });
  return events;
}

describe.each(backends)('alert lifecycle and silences on $name', (backend) => {
  const opened = useStore(backend);
  let store: Store;
  // Known timings: MTTA and MTTR are their means.
  const a = alert('a', 'sales', 'critical', 0);
  const b = alert('b', 'sales', 'critical', 100);
  const c = alert('c', 'support', 'warning', 200);
  const timings = { a: { ack: 30, res: 90 }, b: { ack: 60, res: 300 } };

  beforeAll(async () => {
    store = opened.store();
    for (const event of [...life(a, timings.a.ack, timings.a.res, 'sara'), ...life(b, 100 + timings.b.ack, 100 + timings.b.res), ...life(c, null, null)]) {
      await store.alerts.record(event);
    }
  });

  it('keeps every transition, several comments included, and recording a raise again changes nothing', async () => {
    await store.alerts.record({ kind: 'raised', alert: a });
    const kinds = (await store.alerts.transitions('a')).map((e) => e.kind);
    expect(kinds).toEqual(['raised', 'assigned', 'commented', 'commented', 'resolved']);
  });

  it('filters the history by state, severity, rule, queue and period', async () => {
    const ids = async (query: Parameters<Store['alerts']['history']>[0]) => (await store.alerts.history(query)).map((x) => x.id).sort();
    expect(await ids({ state: 'resolved' })).toEqual(['a', 'b']);
    expect(await ids({ severity: 'warning' })).toEqual(['c']);
    expect(await ids({ ruleId: 'rule-critical' })).toEqual(['a', 'b']);
    expect(await ids({ within: [{ queues: ['support'], teams: [] }] })).toEqual(['c']);
    expect(await ids({ within: [{ queues: [], teams: [] }] })).toEqual([]);
    expect(await ids({ fromMs: T0 + 50_000, toMs: T0 + 150_000 })).toEqual(['b']);
    const latestA = (await store.alerts.history({ ruleId: 'rule-critical' })).find((x) => x.id === 'a')!;
    expect(latestA.comments!.map((x) => x.text)).toEqual(['first', 'second']);
  });

  it('computes MTTA and MTTR from the recorded times, per severity and per queue', async () => {
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const groups = await store.alerts.stats({ fromMs: T0, toMs: T0 + 3_600_000, by: 'severity' });
    expect(groups).toEqual([
      { key: 'critical', count: 2, acknowledged: 2, resolved: 2, mttaSeconds: mean([timings.a.ack, timings.b.ack]), mttrSeconds: mean([timings.a.res, timings.b.res]) },
      { key: 'warning', count: 1, acknowledged: 0, resolved: 0, mttaSeconds: null, mttrSeconds: null },
    ]);
    const byQueue = await store.alerts.stats({ fromMs: T0 + 50_000, toMs: T0 + 3_600_000, by: 'queue' });
    expect(byQueue.map((g) => [g.key, g.count, g.mttaSeconds])).toEqual([['sales', 1, timings.b.ack], ['support', 1, null]]);
  });

  it('active and hand-resolved alerts come back for the engine after a reopen', async () => {
    store = await opened.reopen();
    expect((await store.alerts.active()).map((x) => x.id)).toEqual(['c']);
    expect((await store.alerts.handResolved()).map((x) => x.id)).toEqual([]);
    // a was hand-resolved but b (same rule and scope) came after it and cleared by itself.
    const d = alert('d', 'vip', 'critical', 400);
    for (const event of life(d, 410, 420, 'sara')) await store.alerts.record(event);
    expect((await store.alerts.handResolved()).map((x) => x.id)).toEqual(['d']);
  });

  it('keeps silences across a reopen until they end, and removes one', async () => {
    const silence = { id: 's1', match: { queueId: 'sales' }, startsAt: at(0), endsAt: at(600), reason: 'maintenance', createdBy: 'sara' };
    await store.silences.create(silence);
    await store.silences.create({ ...silence, id: 's2', endsAt: at(60) });
    store = await opened.reopen();
    expect(await store.silences.active(T0 + 120_000)).toEqual([silence]);
    expect(await store.silences.remove('s1')).toBe(true);
    expect(await store.silences.remove('s1')).toBe(false);
    expect(await store.silences.active(T0)).toHaveLength(1);
  });
});
