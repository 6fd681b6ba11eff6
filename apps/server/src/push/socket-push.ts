import type { FastifyInstance } from 'fastify';
import { Server, type Socket } from 'socket.io';
import { boardEncodingOf, RATE_LIMITED, type Ack, type BoardChanges, type BoardEncoding, type ClientToServerEvents, type HandshakeAuth, type ServerToClientEvents, type View } from '@plancia/contracts';
import type { Audience } from '../tenancy/audience.js';
import { socketIoGate } from '../plugins/app/access.js';
import { holdWhileAdmitted } from '../session/session-sockets.js';
import type { Principal } from '../plugins/app/principal.js';
import { acknowledgeAs } from './acknowledge.js';
import { pushBroadcasts } from './broadcast-push.js';
import { pushCallbacks } from './callback-push.js';
import { encodingRoom } from './change-encoding.js';
import type { PushOptions } from './push-options.js';
import { RateLimit } from './rate-limit.js';
import { attachWithOwnUpgrades } from './upgrade-routing.js';
import { checkView } from './view-request.js';
import { ViewRooms, type ChangeFrames } from './view-rooms.js';

interface SocketData { view?: View; room?: string; lagging: boolean; principal?: Principal; encoding: BoardEncoding }
type PushServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type PushSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const PATH = '/socket.io';
const MAX_QUEUED_PACKETS = 64;
const BACKLOG_CHECK_MS = 500;
const noAck = () => {};

/** What a socket has not yet handed to the network: packets waiting in engine.io and bytes in the WebSocket. */
function isBacklogged(socket: PushSocket, maxBytes: number): boolean | 'empty' {
  // engine.io keeps both private; they are the only measure of what a connection still owes.
  const conn = socket.conn as unknown as { writeBuffer: unknown[]; transport: { socket?: { bufferedAmount?: number } } };
  const packets = conn.writeBuffer.length;
  const transport = conn.transport;
  const bytes = transport.socket?.bufferedAmount ?? 0;
  if (packets === 0 && bytes === 0) return 'empty';
  return packets > MAX_QUEUED_PACKETS || bytes > maxBytes;
}

/**
 * socket.io on the fastify HTTP server: a handshake checked for session or token and Origin, `subscribe` to the room
 * of a view and of what the socket's principal may see (snapshot, then coalesced changes and alert transitions
 * broadcast once per room); a view outside the principal's scope is refused.
 */
