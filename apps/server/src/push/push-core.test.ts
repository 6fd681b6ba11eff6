import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentSnapshot, BoardChanges, Delta, QueueSnapshot } from '@plancia/contracts';
import { Coalescer } from './coalescer.js';
import { mergeChanges } from './delta-merge.js';
import { ViewMatcher } from '@plancia/contracts';
import { canonicalView, roomName } from './view-filter.js';

const queue = (queueId: string, waiting: number, placement: Partial<QueueSnapshot> = {}) =>
  ({ queueId, channel: 'voice', teamId: null, live: { waiting }, ...placement }) as QueueSnapshot;
const agent = (agentId: string, queueIds: string[], teamId: string | null = null) => ({ agentId, queueIds, teamId, state: 'available' }) as AgentSnapshot;
const delta = (seq: number, rest: Partial<Delta> = {}): Delta => ({ seq, generatedAt: `2026-03-02T10:00:0${seq}Z`, ...rest });
const changes = (seq: number, rest: Partial<BoardChanges> = {}): BoardChanges => ({ seq, generatedAt: `2026-03-02T10:00:0${seq}Z`, ...rest });

describe('mergeChanges', () => {
  it('merges patches of the same entry field by field, a later field winning, and keeps the latest sequence', () => {
    const merged = mergeChanges(
      changes(1, { queues: [{ queueId: 'a', live: { waiting: 1 } }, { queueId: 'b', live: { waiting: 5 } }], agents: [{ agentId: 'x', state: 'available' }] }),
      changes(2, { queues: [{ queueId: 'a', live: { waiting: 2 }, windows: { today: { offered: 3 } } }] }),
    );
    expect(merged.seq).toBe(2);
    expect(merged.queues).toEqual([{ queueId: 'a', live: { waiting: 2 }, windows: { today: { offered: 3 } } }, { queueId: 'b', live: { waiting: 5 } }]);
    expect(merged.agents?.map((a) => a.agentId)).toEqual(['x']);
  });

  it('merges every slice the contract declares: values and lists by their entry key', () => {
    const earlier = changes(1, { bounds: { intervalStart: '2026-03-02T10:00:00Z' }, anomalies: { lateEvents: 1 }, teams: [{ teamId: 't1', agents: {} }, { teamId: 't2', agents: { on_contact: 1 } }] });
    const later = changes(2, { anomalies: { lateEvents: 2, conflicts: 1 }, teams: [{ teamId: 't2', agents: { available: 1 } }] });
    const merged = mergeChanges(earlier, later);
    expect(merged.bounds).toEqual({ intervalStart: '2026-03-02T10:00:00Z' });
    expect(merged.anomalies).toEqual({ lateEvents: 2, conflicts: 1 });
    expect(merged.teams).toEqual([{ teamId: 't1', agents: {} }, { teamId: 't2', agents: { on_contact: 1, available: 1 } }]);
    expect(Object.keys(mergeChanges(changes(1), changes(2)))).toEqual(['seq', 'generatedAt']);
  });
});

describe('Coalescer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends a change after a quiet spell at once, then merges what follows into one send at the end of the interval', () => {
    const sent: BoardChanges[] = [];
    const coalescer = new Coalescer(100, (d) => sent.push(d), () => Date.now());
    coalescer.push(changes(1, { queues: [{ queueId: 'a', live: { waiting: 1 } }] }));
    expect(sent.map((d) => d.seq)).toEqual([1]);
    vi.advanceTimersByTime(30);
    coalescer.push(changes(2, { queues: [{ queueId: 'a', live: { waiting: 2 } }] }));
    vi.advanceTimersByTime(30);
    coalescer.push(changes(3, { queues: [{ queueId: 'b', live: { waiting: 1 } }] }));
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(40);
    expect(sent.map((d) => d.seq)).toEqual([1, 3]);
    expect(sent[1]!.queues?.map((q) => q.queueId)).toEqual(['a', 'b']);
    vi.advanceTimersByTime(500);
    coalescer.push(changes(4));
    expect(sent.map((d) => d.seq)).toEqual([1, 3, 4]);
  });

  it('lets the changes still waiting upstream join the send as the interval ends, in the same message', () => {
    const sent: BoardChanges[] = [];
    let upstream: BoardChanges | null = null;
    const coalescer: Coalescer = new Coalescer(100, (d) => sent.push(d), () => Date.now(), () => {
      if (upstream) coalescer.push(upstream);
      upstream = null;
    });
    coalescer.push(changes(1));
    vi.advanceTimersByTime(50);
    coalescer.push(changes(2, { queues: [{ queueId: 'a', live: { waiting: 2 } }] }));
    upstream = changes(3, { queues: [{ queueId: 'b', live: { waiting: 1 } }] });
    vi.advanceTimersByTime(50);
    expect(sent.map((d) => d.seq)).toEqual([1, 3]);
    expect(sent[1]!.queues?.map((q) => q.queueId)).toEqual(['a', 'b']);
    vi.advanceTimersByTime(500);
    expect(sent).toHaveLength(2);
  });
});

