import { io, type Socket } from 'socket.io-client';
import { inOrderInflater } from './inflate-changes.js';
import { ViewSubscriber } from './view-subscriber.js';
import type { AlertEvent, BoardChanges, Broadcast, CallbackEntry, ClientToServerEvents, ServerToClientEvents, Snapshot, View } from '@plancia/contracts';

/** What a board does with what its socket hears; times are in ms. */
export interface BoardListener {
  snapshot(snapshot: Snapshot): void;
  /** Patches of what the board holds (see BoardChanges). */
  changes(changes: BoardChanges): void;
  alert(event: AlertEvent): void;
  /** The active broadcasts after a subscribe, replacing what the board had; then each one sent or withdrawn. */
  broadcasts(list: Broadcast[]): void;
  broadcast(broadcast: Broadcast): void;
  broadcastWithdrawn(id: string): void;
  /** An entry of the callback worklist as it is now (boards without a worklist may ignore it). */
  callback?(entry: CallbackEntry): void;
  connected(at: number): void;
  heard(at: number): void;
  lost(at: number, reason?: string): void;
}

type BoardSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
let socket: BoardSocket | null = null;
let subscribe: (() => void) | null = null;

/**
 * Connects the board: on every (re)connection it subscribes to its view as `view()` gives it then (see
 * ViewSubscriber), and starts over from the snapshot the server sends. Everything heard, heartbeats included, marks
 * the data fresh.
 */
export function connectBoard(view: () => View, token: string | undefined, listener: BoardListener): () => void {
  // Changes come deflated once per room on the server: a tenth to a twentieth of the bytes of their JSON.
  const current: BoardSocket = io({ path: '/socket.io', transports: ['websocket'], auth: token ? { token } : {}, query: { encoding: 'deflate' } });
  socket = current;
  const heard = () => listener.heard(Date.now());
  let closed = false;
  const subscriber = new ViewSubscriber({
    send: (answer) => void current.emit('subscribe', view(), answer),
    accepted: () => listener.connected(Date.now()),
    refused: (error) => listener.lost(Date.now(), error),
    later: (run, ms) => void setTimeout(() => closed || run(), ms),
  });
  subscribe = () => {
    if (current.connected) subscriber.request();
  };
  // The subscriber was reset when the connection dropped (below): every connection asks for the view afresh.
  current.on('connect', () => subscriber.request());
  current.on('snapshot', (snapshot) => {
    listener.snapshot(snapshot);
    heard();
  });
  const takeDeflated = inOrderInflater((changes) => {
    listener.changes(changes);
    heard();
  }, (error) => {
    // A change it could not read leaves the board behind: it starts over from a fresh snapshot.
    listener.lost(Date.now(), `unreadable changes: ${error.message}`);
    current.disconnect().connect();
  });
  current.on('changesDeflated', takeDeflated);
  current.on('alert', (event) => {
    listener.alert(event);
    heard();
  });
  current.on('broadcasts', (list) => listener.broadcasts(list));
  current.on('broadcast', (broadcast) => listener.broadcast(broadcast));
  current.on('broadcastWithdrawn', ({ id }) => listener.broadcastWithdrawn(id));
  current.on('callback', (entry) => listener.callback?.(entry));
  current.io.on('ping', heard);
  current.on('disconnect', (reason) => {
    subscriber.reset();
    listener.lost(Date.now(), reason);
    // The server closed this connection on purpose (e.g. a restart): socket.io does not retry those by itself.
    if (reason === 'io server disconnect') current.connect();
  });
  current.on('connect_error', (error) => listener.lost(Date.now(), error.message));
  return () => {
    closed = true;
    current.close();
    if (socket !== current) return;
    socket = null;
    subscribe = null;
  };
}

/** The board's view changed (a TV turned to another agent page): subscribe to it, starting over from its snapshot. */
export function resubscribe(): void {
  subscribe?.();
}

/** Acknowledges an alert for everyone; resolves to an error message, or null when done. */
export function acknowledgeAlert(alertId: string, note: string, by: string): Promise<string | null> {
  const current = socket;
  if (!current?.connected) return Promise.resolve('offline');
  return new Promise((resolve) => {
    current.timeout(5000).emit('acknowledgeAlert', { alertId, note, by }, (error, result) => {
      if (error) resolve(error.message);
      else resolve(result.ok ? null : result.error);
    });
  });
}
