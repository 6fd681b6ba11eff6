import { DEFAULT_SETTINGS } from '@plancia/contracts';

/** The demo's seed: with the run's start it fixes every event the run will ever send, ids included. */
export const DEMO_SEED = 42;
/** The simulator names its events' source `plancia-simulator/<run id>`; demo run ids begin with `demo-`. */
export const DEMO_SOURCE_PREFIX = 'plancia-simulator/demo-';
/** The demo's warm-up: what the model did in the ten minutes before the board opened is sent at once. */
export const DEMO_WARMUP_MS = 10 * 60_000;
/**
 * A run stopped for longer than this is not continued: the engine has already taken out of `waiting` any caller it
 * left (staleContactSeconds, 4 h by default), and a new run with its own warm-up begins.
 */
export const DEMO_RESUME_WITHIN_MS = DEFAULT_SETTINGS.staleContactSeconds * 1000;

export interface DemoRun {
  runId: string;
  /** When the run's model starts: ten minutes before the server that began it was listening. */
  startMs: number;
  /** A continued run: the journal holds its events up to here. */
  sentUntilMs?: number;
}

export function demoRunId(startMs: number): string {
  return `demo-s${DEMO_SEED}-${startMs.toString(36)}`;
}

/** The run a journaled demo event belongs to; undefined for a source this server's demo did not write. */
export function demoRunOf(source: string): Omit<DemoRun, 'sentUntilMs'> | undefined {
  const match = new RegExp(`^${DEMO_SOURCE_PREFIX}s${DEMO_SEED}-([0-9a-z]+)$`).exec(source);
  if (!match) return undefined;
  const startMs = parseInt(match[1]!, 36);
  // Only what demoRunId writes (no leading zeros, a safe integer), so the run continued is the run that was journaled.
  return Number.isSafeInteger(startMs) && startMs.toString(36) === match[1] ? { runId: demoRunId(startMs), startMs } : undefined;
}

/**
 * Continues the run of the latest demo event in the journal, or begins a new one: a restart never sends again what
 * the journal holds, and never sends it under new ids.
 */
export function chooseDemoRun(latest: { source: string; timeMs: number } | undefined, nowMs: number): DemoRun {
  const run = latest && latest.timeMs >= nowMs - DEMO_RESUME_WITHIN_MS ? demoRunOf(latest.source) : undefined;
  if (run && run.startMs <= latest!.timeMs) return { ...run, sentUntilMs: latest!.timeMs };
  const startMs = nowMs - DEMO_WARMUP_MS;
  return { runId: demoRunId(startMs), startMs };
}

/** The simulator's arguments for the run (preset, target and token are the caller's). */
export function demoRunArgs(run: DemoRun): string[] {
  return [
    '--seed', String(DEMO_SEED),
    '--run-id', run.runId,
    '--start', new Date(run.startMs).toISOString(),
    ...(run.sentUntilMs === undefined ? [] : ['--sent-until', new Date(run.sentUntilMs).toISOString()]),
  ];
}
