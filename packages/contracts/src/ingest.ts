import { Type, type Static } from '@sinclair/typebox';

export const IngestAccepted = Type.Object({ accepted: Type.Integer({ minimum: 0 }), duplicates: Type.Integer({ minimum: 0 }) });
export type IngestAccepted = Static<typeof IngestAccepted>;

export const ErrorBody = Type.Object({
  error: Type.String({ description: 'machine-readable code, e.g. invalid_events' }),
  message: Type.Optional(Type.String()),
  details: Type.Optional(
    Type.Array(Type.Object({ index: Type.Optional(Type.Integer()), path: Type.String(), message: Type.String() })),
  ),
});
export type ErrorBody = Static<typeof ErrorBody>;

/** Frames the ingest WebSocket answers with, one per received frame. */
export type IngestFrameReply =
  | { ack: number; accepted: number; duplicates: number }
  | { nack: number; error: string; details?: ErrorBody['details'] };

export const INGEST_LIMITS = { maxEvents: 10_000, maxBytes: 5 * 1024 * 1024 } as const;
