import { Type, type Static } from '@sinclair/typebox';
import { AlertMetric, Comparison, ScopeKind, Severity, WindowName } from './config.js';

/** raised → acknowledged → assigned → resolved; an alert never moves back (assign from raised implies acknowledge). */
export const AlertState = Type.Union([Type.Literal('raised'), Type.Literal('acknowledged'), Type.Literal('assigned'), Type.Literal('resolved')]);
export type AlertState = Static<typeof AlertState>;
const Iso = Type.String({ format: 'date-time' });
const NullableIso = Type.Union([Iso, Type.Null()]);
const NullableText = Type.Union([Type.String(), Type.Null()]);

export const AlertComment = Type.Object({ at: Iso, by: Type.String(), text: Type.String() });
export type AlertComment = Static<typeof AlertComment>;

export const Alert = Type.Object({
  id: Type.String({ description: 'stable for one raise: ruleId + scope + raise time' }),
  ruleId: Type.String(),
  ruleName: Type.String(),
  metric: AlertMetric,
  scope: Type.Object({
    kind: ScopeKind,
    id: Type.Union([Type.String(), Type.Null()]),
    name: Type.Optional(Type.String({ description: "what the board calls the scope: the queue's or the agent's name" })),
  }),
  window: WindowName,
  severity: Severity,
  state: AlertState,
  value: Type.Union([Type.Number(), Type.Null()], { description: "the metric's current value, as shown (alertFigure)" }),
  threshold: Type.Number({ description: 'as shown (alertFigure): the value is compared with it as shown' }),
  comparison: Type.Optional(Comparison),
  clearThreshold: Type.Optional(Type.Number({ description: "the rule's clear threshold as shown: an open alert whose value is back past `threshold` stays open until past this" })),
  raisedAt: Iso,
  acknowledgedAt: NullableIso,
  acknowledgedBy: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  resolvedAt: NullableIso,
  // Optional so alerts stored before the lifecycle still validate; the engine fills them on every new alert.
  assignedTo: Type.Optional(NullableText),
  assignedAt: Type.Optional(NullableIso),
  resolvedBy: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'who resolved it by hand; null: it cleared by itself' })),
  resolutionNote: Type.Optional(NullableText),
  comments: Type.Optional(Type.Array(AlertComment)),
  snoozedUntil: Type.Optional(Type.Union([Iso, Type.Null()], { description: 'notifications held until then; the board still shows it' })),
  silencedBy: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'the id of a silence that matches it now (set by the server, never stored by the engine)' })),
});
export type Alert = Static<typeof Alert>;

/**
 * One transition of an alert's lifecycle, pushed the moment it happens; `updated` is an open alert whose value or
 * scope name moved (pushed to the boards, not a transition of the history).
 */
export const AlertEvent = Type.Object({
  kind: Type.Union([
    Type.Literal('raised'), Type.Literal('acknowledged'), Type.Literal('assigned'), Type.Literal('commented'),
    Type.Literal('snoozed'), Type.Literal('resolved'), Type.Literal('updated'),
  ]),
  alert: Alert,
});
export type AlertEvent = Static<typeof AlertEvent>;

export const AcknowledgeRequest = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 1000 })), by: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);
export type AcknowledgeRequest = Static<typeof AcknowledgeRequest>;

const Note = Type.String({ maxLength: 1000 });

export const AssignRequest = Type.Object(
  { to: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'a user name; omitted: the caller' })), note: Type.Optional(Note) },
  { additionalProperties: false },
);
export type AssignRequest = Static<typeof AssignRequest>;

/**
 * Who an open alert may be assigned to: the supervisors and administrators whose scope reaches it (they see it on
 * their board and may act on it). `GET /api/v1/alerts/{id}/assignees`.
 */
export const Assignee = Type.Object({ username: Type.String(), role: Type.Union([Type.Literal('supervisor'), Type.Literal('admin')]) });
export type Assignee = Static<typeof Assignee>;
export const AssigneeList = Type.Object({ assignees: Type.Array(Assignee) });
export type AssigneeList = Static<typeof AssigneeList>;

export const ResolveRequest = Type.Object({ note: Type.Optional(Note) }, { additionalProperties: false });
export type ResolveRequest = Static<typeof ResolveRequest>;

export const CommentRequest = Type.Object({ text: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });
export type CommentRequest = Static<typeof CommentRequest>;

export const SnoozeRequest = Type.Object(
  { until: Type.String({ format: 'date-time', description: 'in the future, at most 24 h ahead' }) },
  { additionalProperties: false },
);
export type SnoozeRequest = Static<typeof SnoozeRequest>;

