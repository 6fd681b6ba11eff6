import { INGEST_LIMITS } from '@plancia/contracts';

/** The media types an ingest request may carry, and what each allows. */
export const EVENT_MEDIA_TYPES = {
  'application/cloudevents+json': 'single',
  'application/json': 'single-or-array',
  'application/cloudevents-batch+json': 'array',
  'application/x-ndjson': 'ndjson',
} as const;
export type EventMediaType = keyof typeof EVENT_MEDIA_TYPES;

export type PayloadResult =
  | { ok: true; values: unknown[] }
  | { ok: false; status: 400 | 413; error: 'malformed_json' | 'wrong_shape' | 'too_many_events'; message: string };

export type DecodedBody =
  | { ok: true; text: string }
  | { ok: false; status: 400 | 415; error: 'invalid_utf8' | 'unsupported_charset'; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The body as text, strictly: events are UTF-8 JSON (RFC 8259), so another declared charset is refused (415) and
 * bytes that are not UTF-8 are refused (400) instead of being silently replaced by U+FFFD.
 */
export function decodeBody(body: Uint8Array, contentType: string | undefined): DecodedBody {
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    return { ok: false, status: 415, error: 'unsupported_charset', message: `charset ${charset} is not accepted: send UTF-8` };
  }
  try {
    return { ok: true, text: utf8.decode(body) };
  } catch {
    return { ok: false, status: 400, error: 'invalid_utf8', message: 'The body is not valid UTF-8' };
  }
}

const malformed = (message: string): PayloadResult => ({ ok: false, status: 400, error: 'malformed_json', message });

function parseJson(text: string, where: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: `${where}: ${(error as Error).message}` };
  }
}

function parseNdjson(text: string): PayloadResult {
  const values: unknown[] = [];
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    if (values.length === INGEST_LIMITS.maxEvents) return tooMany();
    const parsed = parseJson(line, `line ${i + 1}`);
    if (!parsed.ok) return malformed(parsed.message);
    values.push(parsed.value);
  }
  return { ok: true, values };
}

function tooMany(): PayloadResult {
  return { ok: false, status: 413, error: 'too_many_events', message: `At most ${INGEST_LIMITS.maxEvents} events per request` };
}

/** Turns a raw request body into candidate events (not yet validated) as its media type says. */
export function parsePayload(raw: string, mediaType: EventMediaType): PayloadResult {
  const shape = EVENT_MEDIA_TYPES[mediaType];
  if (shape === 'ndjson') return parseNdjson(raw);
  const parsed = parseJson(raw, 'body');
  if (!parsed.ok) return malformed(parsed.message);
  const isArray = Array.isArray(parsed.value);
  if ((shape === 'single' && isArray) || (shape === 'array' && !isArray)) {
    const expected = shape === 'single' ? 'one event object' : 'an array of events';
    return { ok: false, status: 400, error: 'wrong_shape', message: `${mediaType} carries ${expected}` };
  }
  const values = isArray ? (parsed.value as unknown[]) : [parsed.value];
  return values.length > INGEST_LIMITS.maxEvents ? tooMany() : { ok: true, values };
}

/** A WebSocket frame has no media type: an array, NDJSON, or one event (one-line NDJSON). */
export function parseFrame(raw: string): PayloadResult {
  return parsePayload(raw, raw.trimStart().startsWith('[') ? 'application/json' : 'application/x-ndjson');
}
