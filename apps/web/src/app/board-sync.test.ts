import { beforeEach, describe, expect, it } from 'vitest';
import type { AgentSnapshot, AggregateSnapshot, Alert, QueueSnapshot, Snapshot, WindowMetrics } from '@plancia/contracts';
import { useAgentsStore } from '../stores/agents-store.js';
import { useAlertsStore } from '../features/alerts/stores/alerts-store.js';
import { useCentreStore } from '../stores/centre-store.js';
import { useQueuesStore } from '../stores/queues-store.js';
import { applyAlert, applyDelta, applySnapshot } from './board-sync.js';

const metrics = (serviceLevel: number | null): WindowMetrics => ({
  offered: 0, answered: 0, abandoned: 0, shortAbandoned: 0, transferredOut: 0, answeredWithinThreshold: 0,
  abandonedWithinThreshold: 0, settled: 0, serviceLevel, asa: null, maxWait: null, waitP50: null, waitP90: null,
  abandonRate: null, handled: 0, aht: null, avgTalk: null, avgWrapUp: null, occupancy: null,
  tickets: { created: 0, firstResponses: 0, firstResponsesInTarget: 0, firstResponseAttainment: null, solved: 0, solvedInTarget: 0, resolutionAttainment: null },
  surveys: { responses: 0, csat: null, csatMean: null, nps: null, cesMean: null, fcr: null },
});
const live = (waiting: number) => ({
  waiting, longestWaitSince: null, agents: { available: 0, on_contact: 0, wrap_up: 0, not_ready: 0, offline: 0 }, tickets: { open: 0, breached: 0, atRisk: 0 },
});
const windows = (sl: number | null) => ({ rolling: metrics(sl), interval: metrics(sl), today: metrics(sl) });
const queue = (queueId: string, waiting: number): QueueSnapshot => ({
  queueId, name: queueId, channel: 'voice', teamId: null, serviceLevelTarget: 0.8, thresholdSeconds: 20, colours: { amberBelow: 0.8, redBelow: 0.7 }, status: { level: 'ok', band: 'green', alerts: [] },
  live: live(waiting), windows: windows(0.9),
  staffing: { arrivalsPerHour: 0, ahtSeconds: null, required: null, staffed: 0, gap: null },
});
const centre = (waiting: number): AggregateSnapshot => ({ key: 'centre', live: live(waiting), windows: windows(null) });
const agent = (agentId: string): AgentSnapshot => ({ agentId, name: agentId, teamId: null, queueIds: [], state: 'available', reason: null, since: '2026-03-02T09:00:00Z', contactId: null, conflicts: 0 });
const alert = (id: string, state: Alert['state']): Alert => ({
  id, ruleId: 'r', ruleName: 'Long wait', metric: 'longestWaitSeconds', scope: { kind: 'queue', id: 'sales' }, window: 'live',
  severity: 'critical', state, value: 50, threshold: 40, raisedAt: '2026-03-02T09:00:00Z', acknowledgedAt: null, acknowledgedBy: null, note: null, resolvedAt: null,
});
const snapshot = (seq: number, queues: QueueSnapshot[], agents: AgentSnapshot[], alerts: Alert[] = []): Snapshot => ({
  generatedAt: '2026-03-02T10:00:00Z', seq, centre: centre(0), channels: [], queues, teams: [], agents, alerts,
  bounds: { rollingMinutes: 15, intervalStart: '2026-03-02T10:00:00Z', intervalMinutes: 30, todayStart: '2026-03-01T23:00:00Z' },
  anomalies: { lateEvents: 0, orphanEvents: 0, staleContactsRemoved: 0, conflicts: 0 },
  waiting: [],
});

