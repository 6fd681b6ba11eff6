import { Type, type Static } from '@sinclair/typebox';
import { AlertMetric, Comparison, ScopeKind, Severity, WindowName } from './config.js';

export const AlertState = Type.Union([Type.Literal('raised'), Type.Literal('acknowledged'), Type.Literal('resolved')]);
export type AlertState = Static<typeof AlertState>;
const Iso = Type.String({ format: 'date-time' });
const NullableIso = Type.Union([Iso, Type.Null()]);

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
});
export type Alert = Static<typeof Alert>;

/**
 * One transition of an alert's lifecycle, pushed the moment it happens; `updated` is an open alert whose value or
 * scope name moved (pushed to the boards, not a transition of the history).
 */
export const AlertEvent = Type.Object({
  kind: Type.Union([Type.Literal('raised'), Type.Literal('acknowledged'), Type.Literal('resolved'), Type.Literal('updated')]),
  alert: Alert,
});
export type AlertEvent = Static<typeof AlertEvent>;

export const AcknowledgeRequest = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 1000 })), by: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);
export type AcknowledgeRequest = Static<typeof AcknowledgeRequest>;

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
