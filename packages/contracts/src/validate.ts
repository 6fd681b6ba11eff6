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
/** Events dated before this are a wrong clock or a wrong field, not a contact centre's history. */
export const EARLIEST_EVENT_TIME = '2000-01-01T00:00:00Z';
const EARLIEST_EVENT_MS = Date.parse(EARLIEST_EVENT_TIME);
/**
 * Deepest nesting of objects and arrays an event may carry (the event itself is level 1). Events are nearly flat;
 * a value nested thousands deep overflows the stack of whoever serialises it (the journal insert) and fails the
 * whole group commit it travels in.
 */
export const MAX_EVENT_DEPTH = 32;

interface EventChecks {
  envelope: TypeCheck<TSchema>;
  data: Record<EventType, TypeCheck<TSchema>>;
}
let eventChecks: EventChecks | undefined;

/**
 * The compiled checks, made on first use rather than at import: compiling evaluates generated code (`new Function`),
 * which the board's Content-Security-Policy forbids, and the board imports this package without validating events.
 */
function checks(): EventChecks {
  eventChecks ??= {
    envelope: TypeCompiler.Compile(EventEnvelope),
    data: Object.fromEntries(EVENT_TYPES.map((t) => [t, TypeCompiler.Compile(EventData[t] as TSchema)])) as Record<EventType, TypeCheck<TSchema>>,
  };
  return eventChecks;
}

function errorsOf(check: TypeCheck<TSchema>, value: unknown, prefix = ''): FieldError[] {
  // The compiled check is the fast path; walking for errors (interpreted, every failure listed) only when it fails.
  if (check.Check(value)) return [];
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
  const errors = errorsOf(checks().envelope, candidate);
  const type = candidate.type as EventType;
  if (EVENT_TYPES.includes(type) && typeof candidate.data === 'object' && candidate.data !== null) {
    errors.push(...errorsOf(checks().data[type], candidate.data, '/data'));
  }
  if (errors.length > 0) return { ok: false, errors: dedupe(errors) };
  const storable = unstorableValue(candidate);
  if (storable) return { ok: false, errors: [storable] };
  const timeMs = Date.parse(candidate.time as string);
  if (timeMs - nowMs > MAX_FUTURE_SKEW_MS) {
    return { ok: false, errors: [{ path: '/time', message: 'Event time is more than 5 minutes in the future' }] };
  }
  if (timeMs < EARLIEST_EVENT_MS) {
    return { ok: false, errors: [{ path: '/time', message: `Event time is before ${EARLIEST_EVENT_TIME}` }] };
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

// A NUL (PostgreSQL text and jsonb refuse it) or a UTF-16 surrogate without its pair (not Unicode: refused by jsonb).
// eslint-disable-next-line no-control-regex -- the NUL is exactly what is looked for
const UNSTORABLE_CHARACTER = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The first part of the event the journal could not store: nesting deeper than MAX_EVENT_DEPTH, or a key or string
 * with a character no database text can hold. Walked without recursion, so no input can exhaust the stack here.
 */
function unstorableValue(event: object): FieldError | null {
  const pending: Walked[] = [{ value: event, key: '', parent: null, depth: 1 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, depth } = next;
    if (typeof value === 'string') {
      if (UNSTORABLE_CHARACTER.test(value)) return { path: pathOf(next), message: 'Contains a NUL character or an unpaired surrogate' };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_EVENT_DEPTH) return { path: pathOf(next), message: `Nested deeper than ${MAX_EVENT_DEPTH} levels` };
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const child: Walked = { value: (value as Record<string, unknown>)[key], key, parent: next, depth: depth + 1 };
      if (UNSTORABLE_CHARACTER.test(key)) return { path: pathOf(child), message: 'Key contains a NUL character or an unpaired surrogate' };
      pending.push(child);
    }
  }
  return null;
}

/** A value met by unstorableValue's walk; its JSON Pointer is spelled only for the one refused (most events pass). */
interface Walked { value: unknown; key: string; parent: Walked | null; depth: number }

function pathOf(walked: Walked): string {
  const keys: string[] = [];
  for (let at: Walked | null = walked; at?.parent; at = at.parent) keys.push(at.key);
  return keys.reverse().map((key) => `/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}