describe('board sync', () => {
  beforeEach(() => applySnapshot(snapshot(0, [], [])));

  it('replaces everything on a snapshot, so nothing from before a reconnect survives', () => {
    applySnapshot(snapshot(5, [queue('sales', 1), queue('care', 2)], [agent('a1'), agent('a2')]));
    applySnapshot(snapshot(9, [queue('care', 3)], [agent('a2')]));
    expect(useQueuesStore.getState().order).toEqual(['care']);
    expect(useQueuesStore.getState().byId.care?.live.waiting).toBe(3);
    expect(Object.keys(useAgentsStore.getState().byId)).toEqual(['a2']);
    expect(useCentreStore.getState().seq).toBe(9);
  });

  it("holds a TV's agent page: removals before entries, the total as it moves, and no page after a whole snapshot", () => {
    applySnapshot({ ...snapshot(5, [], [agent('b'), agent('c')]), agentPage: { offset: 1, limit: 2, total: 4 } });
    expect(useAgentsStore.getState().page).toEqual({ offset: 1, limit: 2, total: 4 });
    applyDelta({ seq: 6, generatedAt: '2026-03-02T10:00:01Z', removed: { agents: ['c', 'b'] }, agents: [agent('a2'), { ...agent('b'), state: 'on_contact' }], agentPage: { offset: 1, limit: 2, total: 5 } });
    expect(Object.keys(useAgentsStore.getState().byId).sort()).toEqual(['a2', 'b']);
    expect(useAgentsStore.getState().byId.b?.state).toBe('on_contact');
    expect(useAgentsStore.getState().page?.total).toBe(5);
    applySnapshot(snapshot(7, [], [agent('a1')]));
    expect(useAgentsStore.getState().page).toBeNull();
  });

  it('applies newer changes entry by entry and ignores those a snapshot already holds', () => {
    applySnapshot(snapshot(5, [queue('sales', 1), queue('care', 2)], [agent('a1'), agent('a2')]));
    applyDelta({ seq: 4, generatedAt: '2026-03-02T10:00:01Z', queues: [queue('sales', 40)] });
    expect(useQueuesStore.getState().byId.sales?.live.waiting).toBe(1);
    applyDelta({ seq: 6, generatedAt: '2026-03-02T10:00:02Z', queues: [queue('sales', 7)], agents: [{ ...agent('a1'), state: 'on_contact' }], centre: centre(9) });
    expect(useQueuesStore.getState().byId.sales?.live.waiting).toBe(7);
    expect(useQueuesStore.getState().byId.care?.live.waiting).toBe(2);
    expect(useAgentsStore.getState().byId.a1?.state).toBe('on_contact');
    expect(useCentreStore.getState().centre?.live.waiting).toBe(9);
  });

  it('flashes a critical alert raised live until it is acknowledged, and drops it once resolved', () => {
    applyAlert({ kind: 'raised', alert: alert('x', 'raised') });
    expect(useAlertsStore.getState().fresh).toEqual({ x: true });
    applyAlert({ kind: 'acknowledged', alert: { ...alert('x', 'acknowledged'), acknowledgedBy: 'Anna' } });
    expect(useAlertsStore.getState().fresh).toEqual({});
    expect(useAlertsStore.getState().active.x?.acknowledgedBy).toBe('Anna');
    applyAlert({ kind: 'resolved', alert: alert('x', 'resolved') });
    expect(useAlertsStore.getState().active).toEqual({});
    expect(useAlertsStore.getState().resolved.map((a) => a.id)).toEqual(['x']);
  });
});

describe('board sync of the waiting list', () => {
  it('replaces every list on a snapshot and a queue\'s whole list on a change', async () => {
    const { useWaitingStore } = await import('../features/waiting-list/stores/waiting-store.js');
    const contact = (contactId: string) => ({ contactId, channel: 'voice' as const, since: '2026-03-02T09:59:00Z', priority: 0, position: 1, caller: null, vip: false });
    applySnapshot({ ...snapshot(1, [], []), waiting: [{ queueId: 'sales', channel: 'voice', teamId: null, contacts: [contact('c1')], total: 1 }] });
    expect(useWaitingStore.getState().byQueue.sales?.contacts.map((c) => c.contactId)).toEqual(['c1']);
    applyDelta({ seq: 2, generatedAt: '2026-03-02T10:00:01Z', waiting: [{ queueId: 'sales', channel: 'voice', teamId: null, contacts: [], total: 0 }] });
    expect(useWaitingStore.getState().byQueue.sales?.contacts).toEqual([]);
    applySnapshot(snapshot(3, [], []));
    expect(useWaitingStore.getState().byQueue).toEqual({});
  });
});
