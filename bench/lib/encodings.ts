import { createRequire } from 'node:module';
import { constants, createDeflateRaw, deflateRawSync, type DeflateRaw } from 'node:zlib';
import { Encoder as MsgpackEncoder } from 'socket.io-msgpack-parser';
import type { BoardChanges } from '@plancia/contracts';

/** What one `changes` broadcast puts in a WebSocket frame, and how a board gets the changes back. */
export interface Candidate {
  name: string;
  encode(changes: BoardChanges): Uint8Array;
  decode(frame: Uint8Array): BoardChanges;
}

const EVENT = 2;
const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder();

/**
 * socket.io's default parser: an EVENT packet on `/` is `2` and the JSON of `[name, ...args]`, which engine.io sends
 * as a text frame behind its message type `4`. Decoding is what the client's parser does: JSON.parse after the types.
 */
export const jsonCandidate: Candidate = {
  name: 'JSON (socket.io default parser)',
  encode: (changes) => textEncoder.encode(`4${EVENT}${JSON.stringify(['changes', changes])}`),
  decode: (frame) => (JSON.parse(textDecoder.decode(frame).slice(2)) as [string, BoardChanges])[1],
};

// The browser's socket.io-msgpack-parser decodes with notepack.io's browser build (DataView over the ArrayBuffer
// engine.io hands it), not the Node build: the client's cost is that one's.
const parserRequire = createRequire(createRequire(import.meta.url).resolve('socket.io-msgpack-parser'));
const browserDecode = parserRequire('notepack.io/browser/decode.js') as (buffer: ArrayBuffer | Uint8Array) => unknown;
const msgpackEncoder = new MsgpackEncoder();

/** socket.io-msgpack-parser: the whole packet `{ type, data, nsp }` in MessagePack, sent as a binary frame as is. */
export const msgpackCandidate: Candidate = {
  name: 'MessagePack (socket.io-msgpack-parser)',
  encode: (changes) => (msgpackEncoder.encode({ type: EVENT, data: ['changes', changes], nsp: '/' }) as unknown as Uint8Array[])[0]!,
  decode: (frame) => (browserDecode(frame) as { data: [string, BoardChanges] }).data[1],
};

/** ws's permessage-deflate defaults: zlib's default level, 15 window bits, memLevel 8; frames under 1 KiB are sent as they are. */
export const WS_DEFLATE = { threshold: 1024, zlib: { windowBits: 15, memLevel: 8, level: constants.Z_DEFAULT_COMPRESSION } };
/** ws removes the empty stored block that ends each sync flush; the receiver puts it back. */
const TRAILER_BYTES = 4;

/** Bytes on the wire for one frame compressed alone, as without context takeover (each frame a fresh window). */
export function deflatedAlone(frame: Uint8Array): number {
  if (frame.byteLength < WS_DEFLATE.threshold) return frame.byteLength;
  return deflateRawSync(frame, WS_DEFLATE.zlib).byteLength - TRAILER_BYTES;
}

/**
 * Bytes on the wire for each frame of one connection with context takeover (ws's default): one deflate stream for the
 * whole connection, flushed at the end of each frame, so a frame may refer to the ones before it.
 */
export async function deflatedInSequence(frames: readonly Uint8Array[]): Promise<number[]> {
  const stream: DeflateRaw = createDeflateRaw(WS_DEFLATE.zlib);
  const sizes: number[] = [];
  let out = 0;
  stream.on('data', (chunk: Buffer) => (out += chunk.byteLength));
  for (const frame of frames) {
    if (frame.byteLength < WS_DEFLATE.threshold) {
      sizes.push(frame.byteLength);
      continue;
    }
    out = 0;
    stream.write(frame);
    await new Promise<void>((done) => stream.flush(constants.Z_SYNC_FLUSH, () => done()));
    sizes.push(out - TRAILER_BYTES);
  }
  stream.close();
  return sizes;
}
