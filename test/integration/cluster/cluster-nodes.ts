import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { inspectCluster } from '../../../apps/server/src/cluster/cluster-admin.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The machine's NATS with JetStream (started with its default sync_interval). */
export const NATS_URL = process.env.PLANCIA_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

export interface ClusterNode extends ServerProcess {
  id: string;
}

/** Starts one node of `cluster` as its own process; the machine's NATS fsyncs late, so the test accepts that risk. */
export async function startNode(id: string, cluster: string, databaseUrl: string, env: Record<string, string> = {}): Promise<ClusterNode> {
  const node = await startServerProcess({
    DATABASE_URL: databaseUrl, PLANCIA_NATS_URL: NATS_URL, PLANCIA_CLUSTER: cluster, PLANCIA_NODE_ID: id,
    PLANCIA_NATS_ALLOW_UNSYNCED: '1', ...env,
  }, { capture: true, readyWithinMs: 150_000 });
  return { ...node, id };
}

/** Runs a node without PLANCIA_NATS_ALLOW_UNSYNCED to its exit; answers its exit code and what it printed. */
export function refusedStart(cluster: string, databaseUrl: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PLANCIA_DEMO: '0', LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl, PLANCIA_NATS_URL: NATS_URL, PLANCIA_CLUSTER: cluster },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

export const inspect = (cluster: string) => inspectCluster([NATS_URL], cluster);

/** How many of the events with these ids the journal holds. */
export async function journaled(databaseUrl: string, ids: readonly string[]): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM event_journal WHERE id = ANY($1::text[])', [ids]);
    return Number(rows[0]!.count);
  } finally {
    await client.end();
  }
}

export async function postBatch(url: string, events: unknown[]): Promise<{ accepted: number; duplicates: number }> {
  const response = await fetch(`${url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(events) });
  if (response.status !== 202) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { accepted: number; duplicates: number };
}

/**
 * A node's snapshot without `seq`: that numbers the node's own change messages (how often it pushed), not a figure; a
 * board that moves to another node starts over from that node's snapshot.
 */
export async function snapshotOf(url: string): Promise<string> {
  const { seq: _pushSequence, ...figures } = (await (await fetch(`${url}/api/v1/snapshot`)).json()) as { seq: number };
  return JSON.stringify(figures);
}

/** Where two JSON documents differ (paths and both values), for a failure message. */
export function differences(a: unknown, b: unknown, path = '', out: string[] = []): string[] {
  if (out.length > 20) return out;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${path}: ${JSON.stringify(a)?.slice(0, 120)} ≠ ${JSON.stringify(b)?.slice(0, 120)}`);
    return out;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b as object)]);
  for (const key of keys) differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`, out);
  return out;
}
