import type { Server } from 'socket.io';
import type { ServerToClientEvents } from '@plancia/contracts';
import type { Broadcasts } from '../control-log/broadcasts.js';
import { toBroadcast } from '../control-log/broadcast-targets.js';
import type { ViewRooms } from './view-rooms.js';

type BroadcastServer = Pick<Server<Record<string, never>, ServerToClientEvents>, 'to'>;

/**
 * Sends each broadcast, and its withdrawal, to the rooms whose audience shows it: once per room, never to everyone.
 * (A newcomer gets the active ones when it subscribes, see socket-push.ts.) Answers how to stop.
 */
export function pushBroadcasts(io: BroadcastServer, rooms: ViewRooms, broadcasts: Broadcasts): () => void {
  return broadcasts.onChange(({ kind, broadcast }) => {
    const names = rooms.roomsWhere((audience) => broadcasts.reaches(broadcast, audience));
    if (names.length === 0) return;
    if (kind === 'sent') io.to(names).emit('broadcast', toBroadcast(broadcast));
    else io.to(names).emit('broadcastWithdrawn', { id: broadcast.id });
  });
}
