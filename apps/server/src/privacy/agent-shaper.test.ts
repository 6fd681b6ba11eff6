import { describe, expect, it } from 'vitest';
import { Value } from '@sinclair/typebox/value';
import { AlertEvent, DEFAULT_SETTINGS, Delta, Snapshot, defaultQueueConfig, type AlertRule, type TimedEvent } from '@plancia/contracts';
import { createEngine, type EngineConfig } from '@plancia/engine';
import { agentShaper } from './agent-shaper.js';
import { agentPseudonym } from './agent-pseudonym.js';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const at = (seconds: number) => T0 + seconds * 1000;
const KEY = 'tenant-key-0123456789abcdef';

// Ids and names chosen so that a leak is found by a plain text search of the serialised output.
const AGENTS = [
  { agentId: 'agent-mrossi-4411', name: 'Marta Rossi', teamId: 'blue' },
  { agentId: 'agent-gverdi-4412', name: 'Giulio Verdi', teamId: 'blue' },
  { agentId: 'agent-lbianchi-4413', name: 'Lucia Bianchi', teamId: 'red' },
];
const SECRETS = AGENTS.flatMap((a) => [a.agentId, a.name]);

const pausedTooLong: AlertRule = {
  id: 'nr', name: 'Paused too long', metric: 'agentNotReadySeconds', scope: { kind: 'agent' }, window: 'live',
  comparison: 'gt', threshold: 60, forSeconds: 0, severity: 'warning', enabled: true,
};

let counter = 0;
function event(type: TimedEvent['type'], seconds: number, data: Record<string, unknown>): TimedEvent {
  const timeMs = at(seconds);
  return { specversion: '1.0', id: `e${++counter}`, source: 'test', type, time: new Date(timeMs).toISOString(), timeMs, data } as TimedEvent;
}

/** A small floor run through the real engine: agents on calls and paused, a caller waiting, an agent alert raised. */
function floor() {
  const config: EngineConfig = {
    settings: DEFAULT_SETTINGS, queues: [defaultQueueConfig('sales', 'voice'), defaultQueueConfig('care', 'voice')],
    calendars: [], alertRules: [pausedTooLong], agents: AGENTS,
  };
  const engine = createEngine(config, T0);
  engine.apply([
    event('agent.state', 0, { agentId: AGENTS[0]!.agentId, state: 'available', queueIds: ['sales'] }),
    event('agent.state', 0, { agentId: AGENTS[1]!.agentId, state: 'not_ready', reason: 'Pausa', queueIds: ['sales', 'care'] }),
    event('agent.state', 0, { agentId: AGENTS[2]!.agentId, state: 'available', queueIds: ['care'] }),
    event('contact.queued', 1, { contactId: 'c1', queueId: 'sales', channel: 'voice' }),
    event('contact.answered', 5, { contactId: 'c1', agentId: AGENTS[0]!.agentId }),
    event('contact.queued', 6, { contactId: 'c2', queueId: 'care', channel: 'voice' }),
  ], at(6));
  engine.drainDelta(at(6));
  engine.tick(at(70));
  const alertEvents = engine.drainAlertEvents();
  const agentAlert = alertEvents.find((e) => e.alert.scope.kind === 'agent')!;
  engine.apply([event('contact.answered', 71, { contactId: 'c2', agentId: AGENTS[2]!.agentId })], at(71));
  const delta = engine.drainDelta(at(71))!;
  const snapshot = engine.snapshot(at(71));
  return { engine, snapshot, delta, alertEvents, agentAlert };
}

const leaks = (value: unknown) => SECRETS.filter((secret) => JSON.stringify(value).includes(secret));

describe('the fixture', () => {
  it('is a real board that names every agent, with an alert on one, within the contract', () => {
    const { snapshot, delta, alertEvents } = floor();
    expect(Value.Check(Snapshot, snapshot)).toBe(true);
    expect(Value.Check(Delta, delta)).toBe(true);
    expect(alertEvents.every((e) => Value.Check(AlertEvent, e))).toBe(true);
    expect(leaks(snapshot)).toEqual(expect.arrayContaining(SECRETS));
    expect(delta.agents?.length).toBeGreaterThan(0);
    expect(alertEvents.filter((e) => e.alert.scope.kind === 'agent')).toMatchObject([{ kind: 'raised', alert: { scope: { kind: 'agent', id: AGENTS[1]!.agentId } } }]);
    expect(alertEvents.some((e) => e.alert.scope.kind === 'queue')).toBe(true);
    expect(snapshot.alerts.filter((a) => a.scope.kind === 'agent')).toHaveLength(1);
  });
});

