import { Type, type Static, type TArray, type TNull, type TOptional, type TSchema, type TUnion } from '@sinclair/typebox';
import { literalUnion, AGENT_STATES, CONTACT_CHANNELS } from './events.js';
import { Alert } from './alerts.js';
import { ColourBands, Severity } from './config.js';
import { KpiTargets } from './kpis.js';
import type { Patch } from './board-patch.js';
import { AgentPage, AgentPageInfo } from './agent-page.js';

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
  /** contacts with a caller pseudonym, and those whose caller reached the queue earlier within its repeat window; absent in intervals stored before */
  repeats: Type.Optional(Type.Object({ identified: Count, repeated: Count, rate: Fraction })),
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

/**
 * Where the current interval and the day are going at the present pace (docs/metrics.md): the rolling window's
 * settlements per second of opening time, carried over the opening time left on the queue's calendar.
 */
export const QueueProjection = Type.Object({
  intervalEnd: Iso,
  /** opening time the pace is measured over (the rolling window's), seconds; 0: no pace, projections stay at the figures so far */
  paceSeconds: Type.Number({ minimum: 0 }),
  serviceLevelAtIntervalEnd: Fraction,
  serviceLevelAtDayEnd: Fraction,
  /** answers within T in a row that bring the interval's service level back to the target; 0 at or above it; null when no number can */
  answersNeeded: Type.Union([Count, Type.Null()]),
  /** estimated wait of a caller arriving now: (waiting − available + 1) × AHT ÷ staffed, 0 with an agent free for it */
  ewtSeconds: Seconds,
  /** Erlang C agents for the target at the rolling arrival rate and AHT, against those staffed (as `staffing`) */
  agentsNeeded: Type.Union([Count, Type.Null()]),
  agentsStaffed: Count,
});
export type QueueProjection = Static<typeof QueueProjection>;

export const LiveMetrics = Type.Object({
  waiting: Count,
  longestWaitSince: Type.Union([Iso, Type.Null()]),
  agents: AgentCounts,
  tickets: LiveTickets,
});
export type LiveMetrics = Static<typeof LiveMetrics>;

export const QUEUE_STATUS_LEVELS = ['ok', 'warning', 'critical'] as const;
export const SERVICE_LEVEL_BANDS = ['green', 'amber', 'red', 'none'] as const;

/**
 * How a queue stands, and why: the worst of its service-level band (rolling window; amber is a warning, red is
 * critical, no settled contact yet is ok) and every open alert on the queue. Tiles, totals and TV pages colour by it.
 */
export const QueueStatus = Type.Object({
  level: literalUnion(QUEUE_STATUS_LEVELS),
  band: literalUnion(SERVICE_LEVEL_BANDS),
  alerts: Type.Array(Type.Object({ id: Type.String(), ruleName: Type.String(), severity: Severity })),
});
export type QueueStatus = Static<typeof QueueStatus>;

export const QueueSnapshot = Type.Object({
  queueId: Type.String(),
  name: Type.String(),
  channel: Type.Union([literalUnion(CONTACT_CHANNELS), Type.Null()]),
  teamId: Type.Union([Type.String(), Type.Null()]),
  serviceLevelTarget: Type.Number(),
  thresholdSeconds: Type.Integer(),
  /** The bands the tile is coloured by: the queue's own, or those derived from its target when it has none. */
  colours: ColourBands,
  status: QueueStatus,
  live: LiveMetrics,
  windows: Windows,
  staffing: Staffing,
  /** when this queue's today window began: its own dayResetTime, else the centre's (bounds.todayStart) */
  todayStart: Type.Optional(Iso),
  projection: Type.Optional(QueueProjection),
  /** the KPI tiles' targets in force (the queue's own over the defaults); the tile's band is kpiBand(name, value, target) */
  kpiTargets: Type.Optional(KpiTargets),
});
export type QueueSnapshot = Static<typeof QueueSnapshot>;

/** The same shape for a channel or the whole centre (no per-queue settings). */
export const AggregateSnapshot = Type.Object({ key: Type.String(), live: LiveMetrics, windows: Windows });
export type AggregateSnapshot = Static<typeof AggregateSnapshot>;

export const AgentMembership = Type.Object({
  queueId: Type.String(),
  state: literalUnion(AGENT_STATES),
  reason: Type.Union([Type.String(), Type.Null()]),
  since: Iso,
});
export type AgentMembership = Static<typeof AgentMembership>;

/** Seconds spent in a state today, as of `asOf`. */
const Duration = Type.Number({ minimum: 0 });

/**
 * One agent's figures for the current day (from the day's start to `asOf`), see docs/metrics.md "Agents today". The
 * state the agent is in now counts up to `asOf`; a client adds the time since `asOf` to the current state's figure
 * (talk, wrapUp, idle or notReadyByReason[reason]) to keep it running between changes.
 */
