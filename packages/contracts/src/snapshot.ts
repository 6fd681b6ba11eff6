import { Type, type Static } from '@sinclair/typebox';
import { literalUnion, AGENT_STATES, CONTACT_CHANNELS } from './events.js';
import { Alert } from './alerts.js';
import { ColourBands } from './config.js';

const Count = Type.Integer({ minimum: 0 });
const Fraction = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]);
const Seconds = Type.Union([Type.Number({ minimum: 0 }), Type.Null()]);
const Iso = Type.String({ format: 'date-time' });

/** Agents by state; every state is always present. */
export const AgentCounts = Type.Object({
  available: Count, on_contact: Count, wrap_up: Count, not_ready: Count, offline: Count,
});
export type AgentCounts = Static<typeof AgentCounts>;

export const SurveyMetrics = Type.Object({
  responses: Count,
  csat: Fraction, // share of CSAT answers that are 4 or 5
  csatMean: Type.Union([Type.Number(), Type.Null()]),
  nps: Type.Union([Type.Number({ minimum: -100, maximum: 100 }), Type.Null()]), // % promoters − % detractors
  cesMean: Type.Union([Type.Number(), Type.Null()]),
  fcr: Fraction,
});
export type SurveyMetrics = Static<typeof SurveyMetrics>;

export const TicketWindowMetrics = Type.Object({
  created: Count,
  firstResponses: Count,
  firstResponsesInTarget: Count,
  firstResponseAttainment: Fraction,
  solved: Count,
  solvedInTarget: Count,
  resolutionAttainment: Fraction,
});
export type TicketWindowMetrics = Static<typeof TicketWindowMetrics>;

/** Metrics counted over one window; rates are fractions 0–1, times are seconds. */
export const WindowMetrics = Type.Object({
  offered: Count,
  answered: Count,
  abandoned: Count,
  shortAbandoned: Count,
  transferredOut: Count,
  answeredWithinThreshold: Count,
  abandonedWithinThreshold: Count,
  settled: Count,
  serviceLevel: Fraction,
  asa: Seconds,
  maxWait: Seconds,
  waitP50: Seconds,
  waitP90: Seconds,
  abandonRate: Fraction,
  handled: Count,
  aht: Seconds,
  avgTalk: Seconds,
  avgWrapUp: Seconds,
  occupancy: Fraction,
  tickets: TicketWindowMetrics,
  surveys: SurveyMetrics,
});
export type WindowMetrics = Static<typeof WindowMetrics>;

export const Windows = Type.Object({ rolling: WindowMetrics, interval: WindowMetrics, today: WindowMetrics });
export type Windows = Static<typeof Windows>;

export const LiveTickets = Type.Object({ open: Count, breached: Count, atRisk: Count });
export const Staffing = Type.Object({
  arrivalsPerHour: Type.Number({ minimum: 0 }),
  ahtSeconds: Seconds,
  required: Type.Union([Count, Type.Null()]), // Erlang C agents to reach the target
  staffed: Count, // agents on the queue not offline and not not_ready
  gap: Type.Union([Type.Integer(), Type.Null()]), // staffed − required
});

export const LiveMetrics = Type.Object({
  waiting: Count,
  longestWaitSince: Type.Union([Iso, Type.Null()]),
  agents: AgentCounts,
  tickets: LiveTickets,
});
export type LiveMetrics = Static<typeof LiveMetrics>;

export const QueueSnapshot = Type.Object({
  queueId: Type.String(),
  name: Type.String(),
  channel: Type.Union([literalUnion(CONTACT_CHANNELS), Type.Null()]),
  teamId: Type.Union([Type.String(), Type.Null()]),
  serviceLevelTarget: Type.Number(),
  thresholdSeconds: Type.Integer(),
  /** The queue's configured tile colours: the board turns amber and red by these bands. */
  colours: ColourBands,
  live: LiveMetrics,
  windows: Windows,
  staffing: Staffing,
});
export type QueueSnapshot = Static<typeof QueueSnapshot>;

/** The same shape for a channel or the whole centre (no per-queue settings). */
export const AggregateSnapshot = Type.Object({ key: Type.String(), live: LiveMetrics, windows: Windows });
export type AggregateSnapshot = Static<typeof AggregateSnapshot>;

export const AgentSnapshot = Type.Object({
  agentId: Type.String(),
  name: Type.String(),
  teamId: Type.Union([Type.String(), Type.Null()]),
  queueIds: Type.Array(Type.String()),
  state: literalUnion(AGENT_STATES),
  reason: Type.Union([Type.String(), Type.Null()]),
  since: Iso,
  contactId: Type.Union([Type.String(), Type.Null()]),
});
export type AgentSnapshot = Static<typeof AgentSnapshot>;

export const TeamSnapshot = Type.Object({ teamId: Type.String(), agents: AgentCounts });
export type TeamSnapshot = Static<typeof TeamSnapshot>;

export const WindowBounds = Type.Object({
  rollingMinutes: Type.Integer(),
  intervalStart: Iso,
  intervalMinutes: Type.Integer(),
  todayStart: Iso,
});

/** Counters of what the engine had to repair or could not place in a window. */
export const Anomalies = Type.Object({
  lateEvents: Count, // older than the oldest window: applied to live state only
  orphanEvents: Count, // referred to an unknown contact or ticket past the grace period
  staleContactsRemoved: Count, // ghosts removed from waiting by the stale timeout
  conflicts: Count, // e.g. an agent answering while already on a contact
});

export const Snapshot = Type.Object({
  generatedAt: Iso,
  seq: Type.Integer({ minimum: 0, description: 'the change sequence this snapshot includes' }),
  bounds: WindowBounds,
  centre: AggregateSnapshot,
  channels: Type.Array(AggregateSnapshot),
  queues: Type.Array(QueueSnapshot),
  teams: Type.Array(TeamSnapshot),
  agents: Type.Array(AgentSnapshot),
  alerts: Type.Array(Alert),
  anomalies: Anomalies,
});
export type Snapshot = Static<typeof Snapshot>;

/** What moved since the previous emission: whole entries that changed, and removals. */
export const Delta = Type.Object({
  seq: Type.Integer({ minimum: 1 }),
  generatedAt: Iso,
  bounds: Type.Optional(WindowBounds),
  centre: Type.Optional(AggregateSnapshot),
  channels: Type.Optional(Type.Array(AggregateSnapshot)),
  queues: Type.Optional(Type.Array(QueueSnapshot)),
  teams: Type.Optional(Type.Array(TeamSnapshot)),
  agents: Type.Optional(Type.Array(AgentSnapshot)),
  removedAgents: Type.Optional(Type.Array(Type.String())),
  anomalies: Type.Optional(Anomalies),
});
export type Delta = Static<typeof Delta>;

/** What a client looks at: everything, or a subset of queues, teams or channels. */
export const View = Type.Object(
  {
    queues: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 128 }), { maxItems: 500 })),
    teams: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 128 }), { maxItems: 500 })),
    channels: Type.Optional(Type.Array(literalUnion(CONTACT_CHANNELS), { maxItems: 10 })),
  },
  { additionalProperties: false },
);
export type View = Static<typeof View>;
