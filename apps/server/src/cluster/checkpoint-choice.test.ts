import { describe, expect, it } from 'vitest';
import { ENGINE_STATE_VERSION } from '@plancia/engine';
import type { CheckpointRecord } from '@plancia/store';
import { chooseStreamCheckpoint, streamLog } from './checkpoint-choice.js';

const FINGERPRINT = 'config-a';
const at = (seq: number, over: Partial<CheckpointRecord> = {}): CheckpointRecord => ({
  takenAt: new Date(1_700_000_000_000 + seq), engineVersion: ENGINE_STATE_VERSION, at: { kind: streamLog('east'), position: String(seq) },
  configFingerprint: FINGERPRINT, state: new Uint8Array(), ...over,
});
const positions = (choice: ReturnType<typeof chooseStreamCheckpoint>) => ({
  chosen: choice.chosen?.at.position ?? null,
  refused: choice.refused.map(({ checkpoint, refusal }) => `${checkpoint.at.position}: ${refusal.reason}`),
});

describe('choosing the checkpoint a cluster node resumes from', () => {
  it('takes the one covering the furthest stream sequence, whichever node wrote it last', () => {
    // Rows come newest written first; a lagging node may have written the lower sequence after the higher one.
    expect(positions(chooseStreamCheckpoint([at(90), at(120)], FINGERPRINT, { firstSeq: 1, lastSeq: 200 }))).toEqual({ chosen: '120', refused: [] });
  });

  it('passes over a newer one of another engine version or configuration for an older usable one, saying why', () => {
    const choice = chooseStreamCheckpoint([at(150, { engineVersion: ENGINE_STATE_VERSION + 1 }), at(140, { configFingerprint: 'config-b' }), at(100)], FINGERPRINT, { firstSeq: 1, lastSeq: 200 });
    expect(positions(choice)).toEqual({
      chosen: '100',
      refused: ['150: checkpoint of another engine version ignored', '140: checkpoint taken under another configuration ignored'],
    });
  });

  it('refuses one whose next message the stream no longer holds, and takes one whose next message is the first held', () => {
    expect(positions(chooseStreamCheckpoint([at(48)], FINGERPRINT, { firstSeq: 50, lastSeq: 80 }))).toEqual({ chosen: null, refused: ['48: checkpoint older than the stream ignored'] });
    expect(positions(chooseStreamCheckpoint([at(49)], FINGERPRINT, { firstSeq: 50, lastSeq: 80 })).chosen).toBe('49');
    // Every message aged out: the stream's first sequence is one past its last, and a checkpoint at its last is whole.
    expect(positions(chooseStreamCheckpoint([at(80)], FINGERPRINT, { firstSeq: 81, lastSeq: 80 })).chosen).toBe('80');
  });

  it('refuses one beyond the stream\'s end (a stream deleted and made again numbers from 1)', () => {
    expect(positions(chooseStreamCheckpoint([at(500)], FINGERPRINT, { firstSeq: 1, lastSeq: 30 }))).toEqual({ chosen: null, refused: ["500: checkpoint beyond the stream's end ignored"] });
  });

  it('keys each cluster apart from the others and from the single process', () => {
    expect(new Set([streamLog('east'), streamLog('west'), 'journal']).size).toBe(3);
    expect(chooseStreamCheckpoint([], FINGERPRINT, { firstSeq: 1, lastSeq: 10 })).toEqual({ chosen: null, refused: [] });
  });
});
