import fp from 'fastify-plugin';
import acknowledgeRoute from './acknowledge-route.js';
import liveRoute from './live-route.js';
import { pushOptions, type PushOptions } from './push-options.js';
import { attachSocketPush } from './socket-push.js';
import { ViewRooms } from './view-rooms.js';

/**
 * The push layer: socket.io for the wallboard and a plain WebSocket feed, both fed by one set of view rooms
 * listening to the live state; plus the REST acknowledgement of alerts.
 */
export const pushPlugin = fp<Partial<PushOptions>>(
  async (fastify, overrides) => {
    const push = { ...pushOptions(fastify.config.pushIntervalMs), ...overrides };
    const rooms = new ViewRooms(fastify.live, push.intervalMs);
    fastify.addHook('onClose', async () => rooms.close());
    attachSocketPush(fastify, rooms, push);
    await fastify.register(liveRoute, { rooms, push });
    await fastify.register(acknowledgeRoute);
  },
  { name: 'push', dependencies: ['config', 'live', 'access', 'tenancy', 'control-log'] },
);
