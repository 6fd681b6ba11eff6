import { ENGINE_STATE_VERSION } from '@plancia/engine';
import type { CheckpointRepository, LogPosition } from '@plancia/store';
import type { LiveState } from '../live/live-state.js';
import { configFingerprint, encodeState } from './checkpoint-format.js';
import { PeriodicWriter } from './periodic-writer.js';

export interface CheckpointerDeps {
  live: Pick<LiveState, 'checkpoint'>;
  checkpoints: CheckpointRepository;
  /** Where the engine's log stands now: read in the same turn as the state, so the two agree. */
  position(): LogPosition;
  onWritten(outcome: { position: string; bytes: number; blockedMs: number; totalMs: number }): void;
  onError(error: unknown): void;
  now(): number;
}

/**
 * Writes the engine's state with the log position it covers, every `intervalMs` and at stop. Only taking the state
 * (the engine writes its graph into typed arrays) holds the event loop; compression runs on the thread pool and the write is a transaction of
 * its own, never part of ingest's commits, so acknowledgements wait at most for that synchronous part.
 */
export class Checkpointer {
  private readonly writer: PeriodicWriter;

  constructor(private readonly deps: CheckpointerDeps) {
    this.writer = new PeriodicWriter(() => this.take(), (error) => deps.onError(error));
  }

  start(intervalMs: number): void {
    this.writer.start(intervalMs);
  }

  /** One checkpoint now; a call while one is being written waits for it instead of starting another. */
  write(): Promise<void> {
    return this.writer.run();
  }

  stop(): Promise<void> {
    return this.writer.stop();
  }

  private async take(): Promise<void> {
    const started = performance.now();
    // Position and state in the same synchronous turn: every event appended so far has been applied (ingest applies
    // in the turn its commit resolves), and none after the position has.
    const at = this.deps.position();
    const { state, config, settled } = this.deps.live.checkpoint();
    const encoding = encodeState(state); // its serialisation is synchronous, its compression is not
    const blockedMs = performance.now() - started;
    const takenAt = new Date(this.deps.now());
    const bytes = await encoding;
    await settled;
    await this.deps.checkpoints.save({ takenAt, engineVersion: ENGINE_STATE_VERSION, at, configFingerprint: configFingerprint(config), state: bytes });
    this.deps.onWritten({ position: at.position, bytes: bytes.length, blockedMs, totalMs: performance.now() - started });
  }
}
