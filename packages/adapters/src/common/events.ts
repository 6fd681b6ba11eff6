import type { EventType, PlanciaEvent } from '@plancia/contracts';

/** What an adapter needs to build one CloudEvents 1.0 event (its data is checked by the contract's validator). */
export interface EventDraft {
  type: EventType;
  id: string;
  source: string;
  timeMs: number;
  data: Readonly<Record<string, unknown>>;
}

const MAX_ID_LENGTH = 128;

/** Builds a contract event; the time is written as RFC 3339 UTC with milliseconds. */
export function cloudEvent(draft: EventDraft): PlanciaEvent {
  return {
    specversion: '1.0',
    id: boundedId(draft.id),
    source: draft.source,
    type: draft.type,
    time: new Date(draft.timeMs).toISOString(),
    data: draft.data,
  } as PlanciaEvent;
}

/**
 * Event ids are derived from vendor identifiers, which can be long (SIP interfaces, ARNs).
 * An id over the contract's 128 characters keeps a readable prefix and a hash of the whole, so it stays deterministic.
 */
export function boundedId(id: string): string {
  if (id.length <= MAX_ID_LENGTH) return id;
  const hash = fnv1a(id);
  return `${id.slice(0, MAX_ID_LENGTH - hash.length - 1)}~${hash}`;
}

// FNV-1a 32-bit twice with different offsets: not cryptographic, only a stable shortening of an id.
function fnv1a(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
