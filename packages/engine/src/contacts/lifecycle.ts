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

/**
 * A contact's state machine over its events in time order. An event that arrives in order is one more step;
 * one that sorts earlier than the last rebuilds the machine from all the events, so arrival order never matters.
 */
export class Lifecycle {
  readonly segments: Segment[] = [];
  readonly handles: Handle[] = [];
  /** events that contradict the lifecycle so far (e.g. answered twice); they are ignored */
  conflicts = 0;
  private open: Segment | null = null;
  private talking: Handle | null = null;
  private wrapping: Handle | null = null;
  private channel: ContactChannelName | null = null;

  rebuild(events: readonly ContactEvent[]): void {
    this.segments.length = 0;
    this.handles.length = 0;
    this.conflicts = 0;
    this.open = this.talking = this.wrapping = null;
    this.channel = null;
    for (const e of events) this.step(e);
  }

  step(e: ContactEvent): void {
    const at = e.timeMs;
    switch (e.type) {
      case 'contact.queued':
        if (this.open || this.talking || this.segments.length > 0) { this.conflicts++; break; }
        this.channel = e.data.channel;
        this.enqueue(e.data.queueId, this.channel, at);
        break;
      case 'contact.answered': {
        if (this.talking || this.wrapping) { this.conflicts++; break; }
        const from = close(this.open, 'answered', at);
        this.open = null;
        this.talking = { queueId: from?.queueId ?? null, channel: this.channel, agentId: e.data.agentId, answeredAt: at, endedAt: null, completedAt: null };
        this.handles.push(this.talking);
        break;
      }
      case 'contact.abandoned':
        if (!close(this.open, 'abandoned', at)) this.conflicts++;
        this.open = null;
        break;
      case 'contact.transferred': {
        const from = close(this.open, 'transferred', at);
        const talking = this.talking;
        if (talking) { talking.endedAt = at; talking.completedAt = at; this.talking = null; } else if (!from) { this.conflicts++; break; }
        this.enqueue(e.data.toQueueId, this.channel ?? 'voice', at);
        break;
      }
      case 'contact.ended': {
        const talking = this.talking;
        if (!talking) { this.conflicts++; break; }
        talking.endedAt = at;
        this.wrapping = talking;
        this.talking = null;
        break;
      }
      case 'contact.completed': {
        const handle = this.wrapping ?? this.talking;
        if (!handle) { this.conflicts++; break; }
        handle.endedAt ??= at;
        handle.completedAt = at;
        this.wrapping = this.talking = null;
        break;
      }
    }
  }

  private enqueue(queueId: string, channel: ContactChannelName, at: number): void {
    this.open = { queueId, channel, since: at, end: null };
    this.segments.push(this.open);
  }
}