describe('Coalescer: idle while no send is timed', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('is busy from a change within the interval to the send that takes it, idle after a send at once or a quiet end', () => {
    const sent: BoardChanges[] = [];
    const coalescer = new Coalescer(100, (d) => sent.push(d), () => Date.now());
    coalescer.push(changes(1));
    expect(coalescer.idle).toBe(true);
    vi.advanceTimersByTime(10);
    coalescer.push(changes(2));
    expect(coalescer.idle).toBe(false);
    vi.advanceTimersByTime(90);
    expect(sent.map((d) => d.seq)).toEqual([1, 2]);
    expect(coalescer.idle).toBe(true);
  });
});

describe('ViewMatcher', () => {
  it('filters a change to the view and keeps the centre totals', () => {
    const matcher = new ViewMatcher({ queues: ['a'] });
    const filtered = matcher.filter(delta(1, {
      queues: [queue('a', 1), queue('b', 1)], agents: [agent('x', ['a']), agent('y', ['b'])],
      centre: { key: 'centre' } as Delta['centre'],
    }));
    expect(filtered?.queues?.map((q) => q.queueId)).toEqual(['a']);
    expect(filtered?.agents?.map((a) => a.agentId)).toEqual(['x']);
    expect(filtered?.centre).toBeDefined();
    expect(matcher.filter(delta(2, { queues: [queue('b', 2)] }))).toBeNull();
  });

  it('requires every list of the view to match, as the engine does', () => {
    const matcher = new ViewMatcher({ channels: ['chat'], teams: ['north'] });
    expect(matcher.matchesQueue(queue('a', 0, { channel: 'chat', teamId: 'north' }))).toBe(true);
    expect(matcher.matchesQueue(queue('b', 0, { channel: 'chat', teamId: 'south' }))).toBe(false);
    expect(matcher.matchesQueue(queue('c', 0, { channel: 'voice', teamId: 'north' }))).toBe(false);
  });

  it('names one room for a view however it is spelled', () => {
    expect(roomName({ queues: ['b', 'a', 'b'], teams: [] })).toBe(roomName({ queues: ['a', 'b'] }));
    expect(roomName({ queues: ['a'] })).not.toBe(roomName({ teams: ['a'] }));
  });

  it("keeps agents 'none' in the canonical view and the room name, and 'all' as the default it is", () => {
    expect(canonicalView({ agents: 'all', queues: ['b', 'a'] })).toEqual({ queues: ['a', 'b'] });
    expect(canonicalView({ agents: 'none', channels: [] })).toEqual({ agents: 'none' });
    expect(roomName({ agents: 'all' })).toBe(roomName({}));
    expect(roomName({ agents: 'none', queues: ['b', 'a'] })).toBe(roomName({ queues: ['a', 'b'], agents: 'none' }));
    expect(roomName({ agents: 'none' })).not.toBe(roomName({}));
  });

  it("filters every agent out of a change for agents 'none', keeping the queues, teams and centre", () => {
    const change = delta(1, {
      queues: [queue('a', 1), queue('b', 1)], agents: [agent('x', ['a']), agent('y', ['b'], 'north')],
      teams: [{ teamId: 'north', agents: { available: 1, on_contact: 0, wrap_up: 0, not_ready: 0, offline: 0 } }],
      centre: { key: 'centre' } as Delta['centre'],
    });
    const whole = new ViewMatcher({ agents: 'none' });
    expect(whole.everything).toBe(false);
    expect(whole.everyAgent).toBe(false);
    const filtered = whole.filter(change);
    expect(filtered?.agents).toBeUndefined();
    expect(filtered?.queues?.map((q) => q.queueId)).toEqual(['a', 'b']);
    expect(filtered?.teams?.map((t) => t.teamId)).toEqual(['north']);
    expect(filtered?.centre).toBeDefined();
    expect(new ViewMatcher({ queues: ['a'], agents: 'none' }).filter(delta(2, { agents: [agent('x', ['a'])] }))).toBeNull();
    expect(new ViewMatcher({ queues: ['a'], agents: 'all' }).filter(delta(2, { agents: [agent('x', ['a'])] }))?.agents?.map((a) => a.agentId)).toEqual(['x']);
    // An alert on an agent still follows where the agent sits.
    expect(whole.matchesAgent(agent('x', ['a']))).toBe(true);
  });
});
