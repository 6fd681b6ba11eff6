import {
  KindGuard, Type, type Static, type TNull, type TObject, type TOptional, type TProperties, type TSchema, type TUnion,
} from '@sinclair/typebox';
import { AlertEvent } from './alerts.js';
import { AgentProfile, AlertRule, BusinessCalendar, QueueConfig } from './config.js';

type PatchValue<T extends TSchema> = T extends TObject<infer P> ? TObject<PatchProperties<P>> : T;
type PatchProperties<P extends TProperties> = {
  [K in keyof P]: P[K] extends TOptional<infer U> ? TOptional<TUnion<[PatchValue<U>, TNull]>> : TOptional<PatchValue<P[K]>>;
};
export type TMergePatch<T extends TObject> = TObject<PatchProperties<T['properties']>>;

/**
 * The body of a PUT that is laid over what is stored (JSON Merge Patch, RFC 7396): every key may be left out,
 * objects are partial all the way down, arrays and scalars are given whole, and `null` on an optional key removes it.
 * The server validates the merged whole against the entity's own schema as well.
 */
export function mergePatchOf<T extends TObject>(schema: T): TMergePatch<T> {
  return patchObject(schema) as never;
}

function patchObject(schema: TObject): TObject {
  const properties: TProperties = {};
  for (const [key, property] of Object.entries(schema.properties)) {
    properties[key] = KindGuard.IsOptional(property)
      ? Type.Optional(Type.Union([patchValue(Type.Optional(property, false)), Type.Null()]))
      : Type.Optional(patchValue(property));
  }
  return Type.Object(properties, { additionalProperties: false });
}

function patchValue(schema: TSchema): TSchema {
  return KindGuard.IsObject(schema) ? patchObject(schema) : schema;
}

export const QueuePatch = mergePatchOf(QueueConfig);
export type QueuePatch = Static<typeof QueuePatch>;
export const BusinessCalendarPatch = mergePatchOf(BusinessCalendar);
export type BusinessCalendarPatch = Static<typeof BusinessCalendarPatch>;
export const AlertRulePatch = mergePatchOf(AlertRule);
export type AlertRulePatch = Static<typeof AlertRulePatch>;
export const AgentProfilePatch = mergePatchOf(AgentProfile);
export type AgentProfilePatch = Static<typeof AgentProfilePatch>;

/**
 * The configurable resources of `/api/v1/<path>/<id>`: each entity's schema, the schema of a PUT body, the field the
 * id in the URL fills, and the list it is in within the whole configuration document.
 */
export const CONFIG_RESOURCES = {
  queues: { entity: QueueConfig, patch: QueuePatch, idField: 'queueId', documentKey: 'queues' },
  calendars: { entity: BusinessCalendar, patch: BusinessCalendarPatch, idField: 'id', documentKey: 'calendars' },
  'alert-rules': { entity: AlertRule, patch: AlertRulePatch, idField: 'id', documentKey: 'alertRules' },
  agents: { entity: AgentProfile, patch: AgentProfilePatch, idField: 'agentId', documentKey: 'agents' },
} as const;
export type ConfigResourcePath = keyof typeof CONFIG_RESOURCES;
export type ConfigEntity<P extends ConfigResourcePath> = Static<(typeof CONFIG_RESOURCES)[P]['entity']>;
export type ConfigPatch<P extends ConfigResourcePath> = Static<(typeof CONFIG_RESOURCES)[P]['patch']>;

/** One row of `GET /api/v1/queues`: configured queues, and queues seen in events that run on the defaults. */
export const QueueListEntry = Type.Object({
  config: QueueConfig,
  version: Type.Integer({ description: '0: not configured, running on defaults' }),
  configured: Type.Boolean(),
});
export type QueueListEntry = Static<typeof QueueListEntry>;

export const ListDiff = Type.Object({ added: Type.Array(Type.String()), changed: Type.Array(Type.String()), removed: Type.Array(Type.String()) });
export type ListDiff = Static<typeof ListDiff>;
/** What replacing the whole configuration adds, changes and removes (the answer of `PUT /api/v1/config`, dry run or not). */
export const ConfigDiff = Type.Object({
  queues: ListDiff, calendars: ListDiff, alertRules: ListDiff, agents: ListDiff, settingsChanged: Type.Boolean(),
});
export type ConfigDiff = Static<typeof ConfigDiff>;

/** When a candidate alert rule would have raised and resolved over the last hour. */
export const RulePreview = Type.Object({ transitions: Type.Array(AlertEvent) });
export type RulePreview = Static<typeof RulePreview>;

export const AuditQuery = Type.Object({
  since: Type.Optional(Type.String({ format: 'date-time' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
});
export type AuditQuery = Static<typeof AuditQuery>;
/** One configuration change: who, what, on which entity, the entity before and after. */
export const AuditEntry = Type.Object({
  id: Type.Integer(),
  actor: Type.String({ description: "a token's short digest, or loopback" }),
  action: Type.String({ description: 'e.g. queues.put, config.import' }),
  resource: Type.String({ description: 'e.g. queues/sales' }),
  before: Type.Unknown(),
  after: Type.Unknown(),
  at: Type.String({ format: 'date-time' }),
});
export type AuditEntry = Static<typeof AuditEntry>;
