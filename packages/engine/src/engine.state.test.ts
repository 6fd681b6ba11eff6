import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AlertRule, TimedEvent } from '@plancia/contracts';
import { config, contactEnding, createEngineAt, ev, queue, s, T0, type ContactOutcome } from './engine-test-kit.js';
import { createEngine, type Engine } from './engine.js';
import { ENGINE_STATE_VERSION, type EngineState } from './state/engine-state.js';
import { StateMismatchError } from './state/state-graph.js';

const slRule: AlertRule = {
  id: 'sl', name: 'SL low', metric: 'serviceLevel', scope: { kind: 'queue', id: 'q1' }, window: 'rolling',
  comparison: 'lt', threshold: 0.8, clearThreshold: 0.85, forSeconds: 20, severity: 'critical', enabled: true,
};
const cfg = () => config([queue('q1'), queue('q2', { abandonPolicy: 'positive' }, { channel: 'chat' })], { alertRules: [slRule] });

let ids = 0;
const other = (type: TimedEvent['type'], at: number, data: Record<string, unknown>): TimedEvent =>
  ({ specversion: '1.0', id: `x${++ids}`, source: 'state-test', type, time: new Date(at).toISOString(), timeMs: at, data }) as TimedEvent;

/** `late`: a second completion of the contact (a contradiction, counted) arrives after every other event, the contact long finished. */
interface Plan { queue: 'q1' | 'q2'; start: number; wait: number; outcome: ContactOutcome; talk: number; wrap: number | null; agent: number; extra: 'none' | 'ticket' | 'survey' | 'pause' | 'late' }

const plan: fc.Arbitrary<Plan> = fc.record({
  queue: fc.constantFrom('q1' as const, 'q2' as const),
  // Spread over 40 minutes: rolling windows expire and a 30-minute interval closes on the way.
  start: fc.integer({ min: 0, max: 2_400_000 }),
  wait: fc.integer({ min: 0, max: 60_000 }),
  outcome: fc.constantFrom<ContactOutcome>('answered', 'answered', 'abandoned', 'waiting', 'transferred'),
  talk: fc.integer({ min: 1, max: 120_000 }),
  wrap: fc.option(fc.integer({ min: 0, max: 20_000 })),
  agent: fc.integer({ min: 0, max: 3 }),
  extra: fc.constantFrom('none' as const, 'ticket' as const, 'survey' as const, 'pause' as const, 'late' as const),
});

function eventsOf(plans: Plan[]): TimedEvent[] {
  const late: TimedEvent[] = [];
  const events = plans.flatMap((p, i) => {
    const t = s(0) + p.start;
    const agent = `a${p.agent}`;
    const out: TimedEvent[] = [ev.agent(agent, t, 'available', { queueIds: ['q1', 'q2'] }), ev.queued(`c${i}`, t, p.queue, p.queue === 'q1' ? 'voice' : 'chat')];
    const ending = contactEnding(`c${i}`, t, agent, p);
    out.push(...ending);
    if (p.extra === 'late') late.push(ev.completed(`c${i}`, (ending.at(-1)?.timeMs ?? t) + 1));
    if (p.extra === 'ticket') out.push(other('ticket.created', t, { ticketId: `t${i}`, queueId: p.queue }), other('ticket.solved', t + p.talk, { ticketId: `t${i}` }));
    if (p.extra === 'survey') out.push(ev.survey(t + p.wait, { contactId: `c${i}`, queueId: p.queue, csat: 1 + (i % 5) }));
    if (p.extra === 'pause') out.push(ev.agent(agent, t + p.wait + 1, 'not_ready', { queueIds: ['q1', 'q2'], reason: 'break' }));
    return out;
  }).sort((a, b) => a.timeMs - b.timeMs);
  return [...events, ...late];
}

/** The engine's life as a server lives it: batches as they arrive, ticks, and people acting on alerts. */
interface Step { events: TimedEvent[]; atMs: number; acknowledge: boolean }

