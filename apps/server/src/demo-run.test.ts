import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../simulator/src/cli-args.js';
import { chooseDemoRun, DEMO_RESUME_WITHIN_MS, DEMO_SOURCE_PREFIX, DEMO_WARMUP_MS, demoRunArgs, demoRunId, demoRunOf } from './demo-run.js';

const NOW = Date.parse('2026-03-02T11:00:00Z');

describe('the demo run a start chooses', () => {
  it('begins a new run, warm-up included, on a journal without demo events', () => {
    const run = chooseDemoRun(undefined, NOW);
    expect(run).toEqual({ runId: demoRunId(NOW - DEMO_WARMUP_MS), startMs: NOW - DEMO_WARMUP_MS });
    expect(`plancia-simulator/${run.runId}`.startsWith(DEMO_SOURCE_PREFIX)).toBe(true);
  });

  it('continues the run of the latest demo event, after that event', () => {
    const startMs = NOW - 3 * 3_600_000;
    const latest = { source: `plancia-simulator/${demoRunId(startMs)}`, timeMs: NOW - 5_000 };
    expect(chooseDemoRun(latest, NOW)).toEqual({ runId: demoRunId(startMs), startMs, sentUntilMs: NOW - 5_000 });
  });

  it('begins anew when the run stopped too long ago, or the source is not one the demo writes', () => {
    const startMs = NOW - 6 * 3_600_000;
    const stale = { source: `plancia-simulator/${demoRunId(startMs)}`, timeMs: NOW - DEMO_RESUME_WITHIN_MS - 1 };
    expect(chooseDemoRun(stale, NOW).sentUntilMs).toBeUndefined();
    expect(demoRunOf(`${DEMO_SOURCE_PREFIX}mine`)).toBeUndefined();
    expect(demoRunOf(`${DEMO_SOURCE_PREFIX}s42-0${startMs.toString(36)}`)).toBeUndefined();
    expect(demoRunOf(`${DEMO_SOURCE_PREFIX}s7-${startMs.toString(36)}`)).toBeUndefined();
  });

  it('hands the simulator a run it reads back exactly: seed, run id, start and the point it continues from', () => {
    const startMs = NOW - 3_600_000 + 123;
    const parsed = parseCliArgs(demoRunArgs({ runId: demoRunId(startMs), startMs, sentUntilMs: NOW - 777 }));
    expect(parsed).toEqual({ help: false, options: expect.objectContaining({ seed: 42, runId: demoRunId(startMs), startMs, sentUntilMs: NOW - 777 }) });
  });
});
