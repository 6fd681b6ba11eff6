import type { FastifyBaseLogger } from 'fastify';
import type { EngineConfig, PlanciaEngine } from '@plancia/engine';
import type { CheckpointRepository } from '@plancia/store';
import { configFingerprint } from '../checkpoints/checkpoint-format.js';
import type { Checkpointer } from '../checkpoints/checkpointer.js';
import { restoredEngine } from '../checkpoints/engine-start.js';
import { chooseStreamCheckpoint, streamLog, type StreamSpan } from './checkpoint-choice.js';
import type { StreamMessage } from './cluster-messages.js';

const INSTEAD = 'rebuilding from the journal and the stream';

export interface StreamResume {
  engine: PlanciaEngine;
  /** The stream sequence the state covers: the replica goes on from the next. */
  seq: number;
  /** The cluster clock at that sequence (stored as the checkpoint's time). */
  clockMs: number;
  takenAt: Date;
}

/**
 * The engine from the newest usable checkpoint of this cluster, or null (none, none usable, or unreadable): the
 * caller then rebuilds from the journal. Each checkpoint passed over is logged as the single process logs its own.
 */
export async function resumeFromCheckpoint(checkpoints: CheckpointRepository, cluster: string, config: EngineConfig, span: () => Promise<StreamSpan>, log: FastifyBaseLogger): Promise<StreamResume | null> {
  const candidates = await checkpoints.recent(streamLog(cluster));
  if (candidates.length === 0) return null;
  const { chosen, refused } = chooseStreamCheckpoint(candidates, configFingerprint(config), await span());
  for (const { checkpoint, refusal } of refused) log[refusal.level]({ ...about(checkpoint), ...refusal.detail }, `${refusal.reason}: ${INSTEAD}`);
  if (!chosen) return null;
  try {
    const engine = await restoredEngine(config, chosen);
    return { engine, seq: Number(chosen.at.position), clockMs: chosen.takenAt.getTime(), takenAt: chosen.takenAt };
  } catch (error) {
    log.warn({ ...about(chosen), err: error }, `unreadable checkpoint ignored: ${INSTEAD}`);
    return null;
  }
}

const about = (checkpoint: { takenAt: Date; at: { position: string }; engineVersion: number }) =>
  ({ takenAt: checkpoint.takenAt.toISOString(), position: checkpoint.at.position, engineVersion: checkpoint.engineVersion });

/**
 * When a replica's checkpoint is taken: the interval only makes one due, and it is taken as soon as the replica has
 * wholly applied a clock tick, before it applies the next message. The state is then exactly the state after that
 * sequence, and the tick has published every transition and interval it produced, so the state owes nothing (an
 * event's message would leave alerts unsettled, and settling them there would publish them at a position no other
 * node does). The leader ticks every PLANCIA_TICK_MS, so a due checkpoint waits at most about that long.
 */
export class TickAlignedCheckpoints {
  private due = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly checkpointer: Checkpointer) {}

  start(intervalMs: number): void {
    if (intervalMs <= 0) return;
    this.timer = setInterval(() => (this.due = true), intervalMs);
    this.timer.unref();
  }

  /**
   * The replica loop calls it once message `kind` is wholly applied, before the next: the checkpointer reads the
   * state and the position synchronously, so nothing else is applied in between.
   */
  applied(kind: StreamMessage['kind']): void {
    if (!this.due || kind !== 'tick') return;
    this.due = false;
    void this.checkpointer.write();
  }

  /** Call after the replica has stopped: a write under way finishes. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.due = false;
    await this.checkpointer.stop();
  }
}
