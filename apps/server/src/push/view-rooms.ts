import { ViewMatcher, type Delta, type LiveMessage, type Snapshot, type View } from '@plancia/contracts';
import { Coalescer } from './coalescer.js';
import type { LiveSource } from './live-source.js';
import { canonicalView, roomName } from './view-filter.js';

/** Receives a room's coalesced delta; `encoded` gives it as a LiveMessage frame, serialised once per room. */
export type RoomOutlet = (delta: Delta, encoded: () => string) => void;

interface Room {
  view: View;
  matcher: ViewMatcher;
  coalescer: Coalescer;
  outlets: Set<RoomOutlet>;
}

/**
 * One room per distinct view: each change from the engine is filtered once per room, coalesced once per room
 * and handed to the room's outlets (a socket.io room broadcast, or plain WebSocket subscribers).
 */
export class ViewRooms {
  private readonly rooms = new Map<string, Room>();
  private readonly stopListening: () => void;

  constructor(private readonly live: LiveSource, private readonly intervalMs: number) {
    this.stopListening = live.onDelta((delta) => this.dispatch(delta));
  }

  /** Adds an outlet to the view's room and returns the room name and the snapshot to start from. */
  attach(view: View, outlet: RoomOutlet): { room: string; snapshot: Snapshot; detach: () => void } {
    const name = roomName(view);
    const room = this.rooms.get(name) ?? this.open(name, canonicalView(view));
    room.outlets.add(outlet);
    const snapshot = this.snapshot(room);
    return { room: name, snapshot, detach: () => this.detach(name, outlet) };
  }

  /** A fresh snapshot of a room's view, for a receiver that starts over. */
  snapshotOf(name: string): Snapshot | null {
    const room = this.rooms.get(name);
    return room ? this.snapshot(room) : null;
  }

  close(): void {
    this.stopListening();
    for (const room of this.rooms.values()) room.coalescer.close();
    this.rooms.clear();
  }

  private snapshot(room: Room): Snapshot {
    return this.live.snapshot(room.view);
  }

  private open(name: string, view: View): Room {
    const outlets = new Set<RoomOutlet>();
    const coalescer = new Coalescer(this.intervalMs, (delta) => {
      let json: string | undefined;
      const encoded = () => (json ??= JSON.stringify({ type: 'changes', delta } satisfies LiveMessage));
      for (const outlet of outlets) outlet(delta, encoded);
    });
    const room = { view, matcher: new ViewMatcher(view), coalescer, outlets };
    this.rooms.set(name, room);
    return room;
  }

  private detach(name: string, outlet: RoomOutlet): void {
    const room = this.rooms.get(name);
    if (!room) return;
    room.outlets.delete(outlet);
    if (room.outlets.size > 0) return;
    room.coalescer.close();
    this.rooms.delete(name);
  }

  private dispatch(delta: Delta): void {
    for (const room of this.rooms.values()) {
      const filtered = room.matcher.filter(delta);
      if (filtered) room.coalescer.push(filtered);
    }
  }
}
