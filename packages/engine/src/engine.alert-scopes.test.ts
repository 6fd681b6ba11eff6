import { describe, expect, it } from 'vitest';
import type { AlertRule } from '@plancia/contracts';
import { config, createEngineAt, ev, queue, s } from './engine-test-kit.js';

const unstaffed = (events: { alert: { ruleId: string } }[], queueId: string) => events.filter((e) => e.alert.ruleId === `${queueId}:queue-unstaffed`);
const two = () => config([queue('q1'), queue('q2')]);

describe('"Callers waiting with no agent available" (default rule)', () => {
  it('fires on a queue whose own agents are none available, while another queue\'s agent is', () => {
    const e = createEngineAt(two());
    e.apply([
      ev.agent('a1', s(0), 'available', { queueIds: ['q2'] }),
      ev.agent('a2', s(0), 'not_ready', { queueIds: ['q1'] }),
      ev.queued('c1', s(1), 'q1'),
    ], s(1));
    e.tick(s(30));
    expect(unstaffed(e.drainAlertEvents(), 'q1')).toEqual([]);
    e.tick(s(31)); // held for forSeconds = 30 s
    expect(unstaffed(e.drainAlertEvents(), 'q1')).toMatchObject([{ kind: 'raised', alert: { value: 1, threshold: 0, scope: { id: 'q1' } } }]);
  });

  it('does not fire while one of the queue\'s own agents is available, however many wait', () => {
    const e = createEngineAt(two());
    const callers = Array.from({ length: 8 }, (_, i) => ev.queued(`c${i}`, s(1), 'q1'));
    e.apply([ev.agent('a1', s(0), 'available', { queueIds: ['q1'] }), ev.agent('a2', s(0), 'not_ready', { queueIds: ['q2'] }), ...callers], s(1));
    e.tick(s(60));
    expect(unstaffed(e.drainAlertEvents(), 'q1')).toEqual([]);
  });

  it('counts a pause by queue membership: paused in this queue, available in another, is not available here', () => {
    const e = createEngineAt(two());
    const memberships = [{ queueId: 'q1', state: 'not_ready', reason: 'Solo q2' }, { queueId: 'q2', state: 'available' }];
    e.apply([ev.agent('a1', s(0), 'available', { queueIds: ['q1', 'q2'], memberships }), ev.queued('c1', s(1), 'q1'), ev.queued('c2', s(1), 'q2')], s(1));
    e.tick(s(40));
    const raised = e.drainAlertEvents().filter((a) => a.alert.ruleId.endsWith(':queue-unstaffed')).map((a) => a.alert.scope.id);
    expect(raised).toEqual(['q1']);
  });
});

describe('alert scope names', () => {
  const notReady: AlertRule = {
    id: 'nr', name: 'Paused too long', metric: 'agentNotReadySeconds', scope: { kind: 'agent' }, window: 'live',
    comparison: 'gt', threshold: 60, forSeconds: 0, severity: 'warning', enabled: true,
  };

  it('names the agent as the board does, and follows a name that arrives later', () => {
    const e = createEngineAt(config([queue('q1')], { alertRules: [notReady] }));
    e.apply([ev.agent('ag-027', s(0), 'not_ready', { name: 'Marta Rossi' })], s(0));
    e.tick(s(61));
    expect(e.drainAlertEvents()).toMatchObject([{ kind: 'raised', alert: { scope: { kind: 'agent', id: 'ag-027', name: 'Marta Rossi' } } }]);
    e.apply([ev.agent('ag-027', s(62), 'not_ready', { name: 'Marta Bianchi' })], s(62));
    e.tick(s(63));
    expect(e.snapshot(s(63)).alerts[0]!.scope.name).toBe('Marta Bianchi');
  });

  it('names a queue alert by the queue\'s name', () => {
    const e = createEngineAt(config([queue('q1', {}, { name: 'Vendite' })]));
    e.apply([ev.queued('c1', s(0))], s(0));
    e.tick(s(41));
    expect(e.drainAlertEvents().find((a) => a.alert.ruleId === 'q1:longest-wait')?.alert.scope).toEqual({ kind: 'queue', id: 'q1', name: 'Vendite' });
  });
});

describe('open alert values', () => {
  it('are handed out as they move, once per shown step, and the snapshot shows the same', () => {
    const e = createEngineAt(config([queue('q1')]));
    e.apply([ev.queued('c1', s(0))], s(0));
    e.tick(s(41));
    const raised = e.drainAlertEvents().find((a) => a.alert.ruleId === 'q1:longest-wait')!.alert;
    expect(raised.value).toBe(41);
    e.drainAlertUpdates();
    e.tick(s(41.5));
    expect(e.drainAlertUpdates().filter((a) => a.id === raised.id)).toEqual([]);
    e.tick(s(154.2));
    const [updated] = e.drainAlertUpdates().filter((a) => a.id === raised.id);
    expect(updated).toMatchObject({ id: raised.id, value: 154, raisedAt: raised.raisedAt });
    expect(e.snapshot(s(154.2)).alerts.find((a) => a.id === raised.id)).toEqual(updated);
  });
});