describe('off', () => {
  const shaper = agentShaper('off', KEY);

  it('sends no agent id or name anywhere: snapshot, change, alert', () => {
    const { snapshot, delta, alertEvents, agentAlert } = floor();
    const shaped = shaper.snapshot(snapshot);
    expect(shaped.agents).toEqual([]);
    expect(shaped.alerts.some((a) => a.scope.kind === 'agent')).toBe(false);
    expect(leaks(shaped)).toEqual([]);
    expect(leaks(shaper.delta(delta))).toEqual([]);
    const shownEvents = alertEvents.map((e) => shaper.alertEvent(e));
    expect(leaks(shownEvents)).toEqual([]);
    expect(shownEvents.filter((e) => e === null)).toHaveLength(1);
    expect(shaper.alertEvent(agentAlert)).toBeNull();
    expect(shaper.alert(agentAlert.alert)).toBeNull();
    expect(shaped.alerts.length).toBe(snapshot.alerts.length - 1);
    expect(Value.Check(Snapshot, shaped)).toBe(true);
  });

  it('keeps the counts per queue, team and centre', () => {
    const { snapshot } = floor();
    const shaped = shaper.snapshot(snapshot);
    expect(shaped.queues).toEqual(snapshot.queues);
    expect(shaped.teams).toEqual(snapshot.teams);
    expect(shaped.centre).toEqual(snapshot.centre);
    expect(shaped.centre!.live.agents.on_contact).toBe(2);
  });

  it('drops the agents slice of a change, and the whole change when nothing else is in it', () => {
    const { delta } = floor();
    const shaped = shaper.delta(delta);
    expect(shaped).not.toHaveProperty('agents');
    expect(shaped!.queues).toEqual(delta.queues);
    const onlyAgents: Delta = { seq: 9, generatedAt: delta.generatedAt, agents: delta.agents! };
    expect(shaper.delta(onlyAgents)).toBeNull();
    const noAgents: Delta = { seq: 9, generatedAt: delta.generatedAt, teams: delta.teams ?? [] };
    expect(shaper.delta(noAgents)).toBe(noAgents);
  });

  it('keeps alerts that are not about one agent', () => {
    const { snapshot } = floor();
    const queueAlert = { ...snapshot.alerts[0]!, id: 'q:sales:x', scope: { kind: 'queue' as const, id: 'sales' } };
    expect(shaper.alert(queueAlert)).toBe(queueAlert);
    expect(shaper.alertEvent({ kind: 'raised', alert: queueAlert })).toEqual({ kind: 'raised', alert: queueAlert });
  });

  it('maps no shown id to an agent alert', () => {
    const { agentAlert } = floor();
    const real = agentAlert.alert;
    expect(shaper.realAlertId(real.id, [real])).toBeUndefined();
    expect(shaper.realAlertId('sales:longest-wait:x', [real])).toBe('sales:longest-wait:x');
  });

  it('leaves its input as it was (the engine keeps its entries)', () => {
    const { snapshot, delta } = floor();
    const before = JSON.stringify([snapshot, delta]);
    shaper.snapshot(snapshot);
    shaper.delta(delta);
    expect(JSON.stringify([snapshot, delta])).toBe(before);
  });
});

