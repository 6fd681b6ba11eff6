import { createRequire } from 'node:module';
import { constants, createDeflateRaw, deflateRawSync, type DeflateRaw } from 'node:zlib';
import { Encoder as MsgpackEncoder } from 'socket.io-msgpack-parser';
import type { BoardChanges } from '@plancia/contracts';

/**
 * What one `changes` broadcast puts in a WebSocket frame, and how a board gets the changes back. Each stream of
 * messages (a room's, as its boards receive them in order) gets an encoder and a decoder of its own: an encoding may
 * keep state from one message to the next.
 */
export interface Candidate {
  name: string;
  encoder(): (changes: BoardChanges) => Uint8Array;
  decoder(): (frame: Uint8Array) => BoardChanges;
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
  encoder: () => (changes) => textEncoder.encode(`4${EVENT}${JSON.stringify(['changes', changes])}`),
  decoder: () => (frame) => (JSON.parse(textDecoder.decode(frame).slice(2)) as [string, BoardChanges])[1],
};

// The browser's socket.io-msgpack-parser decodes with notepack.io's browser build (DataView over the ArrayBuffer
// engine.io hands it), not the Node build: the client's cost is that one's.
const parserRequire = createRequire(createRequire(import.meta.url).resolve('socket.io-msgpack-parser'));
const browserDecode = parserRequire('notepack.io/browser/decode.js') as (buffer: ArrayBuffer | Uint8Array) => unknown;
const msgpackEncoder = new MsgpackEncoder();

/** socket.io-msgpack-parser: the whole packet `{ type, data, nsp }` in MessagePack, sent as a binary frame as is. */
export const msgpackCandidate: Candidate = {
  name: 'MessagePack (socket.io-msgpack-parser)',
  encoder: () => (changes) => (msgpackEncoder.encode({ type: EVENT, data: ['changes', changes], nsp: '/' }) as unknown as Uint8Array[])[0]!,
  decoder: () => (frame) => (browserDecode(frame) as { data: [string, BoardChanges] }).data[1],
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** `value` with each object key replaced by its number in `table` (base 36), keys not yet in it added to it and to `fresh`. */
function shareKeys(value: Json, table: Map<string, number>, fresh: string[]): Json {
  if (Array.isArray(value)) return value.map((item) => shareKeys(item, table, fresh));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, Json> = {};
  for (const key of Object.keys(value)) {
    let index = table.get(key);
    if (index === undefined) {
      index = table.size;
      table.set(key, index);
      fresh.push(key);
    }
    out[index.toString(36)] = shareKeys(value[key]!, table, fresh);
  }
  return out;
}

function restoreKeys(value: Json, keys: readonly string[]): Json {
  if (Array.isArray(value)) return value.map((item) => restoreKeys(item, keys));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, Json> = {};
  for (const index of Object.keys(value)) out[keys[parseInt(index, 36)]!] = restoreKeys(value[index]!, keys);
  return out;
}

/**
 * JSON with shared strings, its simplest form: the field names. A room numbers each field name the first time it sends
 * it and sends only the number after that; a message carries the names it numbers first (`k`) beside the body (`d`).
 * Boards keep the table (one joining later would get it with its snapshot), so the room still encodes once.
 */
export const sharedKeysCandidate: Candidate = {
  name: 'JSON with shared field names',
  encoder: () => {
    const table = new Map<string, number>();
    return (changes) => {
      const fresh: string[] = [];
      const d = shareKeys(changes as unknown as Json, table, fresh);
      return textEncoder.encode(`4${EVENT}${JSON.stringify(['changes', { k: fresh, d }])}`);
    };
  },
  decoder: () => {
    const keys: string[] = [];
    return (frame) => {
      const { k, d } = (JSON.parse(textDecoder.decode(frame).slice(2)) as [string, { k: string[]; d: Json }])[1];
      keys.push(...k);
      return restoreKeys(d, keys) as unknown as BoardChanges;
    };
  },
};

/** ws's permessage-deflate defaults: zlib's default level, 15 window bits, memLevel 8; frames under 1 KiB are sent as they are. */
export const WS_DEFLATE = { threshold: 1024, zlib: { windowBits: 15, memLevel: 8, level: constants.Z_DEFAULT_COMPRESSION } };
/** ws removes the empty stored block that ends each sync flush; the receiver puts it back. */
const TRAILER_BYTES = 4;

/**
 * Bytes on the wire for one frame compressed alone, as without context takeover (each frame a fresh window). ws ends
 * a frame with a sync flush, not a finish, and strips the flush's trailer.
 */
export function deflatedAlone(frame: Uint8Array): number {
  if (frame.byteLength < WS_DEFLATE.threshold) return frame.byteLength;
  return deflateRawSync(frame, { ...WS_DEFLATE.zlib, finishFlush: constants.Z_SYNC_FLUSH }).byteLength - TRAILER_BYTES;
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

/** A room's messages in order, as one encoder of `candidate` frames them. */
export function encodeAll(candidate: Candidate, messages: readonly BoardChanges[]): Uint8Array[] {
  const encode = candidate.encoder();
  return messages.map((message) => encode(message));
}

/** Frames in order, as one board of `candidate` reads them. */
export function decodeAll(candidate: Candidate, frames: readonly Uint8Array[]): BoardChanges[] {
  const decode = candidate.decoder();
  return frames.map((frame) => decode(frame));
}
