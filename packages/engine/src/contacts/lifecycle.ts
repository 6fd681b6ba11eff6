import type { ContactChannelName, TimedEvent } from '@plancia/contracts';

export type ContactEvent = Extract<TimedEvent, { type: `contact.${string}` }>;

/** One stay of a contact in one queue. */
export interface Segment {
  queueId: string;
  channel: ContactChannelName;
  since: number;
  end: { kind: 'answered' | 'abandoned' | 'transferred'; at: number } | null;
}

/** The agent's part: answer → end of talk → end of wrap-up. */
export interface Handle {
  queueId: string | null;
  channel: ContactChannelName | null;
  agentId: string;
  answeredAt: number;
  endedAt: number | null;
  completedAt: number | null;
}

export interface Lifecycle {
  segments: Segment[];
  handles: Handle[];
  /** events that contradict the lifecycle so far (e.g. answered twice); they are ignored */
  conflicts: number;
}

/** Ties at the same millisecond resolve in lifecycle order, then by event id, so any arrival order sorts alike. */
const TYPE_ORDER: Record<ContactEvent['type'], number> = {
  'contact.queued': 0, 'contact.answered': 1, 'contact.abandoned': 1, 'contact.transferred': 2,
  'contact.ended': 3, 'contact.completed': 4,
};

export function compareContactEvents(x: ContactEvent, y: ContactEvent): number {
  return x.timeMs - y.timeMs || TYPE_ORDER[x.type] - TYPE_ORDER[y.type] || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
}

/** Ends the open segment, if any; returns it. */
function close(open: Segment | null, kind: 'answered' | 'abandoned' | 'transferred', at: number): Segment | null {
  if (open) open.end = { kind, at };
  return open;
}

/** Replays a contact's events (sorted) through its state machine. */
export function lifecycleOf(events: readonly ContactEvent[]): Lifecycle {
  const life: Lifecycle = { segments: [], handles: [], conflicts: 0 };
  let open: Segment | null = null;
  let talking: Handle | null = null;
  let wrapping: Handle | null = null;
  let channel: ContactChannelName | null = null;
  for (const e of events) {
    const at = e.timeMs;
    switch (e.type) {
      case 'contact.queued':
        if (open || talking || life.segments.length > 0) { life.conflicts++; break; }
        channel = e.data.channel;
        open = { queueId: e.data.queueId, channel, since: at, end: null };
        life.segments.push(open);
        break;
      case 'contact.answered': {
        if (talking || wrapping) { life.conflicts++; break; }
        const from = close(open, 'answered', at);
        open = null;
        talking = { queueId: from?.queueId ?? null, channel, agentId: e.data.agentId, answeredAt: at, endedAt: null, completedAt: null };
        life.handles.push(talking);
        break;
      }
      case 'contact.abandoned':
        if (!close(open, 'abandoned', at)) life.conflicts++;
        open = null;
        break;
      case 'contact.transferred': {
        const from = close(open, 'transferred', at);
        if (talking) { talking.endedAt = at; talking.completedAt = at; talking = null; } else if (!from) { life.conflicts++; break; }
        open = { queueId: e.data.toQueueId, channel: channel ?? 'voice', since: at, end: null };
        life.segments.push(open);
        break;
      }
      case 'contact.ended':
        if (!talking) { life.conflicts++; break; }
        talking.endedAt = at;
        wrapping = talking;
        talking = null;
        break;
      case 'contact.completed': {
        const handle = wrapping ?? talking;
        if (!handle) { life.conflicts++; break; }
        handle.endedAt ??= at;
        handle.completedAt = at;
        wrapping = talking = null;
        break;
      }
    }
  }
  return life;
}
