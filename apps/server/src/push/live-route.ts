import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { WebSocket } from 'ws';
import type { LiveMessage } from '@plancia/contracts';
import { inReach } from '../callbacks/callback-scope.js';
import { toBroadcast } from '../control-log/broadcast-targets.js';
import type { Audience } from '../tenancy/audience.js';
import { holdWhileAdmitted, ADMISSION_ENDED_CLOSE } from '../session/session-sockets.js';
import { principalOf } from '../tenancy/tenancy-plugin.js';
import type { PushOptions } from './push-options.js';
import { LiveQuery, refuseHalfAgentPage, viewFromQuery } from './view-request.js';
import type { ViewRooms } from './view-rooms.js';

/**
 * `GET /api/v1/live`: the board's feed as plain WebSocket JSON messages (LiveMessage), for other tools.
 * Uses the @fastify/websocket instance the application registers.
 */
export default async function liveRoute(app: FastifyInstance, { rooms, push }: { rooms: ViewRooms; push: PushOptions }) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  const clients = new Map<WebSocket, string>();
  const audiences = new Map<WebSocket, Audience>();
  // A tenant's reach or agent-detail mode changed: its feeds close (1012, service restart) and reconnect under the new rules.
  const stopTenancy = fastify.tenancy.onChange((tenantId) => {
    const affected = new Set(rooms.roomsWhere((audience) => audience.principal.tenant === tenantId));
    for (const [ws, room] of clients) if (affected.has(room)) ws.close(1012, 'access changed: reconnect');
  });
  // Broadcasts reach each feed whose viewer the board would show them to (as the socket.io rooms get them).
  const stopBroadcasts = fastify.broadcasts.onChange(({ kind, broadcast }) => {
    const message = JSON.stringify((kind === 'sent'
      ? { type: 'broadcast', broadcast: toBroadcast(broadcast) }
      : { type: 'broadcastWithdrawn', id: broadcast.id }) satisfies LiveMessage);
    for (const [ws, audience] of audiences) if (fastify.broadcasts.reaches(broadcast, audience)) ws.send(message);
  });
  // Worklist entries reach each feed whose viewer reaches the entry's queue (as the socket.io rooms get `callback`).
  const stopCallbacks = fastify.callbackWorklist.onChange((entry) => {
    const message = JSON.stringify({ type: 'callback', entry } satisfies LiveMessage);
    for (const [ws, audience] of audiences) if (inReach(audience.reach, entry)) ws.send(message);
  });
  fastify.addHook('onClose', async () => {
    stopTenancy();
    stopBroadcasts();
    stopCallbacks();
  });

  fastify.get('/api/v1/live', {
    websocket: true,
    preHandler: [fastify.requireSocket('view'), refuseHalfAgentPage, fastify.refuseOutsideScope],
    schema: {
      summary: 'Live feed over a plain WebSocket',
      description: 'A snapshot and the active broadcasts, then coalesced changes, alert transitions, broadcasts sent or withdrawn and callback worklist entries as they change (in the viewer\'s reach), as JSON LiveMessage frames. A view outside the caller\'s scope is refused (403) before the upgrade.',
      querystring: LiveQuery,
    },
  }, (ws, request) => {
    const view = viewFromQuery(request.query);
    const encoding = request.query.encoding ?? 'json';
    const audience = fastify.audienceOf(principalOf(request));
    fastify.noteNamedView(audience, view, 'live');
    let lagging = false;
    const send = (message: string) => ws.send(message);
    // Frames already encoded for the room; a client too far behind skips them and restarts from a snapshot.
    const { room, snapshot, detach } = rooms.attach(view, audience, {
      changes: (_changes, frames) => {
        if (lagging && ws.bufferedAmount === 0) {
          lagging = false;
          const fresh = rooms.snapshotOf(room);
          if (fresh) send(JSON.stringify({ type: 'snapshot', snapshot: fresh } satisfies LiveMessage));
          return;
        }
        if (ws.bufferedAmount > push.maxBacklogBytes) lagging = true;
        if (!lagging) send(frames.frame(encoding));
      },
      alert: (_event, encoded) => send(encoded()),
    });
    send(JSON.stringify({ type: 'snapshot', snapshot } satisfies LiveMessage));
    send(JSON.stringify({ type: 'broadcasts', broadcasts: fastify.broadcasts.visibleTo(audience) } satisfies LiveMessage));
    clients.set(ws, room);
    audiences.set(ws, audience);
    const release = holdWhileAdmitted(fastify, request, request.principal, () => ws.close(ADMISSION_ENDED_CLOSE, 'session ended: sign in again'));
    ws.on('close', () => {
      release();
      clients.delete(ws);
      audiences.delete(ws);
      detach();
    });
  });
}
