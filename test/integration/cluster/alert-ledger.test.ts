import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, AlertEvent } from '@plancia/contracts';
import { AlertLedger } from '../../../apps/server/src/cluster/alert-ledger.js';
import { inspect } from './cluster-nodes.js';

const raised = (id: string): AlertEvent => ({ kind: 'raised', alert: { id } as Alert });

/** A recorder like the store's: recording the same transition again changes nothing. */
function recorder() {
  const recorded = new Set<string>();
  const calls: string[] = [];
  return { recorded, calls, record: async (event: AlertEvent) => { calls.push(event.alert.id); recorded.add(event.alert.id); } };
}

describe('the alert ledger over a JetStream key-value bucket', () => {
  let admin: Awaited<ReturnType<typeof inspect>>;
  let state: Awaited<ReturnType<typeof admin.stateBucket>>;
  beforeAll(async () => {
    admin = await inspect(`ledger${randomBytes(4).toString('hex')}`);
    state = await admin.stateBucket();
  });
  afterAll(async () => {
    await admin.remove();
    await admin.close();
  });

  it('records a message\'s transitions only once the replica has applied it whole, and a successor records the rest', async () => {
    const store = recorder();
    const errors: unknown[] = [];
    const leader = new AlertLedger(state, store.record, (error) => errors.push(error));
    const follower = new AlertLedger(state, store.record, (error) => errors.push(error));
    await leader.lead();
    // Message 1 raises two alerts, heard one after the other: nothing is recorded before the message is applied.
    for (const ledger of [leader, follower]) ledger.add(1, raised('a'));
    await leader.poke();
    expect(store.calls).toEqual([]);
    for (const ledger of [leader, follower]) ledger.add(1, raised('b'));
    for (const ledger of [leader, follower]) ledger.applied(1);
    await leader.poke();
    expect(store.calls).toEqual(['a', 'b']);
    await follower.catchUp();
    expect(follower.size).toBe(0);

    // The leader dies; message 2 is applied by the follower, which takes over and records it once.
    leader.follow();
    follower.add(2, raised('c'));
    follower.applied(2);
    await follower.lead();
    expect(store.calls).toEqual(['a', 'b', 'c']);
    expect(errors).toEqual([]);
  });
});
