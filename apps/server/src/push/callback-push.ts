import type { Server } from 'socket.io';
import type { ServerToClientEvents } from '@plancia/contracts';
import type { CallbackWorklist } from '../callbacks/callback-worklist.js';
import { inReach } from '../callbacks/callback-scope.js';
import type { ViewRooms } from './view-rooms.js';

type CallbackServer = Pick<Server<Record<string, never>, ServerToClientEvents>, 'to'>;

/** Sends each changed worklist entry to the rooms whose audience reaches its queue, once per room. Answers how to stop. */
export function pushCallbacks(io: CallbackServer, rooms: ViewRooms, worklist: CallbackWorklist): () => void {
  return worklist.onChange((entry) => {
    const names = rooms.roomsWhere((audience) => inReach(audience.reach, entry));
    if (names.length > 0) io.to(names).emit('callback', entry);
  });
}