function stepsOf(events: TimedEvent[], cuts: number[], acks: boolean[]): Step[] {
  const steps: Step[] = [];
  let from = 0;
  for (const [j, cut] of [...new Set(cuts.map((c) => Math.floor(c * events.length)))].sort((a, b) => a - b).concat(events.length).entries()) {
    const batch = events.slice(from, cut);
    from = cut;
    const atMs = Math.max(batch.at(-1)?.timeMs ?? T0, steps.at(-1)?.atMs ?? T0) + 5_000;
    steps.push({ events: batch, atMs, acknowledge: acks[j % acks.length]! });
  }
  return steps;
}

/** Everything a step makes the engine say; what the server publishes and stores. */
function run(engine: Engine, step: Step) {
  engine.apply(step.events, step.atMs);
  const snapshotBefore = engine.snapshot(step.atMs);
  const open = snapshotBefore.alerts[0];
  const action = step.acknowledge && open ? engine.acknowledgeAlert(open.id, 'supervisor', 'seen', step.atMs) : null;
  engine.tick(step.atMs + 1_000);
  return {
    action,
    delta: engine.drainDelta(step.atMs + 1_000),
    alerts: engine.drainAlertEvents(),
    updates: engine.drainAlertUpdates(),
    intervals: engine.drainClosedIntervals(),
    snapshot: engine.snapshot(step.atMs + 2_000),
  };
}

// A global of every runtime the engine runs in; the engine's own types leave the host's globals out.
declare const structuredClone: <T>(value: T) => T;

/** Through a structured clone, as a checkpoint travels (v8.serialize is the same algorithm). */
const viaClone = (state: EngineState): EngineState => structuredClone(state);

function restored(from: Engine): Engine {
  const engine = createEngine(cfg(), T0);
  engine.restore(viaClone(from.exportState()));
  return engine;
}

