import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import type { TSchema } from '@sinclair/typebox';
import { EventData, EventEnvelope, EVENT_TYPES, type EventType, type TimedEvent } from './events.js';

export interface FieldError {
  /** JSON pointer into the event, e.g. `/data/queueId`. */
  path: string;
  message: string;
}

export interface EventError extends FieldError {
  /** Position of the event in the request (0 for a single event). */
  index: number;
}

/** Events dated further ahead than this are clock skew, not news. */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;

const envelopeCheck = TypeCompiler.Compile(EventEnvelope);
const dataChecks = Object.fromEntries(
  EVENT_TYPES.map((t) => [t, TypeCompiler.Compile(EventData[t] as TSchema)]),
) as Record<EventType, TypeCheck<TSchema>>;

function errorsOf(check: TypeCheck<TSchema>, value: unknown, prefix = ''): FieldError[] {
  return [...check.Errors(value)].map((e) => ({ path: prefix + e.path, message: e.message }));
}

/** Validates one event; `nowMs` is the receiving clock, used only for the skew check. */
export function validateEvent(
  value: unknown,
  nowMs: number,
): { ok: true; event: TimedEvent } | { ok: false; errors: FieldError[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, errors: [{ path: '', message: 'Expected a CloudEvents object' }] };
  }
  const candidate = value as Record<string, unknown>;
  const errors = errorsOf(envelopeCheck, candidate);
  const type = candidate.type as EventType;
  if (EVENT_TYPES.includes(type) && typeof candidate.data === 'object' && candidate.data !== null) {
    errors.push(...errorsOf(dataChecks[type], candidate.data, '/data'));
  }
  if (errors.length > 0) return { ok: false, errors: dedupe(errors) };
  const timeMs = Date.parse(candidate.time as string);
  if (timeMs - nowMs > MAX_FUTURE_SKEW_MS) {
    return { ok: false, errors: [{ path: '/time', message: 'Event time is more than 5 minutes in the future' }] };
  }
  return { ok: true, event: { ...(candidate as object), timeMs } as TimedEvent };
}

/** Validates a batch; any invalid event rejects the whole batch (callers apply nothing of it). */
export function validateEvents(
  values: readonly unknown[],
  nowMs: number,
): { ok: true; events: TimedEvent[] } | { ok: false; errors: EventError[] } {
  const events: TimedEvent[] = [];
  const errors: EventError[] = [];
  values.forEach((value, index) => {
    const result = validateEvent(value, nowMs);
    if (result.ok) events.push(result.event);
    else errors.push(...result.errors.map((e) => ({ index, ...e })));
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, events };
}

// TypeBox reports several failures per field (missing, then wrong type); the first one per path says it best.
function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (seen.has(e.path)) return false;
    seen.add(e.path);
    return true;
  });
}
