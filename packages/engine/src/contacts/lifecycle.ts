import type { ContactChannelName, TimedEvent } from '@plancia/contracts';

export type ContactEvent = Extract<TimedEvent, { type: `contact.${string}` }>;

/**
 * What a contact keeps of one of its events: just what its lifecycle reads. The whole event (payload, envelope) is
 * not held for the contact's life, so a large centre's live contacts cost a fraction of the memory and of the
 * garbage collector's work.
 */
export interface ContactStep {
  readonly type: ContactEvent['type'];
  readonly at: number;
  readonly id: string;
  readonly source: string;
  /** the event's place in arrival order (journal order on replay, batch order live) */
  readonly seq: number;
  /** the queue entered: `queueId` of a queued event, `toQueueId` of a transfer */
  readonly queueId: string | null;
  readonly channel: ContactChannelName | null;
  readonly agentId: string | null;
  /** queued or transferred: what the waiting list shows of the stay it starts (null: not said) */
  readonly priority: number | null;
  readonly vip: boolean | null;
  readonly caller: string | null;
}

/** Each type's payload is read by its own branch, so every property read sees one shape of `data`. */
export function contactStep(e: ContactEvent, seq: number): ContactStep {
  switch (e.type) {
    case 'contact.queued': return step(e, seq, e.data.queueId, e.data.channel, null, e.data);
    case 'contact.answered': return step(e, seq, null, null, e.data.agentId, null);
    case 'contact.transferred': return step(e, seq, e.data.toQueueId, null, null, e.data);
    default: return step(e, seq, null, null, null, null);
  }
}

interface WaitingData { priority?: number; vip?: boolean; caller?: string }

function step(
  e: ContactEvent, seq: number, queueId: string | null, channel: ContactChannelName | null, agentId: string | null, waiting: WaitingData | null,
): ContactStep {
  return {
    type: e.type, at: e.timeMs, id: e.id, source: e.source, seq, queueId, channel, agentId,
    priority: waiting?.priority ?? null, vip: waiting?.vip ?? null, caller: waiting?.caller ?? null,
  };
}

/** One stay of a contact in one queue. */
export interface Segment {
  queueId: string;
  channel: ContactChannelName;
  since: number;
  /** how the stay ended (null: still waiting) and when */
  endKind: 'answered' | 'abandoned' | 'transferred' | null;
  endAt: number;
  /** the queue's and channel's numbers for counting, looked up by the first derivation (−1 until then) */
  queueNo: number;
  channelNo: number;
  /** as the event that started the stay said, else as the contact's earlier stay did (a transfer keeps them) */
  priority: number;
  vip: boolean;
  caller: string | null;
}

/** The agent's part: answer → end of talk → end of wrap-up. */
export interface Handle {
  queueId: string | null;
  channel: ContactChannelName | null;
  agentId: string;
  answeredAt: number;
  endedAt: number | null;
  completedAt: number | null;
  queueNo: number;
  channelNo: number;
}

/**
 * Ties at the same millisecond resolve in lifecycle order, then in arrival order: two events of one kind at one
 * instant (a transfer, then another) are taken in the order their source sent them.
 */
const TYPE_ORDER: Record<ContactStep['type'], number> = {
  'contact.queued': 0, 'contact.answered': 1, 'contact.abandoned': 1, 'contact.transferred': 2,
  'contact.ended': 3, 'contact.completed': 4,
};

export function compareSteps(x: ContactStep, y: ContactStep): number {
  return x.at - y.at || TYPE_ORDER[x.type] - TYPE_ORDER[y.type] || x.seq - y.seq;
}

/**
 * Appends to a list that most contacts keep a single item in. The first item gets an array of its own size: a push
 * onto an empty array reserves sixteen slots, which adds up over tens of thousands of live contacts.
 */
function append<T>(list: T[], item: T): T[] {
  if (list.length === 0) return [item];
  list.push(item);
  return list;
}

/** Ends the open segment, if any; returns it. */
function close(open: Segment | null, kind: 'answered' | 'abandoned' | 'transferred', at: number): Segment | null {
  if (open) {
    open.endKind = kind;
    open.endAt = at;
  }
  return open;
}

/**
 * A contact's state machine over its events in time order. An event that arrives in order is one more step;
 * one that sorts earlier than the last rebuilds the machine from all the events, so arrival order never matters.
 */
export class Lifecycle {
  segments: Segment[] = [];
  handles: Handle[] = [];
  /** events that contradict the lifecycle so far (e.g. answered twice); they are ignored */
  conflicts = 0;
  private open: Segment | null = null;
  private talking: Handle | null = null;
  private wrapping: Handle | null = null;
  private channel: ContactChannelName | null = null;

  rebuild(events: readonly ContactStep[]): void {
    this.segments.length = 0;
    this.handles.length = 0;
    this.conflicts = 0;
    this.open = this.talking = this.wrapping = null;
    this.channel = null;
    for (const e of events) this.step(e);
  }

  step(e: ContactStep): void {
    const at = e.at;
    switch (e.type) {
      case 'contact.queued':
        if (this.open || this.talking || this.segments.length > 0) { this.conflicts++; break; }
        this.channel = e.channel!;
        this.enqueue(e, this.channel, at);
        break;
      case 'contact.answered': {
        if (this.talking || this.wrapping) { this.conflicts++; break; }
        const from = close(this.open, 'answered', at);
        this.open = null;
        this.talking = { queueId: from?.queueId ?? null, channel: this.channel, agentId: e.agentId!, answeredAt: at, endedAt: null, completedAt: null, queueNo: -1, channelNo: -1 };
        this.handles = append(this.handles, this.talking);
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
        this.enqueue(e, this.channel ?? 'voice', at);
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

  private enqueue(e: ContactStep, channel: ContactChannelName, at: number): void {
    const before = this.segments[this.segments.length - 1];
    this.open = {
      queueId: e.queueId!, channel, since: at, endKind: null, endAt: 0, queueNo: -1, channelNo: -1,
      priority: e.priority ?? before?.priority ?? 0, vip: e.vip ?? before?.vip ?? false, caller: e.caller ?? before?.caller ?? null,
    };
    this.segments = append(this.segments, this.open);
  }
}
