import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { readLatestCheckpoint, type CheckpointRecord, type Store } from '@plancia/store';
import { backends } from './backends.js';
import { useStore } from './suite.js';

/** A state of several read slices (1 MiB each) and a part: every slice boundary and the short last one are crossed. */
const STATE_BYTES = 2.5 * (1 << 20) + 7;

function checkpoint(position: string, state: Uint8Array, kind = 'journal'): CheckpointRecord {
  return { takenAt: new Date(Date.UTC(2026, 2, 4, 10, Number(position) % 60)), engineVersion: 7, at: { kind, position }, configFingerprint: 'f', state };
}

describe.each(backends)('engine checkpoints on $name', (backend) => {
  const opened = useStore(backend);
  let store: Store;
  const states = [randomBytes(STATE_BYTES), randomBytes(STATE_BYTES), randomBytes(100)];
  beforeAll(async () => {
    store = opened.store();
    await store.checkpoints.save(checkpoint('10', states[0]!));
    await store.checkpoints.save(checkpoint('20', states[1]!));
    await store.checkpoints.save(checkpoint('5', states[2]!, 'stream:other'));
  });

  it('gives back the newest state of its kind byte for byte, however many slices it is read in', async () => {
    const latest = await store.checkpoints.latest('journal');
    expect(latest?.at).toEqual({ kind: 'journal', position: '20' });
    expect(latest?.state.length).toBe(STATE_BYTES);
    expect(Buffer.from(latest!.state).equals(states[1]!)).toBe(true);
    expect(Buffer.from((await store.checkpoints.latest('stream:other'))!.state).equals(states[2]!)).toBe(true);
  });

  it('keeps the last two of a kind, newest first, each whole', async () => {
    await store.checkpoints.save(checkpoint('30', states[0]!));
    const recent = await store.checkpoints.recent('journal');
    expect(recent.map((c) => c.at.position)).toEqual(['30', '20']);
    expect(recent.map((c) => Buffer.from(c.state).equals(c.at.position === '30' ? states[0]! : states[1]!))).toEqual([true, true]);
    expect(await store.checkpoints.latest('none')).toBeUndefined();
  });

  it('tells the sequence of the newest of a kind, which changes when another is saved', async () => {
    const seq = await store.checkpoints.latestSeq('journal');
    expect(seq).toBe((await store.checkpoints.latest('journal'))?.seq);
    await store.checkpoints.save(checkpoint('40', states[1]!));
    const next = await store.checkpoints.latestSeq('journal');
    expect(next).not.toBe(seq);
    expect(next).toBe((await store.checkpoints.latest('journal'))?.seq);
    expect(await store.checkpoints.latestSeq('none')).toBeUndefined();
  });

  // Read ahead of the start over a connection of its own (PostgreSQL only: PGlite's directory has one opener).
  it.runIf(backend.name === 'postgres')('reads the newest ahead of opening the store, telling a reader its size, its ending and its slices in order', async () => {
    const options = opened.options();
    const told: { bytes?: number; ending?: Buffer; slices: Buffer[] } = { slices: [] };
    const read = await readLatestCheckpoint({ databaseUrl: options.databaseUrl! }, 'journal', {
      begin: (bytes, ending) => Object.assign(told, { bytes, ending: Buffer.from(ending) }),
      slice: (slice) => told.slices.push(Buffer.from(slice)),
    });
    expect(read?.seq).toBe(await store.checkpoints.latestSeq('journal'));
    expect(Buffer.from(read!.state).equals(states[1]!)).toBe(true);
    expect(told.bytes).toBe(STATE_BYTES);
    expect(told.ending?.equals(states[1]!.subarray(STATE_BYTES - 4))).toBe(true);
    expect(told.slices.length).toBe(3);
    expect(Buffer.concat(told.slices).equals(states[1]!)).toBe(true);
    expect(await readLatestCheckpoint({ databaseUrl: options.databaseUrl! }, 'none')).toBeUndefined();
  });
});