export const AgentToday = Type.Object({
  asOf: Iso,
  /** contacts the agent answered today */
  answered: Count,
  /** contacts answered today whose wrap-up ended (completed) by `asOf`: the ones AHT covers */
  handled: Count,
  /** offers the agent did not take: rang out (missed) or declined (rejected) */
  missed: Count,
  rejected: Count,
  /** mean of answer → completion over `handled`, seconds; null before the first */
  aht: Seconds,
  talk: Duration,
  wrapUp: Duration,
  /** available, waiting for a contact */
  idle: Duration,
  notReady: Duration,
  /** not-ready seconds per reason; `""` holds a pause with no reason */
  notReadyByReason: Type.Record(Type.String(), Duration),
  /** (talk + wrapUp) ÷ (talk + wrapUp + idle); null when all three are 0 */
  occupancy: Fraction,
  /** how many times the agent entered each state today */
  stateCounts: AgentCounts,
});
export type AgentToday = Static<typeof AgentToday>;

export const AgentSnapshot = Type.Object({
  agentId: Type.String(),
  name: Type.String(),
  teamId: Type.Union([Type.String(), Type.Null()]),
  queueIds: Type.Array(Type.String()),
  state: literalUnion(AGENT_STATES),
  reason: Type.Union([Type.String(), Type.Null()]),
  since: Iso,
  contactId: Type.Union([Type.String(), Type.Null()]),
  /** contradictions in the agent's timeline today, e.g. "available" from the phone system during a call */
  conflicts: Count,
  /**
   * Its state in each queue, when the source reports one per membership: a pause (`not_ready`, `offline`) holds in
   * its own queue only; elsewhere the membership follows the agent (on a call, in wrap-up, available).
   */
  memberships: Type.Optional(Type.Array(AgentMembership)),
  /** its figures for today (see AgentToday); shown wherever the agent is (privacy: the agents slice obeys agentDetail) */
  today: Type.Optional(AgentToday),
});
export type AgentSnapshot = Static<typeof AgentSnapshot>;

export const TeamSnapshot = Type.Object({ teamId: Type.String(), agents: AgentCounts });
export type TeamSnapshot = Static<typeof TeamSnapshot>;

/** One contact waiting in a queue, as the waiting list shows it. */
export const WaitingContact = Type.Object({
  contactId: Type.String(),
  channel: literalUnion(CONTACT_CHANNELS),
  /** when it started waiting in this queue: clients tick the wait from it */
  since: Iso,
  /** higher is served sooner; 0 when the source gives none */
  priority: Type.Integer({ minimum: 0 }),
  /** 1 = next to be served: by priority (highest first), then by wait (longest first) */
  position: Type.Integer({ minimum: 1 }),
  /** a short tag of the caller's pseudonym (never the number), null when the source gave no caller */
  caller: Type.Union([Type.String(), Type.Null()]),
  vip: Type.Boolean(),
});
export type WaitingContact = Static<typeof WaitingContact>;

/**
 * How many of a queue's waiting contacts its list carries: the longest waits. A board shows the top of the list; a
 * storm of thousands waiting would otherwise make every join resend, and every board redraw, thousands of rows.
 */
export const WAITING_LIST_LIMIT = 100;

/** A queue's waiting contacts, the longest wait first; placed like its queue (channel, team) for views and scopes. */
export const WaitingList = Type.Object({
  queueId: Type.String(),
  channel: Type.Union([literalUnion(CONTACT_CHANNELS), Type.Null()]),
  teamId: Type.Union([Type.String(), Type.Null()]),
  /** the longest-waiting WAITING_LIST_LIMIT contacts, each with its place in the order of service among all */
  contacts: Type.Array(WaitingContact, { maxItems: WAITING_LIST_LIMIT }),
  /** every contact waiting in the queue now, listed or not */
  total: Count,
});
export type WaitingList = Static<typeof WaitingList>;

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

/**
 * The board's slices, declared once: what each holds, whether it is one value or a list of entries (and the field
 * that names an entry), and which views show it. The snapshot and the change message are derived from this table,
 * and so are the server's merge of changes and its per-view filter; the engine and the web app keep one typed
 * producer and one consumer per slice, so a new slice is this line, its producer and its tile.
 */
export const BOARD_SLICES = {
  bounds: { schema: WindowBounds, shownTo: 'every' },
  centre: { schema: AggregateSnapshot, shownTo: 'every', wholeInstallation: true },
  channels: { schema: AggregateSnapshot, entryKey: 'key', shownTo: 'channel', wholeInstallation: true },
  queues: { schema: QueueSnapshot, entryKey: 'queueId', shownTo: 'queue' },
  teams: { schema: TeamSnapshot, entryKey: 'teamId', shownTo: 'team' },
  agents: { schema: AgentSnapshot, entryKey: 'agentId', shownTo: 'agent' },
  anomalies: { schema: Anomalies, shownTo: 'every', wholeInstallation: true },
  waiting: { schema: WaitingList, entryKey: 'queueId', shownTo: 'queue' },
} as const satisfies Record<string, BoardSliceDeclaration>;

