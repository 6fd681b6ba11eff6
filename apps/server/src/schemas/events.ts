import { Type, type TSchema } from '@sinclair/typebox';
import { EVENT_TYPES, EventData, EventEnvelope, INGEST_LIMITS, type EventType } from '@plancia/contracts';

/** One complete CloudEvent schema per type: the envelope with that type's `data`, for OpenAPI and docs. */
export function eventSchemaOf(type: EventType): TSchema {
  return Type.Object(
    { ...EventEnvelope.properties, type: Type.Literal(type), data: EventData[type] },
    { title: type },
  );
}

export const CloudEventSchema = Type.Union(EVENT_TYPES.map(eventSchemaOf), { description: 'A Plancia event (CloudEvents 1.0, structured JSON)' });

export const EventPayloadSchema = Type.Union([
  CloudEventSchema,
  Type.Array(CloudEventSchema, { maxItems: INGEST_LIMITS.maxEvents, description: 'A batch; any invalid event rejects the whole batch' }),
]);
