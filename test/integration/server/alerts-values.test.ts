import { describe, expect, it } from 'vitest';
import type { Alert, AlertRule } from '@plancia/contracts';
import { backends, NAMED_AGENTS, useServer } from '../helpers/plancia-server.js';
import { postEvents, queued, wireEvent } from '../helpers/events.js';
import { isAlert, isSnapshot, openBoard, type Received } from '../push/board-client.js';

const manyWaiting: AlertRule = {
  id: 'values-many-waiting', name: 'More than two waiting', metric: 'waiting', scope: { kind: 'queue', id: 'values' },
  window: 'live', comparison: 'gt', threshold: 2, forSeconds: 0, severity: 'warning', enabled: true,
};
const pausedAgent: AlertRule = {
  id: 'values-paused', name: 'Paused a moment', metric: 'agentNotReadySeconds', scope: { kind: 'agent' },
  window: 'live', comparison: 'gt', threshold: 1, forSeconds: 0, severity: 'warning', enabled: true,
};

async function putRule(url: string, rule: AlertRule): Promise<void> {
  const reply = await fetch(`${url}/api/v1/alert-rules/${rule.id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rule) });
  expect(reply.status).toBeLessThan(300);
}

async function post(url: string, events: unknown[]): Promise<void> {
  expect((await postEvents(url, JSON.stringify(events))).status).toBe(202);
}

/** What a board shows for an alert: the last alert event it heard about it, over the snapshot it started from. */
function shown(received: Received[], ruleId: string): Alert | undefined {
  let alert: Alert | undefined;
  for (const m of received) {
    if (m.kind === 'snapshot') alert = m.snapshot.alerts.find((a) => a.ruleId === ruleId);
    if (m.kind === 'alert' && m.event.alert.ruleId === ruleId) alert = m.event.kind === 'resolved' ? undefined : m.event.alert;
  }
  return alert;
}

describe.each(backends)('open alert values on boards, on $name', (backend) => {
  const server = useServer({ ...NAMED_AGENTS, PLANCIA_TICK_MS: '50' }, backend);

  it('a board left open shows the same current value as a board loaded later', async () => {
    const url = server().url;
    await putRule(url, manyWaiting);
    const early = openBoard(url);
    await early.waitFor(isSnapshot);
    await post(url, [queued('v1', 'values'), queued('v2', 'values'), queued('v3', 'values')]);
    await early.waitFor((m): m is Extract<Received, { kind: 'alert' }> => isAlert(m) && m.event.kind === 'raised' && m.event.alert.ruleId === manyWaiting.id);
    expect(shown(early.received, manyWaiting.id)?.value).toBe(3);

    await post(url, [queued('v4', 'values'), queued('v5', 'values')]);
    const updated = await early.waitFor((m): m is Extract<Received, { kind: 'alert' }> => isAlert(m) && m.event.kind === 'updated' && m.event.alert.value === 5);
    expect(updated.event.alert.ruleId).toBe(manyWaiting.id);

    const late = openBoard(url);
    await late.waitFor(isSnapshot);
    const [left, loaded] = [shown(early.received, manyWaiting.id), shown(late.received, manyWaiting.id)];
    expect(loaded).toMatchObject({ value: 5, threshold: 2 });
    expect(left).toEqual(loaded);
    early.close();
    late.close();
  });

  it('an agent alert carries the agent\'s name to the board', async () => {
    const url = server().url;
    await putRule(url, pausedAgent);
    const board = openBoard(url);
    await board.waitFor(isSnapshot);
    await post(url, [wireEvent('agent.state', 'values-ag', { agentId: 'ag-027', name: 'Marta Rossi', state: 'not_ready', queueIds: ['values'] }, Date.now() - 5000)]);
    const raised = await board.waitFor((m): m is Extract<Received, { kind: 'alert' }> => isAlert(m) && m.event.alert.ruleId === pausedAgent.id);
    expect(raised.event.alert.scope).toEqual({ kind: 'agent', id: 'ag-027', name: 'Marta Rossi' });
    board.close();
  });
});