describe('pseudonymous', () => {
  const shaper = agentShaper('pseudonymous', KEY);

  it('names each agent by a stable keyed pseudonym, never by id or name', () => {
    const { snapshot, delta, alertEvents } = floor();
    const shaped = shaper.snapshot(snapshot);
    expect(leaks(shaped)).toEqual([]);
    expect(leaks(shaper.delta(delta))).toEqual([]);
    expect(leaks(alertEvents.map((e) => shaper.alertEvent(e)))).toEqual([]);
    expect(Value.Check(Snapshot, shaped)).toBe(true);
    for (const agent of shaped.agents) {
      expect(agent.agentId).toMatch(/^A-[0-9A-HJKMNP-TV-Z]{8}$/);
      expect(agent.name).toBe(agent.agentId);
    }
    expect(new Set(shaped.agents.map((a) => a.agentId)).size).toBe(AGENTS.length);
  });

  it('keeps what the board shows of each agent but who it is: state, reason, time, queues, team, contact', () => {
    const { snapshot } = floor();
    const shaped = shaper.snapshot(snapshot);
    const strip = ({ agentId: _id, name: _name, ...rest }: (typeof snapshot.agents)[number]) => rest;
    expect(shaped.agents.map(strip)).toEqual(snapshot.agents.map(strip));
    expect(shaped.agents.map((a) => a.contactId).filter(Boolean).sort()).toEqual(['c1', 'c2']);
  });

  it('gives an agent the same pseudonym in the snapshot, in changes, in alerts and in another shaper of the same key', () => {
    const { snapshot, delta, agentAlert } = floor();
    const paused = AGENTS[1]!.agentId;
    const pseudonym = agentPseudonym(KEY, paused);
    expect(shaper.snapshot(snapshot).agents.map((a) => a.agentId)).toContain(pseudonym);
    expect(shaper.delta(delta)!.agents!.map((a) => a.agentId)).toContain(agentPseudonym(KEY, AGENTS[2]!.agentId));
    expect(shaper.alertEvent(agentAlert)!.alert.scope).toEqual({ kind: 'agent', id: pseudonym, name: pseudonym });
    expect(agentShaper('pseudonymous', KEY).snapshot(snapshot)).toEqual(shaper.snapshot(snapshot));
    expect(agentPseudonym('another tenant key', paused)).not.toBe(pseudonym);
  });

  it('rewrites an agent alert\'s id consistently, and maps the shown id back to the engine\'s', () => {
    const { snapshot, agentAlert } = floor();
    const real = agentAlert.alert;
    const shown = shaper.alert(real)!;
    expect(shown.id).toBe(`nr:${agentPseudonym(KEY, AGENTS[1]!.agentId)}:${real.raisedAt}`);
    expect(shaper.snapshot(snapshot).alerts.map((a) => a.id)).toContain(shown.id);
    expect(shaper.realAlertId(shown.id, snapshot.alerts)).toBe(real.id);
    // The real id would confirm who it is about: it is not taken.
    expect(shaper.realAlertId(real.id, snapshot.alerts)).toBeUndefined();
    expect(shaper.realAlertId('sales:longest-wait:x', snapshot.alerts)).toBe('sales:longest-wait:x');
  });

  it('leaves changes without agents and alerts on queues as they are', () => {
    const { delta, snapshot } = floor();
    const noAgents: Delta = { seq: 9, generatedAt: delta.generatedAt, queues: delta.queues ?? [] };
    expect(shaper.delta(noAgents)).toBe(noAgents);
    const queueAlert = { ...snapshot.alerts[0]!, id: 'q:sales:x', scope: { kind: 'queue' as const, id: 'sales' } };
    expect(shaper.alert(queueAlert)).toBe(queueAlert);
  });
});

describe('named', () => {
  it('is the engine\'s output as it is', () => {
    const shaper = agentShaper('named', KEY);
    const { snapshot, delta, alertEvents } = floor();
    expect(shaper.snapshot(snapshot)).toBe(snapshot);
    expect(shaper.delta(delta)).toBe(delta);
    expect(shaper.alertEvent(alertEvents[0]!)).toBe(alertEvents[0]);
    expect(shaper.realAlertId(alertEvents[0]!.alert.id, [])).toBe(alertEvents[0]!.alert.id);
  });
});

describe('agents today under each mode', () => {
  it('travels with its agent under the pseudonym and as it is when named; off sends no agent and so no figures of one', () => {
    const { snapshot, delta } = floor();
    const answering = snapshot.agents.find((a) => a.agentId === AGENTS[0]!.agentId)!;
    expect(answering.today).toMatchObject({ answered: 1, stateCounts: { on_contact: 1 } });
    const pseudonym = agentPseudonym(KEY, AGENTS[0]!.agentId);
    const shown = agentShaper('pseudonymous', KEY).snapshot(snapshot).agents.find((a) => a.agentId === pseudonym)!;
    expect(shown.today).toEqual(answering.today);
    expect(agentShaper('named', KEY).snapshot(snapshot).agents).toContainEqual(answering);
    const off = agentShaper('off', KEY);
    expect(off.snapshot(snapshot).agents).toEqual([]);
    expect(delta.agents?.some((a) => a.today !== undefined)).toBe(true);
    expect(off.delta(delta)).not.toHaveProperty('agents');
  });

  it('the waiting list names no agent in any mode', () => {
    const { snapshot } = floor();
    expect(snapshot.waiting.map((w) => [w.queueId, w.contacts.length])).toEqual([['care', 0], ['sales', 0]]);
    for (const mode of ['off', 'pseudonymous', 'named'] as const) expect(leaks(agentShaper(mode, KEY).snapshot(snapshot).waiting)).toEqual([]);
  });
});