/** `every` view shows the slice whole; otherwise a view shows the entries whose queue, agent, team or channel it matches. */
export type SliceAudience = 'every' | 'queue' | 'agent' | 'team' | 'channel';
export interface BoardSliceDeclaration {
  schema: TSchema;
  /** Present for a list: the field that identifies an entry, so a later entry replaces an earlier one. */
  entryKey?: string;
  shownTo: SliceAudience;
  /**
   * Figures over every tenant's queues (the centre, its channels, the engine's repairs): only a reach of the whole
   * installation gets them. Anyone else gets `null` (a list: none), never another tenant's totals.
   */
  wholeInstallation?: true;
}

export type BoardSliceName = keyof typeof BOARD_SLICES;
export const BOARD_SLICE_NAMES = Object.keys(BOARD_SLICES) as BoardSliceName[];

type SliceSchema<K extends BoardSliceName> = (typeof BOARD_SLICES)[K] extends { entryKey: string }
  ? TArray<(typeof BOARD_SLICES)[K]['schema']>
  : (typeof BOARD_SLICES)[K] extends { wholeInstallation: true }
    ? TUnion<[(typeof BOARD_SLICES)[K]['schema'], TNull]>
    : (typeof BOARD_SLICES)[K]['schema'];

function sliceSchema<K extends BoardSliceName>(name: K): SliceSchema<K> {
  const slice: BoardSliceDeclaration = BOARD_SLICES[name];
  if (slice.entryKey) return Type.Array(slice.schema) as SliceSchema<K>;
  return (slice.wholeInstallation ? Type.Union([slice.schema, Type.Null()]) : slice.schema) as SliceSchema<K>;
}

// Object.fromEntries loses the per-key types that the mapped types below restore.
const sliceFields = () => Object.fromEntries(BOARD_SLICE_NAMES.map((name) => [name, sliceSchema(name)])) as unknown as { [K in BoardSliceName]: SliceSchema<K> };
const optionalSliceFields = () => Object.fromEntries(BOARD_SLICE_NAMES.map((name) => [name, Type.Optional(sliceSchema(name))])) as unknown as { [K in BoardSliceName]: TOptional<SliceSchema<K>> };

export const Snapshot = Type.Object({
  generatedAt: Iso,
  seq: Type.Integer({ minimum: 0, description: 'the change sequence this snapshot includes' }),
  ...sliceFields(),
  alerts: Type.Array(Alert),
  /** present when the view asks for an agent page: which page `agents` holds, and how many agents the view has in all */
  agentPage: Type.Optional(AgentPageInfo),
});
export type Snapshot = Static<typeof Snapshot>;
/** A snapshot as the engine makes it: of the whole installation, so its installation-wide figures are all there. */
export type InstallationSnapshot = Snapshot & { centre: AggregateSnapshot; anomalies: Static<typeof Anomalies> };

/** What moved since the previous emission: of each slice, the value or the whole entries that changed. */
export const Delta = Type.Object({
  seq: Type.Integer({ minimum: 1 }),
  generatedAt: Iso,
  ...optionalSliceFields(),
});
export type Delta = Static<typeof Delta>;

type EntryKeyOf<K extends BoardSliceName> = (typeof BOARD_SLICES)[K] extends { entryKey: infer F extends string } ? F : never;
type SliceChange<K extends BoardSliceName> = Snapshot[K] extends ReadonlyArray<infer E>
  ? Array<Patch<E> & Pick<E, EntryKeyOf<K> & keyof E>>
  : Patch<Snapshot[K]>;

/**
 * The change message a board receives (socket.io `changes`, the plain feed's `changes`): the engine's Delta as one
 * room sees it, each slice's value and each changed entry as a patch (board-patch.ts) from what the room was last
 * sent; an entry keeps its key, and one the room was never sent, or that came back into its view, comes whole.
 */
export type BoardChanges = { seq: number; generatedAt: string } & { [K in BoardSliceName]?: SliceChange<K> } & {
  /** the view's agent page and how many agents the view has in all, whenever that total moved */
  agentPage?: AgentPageInfo;
  /** agents the board must drop, applied before the entries: they left its agent page (or its view) */
  removed?: { agents?: string[] };
};

/** A change message holding only these slices' changes. */
export type SliceChanges = Pick<Delta, BoardSliceName>;

/**
 * Whether a board shows agents: `all` (the default) gets the agents of its view, `none` no entry of the agents slice,
 * in its snapshot or its changes (an aggregate-only board: the queue and team figures still count agents by state).
 */
export const VIEW_AGENTS = ['all', 'none'] as const;
export type ViewAgents = (typeof VIEW_AGENTS)[number];

/** What a client looks at: everything, or a subset of queues, teams or channels; with all its agents, one page of them, or none. */
export const View = Type.Object(
  {
    queues: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 128 }), { maxItems: 500 })),
    teams: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 128 }), { maxItems: 500 })),
    channels: Type.Optional(Type.Array(literalUnion(CONTACT_CHANNELS), { maxItems: 10 })),
    agents: Type.Optional({ ...literalUnion(VIEW_AGENTS), description: "'all' (the default): the view's agents; 'none': no agents slice entries" }),
    agentPage: Type.Optional({ ...AgentPage, description: "only this page of the view's agents (in name order), and their total; ignored with agents: 'none'" }),
  },
  { additionalProperties: false },
);
export type View = Static<typeof View>;
