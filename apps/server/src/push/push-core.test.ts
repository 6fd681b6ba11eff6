import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentSnapshot, Delta, QueueSnapshot } from '@plancia/contracts';
import { Coalescer } from './coalescer.js';
import { mergeDelta } from './delta-merge.js';
import { ViewMatcher } from '@plancia/contracts';
import { roomName } from './view-filter.js';

const queue = (queueId: string, waiting: number, placement: Partial<QueueSnapshot> = {}) =>
  ({ queueId, channel: 'voice', teamId: null, live: { waiting }, ...placement }) as QueueSnapshot;
const agent = (agentId: string, queueIds: string[], teamId: string | null = null) => ({ agentId, queueIds, teamId, state: 'available' }) as AgentSnapshot;
const delta = (seq: number, rest: Partial<Delta> = {}): Delta => ({ seq, generatedAt: `2026-03-02T10:00:0${seq}Z`, ...rest });

describe('mergeDelta', () => {
  it('keeps the latest entry per key and the latest sequence', () => {
    const merged = mergeDelta(
      delta(1, { queues: [queue('a', 1), queue('b', 5)], agents: [agent('x', ['a'])] }),
      delta(2, { queues: [queue('a', 2)] }),
    );
    expect(merged.seq).toBe(2);
    expect(merged.queues?.map((q) => [q.queueId, q.live.waiting])).toEqual([['a', 2], ['b', 5]]);
    expect(merged.agents?.map((a) => a.agentId)).toEqual(['x']);
  });

  it('merges every slice the contract declares: a later value wins, lists by their entry key', () => {
    const bounds = (day: string) => ({ intervalStart: `${day}T10:00:00Z`, intervalMinutes: 30, todayStart: `${day}T00:00:00Z` });
    const anomalies = (n: number) => ({ lateEvents: n, orphanEvents: 0, staleContactsRemoved: 0, conflicts: 0 });
    const earlier = delta(1, { bounds: bounds('2026-03-02'), anomalies: anomalies(1), teams: [{ teamId: 't1', agents: {} }, { teamId: 't2', agents: {} }] } as Partial<Delta>);
    const later = delta(2, { anomalies: anomalies(2), teams: [{ teamId: 't2', agents: { available: 1 } }] } as Partial<Delta>);
    const merged = mergeDelta(earlier, later);
    expect(merged.bounds).toEqual(bounds('2026-03-02'));
    expect(merged.anomalies?.lateEvents).toBe(2);
    expect(merged.teams).toEqual([{ teamId: 't1', agents: {} }, { teamId: 't2', agents: { available: 1 } }]);
    expect(Object.keys(mergeDelta(delta(1), delta(2)))).toEqual(['seq', 'generatedAt']);
  });
});

describe('Coalescer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends a change after a quiet spell at once, then merges what follows into one send at the end of the interval', () => {
    const sent: Delta[] = [];
    const coalescer = new Coalescer(100, (d) => sent.push(d), () => Date.now());
    coalescer.push(delta(1, { queues: [queue('a', 1)] }));
    expect(sent.map((d) => d.seq)).toEqual([1]);
    vi.advanceTimersByTime(30);
    coalescer.push(delta(2, { queues: [queue('a', 2)] }));
    vi.advanceTimersByTime(30);
    coalescer.push(delta(3, { queues: [queue('b', 1)] }));
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(40);
    expect(sent.map((d) => d.seq)).toEqual([1, 3]);
    expect(sent[1]!.queues?.map((q) => q.queueId)).toEqual(['a', 'b']);
    vi.advanceTimersByTime(500);
    coalescer.push(delta(4));
    expect(sent.map((d) => d.seq)).toEqual([1, 3, 4]);
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
});
