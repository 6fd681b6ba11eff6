import type { Snapshot } from '@plancia/contracts';
import type { TestServer } from '../helpers/plancia-server.js';

export async function snapshotOf(server: TestServer): Promise<Snapshot> {
  const response = await fetch(`${server.url}/api/v1/snapshot`);
  if (response.status !== 200) throw new Error(`snapshot answered ${response.status}`);
  return (await response.json()) as Snapshot;
}

/** Asterisk's service-level definition: abandons count (positive), S = 0, T = 20 s. */
export async function configureSupportQueue(server: TestServer): Promise<void> {
  const response = await fetch(`${server.url}/api/v1/queues/support`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serviceLevel: { thresholdSeconds: 20, target: 0.8, shortAbandonSeconds: 0, abandonPolicy: 'positive' } }),
  });
  if (response.status !== 200 && response.status !== 201) throw new Error(`PUT /api/v1/queues/support answered ${response.status}: ${await response.text()}`);
}

/** Polls until `probe` holds, or fails after `timeoutMs` naming what was awaited. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Resolves once the journal has stopped growing (the adapter has committed everything it was sent). */
export async function settled(server: TestServer, quietMs = 400): Promise<number> {
  let last = -1;
  for (;;) {
    const count = await server.app.store.journal.count();
    if (count === last) return count;
    last = count;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
}

export const agentOf = (snapshot: Snapshot, agentId: string) => snapshot.agents.find((a) => a.agentId === agentId);
export const queueOf = (snapshot: Snapshot, queueId: string) => snapshot.queues.find((q) => q.queueId === queueId);
