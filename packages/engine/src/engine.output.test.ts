import { describe, expect, it } from 'vitest';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Delta, Snapshot } from '@plancia/contracts';
import { config, createEngineAt, engineWith, ev, queue, s } from './engine-test-kit.js';

const snapshotCheck = TypeCompiler.Compile(Snapshot);
const deltaCheck = TypeCompiler.Compile(Delta);

describe('snapshot', () => {
  it('matches the contract and filters by view', () => {
    const cfg = config([queue('q1', {}, { teamId: 'blue' }), queue('q2', {}, { channel: 'chat' })]);
    const e = engineWith([
      ev.agent('a1', s(0), 'available', { queueIds: ['q1'], teamId: 'blue' }),
      ev.agent('a2', s(0), 'available', { queueIds: ['q2'], teamId: 'red' }),
      ev.queued('c1', s(1)), ev.queued('c2', s(1), 'q2', 'chat'),
    ], s(10), cfg);
    const all = e.snapshot(s(10));
    expect([...snapshotCheck.Errors(all)]).toEqual([]);
    expect(all.queues.map((q) => q.queueId)).toEqual(['q1', 'q2']);
    expect(all.centre.live).toMatchObject({ waiting: 2, agents: { available: 2 } });
    const chat = e.snapshot(s(10), { channels: ['chat'] });
    expect(chat.queues.map((q) => q.queueId)).toEqual(['q2']);
    expect(chat.channels.map((c) => c.key)).toEqual(['chat']);
    const blue = e.snapshot(s(10), { teams: ['blue'] });
    expect(blue.queues.map((q) => q.queueId)).toEqual(['q1']);
    expect(blue.agents.map((a) => a.agentId)).toEqual(['a1']);
    expect(blue.teams.map((t) => t.teamId)).toEqual(['blue']);
  });
});

describe('entityIds', () => {
  it('names the queues and agents a snapshot lists: configured ones and those events brought', () => {
    const e = engineWith([ev.queued('c1', s(0), 'q9'), ev.answered('c1', s(5), 'a2'), ev.agent('a1', s(1), 'available')], s(10), config([queue('q1')]));
    const snap = e.snapshot(s(10));
    const ids = e.entityIds();
    expect([...ids.queueIds].sort()).toEqual(snap.queues.map((q) => q.queueId).sort());
    expect([...ids.agentIds].sort()).toEqual(snap.agents.map((a) => a.agentId).sort());
    expect([...ids.queueIds].sort()).toEqual(['q1', 'q9']);
  });
});

describe('delta', () => {
  it('discarded, leaves the engine as a drain would: the same sequence, and the next change alone in the next delta', () => {
    const run = (discard: boolean) => {
      const e = createEngineAt(config([queue('q1')]));
      e.apply([ev.agent('a1', s(0), 'available'), ev.agent('a2', s(0), 'available'), ev.queued('c1', s(1))], s(1));
      if (discard) e.discardDelta(s(1));
      else e.drainDelta(s(1));
      e.apply([ev.answered('c1', s(2), 'a2')], s(2));
      return { next: e.drainDelta(s(2)), seq: e.snapshot(s(2)).seq };
    };
    const discarded = run(true);
    expect(discarded).toEqual(run(false));
    expect(discarded.seq).toBe(2);
    expect(discarded.next?.agents?.map((a) => a.agentId)).toEqual(['a2']);
  });

  it('carries only what moved, with seq + 1 per delta, and null when nothing moved', () => {
    const e = createEngineAt(config([queue('q1'), queue('q2')]));
    const first = e.drainDelta(s(0));
    expect(first?.seq).toBe(1);
    expect(first && [...deltaCheck.Errors(first)]).toEqual([]);
    expect(e.drainDelta(s(0))).toBeNull();
    e.apply([ev.queued('c1', s(1), 'q2')], s(1));
    const second = e.drainDelta(s(1))!;
    expect(second.seq).toBe(2);
    expect(second.queues?.map((q) => q.queueId)).toEqual(['q2']);
    expect(second.centre?.live.waiting).toBe(1);
    expect(second.agents).toBeUndefined();
    expect(e.snapshot(s(1)).seq).toBe(2);
    e.apply([ev.agent('a1', s(2), 'available')], s(2));
    const third = e.drainDelta(s(2))!;
    expect(third.agents?.map((a) => a.agentId)).toEqual(['a1']);
    expect(third.queues).toBeUndefined();
  });
});

describe('rebuildWithQueue', () => {
  it('equals a fresh engine fed the same events with the new settings', () => {
    const events = [
      ev.queued('c1', s(0)), ev.abandoned('c1', s(10)), ev.queued('c2', s(0), 'q2'), ev.answered('c2', s(5)),
      ev.queued('c3', s(1)), ev.transferred('c3', s(4), 'q2'), ev.answered('c3', s(30), 'a3'),
    ];
    const e = engineWith(events, s(60), config([queue('q1'), queue('q2')]));
    expect(e.snapshot(s(60)).queues[0]!.windows.rolling.serviceLevel).toBe(1);
    const stricter = queue('q1', { abandonPolicy: 'negative' });
    expect(e.rebuildWithQueue(stricter, events, s(60))).toBe(5);
    const fresh = engineWith(events, s(60), config([queue('q2'), stricter]));
    const strip = (snap: ReturnType<typeof e.snapshot>) => ({ ...snap, seq: 0 });
    expect(strip(e.snapshot(s(60)))).toEqual(strip(fresh.snapshot(s(60))));
    expect(e.snapshot(s(60)).queues[0]!.windows.rolling.serviceLevel).toBe(0.5);
  });
});
