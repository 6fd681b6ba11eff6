import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { WebSocket } from 'ws';
import type { LiveMessage } from '@plancia/contracts';
import type { PushOptions } from './push-options.js';
import { ViewQuery, viewFromQuery } from './view-request.js';
import type { ViewRooms } from './view-rooms.js';

/**
 * `GET /api/v1/live`: the board's feed as plain WebSocket JSON messages (LiveMessage), for other tools.
 * Uses the @fastify/websocket instance the application registers.
 */
export default async function liveRoute(app: FastifyInstance, { rooms, push }: { rooms: ViewRooms; push: PushOptions }) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  const clients = new Set<WebSocket>();
  const stopAlerts = fastify.live.onAlert((event) => {
    const message = JSON.stringify({ type: 'alert', event } satisfies LiveMessage);
    for (const ws of clients) ws.send(message);
  });
  fastify.addHook('onClose', async () => stopAlerts());

  fastify.get('/api/v1/live', {
    websocket: true,
    preHandler: fastify.requireSocket('view'),
    schema: {
      summary: 'Live feed over a plain WebSocket',
      description: 'A snapshot, then coalesced changes and alert transitions, as JSON LiveMessage frames.',
      querystring: ViewQuery,
    },
  }, (ws, request) => {
    const view = viewFromQuery(request.query);
    let lagging = false;
    const send = (message: string) => ws.send(message);
    // Frames already encoded for the room; a client too far behind skips them and restarts from a snapshot.
    const { room, snapshot, detach } = rooms.attach(view, (_delta, encoded) => {
      if (lagging && ws.bufferedAmount === 0) {
        lagging = false;
        const fresh = rooms.snapshotOf(room);
        if (fresh) send(JSON.stringify({ type: 'snapshot', snapshot: fresh } satisfies LiveMessage));
        return;
      }
      if (ws.bufferedAmount > push.maxBacklogBytes) lagging = true;
      if (!lagging) send(encoded());
    });
    send(JSON.stringify({ type: 'snapshot', snapshot } satisfies LiveMessage));
    clients.add(ws);
    ws.on('close', () => {
      clients.delete(ws);
      detach();
    });
  });
}
