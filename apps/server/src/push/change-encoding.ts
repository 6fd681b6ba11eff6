import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { BoardChanges, BoardEncoding } from '@plancia/contracts';

/**
 * A change as `changesDeflated` carries it: its JSON raw-deflated and in base64. Deflating once per room is why the
 * bytes go and ws's permessage-deflate stays off: that compresses each send again on each connection, ~0.1–0.4 ms a
 * message a board. Base64 keeps the message one text frame (a binary attachment would be a second frame per board).
 */
export function deflateChanges(changes: BoardChanges): string {
  return deflateRawSync(JSON.stringify(changes)).toString('base64');
}

/** The changes a `changesDeflated` payload carries (what a board does with `DecompressionStream`). */
export function inflateChanges(payload: string): BoardChanges {
  return JSON.parse(inflateRawSync(Buffer.from(payload, 'base64')).toString('utf8')) as BoardChanges;
}

/** The room, within a view's room, of the boards that take its changes in `encoding`. */
export const encodingRoom = (room: string, encoding: BoardEncoding) => `${room}\u0000${encoding}`;
