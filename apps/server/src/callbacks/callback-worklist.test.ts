import { describe, expect, it } from 'vitest';
import type { CallbackEntry, TimedEvent } from '@plancia/contracts';
import type { CallbackRepository } from '@plancia/store';
import { CallbackWorklist } from './callback-worklist.js';

const T0 = Date.parse('2026-12-04T10:00:00Z');
const queued = (contactId: string, caller: string): TimedEvent =>
  ({ specversion: '1.0', id: `q-${contactId}`, source: 'urn:acd:rome-1', type: 'contact.queued', time: new Date(T0).toISOString(), timeMs: T0, data: { contactId, queueId: 'sales', channel: 'voice', caller } }) as TimedEvent;

/** The list's storage as far as recording goes: `failing` makes the next record fail, as a database outage would. */
function listStorage() {
  const storage = { recorded: 0, failing: false };
  const repository = {
    openPseudonyms: async () => [],
    record: async (): Promise<CallbackEntry[]> => {
      if (storage.failing) throw new Error('database unavailable');
      storage.recorded += 1;
      return [];
    },
  } as unknown as CallbackRepository;
  return { storage, repository };
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('CallbackWorklist checkpoints', () => {
  it('waits for the batches being journaled, so its position never runs ahead of what it heard', async () => {
    const { repository } = listStorage();
    const worklist = await CallbackWorklist.open(repository, 'default', () => T0);
    const commit = deferred();
    const acknowledged = worklist.journaled([queued('c1', 'cp1:k:anna')], () => commit.promise);
    let taken: Awaited<ReturnType<CallbackWorklist['checkpoint']>> | undefined;
    const checkpoint = worklist.checkpoint(() => '41').then((value) => (taken = value));
    await new Promise((resolve) => setImmediate(resolve));
    expect(taken).toBeUndefined();
    commit.resolve();
    await Promise.all([acknowledged, checkpoint]);
    expect(taken).toEqual({ position: '41', contacts: [['urn:acd:rome-1\u0000c1', { queueId: 'sales', queuedAtMs: T0, pseudonym: 'cp1:k:anna', seenAtMs: T0 }]] });
  });

  it('claims no position once a journaled batch could not be recorded, and none before the journal has one', async () => {
    const { storage, repository } = listStorage();
    const worklist = await CallbackWorklist.open(repository, 'default', () => T0);
    expect(await worklist.checkpoint(() => null)).toBeNull();
    await worklist.journaled([queued('c1', 'cp1:k:anna')], async () => undefined);
    expect(await worklist.checkpoint(() => '7')).not.toBeNull();
    // A batch refused by the journal was never in it: nothing is missed.
    await expect(worklist.journaled([queued('c2', 'cp1:k:bruno')], () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(await worklist.checkpoint(() => '7')).not.toBeNull();
    storage.failing = true;
    await expect(worklist.journaled([{ ...queued('c3', 'cp1:k:carla'), type: 'contact.abandoned' } as TimedEvent], async () => undefined)).rejects.toThrow('unavailable');
    storage.failing = false;
    expect(await worklist.checkpoint(() => '9')).toBeNull();
  });
});
