import type { BoardChanges, Snapshot, View } from './snapshot.js';
import type { AlertEvent } from './alerts.js';
import type { Broadcast } from './control-log.js';
import type { CallbackEntry } from './callbacks.js';

export type Ack<T> = (result: ({ ok: true } & T) | { ok: false; error: string }) => void;

/** Events the server emits to wallboard clients over socket.io. */
export interface ServerToClientEvents {
  snapshot: (snapshot: Snapshot) => void;
  /** What changed since the last message, as patches (see BoardChanges): the board applies them to what it holds. */
  changes: (changes: BoardChanges) => void;
  /**
   * The same changes to a board that connected with `encoding: 'deflate'`: the JSON of BoardChanges, raw-deflated
   * (RFC 1951, as `DecompressionStream('deflate-raw')` reads it) and base64-encoded, made once per room.
   */
  changesDeflated: (payload: string) => void;
  alert: (event: AlertEvent) => void;
  /** Every active broadcast the board shows, after each `subscribe` (the board replaces what it had). */
  broadcasts: (broadcasts: Broadcast[]) => void;
  /** A broadcast sent just now to this board. */
  broadcast: (broadcast: Broadcast) => void;
  /** A broadcast withdrawn before its expiry. */
  broadcastWithdrawn: (withdrawn: { id: string }) => void;
  /** An entry of the callback worklist in a queue this board reaches, as it is now (new, claimed, released or closed). */
  callback: (entry: CallbackEntry) => void;
}

/** Events a wallboard client sends. */
export interface ClientToServerEvents {
  subscribe: (view: View, ack: Ack<{ room: string }>) => void;
  acknowledgeAlert: (request: { alertId: string; note?: string; by?: string }, ack: Ack<object>) => void;
}

/**
 * The error a board's message gets when it sends more than the server takes (a burst, then a few a second): the
 * message was dropped, not refused, and may be sent again a moment later.
 */
export const RATE_LIMITED = 'rate limit exceeded';

/** What the handshake carries in `auth`. */
export interface HandshakeAuth {
  token?: string;
}

/**
 * How a board takes its changes, named in the handshake's `query.encoding`: `json` (the default) as `changes`, or
 * `deflate` as `changesDeflated`, 4–20× fewer bytes on the wire for a deflate on the server once per room and message.
 */
export const BOARD_ENCODINGS = ['json', 'deflate'] as const;
export type BoardEncoding = (typeof BOARD_ENCODINGS)[number];

/** The encoding a handshake's query asks for (none: JSON), or null for one that is not offered. */
export function boardEncodingOf(query: Record<string, unknown> | undefined): BoardEncoding | null {
  const asked = query?.encoding ?? 'json';
  return (BOARD_ENCODINGS as readonly unknown[]).includes(asked) ? (asked as BoardEncoding) : null;
}

/** Messages on the plain WebSocket `GET /api/v1/live`: the same payloads, tagged. */
export type LiveMessage =
  | { type: 'snapshot'; snapshot: Snapshot }
  | { type: 'changes'; delta: BoardChanges }
  /** Instead of `changes`, on a feed opened with `encoding=deflate`: the same payload as socket.io's `changesDeflated`. */
  | { type: 'changesDeflated'; payload: string }
  | { type: 'alert'; event: AlertEvent }
  /** After the snapshot: every active broadcast the feed's view shows. */
  | { type: 'broadcasts'; broadcasts: Broadcast[] }
  | { type: 'broadcast'; broadcast: Broadcast }
  | { type: 'broadcastWithdrawn'; id: string }
  /** An entry of the callback worklist in a queue the feed's viewer reaches, as it is now (as socket.io's `callback`). */
  | { type: 'callback'; entry: CallbackEntry };
