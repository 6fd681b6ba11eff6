import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { createGunzip, gunzip, gzip } from 'node:zlib';
import type { StateReader } from '@plancia/store';
import type { EngineConfig, EngineState } from '@plancia/engine';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/**
 * zlib's output chunk: its default, 16 KiB, makes a day's state thousands of buffers, each an external allocation
 * that adds to V8's external memory pressure, so full collections of a large heap ran in the middle of the work (a
 * 270 MB state took 12 to 15 s of CPU to gunzip beside a 1.8 GB heap, 1.2 to 4 s in one buffer).
 */
const GZIP_CHUNK = 8 << 20;
const GUNZIP_CHUNK = { min: 64 << 10, max: 1 << 30 };

/**
 * The state as stored: structured-clone bytes (v8.serialize), gzip level 1 on the thread pool. The state is typed
 * arrays and interned strings, so the event loop only pays for copying them into the buffer. Gzip level 1 restores
 * fastest of what zlib offers here (measured on a 270 MB state: gunzip 0.55 s, raw inflate 0.5 s, brotli quality 1
 * 1.2 s); stored uncompressed, the row would be 5x larger on the wire and PostgreSQL would pglz-compress it itself.
 */
export function encodeState(state: EngineState): Promise<Buffer> {
  return gzipAsync(serialize(state), { level: 1, chunkSize: GZIP_CHUNK });
}

/**
 * The stored bytes inflated, on the thread pool: a start inflates the checkpoint it read ahead while the main thread
 * still loads the server's modules. Into one buffer of the size the gzip trailer states: zlib's stream then pushes a
 * single view of that buffer, so nothing is copied at the end (node's async gunzip only concatenates when there are
 * several chunks).
 */
export function inflateState(bytes: Uint8Array): Promise<Buffer> {
  return gunzipAsync(bytes, { chunkSize: gunzipChunk(bytes) });
}

/**
 * An inflater fed the stored bytes slice by slice as they are read (zlib on the thread pool), so that the inflate
 * ends about when the read does rather than starting after it. `inflated` rejects if the bytes are not gzip.
 */
export function streamingInflate(): StateReader & { end(): void; fail(error: Error): void; inflated: Promise<Buffer> } {
  let gunzipper: ReturnType<typeof createGunzip> | undefined;
  let settle!: { resolve(bytes: Buffer): void; reject(error: unknown): void };
  const inflated = new Promise<Buffer>((resolve, reject) => (settle = { resolve, reject }));
  return {
    inflated,
    begin(_bytes, ending) {
      gunzipper = createGunzip({ chunkSize: gunzipChunk(ending) });
      const chunks: Buffer[] = [];
      gunzipper.on('data', (chunk: Buffer) => chunks.push(chunk));
      // `on`, not `once`: slices written after a failure report again, and an unheard 'error' would end the process.
      gunzipper.on('error', (error) => settle.reject(error));
      gunzipper.once('end', () => settle.resolve(joined(chunks)));
    },
    slice(slice) {
      if (gunzipper && !gunzipper.destroyed) gunzipper.write(slice);
    },
    end() {
      if (gunzipper) {
        if (!gunzipper.destroyed) gunzipper.end();
      }
      else settle.reject(new Error('no state read'));
    },
    fail(error) {
      gunzipper?.destroy();
      settle.reject(error);
    },
  };
}

/**
 * The inflater's chunks as one buffer. With the chunk size the trailer states, zlib's stream writes them all into one
 * buffer it allocated, one after the other, and pushes views of it: then the view over all of them is the result,
 * without copying 100 MB and leaving the chunks to the collector. Otherwise (a trailer that lies) they are copied.
 */
function joined(chunks: Buffer[]): Buffer {
  const first = chunks[0];
  if (first === undefined) return Buffer.alloc(0);
  let end = first.byteOffset;
  for (const chunk of chunks) {
    if (chunk.buffer !== first.buffer || chunk.byteOffset !== end) return Buffer.concat(chunks);
    end += chunk.length;
  }
  return Buffer.from(first.buffer, first.byteOffset, end - first.byteOffset);
}

/** Inflated bytes back to a state; throws on anything that is not one (a torn or foreign row). */
export function parseState(inflated: Uint8Array): EngineState {
  const state = deserialize(inflated) as Partial<EngineState> | null;
  const graph = state?.graph;
  if (typeof state?.version !== 'number' || typeof graph !== 'object' || !(graph.tags instanceof Uint8Array) || !Array.isArray(graph.shapes)) {
    throw new Error('not an engine state');
  }
  return state as EngineState;
}

/**
 * The inflated size the gzip trailer states (ISIZE, little-endian, the size mod 2^32), plus one byte so that zlib
 * sees the end within the one chunk; a torn trailer only makes the chunk wrong, never the result.
 */
function gunzipChunk(bytes: Uint8Array): number {
  const n = bytes.length;
  const stated = n < 4 ? 0 : (bytes[n - 4]! | (bytes[n - 3]! << 8) | (bytes[n - 2]! << 16) | (bytes[n - 1]! << 24)) >>> 0;
  return Math.min(Math.max(stated + 1, GUNZIP_CHUNK.min), GUNZIP_CHUNK.max);
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
