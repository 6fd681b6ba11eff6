import { Type, type Static } from '@sinclair/typebox';
import { AlertMetric, ScopeKind, Severity, WindowName } from './config.js';

export const AlertState = Type.Union([Type.Literal('raised'), Type.Literal('acknowledged'), Type.Literal('resolved')]);
export type AlertState = Static<typeof AlertState>;
const Iso = Type.String({ format: 'date-time' });
const NullableIso = Type.Union([Iso, Type.Null()]);

export const Alert = Type.Object({
  id: Type.String({ description: 'stable for one raise: ruleId + scope + raise time' }),
  ruleId: Type.String(),
  ruleName: Type.String(),
  metric: AlertMetric,
  scope: Type.Object({ kind: ScopeKind, id: Type.Union([Type.String(), Type.Null()]) }),
  window: WindowName,
  severity: Severity,
  state: AlertState,
  value: Type.Union([Type.Number(), Type.Null()]),
  threshold: Type.Number(),
  raisedAt: Iso,
  acknowledgedAt: NullableIso,
  acknowledgedBy: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  resolvedAt: NullableIso,
});
export type Alert = Static<typeof Alert>;

/** One transition of an alert's lifecycle, pushed the moment it happens. */
export const AlertEvent = Type.Object({
  kind: Type.Union([Type.Literal('raised'), Type.Literal('acknowledged'), Type.Literal('resolved')]),
  alert: Alert,
});
export type AlertEvent = Static<typeof AlertEvent>;

export const AcknowledgeRequest = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 1000 })), by: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);
export type AcknowledgeRequest = Static<typeof AcknowledgeRequest>;
