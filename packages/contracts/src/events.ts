import { Type, type Static, type TSchema } from '@sinclair/typebox';
import './formats.js';

/** Channels a contact can arrive on. */
export type ContactChannelName = 'voice' | 'chat' | 'messaging' | 'email' | 'social' | 'callback';
export const CONTACT_CHANNELS: readonly ContactChannelName[] = ['voice', 'chat', 'messaging', 'email', 'social', 'callback'];

export type TicketChannelName = 'email' | 'web' | 'social';
export const TICKET_CHANNELS: readonly TicketChannelName[] = ['email', 'web', 'social'];
export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent';
export const TICKET_PRIORITIES: readonly TicketPriority[] = ['low', 'normal', 'high', 'urgent'];
export type AgentStateName = 'available' | 'on_contact' | 'wrap_up' | 'not_ready' | 'offline';
export const AGENT_STATES: readonly AgentStateName[] = ['available', 'on_contact', 'wrap_up', 'not_ready', 'offline'];

export function literalUnion<T extends string>(values: readonly T[]) {
  return Type.Union(values.map((v) => Type.Literal(v))) as unknown as TSchema & { static: T };
}

const Id = (description: string) => Type.String({ minLength: 1, maxLength: 128, description });

/** Longest caller identifier accepted: room for an E.164 number (15 digits) and for opaque ids of CRMs and vendors. */
export const CALLER_MAX_LENGTH = 64;

/**
 * Who is calling: an E.164 number (`+12025550123`) or an opaque id, printable ASCII without spaces. Never stored in
 * clear: ingest replaces it by a keyed pseudonym (`cp1:<key id>:<digest>`) before the journal or the engine see it.
 */
const Caller = Type.Optional(Type.String({
  minLength: 1,
  maxLength: CALLER_MAX_LENGTH,
  pattern: '^[!-~]+$',
  description: 'the caller: an E.164 number (+12025550123) or an opaque id; replaced on ingest by a keyed pseudonym',
}));

/** A waiting contact's priority in its queue: higher is served sooner (Asterisk `QUEUE_PRIO`, a Twilio task's priority). */
const ContactPriority = Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'priority in the queue: higher is served sooner; a transfer that leaves it out keeps the earlier one' }));
/** The source flags the caller as a VIP (a CRM lookup, a dedicated number): the waiting list shows it. */
const ContactVip = Type.Optional(Type.Boolean({ description: 'the source flags the caller as a VIP; a transfer that leaves it out keeps the earlier one' }));
/** Set on the agent.state that follows an offer the agent did not take: it rang out (`missed`) or was declined (`rejected`). */
export const OFFER_OUTCOMES = ['missed', 'rejected'] as const;
const AgentOffer = Type.Optional({ ...literalUnion(OFFER_OUTCOMES), description: 'this change follows an offer the agent did not take: missed (rang out) or rejected (declined)' });

/** `data` objects keep unknown extra fields (additionalProperties is left open on purpose). */
export const EventData = {
  'contact.queued': Type.Object({
    contactId: Id('the contact, unique per source'),
    queueId: Id('the queue the contact enters'),
    channel: literalUnion(CONTACT_CHANNELS),
    caller: Caller,
    priority: ContactPriority,
    vip: ContactVip,
  }),
  'contact.answered': Type.Object({ contactId: Id('the contact'), agentId: Id('the agent who accepts it'), caller: Caller }),
  'contact.abandoned': Type.Object({ contactId: Id('the contact'), caller: Caller }),
  'contact.transferred': Type.Object({ contactId: Id('the contact'), toQueueId: Id('the queue it enters'), caller: Caller, priority: ContactPriority, vip: ContactVip }),
  'contact.ended': Type.Object({ contactId: Id('the contact'), caller: Caller }),
  'contact.completed': Type.Object({ contactId: Id('the contact'), caller: Caller }),
  'agent.state': Type.Object({
    agentId: Id('the agent'),
    state: literalUnion(AGENT_STATES),
    reason: Type.Optional(Type.String({ maxLength: 200 })),
    teamId: Type.Optional(Id('the agent\'s team')),
    queueIds: Type.Optional(Type.Array(Id('a queue the agent serves'), { maxItems: 500 })),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    offer: AgentOffer,
    /**
     * The agent's state in each queue, when the source keeps one per membership (app_queue pauses a member in one
     * queue and not another; FreeSWITCH tiers, Connect routing profiles). `state` above is the agent as a whole.
     */
    memberships: Type.Optional(Type.Array(Type.Object({
      queueId: Id('a queue the agent is a member of'),
      state: literalUnion(AGENT_STATES),
      reason: Type.Optional(Type.String({ maxLength: 200 })),
    }), { maxItems: 500, description: 'its state in each queue (queueId, state, reason), when the source keeps one per queue: a pause in one queue only' })),
  }),
  'ticket.created': Type.Object({
    ticketId: Id('the ticket'),
    queueId: Id('the queue (group) it is routed to'),
    channel: Type.Optional(literalUnion(TICKET_CHANNELS)),
    priority: Type.Optional(literalUnion(TICKET_PRIORITIES)),
    category: Type.Optional(Type.String({ maxLength: 200 })),
  }),
  'ticket.replied': Type.Object({ ticketId: Id('the ticket'), agentId: Id('the agent who replied publicly') }),
  'ticket.solved': Type.Object({ ticketId: Id('the ticket') }),
  'ticket.reopened': Type.Object({ ticketId: Id('the ticket') }),
  'survey.completed': Type.Object({
    contactId: Type.Optional(Id('the surveyed contact')),
    queueId: Type.Optional(Id('the queue the survey is attributed to')),
    csat: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    nps: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
    ces: Type.Optional(Type.Integer({ minimum: 1, maximum: 7 })),
    resolvedFirstContact: Type.Optional(Type.Boolean({ description: 'the customer says the matter was solved at this first contact: counts in first-contact resolution (FCR)' })),
  }),
} as const;

export type EventType = keyof typeof EventData;
export const EVENT_TYPES = Object.keys(EventData) as EventType[];

/** The CloudEvents 1.0 envelope (structured JSON mode); `time` is required here. */
export const EventEnvelope = Type.Object({
  specversion: Type.Literal('1.0'),
  id: Type.String({ minLength: 1, maxLength: 128 }),
  source: Type.String({ minLength: 1, maxLength: 512 }),
  type: literalUnion(EVENT_TYPES),
  time: Type.String({ format: 'date-time' }),
  datacontenttype: Type.Optional(Type.String()),
  subject: Type.Optional(Type.String()),
  data: Type.Object({}),
});

type DataOf<T extends EventType> = Static<(typeof EventData)[T]> & Record<string, unknown>;

export type CloudEventOf<T extends EventType> = {
  specversion: '1.0';
  id: string;
  source: string;
  type: T;
  time: string;
  data: DataOf<T>;
  [extension: string]: unknown;
};

/** Any valid Plancia event: a discriminated union on `type`. */
export type PlanciaEvent = { [T in EventType]: CloudEventOf<T> }[EventType];

/** A validated event with its parsed time, as the engine consumes it. */
export type TimedEvent = PlanciaEvent & { readonly timeMs: number };
