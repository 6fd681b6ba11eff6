import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Delta, type TimedEvent } from '@plancia/contracts';
import { createEngine } from '@plancia/engine';
import { DRAIN_GAP_MS, LiveState } from './live-state.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const queued = (n: number): TimedEvent => ({
  specversion: '1.0', id: `c${n}:q`, source: 'test', type: 'contact.queued', time: new Date(T0 + n).toISOString(), timeMs: T0 + n,
  data: { contactId: `c${n}`, queueId: 'q1', channel: 'voice' },
}) as TimedEvent;

function liveState(eager?: () => boolean) {
  const engine = createEngine({ settings: DEFAULT_SETTINGS, queues: [], calendars: [], alertRules: [], agents: [] }, T0);
  const live = new LiveState(engine, { recordAlert: async () => {}, saveIntervals: async () => {}, onError: (e) => { throw e; } }, () => Date.now());
  const deltas: Delta[] = [];
  live.onDelta((d) => deltas.push(d), eager);
  const waiting = () => deltas.at(-1)?.queues?.find((q) => q.queueId === 'q1')?.live.waiting;
  return { live, deltas, waiting };
}

describe('LiveState: draining the changes ingest applied', () => {
  beforeEach(() => vi.useFakeTimers({ now: T0 + 1_000 }));
  afterEach(() => vi.useRealTimers());

  it('drains after the I/O turn when none was drained lately, then at most once per gap', async () => {
    const { live, deltas, waiting } = liveState();
    live.apply([queued(1)]);
    expect(deltas).toHaveLength(0);
    await vi.advanceTimersToNextTimerAsync();
    expect(deltas).toHaveLength(1);
    live.apply([queued(2)]);
    live.apply([queued(3)]);
    await vi.advanceTimersByTimeAsync(DRAIN_GAP_MS / 2);
    expect(deltas).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(DRAIN_GAP_MS);
    expect(deltas).toHaveLength(2);
    expect(waiting()).toBe(3);
  });

  it('settle hands over at once what waits for its drain, and nothing twice', async () => {
    const { live, deltas, waiting } = liveState();
    live.apply([queued(1)]);
    await vi.advanceTimersToNextTimerAsync();
    live.apply([queued(2)]);
    live.settle();
    expect(deltas).toHaveLength(2);
    expect(waiting()).toBe(2);
    live.settle();
    await vi.advanceTimersByTimeAsync(DRAIN_GAP_MS * 2);
    expect(deltas).toHaveLength(2);
  });

  it('drains nothing for ingest while no listener would use a change at once; settle and the tick still hand it over', async () => {
    let eager = false;
    const { live, deltas, waiting } = liveState(() => eager);
    live.apply([queued(1)]);
    live.apply([queued(2)]);
    await vi.advanceTimersByTimeAsync(DRAIN_GAP_MS * 5);
    expect(deltas).toHaveLength(0);
    live.settle();
    expect(deltas).toHaveLength(1);
    expect(waiting()).toBe(2);
    live.apply([queued(3)]);
    await live.tick();
    expect(deltas).toHaveLength(2);
    expect(waiting()).toBe(3);
    eager = true;
    live.apply([queued(4)]);
    await vi.advanceTimersByTimeAsync(DRAIN_GAP_MS);
    expect(deltas).toHaveLength(3);
    expect(waiting()).toBe(4);
  });
});