/** The longest snooze: a snoozed alert must come back within a shift. */
export const MAX_SNOOZE_MS = 24 * 3_600_000;

export const AlertListQuery = Type.Object({
  state: Type.Optional(AlertState),
  severity: Type.Optional(Severity),
  queueId: Type.Optional(Type.String({ minLength: 1 })),
  teamId: Type.Optional(Type.String({ minLength: 1 })),
  ruleId: Type.Optional(Type.String({ minLength: 1 })),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'raised at or after' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'raised before' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
}, { additionalProperties: false });
export type AlertListQuery = Static<typeof AlertListQuery>;

export const AlertList = Type.Object({ alerts: Type.Array(Alert) });
export type AlertList = Static<typeof AlertList>;

export const AlertStatsQuery = Type.Object({
  from: Type.Optional(Type.String({ format: 'date-time', description: 'raised at or after (default: 7 days ago)' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'raised before (default: now)' })),
  by: Type.Optional(Type.Union([Type.Literal('rule'), Type.Literal('queue'), Type.Literal('severity')])),
}, { additionalProperties: false });
export type AlertStatsQuery = Static<typeof AlertStatsQuery>;

export const AlertStatsGroup = Type.Object({
  key: Type.String({ description: 'the rule id, the queue id (empty for alerts not about a queue) or the severity' }),
  count: Type.Integer(),
  acknowledged: Type.Integer(),
  resolved: Type.Integer(),
  mttaSeconds: Type.Union([Type.Number(), Type.Null()], { description: 'mean of raise → first acknowledgement (or assignment)' }),
  mttrSeconds: Type.Union([Type.Number(), Type.Null()], { description: 'mean of raise → resolution' }),
});
export type AlertStatsGroup = Static<typeof AlertStatsGroup>;

export const AlertStats = Type.Object({ groups: Type.Array(AlertStatsGroup) });
export type AlertStats = Static<typeof AlertStats>;

export const SilenceMatch = Type.Object({
  ruleId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  queueId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  teamId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  severity: Type.Optional(Severity),
}, { additionalProperties: false, description: 'every field given must match; a queue matches by its team too' });
export type SilenceMatch = Static<typeof SilenceMatch>;

export const SilenceRequest = Type.Object({
  match: SilenceMatch,
  endsAt: Iso,
  reason: Type.String({ minLength: 1, maxLength: 1000 }),
}, { additionalProperties: false });
export type SilenceRequest = Static<typeof SilenceRequest>;

export const Silence = Type.Object({
  id: Type.String(), match: SilenceMatch, startsAt: Iso, endsAt: Iso, reason: Type.String(), createdBy: Type.String(),
});
export type Silence = Static<typeof Silence>;

export const SilenceList = Type.Object({ silences: Type.Array(Silence) });
export type SilenceList = Static<typeof SilenceList>;

/** How an alert metric is shown: a share as a whole percent, a duration in whole seconds (m:ss), else to one decimal. */
export type AlertUnit = 'fraction' | 'seconds' | 'number';

export const ALERT_METRIC_UNITS: Readonly<Record<AlertMetric, AlertUnit>> = {
  serviceLevel: 'fraction', abandonRate: 'fraction', csat: 'fraction',
  longestWaitSeconds: 'seconds', asa: 'seconds', aht: 'seconds', chatFirstResponseSeconds: 'seconds', agentNotReadySeconds: 'seconds',
  waiting: 'number', waitingWithNoneAvailable: 'number', waitingPerAvailableAgent: 'number', availableAgents: 'number',
  ticketsBreached: 'number', ticketsAtRisk: 'number', nps: 'number', staffingGap: 'number',
};

/** Rounds half away from zero to `steps` per unit, as Intl number formats do. */
const toStep = (value: number, steps: number): number => (Math.sign(value) * Math.round(Math.abs(value) * steps)) / steps + 0; // + 0: never -0

/**
 * A value or threshold as the board shows it: 0.795 → 0.8 (80 %), 40.9 s → 40 (0:40, a clock does not round up),
 * 2.46 → 2.5. Rules compare these figures, so an alert never shows a value that does not cross its threshold as shown
 * ("0:40 above 0:40").
 */
export function alertFigure(metric: AlertMetric, value: number): number {
  switch (ALERT_METRIC_UNITS[metric]) {
    case 'fraction': return toStep(value, 100);
    case 'seconds': return Math.max(0, Math.floor(value));
    case 'number': return toStep(value, 10);
  }
}
