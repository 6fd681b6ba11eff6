import { beforeAll, describe, expect, it } from 'vitest';
import type { Alert, AlertEvent, WindowMetrics } from '@plancia/contracts';
import type { Store } from '@plancia/store';
import { backends } from './backends.js';
import { useStore } from './suite.js';

function alert(id: string, raisedAt: string): Alert {
  return {
    id, ruleId: 'sales:sl-warning', ruleName: 'Service level below target', metric: 'serviceLevel',
    scope: { kind: 'queue', id: 'sales' }, window: 'rolling', severity: 'warning', state: 'raised', value: 0.7,
    threshold: 0.8, raisedAt, acknowledgedAt: null, acknowledgedBy: null, note: null, resolvedAt: null,
  };
}

const raised = (a: Alert): AlertEvent => ({ kind: 'raised', alert: a });
const acknowledged = (a: Alert, at: string): AlertEvent => ({
  kind: 'acknowledged', alert: { ...a, state: 'acknowledged', acknowledgedAt: at, acknowledgedBy: 'sup', note: 'on it' },
});
const resolved = (a: Alert, at: string): AlertEvent => ({ kind: 'resolved', alert: { ...a, state: 'resolved', resolvedAt: at } });

function metrics(offered: number): WindowMetrics {
  return {
    offered, answered: offered, abandoned: 0, shortAbandoned: 0, transferredOut: 0, answeredWithinThreshold: offered,
    abandonedWithinThreshold: 0, settled: offered, serviceLevel: offered > 0 ? 1 : null, asa: 4.5, maxWait: 9, waitP50: 4,
    waitP90: 8, abandonRate: 0, handled: offered, aht: 240, avgTalk: 200, avgWrapUp: 40, occupancy: 0.8,
    tickets: { created: 0, firstResponses: 0, firstResponsesInTarget: 0, firstResponseAttainment: null, solved: 0, solvedInTarget: 0, resolutionAttainment: null },
    surveys: { responses: 0, csat: null, csatMean: null, nps: null, cesMean: null, fcr: null },
  };
}

describe.each(backends)('alerts, audit and intervals on $name', (backend) => {
  const opened = useStore(backend);
  let store: Store;
  beforeAll(() => {
    store = opened.store();
  });

  const first = alert('a-1', '2026-03-02T09:00:00.000Z');
  const second = alert('a-2', '2026-03-02T09:05:00.000Z');
  const third = alert('a-3', '2026-03-02T09:10:00.000Z');

  it('follows each alert to its latest state: active until resolved', async () => {
    await store.alerts.record(raised(first));
    await store.alerts.record(raised(second));
    await store.alerts.record(raised(third));
    await store.alerts.record(acknowledged(second, '2026-03-02T09:06:00.000Z'));
    await store.alerts.record(resolved(first, '2026-03-02T09:20:00.000Z'));
    // A replay after a restart raises the same alert again: nothing changes.
    await store.alerts.record(raised(first));

    const active = await store.alerts.active();
    expect(active.map((a) => [a.id, a.state])).toEqual([['a-2', 'acknowledged'], ['a-3', 'raised']]);
    expect(active[0]?.note).toBe('on it');
  });

  it('lists alert history by latest transition, newest first, from an instant and up to a limit', async () => {
    const all = await store.alerts.history({});
    expect(all.map((a) => [a.id, a.state])).toEqual([['a-1', 'resolved'], ['a-3', 'raised'], ['a-2', 'acknowledged']]);
    expect((await store.alerts.history({ limit: 1 })).map((a) => a.id)).toEqual(['a-1']);
    const since = Date.parse('2026-03-02T09:08:00.000Z');
    expect((await store.alerts.history({ sinceMs: since })).map((a) => a.id)).toEqual(['a-1', 'a-3']);
  });

  it('keeps an audit trail of who changed what, newest first', async () => {
    const at = Date.parse('2026-03-02T10:00:00.000Z');
    await store.audit.record({ actor: 'admin', action: 'queue.put', resource: 'queues/sales', before: null, after: { name: 'Sales' }, atMs: at });
    await store.audit.record({ actor: 'admin', action: 'queue.delete', resource: 'queues/sales', before: { name: 'Sales' }, after: undefined, atMs: at + 60_000 });

    const entries = await store.audit.list({});
    expect(entries.map((e) => e.action)).toEqual(['queue.delete', 'queue.put']);
    expect(entries[0]).toMatchObject({ actor: 'admin', resource: 'queues/sales', before: { name: 'Sales' }, after: null, at: '2026-03-02T10:01:00.000Z' });
    expect(entries[1]).toMatchObject({ before: null, after: { name: 'Sales' } });
    expect((await store.audit.list({ sinceMs: at + 1 })).map((e) => e.action)).toEqual(['queue.delete']);
    expect(await store.audit.list({ limit: 1 })).toHaveLength(1);
    // The next page of a reader that filters: entries older than the last one it was given.
    const [newest] = await store.audit.list({ limit: 1 });
    expect((await store.audit.list({ beforeId: newest!.id })).map((e) => e.action)).toEqual(['queue.put']);
  });

  it('stores closed intervals per queue and replaces a recomputed one', async () => {
    const interval = (start: string, offered: number, queueId = 'sales') => ({ queueId, intervalStart: start, intervalMinutes: 30, metrics: metrics(offered) });
    await store.intervals.save([
      interval('2026-03-02T09:30:00.000Z', 12), interval('2026-03-02T09:00:00.000Z', 10), interval('2026-03-02T09:00:00.000Z', 3, 'chat'),
    ]);
    await store.intervals.save([interval('2026-03-02T09:00:00.000Z', 11), interval('2026-03-02T09:00:00.000Z', 13)]);

    const from = Date.parse('2026-03-02T09:00:00.000Z');
    const sales = await store.intervals.list('sales', from, from + 3_600_000);
    expect(sales).toEqual([interval('2026-03-02T09:00:00.000Z', 13), interval('2026-03-02T09:30:00.000Z', 12)]);
    expect(await store.intervals.list('sales', from, from + 1_800_000)).toHaveLength(1);
    expect(await store.intervals.list('chat', from, from + 1_800_000)).toEqual([interval('2026-03-02T09:00:00.000Z', 3, 'chat')]);
  });
});
