import type { EventError, TimedEvent } from '@plancia/contracts';

export type EntityKind = 'queue' | 'agent';
export interface EntityLimits { queues: number; agents: number }

/** A batch refused because it would bring more distinct queues or agents than the limits allow. */
export interface CapRefusal {
  error: 'queue_limit_reached' | 'agent_limit_reached';
  entity: EntityKind;
  details: EventError[];
}

interface Mention { kind: EntityKind; id: string; path: string }

const NONE: readonly Mention[] = [];
// Module-level, not per call: a replay asks this of every event of the day.
const queue = (id: string | undefined, path: string): readonly Mention[] => (id === undefined ? NONE : [{ kind: 'queue', id, path }]);
const agent = (id: string, path: string): Mention[] => [{ kind: 'agent', id, path }];

/** Every queue and agent an event names, with where: each becomes a row of the snapshot once seen. */
function mentions(event: TimedEvent): readonly Mention[] {
  switch (event.type) {
    case 'contact.queued': case 'ticket.created': case 'survey.completed': return queue(event.data.queueId, '/data/queueId');
    case 'contact.transferred': return queue(event.data.toQueueId, '/data/toQueueId');
    case 'contact.answered': case 'ticket.replied': return agent(event.data.agentId, '/data/agentId');
    case 'agent.state':
      return [...agent(event.data.agentId, '/data/agentId'), ...(event.data.queueIds ?? []).flatMap((id, i) => queue(id, `/data/queueIds/${i}`))];
    default: return NONE;
  }
}

/**
 * Bounds how many distinct queues and agents producers can bring into the live state (each is a row of every
 * snapshot, kept in memory all day). Configured queues count within the limit. An id counts from the moment a batch
 * naming it is admitted, so concurrent batches cannot overshoot together; the replay admits events in journal order
 * and drops those that would go beyond, so a restart never brings back more than the limits.
 */
export class EntityCaps {
  private readonly known: Record<EntityKind, Set<string>> = { queue: new Set(), agent: new Set() };

  /** `onRefused` hears each event refused (ingest) or dropped (replay) because `entity`'s limit is reached. */
  constructor(
    private readonly limits: EntityLimits,
    configuredQueues: Iterable<string> = [],
    private readonly onRefused: (entity: EntityKind, events: number) => void = () => undefined,
  ) {
    for (const id of configuredQueues) this.known.queue.add(id);
  }

  count(kind: EntityKind): number {
    return this.known[kind].size;
  }

  limit(kind: EntityKind): number {
    return kind === 'queue' ? this.limits.queues : this.limits.agents;
  }

  /** A queue added by configuration: counted from now on, whatever the limit (an administrator's decision). */
  configureQueue(queueId: string): void {
    this.known.queue.add(queueId);
  }

  /** Admits the whole batch, counting its new ids, or refuses it whole naming the first event past a limit. */
  admit(events: readonly TimedEvent[]): CapRefusal | null {
    // Made only when the batch names someone new: most name known queues and agents (a replay asks per event).
    let fresh: Record<EntityKind, Set<string>> | null = null;
    for (let index = 0; index < events.length; index++) {
      for (const { kind, id, path } of mentions(events[index]!)) {
        if (this.known[kind].has(id) || fresh?.[kind].has(id)) continue;
        fresh ??= { queue: new Set(), agent: new Set() };
        if (this.known[kind].size + fresh[kind].size >= this.limit(kind)) {
          this.onRefused(kind, events.length);
          return this.refusal(kind, index, path);
        }
        fresh[kind].add(id);
      }
    }
    if (fresh) for (const kind of ['queue', 'agent'] as const) for (const id of fresh[kind]) this.known[kind].add(id);
    return null;
  }

  /** The journaled events that fit within the limits, in order; each event that does not is dropped whole. */
  admitReplayed(events: readonly TimedEvent[]): TimedEvent[] {
    return events.filter((event) => this.admit([event]) === null);
  }

  private refusal(kind: EntityKind, index: number, path: string): CapRefusal {
    const variable = kind === 'queue' ? 'PLANCIA_MAX_QUEUES' : 'PLANCIA_MAX_AGENTS';
    return {
      error: kind === 'queue' ? 'queue_limit_reached' : 'agent_limit_reached',
      entity: kind,
      details: [{ index, path, message: `A new ${kind} beyond the limit of ${this.limit(kind)} distinct ${kind}s (${variable}); none of the batch was accepted` }],
    };
  }
}
