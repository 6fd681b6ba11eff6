import type { CheckpointRecord } from '@plancia/store';
import { checkpointRefusal, type CheckpointRefusal } from '../checkpoints/engine-start.js';

/**
 * The log kind of a cluster's checkpoints: its stream's sequences. The single process's are `journal`, another cluster's
 * carry its own name (names cannot hold a colon), so no start ever reads a state of another log.
 */
export const streamLog = (cluster: string): string => `stream:${cluster}`;

/** What the stream holds now: its first and last sequence (first = last + 1 once every message has aged out). */
export interface StreamSpan {
  firstSeq: number;
  lastSeq: number;
}

export interface CheckpointChoice {
  chosen: CheckpointRecord | null;
  /** The newer checkpoints passed over, each with why. */
  refused: { checkpoint: CheckpointRecord; refusal: CheckpointRefusal }[];
}

/**
 * The newest checkpoint (by the stream sequence it covers) that a node can resume from: the single process's checks
 * (engine version, configuration), and the stream must still hold every message after it and be the stream it was
 * taken on (a sequence beyond the stream's last is of a stream since deleted and made again).
 */
export function chooseStreamCheckpoint(candidates: readonly CheckpointRecord[], fingerprint: string, span: StreamSpan): CheckpointChoice {
  const newestFirst = [...candidates].sort((a, b) => Number(b.at.position) - Number(a.at.position));
  const refused: CheckpointChoice['refused'] = [];
  for (const checkpoint of newestFirst) {
    const refusal = checkpointRefusal(checkpoint, fingerprint) ?? streamRefusal(Number(checkpoint.at.position), span);
    if (!refusal) return { chosen: checkpoint, refused };
    refused.push({ checkpoint, refusal });
  }
  return { chosen: null, refused };
}

function streamRefusal(seq: number, span: StreamSpan): CheckpointRefusal | null {
  if (seq + 1 < span.firstSeq) return { level: 'warn', reason: 'checkpoint older than the stream ignored', detail: { streamFirstSeq: span.firstSeq } };
  if (seq > span.lastSeq) return { level: 'warn', reason: 'checkpoint beyond the stream\'s end ignored', detail: { streamLastSeq: span.lastSeq } };
  return null;
}
