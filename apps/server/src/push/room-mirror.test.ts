import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, ViewMatcher, applyPatch, defaultQueueConfig, type BoardChanges, type Delta, type Snapshot, type TimedEvent, type View } from '@plancia/contracts';
import { createEngine } from '@plancia/engine';
import { RoomMirror } from './room-mirror.js';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const QUEUES = 20;
const AGENTS = 8;
const STEP_MS = 250;
const STEPS = 240;

let n = 0;
const event = (type: string, atMs: number, data: Record<string, unknown>): TimedEvent =>
  ({ specversion: '1.0', id: `e${++n}`, source: 'test', type, time: new Date(atMs).toISOString(), timeMs: atMs, data }) as TimedEvent;

/** The fan-out bench's traffic, fixed: 50 events/s of half-second contact lives over 20 queues, one in ten abandoned. */
function lifeEvents(life: number, atMs: number): Array<{ atMs: number; event: TimedEvent }> {
  const contactId = `c${life}`;
  const queueId = `q${life % QUEUES}`;
  const steps = [{ atMs, event: event('contact.queued', atMs, { contactId, queueId, channel: 'voice' }) }];
  if (life % 10 === 9) return [...steps, { atMs: atMs + 150, event: event('contact.abandoned', atMs + 150, { contactId }) }];
  const agentId = `a${life % AGENTS}`;
  return [...steps,
    { atMs: atMs + 50, event: event('contact.answered', atMs + 50, { contactId, agentId }) },
    { atMs: atMs + 375, event: event('contact.ended', atMs + 375, { contactId }) },
    { atMs: atMs + 500, event: event('contact.completed', atMs + 500, { contactId }) }];
}

/** Every change message a board of `view` (the whole centre by default) gets over a minute, as whole entries (before) and as patches. */
function run(view: View = {}) {
  const engine = createEngine({
    settings: DEFAULT_SETTINGS, calendars: [], alertRules: [], agents: [],
    queues: Array.from({ length: QUEUES }, (_, i) => defaultQueueConfig(`q${i}`, 'voice')),
  }, T0);
  const pending = Array.from({ length: STEPS * 3 }, (_, life) => lifeEvents(life, T0 + life * (STEP_MS / 3))).flat();
  const matcher = new ViewMatcher(view);
  const first = engine.snapshot(T0, view);
  engine.drainDelta(T0);
  const mirror = new RoomMirror();
  mirror.startsFrom(first);
  const whole: Delta[] = [];
  const patches: BoardChanges[] = [];
  for (let step = 1; step <= STEPS; step++) {
    const now = T0 + step * STEP_MS;
    const due = pending.filter((p) => p.atMs <= now);
    engine.apply(due.map((p) => p.event), now);
    pending.splice(0, pending.length, ...pending.filter((p) => p.atMs > now));
    engine.tick(now);
    const drained = engine.drainDelta(now);
    const delta = drained && matcher.filter(drained);
    if (!delta) continue;
    whole.push(delta);
    const changes = mirror.patch(delta);
    if (changes) patches.push(changes);
  }
  return { engine, first, whole, patches, end: T0 + STEPS * STEP_MS };
}

const bytes = (messages: readonly unknown[]) =>
  messages.reduce<number>((sum, delta) => sum + Buffer.byteLength(JSON.stringify({ type: 'changes', delta })), 0);

describe('changes as patches', () => {
  it('bring a board from its snapshot to the engine\'s state, entry for entry', () => {
    const { engine, first, patches, end } = run();
    const board = { queues: new Map(first.queues.map((q) => [q.queueId, q])), agents: new Map(first.agents.map((a) => [a.agentId, a])), centre: first.centre as typeof first.centre | null };
    for (const changes of patches) {
      for (const patch of changes.queues ?? []) board.queues.set(patch.queueId, applyPatch(board.queues.get(patch.queueId)!, patch));
      for (const patch of changes.agents ?? []) {
        const held = board.agents.get(patch.agentId);
        board.agents.set(patch.agentId, held ? applyPatch(held, patch) : (patch as Snapshot['agents'][number]));
      }
      if (changes.centre !== undefined) board.centre = changes.centre === null ? null : applyPatch(board.centre!, changes.centre);
    }
    const last = engine.snapshot(end);
    expect(Object.fromEntries(board.queues)).toEqual(Object.fromEntries(last.queues.map((q) => [q.queueId, q])));
    expect([...board.agents.keys()].sort()).toEqual(last.agents.map((a) => a.agentId).sort());
    expect(board.centre?.live).toEqual(last.centre?.live);
    expect(board.centre?.windows.today.offered).toBe(last.centre?.windows.today.offered);
  });

  it('weigh at least five times less per change message than whole entries on the same traffic', () => {
    const { whole, patches } = run();
    const before = bytes(whole) / whole.length;
    const after = bytes(patches) / patches.length;
    // A deterministic count: fixed events on a fixed clock. Printed for docs/performance.md.
    console.info(`bytes per change per board: whole entries ${Math.round(before)}, patches ${Math.round(after)} (${(before / after).toFixed(1)}x fewer) over ${whole.length} changes`);
    expect(patches.length).toBe(whole.length);
    expect(before / after).toBeGreaterThanOrEqual(5);
  });

  it("carry no agents to a board of agents 'none', while its queues and teams still count agents by state", () => {
    const shown = run();
    const { engine, first, patches, end } = run({ agents: 'none' });
    expect(shown.patches.some((changes) => (changes.agents ?? []).length > 0)).toBe(true);
    expect(first.agents).toEqual([]);
    expect(patches.filter((changes) => changes.agents !== undefined)).toEqual([]);
    const queues = new Map(first.queues.map((q) => [q.queueId, q]));
    for (const changes of patches) for (const patch of changes.queues ?? []) queues.set(patch.queueId, applyPatch(queues.get(patch.queueId)!, patch));
    const last = engine.snapshot(end, { agents: 'none' });
    expect(last.agents).toEqual([]);
    expect([...queues.values()].map((q) => q.live.agents)).toEqual(last.queues.map((q) => q.live.agents));
    expect(last.teams).toEqual(engine.snapshot(end).teams);
    const perChange = (messages: readonly unknown[]) => bytes(messages) / messages.length;
    console.info(`bytes per change per board: agents 'all' ${Math.round(perChange(shown.patches))}, agents 'none' ${Math.round(perChange(patches))}`);
    expect(perChange(patches)).toBeLessThan(perChange(shown.patches));
  });
});
