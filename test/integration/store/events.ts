import type { TimedEvent } from '@plancia/contracts';

const BASE_MS = Date.parse('2026-03-02T09:00:00.000Z');

/** A valid contact.queued event `offsetMs` after a fixed instant, as the validator would hand it over. */
export function queued(id: string, offsetMs = 0, source = 'urn:test:acd'): TimedEvent {
  const timeMs = BASE_MS + offsetMs;
  return {
    specversion: '1.0',
    id,
    source,
    type: 'contact.queued',
    time: new Date(timeMs).toISOString(),
    data: { contactId: `c-${id}`, queueId: 'sales', channel: 'voice' },
    timeMs,
  };
}

export function queuedRange(count: number, prefix = 'e', stepMs = 1_000): TimedEvent[] {
  return Array.from({ length: count }, (_, i) => queued(`${prefix}${i}`, i * stepMs));
}

export { BASE_MS };
