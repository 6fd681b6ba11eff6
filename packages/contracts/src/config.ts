import { Type, type Static } from '@sinclair/typebox';
import { literalUnion, CONTACT_CHANNELS, TICKET_PRIORITIES, TICKET_CHANNELS } from './events.js';
import { KpiTargets } from './kpis.js';

/**
 * How a contact abandoned within T counts in the service level: `ignore` leaves it out, `negative` counts it missed,
 * `positive` counts it met; `exclude` leaves every abandon out whatever its wait (Asterisk's `ServicelevelPerf`).
 */
export const AbandonPolicy = literalUnion(['ignore', 'negative', 'positive', 'exclude'] as const);
export type AbandonPolicyName = Static<typeof AbandonPolicy>;

export const ServiceLevelSettings = Type.Object(
  {
    thresholdSeconds: Type.Integer({ minimum: 1, maximum: 3600, default: 20, description: 'T: answered within T seconds counts as met' }),
    target: Type.Number({ minimum: 0, maximum: 1, default: 0.8, description: 'service level target as a fraction' }),
    shortAbandonSeconds: Type.Integer({ minimum: 0, maximum: 600, default: 5, description: 'S: abandons with wait < S are excluded; 0 disables' }),
    abandonPolicy: { ...AbandonPolicy, default: 'ignore' },
  },
  { additionalProperties: false },
);
export type ServiceLevelSettings = Static<typeof ServiceLevelSettings>;

/** A deadline for async work: matched by channel and priority, most specific first. */
export const AsyncTarget = Type.Object(
  {
    channel: Type.Optional(literalUnion([...CONTACT_CHANNELS, ...TICKET_CHANNELS] as const)),
    priority: Type.Optional(literalUnion(TICKET_PRIORITIES)),
    seconds: Type.Integer({ minimum: 1 }),
    businessHours: Type.Boolean({ description: 'measured on the queue\'s business calendar rather than the wall clock' }),
  },
  { additionalProperties: false },
);
export type AsyncTarget = Static<typeof AsyncTarget>;

export const ColourBands = Type.Object(
  {
    amberBelow: Type.Number({ minimum: 0, maximum: 1, description: 'service level under this is amber' }),
    redBelow: Type.Number({ minimum: 0, maximum: 1, description: 'service level under this is red' }),
  },
  { additionalProperties: false },
);
export type ColourBands = Static<typeof ColourBands>;

/** When a queue's own day starts, local HH:MM (00:00–23:59) in its calendar's time zone. */
const QueueDayReset = Type.String({
  pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
  description: "when this queue's day (its today window) starts, local HH:MM in its calendar's time zone; absent: the centre's dayResetTime",
});

export const QueueConfig = Type.Object(
  {
    queueId: Type.String({ minLength: 1, maxLength: 128 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    channel: Type.Optional(literalUnion(CONTACT_CHANNELS)),
    teamId: Type.Optional(Type.String({ maxLength: 128 })),
    serviceLevel: ServiceLevelSettings,
    rollingMinutes: Type.Union([Type.Literal(5), Type.Literal(15), Type.Literal(30), Type.Literal(60)], { default: 15 }),
    intervalMinutes: Type.Union([Type.Literal(15), Type.Literal(30)], { default: 30 }),
    firstResponse: Type.Array(AsyncTarget, { maxItems: 50 }),
    resolution: Type.Array(AsyncTarget, { maxItems: 50 }),
    calendarId: Type.String({ minLength: 1, maxLength: 128, default: 'default' }),
    // Optional so that "no bands of its own" is said by leaving them out (a merge patch of null removes them).
    colours: Type.Optional({ ...ColourBands, description: "the queue's own tile colour bands; absent: derived from the target (amber below it, red 10 points below), moving with it" }),
    dayResetTime: Type.Optional(QueueDayReset),
    kpiTargets: Type.Optional({ ...KpiTargets, description: "targets of the KPI tiles (CSAT, NPS, CES, FCR, repeat contacts, ticket SLA, AHT, occupancy, 90th-percentile wait); absent ones take the defaults" }),
    repeatWindowMinutes: Type.Optional(Type.Integer({ minimum: 10, maximum: 1440, description: 'a contact is a repeat when its caller reached this queue within this many minutes before, across midnight too; absent: earlier the same day' })),
  },
  { additionalProperties: false },
);
export type QueueConfig = Static<typeof QueueConfig>;

const Time = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$', description: 'local time HH:MM' });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'local date YYYY-MM-DD' });
export const OpeningSpan = Type.Object({ start: Time, end: Time }, { additionalProperties: false });
export type OpeningSpan = Static<typeof OpeningSpan>;
const DayHours = Type.Array(OpeningSpan, { maxItems: 8 });

/** Weekly opening hours in a time zone, with holidays. Days are ISO weekday names. */
export const BusinessCalendar = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 128 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    timeZone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Rome' }),
    weekly: Type.Object(
      { mon: DayHours, tue: DayHours, wed: DayHours, thu: DayHours, fri: DayHours, sat: DayHours, sun: DayHours },
      { additionalProperties: false },
    ),
    italianHolidays: Type.Boolean({ description: 'Italian public holidays, Easter Monday included' }),
    patronSaintDay: Type.Optional(Type.String({ pattern: '^\\d{2}-\\d{2}$', description: 'MM-DD of the local patron saint' })),
    closures: Type.Array(Day, { maxItems: 1000, description: 'one-off closed dates' }),
  },
  { additionalProperties: false },
);
export type BusinessCalendar = Static<typeof BusinessCalendar>;