describe('engine state (checkpoints)', () => {
  it('an engine restored at any point then fed the rest says exactly what the engine fed everything says', () => {
    const arb = fc.record({
      plans: fc.array(plan, { minLength: 1, maxLength: 25 }),
      cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
      acks: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
      split: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(fc.property(arb, ({ plans, cuts, acks, split }) => {
      const steps = stepsOf(eventsOf(plans), cuts, acks);
      const at = Math.floor(split * (steps.length + 1));
      const whole = createEngineAt(cfg());
      let resumed = createEngineAt(cfg());
      for (const [i, step] of steps.entries()) {
        if (i === at) resumed = restored(resumed);
        expect(run(resumed, step)).toEqual(run(whole, step));
      }
      if (at >= steps.length) resumed = restored(resumed);
      const end = (steps.at(-1)?.atMs ?? T0) + 3_600_000;
      resumed.tick(end);
      whole.tick(end);
      expect(resumed.snapshot(end)).toEqual(whole.snapshot(end));
      expect(resumed.drainClosedIntervals()).toEqual(whole.drainClosedIntervals());
    }), { numRuns: 150 });
  });

  it('leaves the agents\' entries (memos of their state) out of the state, and keeps them in the engine', () => {
    const engine = createEngineAt(cfg());
    engine.apply(eventsOf([0, 1, 2].map((agent) => ({ queue: 'q1' as const, start: agent * 1000, wait: 3_000, outcome: 'answered' as const, talk: 5_000, wrap: null, agent, extra: 'none' as const }))), s(60));
    /** Nodes of the state shaped as a board's agent entry (the agents themselves are of class Agent). */
    const agentEntries = () => {
      const { graph } = engine.exportState();
      const entryShapes = new Set(graph.shapes.flatMap((shape, i) => (shape.k === 'obj' && shape.c === '' && shape.keys.includes('agentId') && shape.keys.includes('conflicts') ? [i] : [])));
      return [...graph.nodeShapes].filter((shape) => entryShapes.has(shape)).length;
    };
    const shown = engine.snapshot(s(60)).agents;
    expect(shown).toHaveLength(3);
    expect(agentEntries()).toBe(0);
    // Held again after the export: the same entry objects, not rebuilt ones.
    expect(engine.snapshot(s(60)).agents.every((agent, i) => agent === shown[i])).toBe(true);
  });

  it('carries each contact\'s own deadline only, not those it moved past', () => {
    const engine = createEngineAt(cfg());
    const plans = [0, 1, 2, 3].map((agent) => ({ queue: 'q1' as const, start: agent * 1000, wait: 3_000, outcome: 'answered' as const, talk: 5_000, wrap: 2_000, agent, extra: 'none' as const }));
    engine.apply(eventsOf(plans), s(60));
    const heapOf = (e: Engine) => (e as unknown as { core: { contacts: { heap: { size: number } } } }).core.contacts.heap;
    const before = heapOf(engine).size;
    const back = restored(engine);
    // Each answered contact had a service-level deadline before its answer, passed over since.
    expect(before).toBeGreaterThan(plans.length);
    expect(heapOf(back).size).toBe(plans.length);
    expect(heapOf(engine).size).toBe(plans.length);
  });

  it('the exported state is plain data: it survives a structured clone unchanged', () => {
    const engine = createEngineAt(cfg());
    engine.apply(eventsOf([{ queue: 'q1', start: 0, wait: 30_000, outcome: 'answered', talk: 5_000, wrap: null, agent: 0, extra: 'ticket' }]), s(60));
    const state = engine.exportState();
    expect(viaClone(state)).toEqual(state);
    expect(state.version).toBe(ENGINE_STATE_VERSION);
  });

  it('refuses a state of another version, or one naming a class this engine lacks', () => {
    const state = viaClone(createEngineAt(cfg()).exportState());
    expect(() => createEngineAt(cfg()).restore({ ...state, version: ENGINE_STATE_VERSION - 1 })).toThrow(StateMismatchError);
    const foreign = viaClone(state);
    const alerts = foreign.graph.shapes.find((shape) => shape.k === 'obj' && shape.c === 'AlertEngine');
    if (alerts?.k !== 'obj') throw new Error('no AlertEngine in the state');
    alerts.c = 'AlertEngineOfTomorrow';
    expect(() => createEngineAt(cfg()).restore(foreign)).toThrow(/AlertEngineOfTomorrow/);
  });

  it('refuses a state whose objects have other fields than this engine\'s (written by another shape of the code)', () => {
    const state = viaClone(createEngineAt(cfg()).exportState());
    const alerts = state.graph.shapes.find((shape) => shape.k === 'obj' && shape.c === 'AlertEngine');
    if (alerts?.k !== 'obj') throw new Error('no AlertEngine in the state');
    expect(alerts.keys).toContain('events');
    alerts.keys = alerts.keys.map((key) => (key === 'events' ? 'renamedField' : key));
    expect(() => createEngineAt(cfg()).restore(state)).toThrow(StateMismatchError);
  });

  it('refuses a torn state: values cut short or left over, or a reference to a node it does not hold', () => {
    const engine = createEngineAt(cfg());
    engine.apply(eventsOf([{ queue: 'q1', start: 0, wait: 30_000, outcome: 'answered', talk: 5_000, wrap: null, agent: 0, extra: 'ticket' }]), s(60));
    const state = engine.exportState();
    const cut = (change: (graph: EngineState['graph']) => void) => {
      const torn = viaClone(state);
      change(torn.graph);
      return () => createEngineAt(cfg()).restore(torn);
    };
    expect(cut((g) => (g.tags = g.tags.subarray(0, g.tags.length - 1)))).toThrow(StateMismatchError);
    expect(cut((g) => (g.floats = Float64Array.of(...g.floats, 1)))).toThrow(StateMismatchError);
    expect(cut((g) => (g.ints = g.ints.map(() => g.nodeShapes.length)))).toThrow(StateMismatchError);
    expect(() => createEngineAt(cfg()).restore(viaClone(state))).not.toThrow();
  });
});
