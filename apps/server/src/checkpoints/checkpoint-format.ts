import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { gunzip, gzip } from 'node:zlib';
import type { EngineConfig, EngineState } from '@plancia/engine';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/**
 * The state as stored: structured-clone bytes (v8.serialize), compressed on the thread pool. The state is typed arrays
 * and interned strings, so the event loop only pays for copying them into the buffer.
 */
export function encodeState(state: EngineState): Promise<Buffer> {
  return gzipAsync(serialize(state), { level: 1 });
}

/** The stored bytes back to a state; throws on anything that is not one (a torn or foreign row). */
export async function decodeState(bytes: Uint8Array): Promise<EngineState> {
  const state = deserialize(await gunzipAsync(bytes)) as Partial<EngineState> | null;
  const graph = state?.graph;
  if (typeof state?.version !== 'number' || typeof graph !== 'object' || !(graph.tags instanceof Uint8Array) || !Array.isArray(graph.shapes)) {
    throw new Error('not an engine state');
  }
  return state as EngineState;
}

/**
 * The configuration the state was computed under, as a hash that does not depend on the order of keys or of the
 * lists' entries (a queue rebuilt at run time goes to the end of the list; a restart loads them sorted).
 */
export function configFingerprint(config: EngineConfig): string {
  return createHash('sha256').update(canonical(config, 0)).digest('hex');
}

function canonical(value: unknown, depth: number): string {
  if (Array.isArray(value)) {
    const items = value.map((item) => canonical(item, depth + 1));
    // Only the configuration's top-level lists are sets; lists inside an entry (a calendar's hours) keep their order.
    return `[${(depth === 1 ? items.sort() : items).join(',')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v, depth + 1)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