export const AlertMetric = literalUnion([
  'serviceLevel', 'waiting', 'longestWaitSeconds', 'waitingWithNoneAvailable', 'waitingPerAvailableAgent', 'availableAgents', 'asa',
  'abandonRate', 'aht', 'ticketsBreached', 'ticketsAtRisk', 'chatFirstResponseSeconds', 'csat', 'nps',
  'agentNotReadySeconds', 'staffingGap',
] as const);
export type AlertMetric = Static<typeof AlertMetric>;
export const ScopeKind = literalUnion(['queue', 'team', 'channel', 'centre', 'agent'] as const);
export type ScopeKind = Static<typeof ScopeKind>;
export const WindowName = literalUnion(['rolling', 'interval', 'today', 'live'] as const);
export type WindowName = Static<typeof WindowName>;
export const Severity = literalUnion(['warning', 'critical'] as const);
export type Severity = Static<typeof Severity>;
export const Comparison = literalUnion(['lt', 'lte', 'gt', 'gte'] as const);
export type Comparison = Static<typeof Comparison>;

export const AlertRule = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 128 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    metric: AlertMetric,
    scope: Type.Object(
      { kind: ScopeKind, id: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'absent: every entity of that kind' })) },
      { additionalProperties: false },
    ),
    window: WindowName,
    comparison: Comparison,
    threshold: Type.Number(),
    clearThreshold: Type.Optional(Type.Number({ description: 'hysteresis: the alert resolves only past this value' })),
    forSeconds: Type.Integer({ minimum: 0, maximum: 86_400, default: 0 }),
    severity: Severity,
    enabled: Type.Boolean({ default: true }),
  },
  { additionalProperties: false },
);
export type AlertRule = Static<typeof AlertRule>;

export const AgentProfile = Type.Object(
  {
    agentId: Type.String({ minLength: 1, maxLength: 128 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    teamId: Type.Optional(Type.String({ maxLength: 128 })),
  },
  { additionalProperties: false },
);
export type AgentProfile = Static<typeof AgentProfile>;

/** Centre-wide settings of the engine. */
export const EngineSettings = Type.Object(
  {
    timeZone: Type.String({ default: 'Europe/Rome' }),
    dayResetTime: Time,
    graceSeconds: Type.Integer({ minimum: 0, maximum: 3600, default: 120 }),
    staleContactSeconds: Type.Integer({ minimum: 60, default: 14_400, description: 'a contact queued this long with no end is a ghost' }),
    notReadyAlertSeconds: Type.Integer({ minimum: 60, default: 900 }),
  },
  { additionalProperties: false },
);
export type EngineSettings = Static<typeof EngineSettings>;

/** The whole configuration as one document (export / import, PLANCIA_CONFIG). */
export const ConfigDocument = Type.Object(
  {
    settings: Type.Optional(EngineSettings),
    queues: Type.Array(QueueConfig),
    calendars: Type.Array(BusinessCalendar),
    alertRules: Type.Array(AlertRule),
    agents: Type.Array(AgentProfile),
  },
  { additionalProperties: false },
);
export type ConfigDocument = Static<typeof ConfigDocument>;
