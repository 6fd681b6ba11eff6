import { ViewMatcher, type AlertEvent, type BoardChanges, type BoardEncoding, type Delta, type LiveMessage, type Snapshot, type View } from '@plancia/contracts';
import { deflateChanges } from './change-encoding.js';
import type { Audience } from '../tenancy/audience.js';
import { Coalescer } from './coalescer.js';
import type { LiveSource } from './live-source.js';
import { RoomAgentPage } from './room-agent-page.js';
import { RoomMirror } from './room-mirror.js';
import { canonicalView, roomName } from './view-filter.js';

/** A room's change in the forms receivers take, each made at most once per room and only when one asks for it. */
export interface ChangeFrames {
  /** The payload of `changesDeflated`, for socket.io and the plain feed alike. */
  deflated(): string;
  /** The change's LiveMessage frame in a board encoding. */
  frame(encoding: BoardEncoding): string;
}

/** Receives a room's coalesced changes and its alert transitions, each also as a LiveMessage frame serialised once per room. */
export interface RoomOutlet {
  changes(changes: BoardChanges, frames: ChangeFrames): void;
  alert(event: AlertEvent, encoded: () => string): void;
}

interface Room {
  view: View;
  audience: Audience;
  matcher: ViewMatcher;
  mirror: RoomMirror;
  /** Present when the view asks for one page of its agents. */
  agentPage: RoomAgentPage | null;
  coalescer: Coalescer;
  outlets: Set<RoomOutlet>;
}

const once = (message: LiveMessage) => {
  let json: string | undefined;
  return () => (json ??= JSON.stringify(message));
};

const framesOf = (changes: BoardChanges): ChangeFrames => {
  const json = once({ type: 'changes', delta: changes });
  let payload: string | undefined;
  const deflated = () => (payload ??= deflateChanges(changes));
  const deflatedFrame = () => JSON.stringify({ type: 'changesDeflated', payload: deflated() } satisfies LiveMessage);
  let framed: string | undefined;
  return { deflated, frame: (encoding) => (encoding === 'json' ? json() : (framed ??= deflatedFrame())) };
};

/**
 * One room per distinct view and audience (who may see what, see tenancy/audience.ts): each change from the engine is
 * filtered once per room, turned into patches from what the room's boards hold (room-mirror.ts), coalesced once per
 * room and handed to the room's outlets (a socket.io room broadcast, or plain WebSocket subscribers) to be encoded once;
 * so is each alert transition the audience may see.
 */
export class ViewRooms {
  private readonly rooms = new Map<string, Room>();
  private readonly stopListening: Array<() => void>;

  constructor(private readonly live: LiveSource, private readonly intervalMs: number) {
    this.stopListening = [live.onDelta((delta) => this.dispatch(delta), () => this.anyRoomIdle()), live.onAlert((event) => this.dispatchAlert(event))];
  }

  /** The room a view and audience share. */
  static nameOf(view: View, audience: Audience): string {
    return `${roomName(view)}|${audience.key}`;
  }

  /** Adds an outlet to the room and returns the room name and the snapshot to start from. */
  attach(view: View, audience: Audience, outlet: RoomOutlet): { room: string; snapshot: Snapshot; detach: () => void } {
    // What the live state holds back goes to the rooms there are before this outlet's snapshot, which includes it.
    this.live.settle();
    const name = ViewRooms.nameOf(view, audience);
    const room = this.rooms.get(name) ?? this.open(name, canonicalView(view), audience);
    room.outlets.add(outlet);
    const snapshot = this.snapshot(room);
    return { room: name, snapshot, detach: () => this.detach(name, outlet) };
  }

  /** A fresh snapshot of a room's view, for a receiver that starts over. */
  snapshotOf(name: string): Snapshot | null {
    // As in attach: what waits reaches the room's boards before the snapshot that includes it.
    this.live.settle();
    const room = this.rooms.get(name);
    return room ? this.snapshot(room) : null;
  }

  /** Every room of audiences that `affected` picks: their boards must start over (a tenant's reach or privacy changed). */
  roomsWhere(affected: (audience: Audience) => boolean): string[] {
    return [...this.rooms].filter(([, room]) => affected(room.audience)).map(([name]) => name);
  }

  close(): void {
    for (const stop of this.stopListening) stop();
    for (const room of this.rooms.values()) room.coalescer.close();
    this.rooms.clear();
  }

  /** Every snapshot handed out starts a receiver: the room's mirror learns what that receiver holds. */
  private snapshot(room: Room): Snapshot {
    const { agentPage: _cutHere, ...engineView } = room.view;
    const shown = room.audience.snapshot(this.live.snapshot(engineView));
    const snapshot = room.agentPage ? room.agentPage.snapshot(shown) : shown;
    room.mirror.startsFrom(snapshot);
    return snapshot;
  }

  private open(name: string, view: View, audience: Audience): Room {
    const outlets = new Set<RoomOutlet>();
    const coalescer = new Coalescer(this.intervalMs, (changes) => {
      const frames = framesOf(changes);
      for (const outlet of outlets) outlet.changes(changes, frames);
    }, undefined, () => this.live.settle());
    const matcher = new ViewMatcher(view);
    const agentPage = view.agentPage ? new RoomAgentPage(view.agentPage, matcher, audience) : null;
    const room = { view, audience, matcher, mirror: new RoomMirror(), agentPage, coalescer, outlets };
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

  /** Whether a room would send a change at once; rooms within their interval fetch what waits as it ends (settle). */
  private anyRoomIdle(): boolean {
    for (const room of this.rooms.values()) if (room.coalescer.idle) return true;
    return false;
  }

  private dispatch(delta: Delta): void {
    for (const room of this.rooms.values()) {
      const changes = this.changesOf(room, delta);
      if (changes) room.coalescer.push(changes);
    }
  }

  /** The engine's change as the room's boards get it: its view, what its audience may see, patched from what they hold. */
  private changesOf(room: Room, delta: Delta): BoardChanges | null {
    const viewed = room.matcher.filter(delta);
    const shown = viewed && room.audience.delta(viewed);
    const page = room.agentPage ? room.agentPage.change(delta, shown) : { shown, left: leftTheBoards(room, delta, shown) };
    // Forgotten, an agent that comes back (onto the page, into the view or the reach) is sent whole.
    room.mirror.forget('agents', page.left);
    const changes = page.shown && room.mirror.patch(page.shown);
    if (page.left.length === 0 && !page.info) return changes;
    return {
      ...(changes ?? { seq: delta.seq, generatedAt: delta.generatedAt }),
      ...(page.left.length > 0 ? { removed: { agents: page.left } } : {}),
      ...(page.info ? { agentPage: page.info } : {}),
    };
  }

  private dispatchAlert(event: AlertEvent): void {
    for (const room of this.rooms.values()) {
      const shown = room.audience.alertEvent(event);
      if (!shown) continue;
      const encoded = once({ type: 'alert', event: shown });
      for (const outlet of room.outlets) outlet.alert(shown, encoded);
    }
  }
}

/**
 * The agents a room's boards hold that `delta` took out of their view or out of their audience's reach: they are
 * told to drop them. Only agents the boards hold are named, so nothing is told of an agent they never saw.
 */
function leftTheBoards(room: Room, delta: Delta, shown: Delta | null): string[] {
  if (!delta.agents) return [];
  const still = new Set((shown?.agents ?? []).map((agent) => agent.agentId));
  return delta.agents.map((agent) => room.audience.shownAgentId(agent.agentId)).filter((id) => !still.has(id) && room.mirror.holds('agents', id));
}