export function attachSocketPush(fastify: FastifyInstance, rooms: ViewRooms, options: PushOptions): PushServer {
  const io: PushServer = attachWithOwnUpgrades(fastify.server, PATH, () => new Server(fastify.server, {
    path: PATH,
    serveClient: false,
    maxHttpBufferSize: options.maxMessageBytes,
    perMessageDeflate: false,
    httpCompression: false,
    // Boards call their data stale after 5 s of silence; a heartbeat every 2 s keeps a quiet but healthy board fresh.
    pingInterval: 2000,
    pingTimeout: 5000,
  }));
  const roomOutlets = new Map<string, () => void>();

  io.use(socketIoGate(fastify.access, 'view', fastify.identify));
  io.use((socket, next) => {
    const encoding = boardEncodingOf(socket.handshake.query);
    if (!encoding) return next(new Error("encoding: expected 'json' or 'deflate'"));
    socket.data.encoding = encoding;
    next();
  });

  const hasMembers = (room: string) => (io.of('/').adapter.rooms.get(room)?.size ?? 0) > 0;
  /** A room's changes in each encoding a board of the room takes (the deflated payload shared with the plain feed). */
  const sendChanges = (room: string, changes: BoardChanges, frames: ChangeFrames) => {
    const deflated = encodingRoom(room, 'deflate');
    if (hasMembers(deflated)) io.to(deflated).emit('changesDeflated', frames.deflated());
    const json = encodingRoom(room, 'json');
    if (hasMembers(json)) io.to(json).emit('changes', changes);
  };
  const join = (socket: PushSocket, room: string) => void socket.join([room, encodingRoom(room, socket.data.encoding)]);
  const leave = (socket: PushSocket, room: string) => {
    void socket.leave(room);
    void socket.leave(encodingRoom(room, socket.data.encoding));
  };

  /** The snapshot a newcomer to `room` starts from; the first one in opens the room's outlet. */
  const enterRoom = (room: string, view: View, audience: Audience) => {
    const snapshot = rooms.snapshotOf(room);
    if (snapshot && roomOutlets.has(room)) return snapshot;
    const attached = rooms.attach(view, audience, {
      changes: (changes, frames) => sendChanges(room, changes, frames),
      alert: (event) => io.to(room).emit('alert', event),
    });
    roomOutlets.set(room, attached.detach);
    return attached.snapshot;
  };

  /** Joins the room of `view` as the socket's principal may see it; a refusal names the field. */
  const subscribe = (socket: PushSocket, view: View): { ok: true; room: string } | { ok: false; error: string } => {
    const audience = fastify.audienceOf(socket.data.principal);
    const refusal = audience.refusal(view);
    if (refusal) return { ok: false, error: `forbidden: ${refusal}` };
    const room = ViewRooms.nameOf(view, audience);
    if (socket.data.room && socket.data.room !== room) leave(socket, socket.data.room);
    socket.data = { ...socket.data, view, room, lagging: false };
    socket.emit('snapshot', enterRoom(room, view, audience));
    socket.emit('broadcasts', fastify.broadcasts.visibleTo(audience));
    fastify.noteNamedView(audience, view, 'socket.io');
    join(socket, room);
    return { ok: true, room };
  };

  // A socket that cannot keep up leaves its room (its changes are dropped) and starts over from a snapshot once drained.
  const resyncLaggards = () => {
    for (const socket of io.of('/').sockets.values()) {
      const { room, view, lagging } = socket.data;
      if (!room || !view) continue;
      const backlog = isBacklogged(socket, options.maxBacklogBytes);
      if (!lagging && backlog === true) {
        socket.data.lagging = true;
        leave(socket, room);
      } else if (lagging && backlog === 'empty') {
        subscribe(socket, view);
      }
    }
  };

  io.on('connection', (socket) => {
    socket.data = { lagging: false, principal: socket.data.principal, encoding: socket.data.encoding };
    // Its session ended (logout, access changed, user deleted, expired): the client hears `io server disconnect`,
    // connects again and is refused as unauthorized, which takes the board to the login form.
    const release = holdWhileAdmitted(fastify, socket.request, socket.data.principal, () => socket.disconnect(true));
    socket.on('disconnect', release);
    const limit = new RateLimit(options.clientMessages.burst, options.clientMessages.perSecond);
    socket.use((packet, next) => {
      if (limit.take()) return next();
      const ack = packet.at(-1);
      if (typeof ack === 'function') ack({ ok: false, error: `${RATE_LIMITED}: slow down` });
    });
    socket.on('subscribe', (value, ack: Ack<{ room: string }> = noAck) => {
      const checked = checkView(value);
      if (!checked.ok) return ack({ ok: false, error: checked.error });
      ack(subscribe(socket, checked.view));
    });
    socket.on('acknowledgeAlert', (request, ack: Ack<object> = noAck) => void acknowledge(fastify, socket, request, ack));
  });

  // A tenant's reach or agent-detail mode changed: its boards start over from a snapshot under the new rules.
  const stopTenancy = fastify.tenancy.onChange((tenantId) => {
    const affected = new Set(rooms.roomsWhere((audience) => audience.principal.tenant === tenantId));
    for (const socket of io.of('/').sockets.values()) {
      const { room, view } = socket.data;
      if (room && view && affected.has(room) && !subscribe(socket, view).ok) socket.disconnect(true);
    }
  });

  io.of('/').adapter.on('delete-room', (room: string) => {
    roomOutlets.get(room)?.();
    roomOutlets.delete(room);
  });

  const stopBroadcasts = pushBroadcasts(io, rooms, fastify.broadcasts);
  const stopCallbacks = pushCallbacks(io, rooms, fastify.callbackWorklist);
  const backlogCheck = setInterval(resyncLaggards, BACKLOG_CHECK_MS);
  backlogCheck.unref();
  fastify.addHook('preClose', async () => {
    clearInterval(backlogCheck);
    stopTenancy();
    stopBroadcasts();
    stopCallbacks();
    io.local.disconnectSockets(true);
  });
  // fastify closes the HTTP server itself; only engine.io's own state is left to close.
  fastify.addHook('onClose', async () => void io.engine.close());
  return io;
}

type AcknowledgeMessage = Parameters<ClientToServerEvents['acknowledgeAlert']>[0];

/**
 * An acknowledgement from a board, if the socket's session or token may acknowledge (the session is looked up again:
 * a logout since the handshake counts) and the alert is within what it sees. Everyone who may see the alert hears
 * it acknowledged through the live state's alert stream.
 */
async function acknowledge(fastify: FastifyInstance, socket: PushSocket, request: AcknowledgeMessage | undefined, ack: Ack<object>): Promise<void> {
  if (typeof request?.alertId !== 'string' || request.alertId.length === 0 || request.alertId.length > 200) {
    return ack({ ok: false, error: 'alertId: expected a string of 1 to 200 characters' });
  }
  const { token } = (socket.handshake.auth ?? {}) as HandshakeAuth;
  const user = await Promise.resolve(fastify.identify(socket.request)).catch((error: unknown) => {
    fastify.log.error({ err: error }, 'looking up the session of an acknowledgement failed');
    return null;
  });
  if (user === null) return ack({ ok: false, error: 'the acknowledgement could not be recorded' });
  const verdict = fastify.access.authorize('acknowledge', socket.request, typeof token === 'string' ? token : undefined, user);
  if (!verdict.ok) return ack({ ok: false, error: `${verdict.error}: ${verdict.message}` });
  const note = typeof request.note === 'string' && request.note.length > 0 ? request.note.slice(0, 1000) : null;
  const typed = typeof request.by === 'string' && request.by.length > 0 ? request.by.slice(0, 200) : undefined;
  acknowledgeAs(fastify, verdict.principal, request.alertId, note, typed).then(
    (event) => ack(event ? { ok: true } : { ok: false, error: `alertId: no active alert ${request.alertId}` }),
    (error: unknown) => {
      fastify.log.error({ err: error }, 'acknowledging an alert failed');
      ack({ ok: false, error: 'the acknowledgement could not be recorded' });
    },
  );
}
