import type { TimedEvent } from '@plancia/contracts';

export interface AppendResult {
  accepted: TimedEvent[];
  duplicates: number;
}

/** Identity of an event for idempotency; length-prefixed so no (source, id) pair can spell another. */
export function eventKey(event: Pick<TimedEvent, 'source' | 'id'>): string {
  return `${event.source.length}:${event.source}${event.id}`;
}

/** The events of all batches, each (source, id) once, first occurrence first: the rows worth inserting. */
export function uniqueEvents(batches: readonly (readonly TimedEvent[])[]): TimedEvent[] {
  const seen = new Set<string>();
  const unique: TimedEvent[] = [];
  for (const batch of batches) {
    for (const event of batch) {
      const key = eventKey(event);
      if (seen.has(key)) continue;
      seen.add(key);
      unique.push(event);
    }
  }
  return unique;
}

/**
 * Splits what the INSERT stored back to the batches that asked: an event is accepted by the first batch (and the
 * first position in it) that carried its key; every other copy, and every key the journal already held, is a duplicate.
 */
export function splitResults(batches: readonly (readonly TimedEvent[])[], insertedKeys: Set<string>): AppendResult[] {
  const unclaimed = new Set(insertedKeys);
  return batches.map((batch) => {
    const accepted = batch.filter((event) => unclaimed.delete(eventKey(event)));
    return { accepted, duplicates: batch.length - accepted.length };
  });
}

/** Cuts rows into statements of at most `size`, so no single INSERT grows without bound. */
export function chunk<T>(rows: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  const chunks: T[][] = [];
  for (let start = 0; start < rows.length; start += size) chunks.push(rows.slice(start, start + size));
  return chunks;
}

/** The CloudEvent as received, without the parsed time the validator added. */
export function payloadOf(event: TimedEvent): Omit<TimedEvent, 'timeMs'> {
  const { timeMs: _timeMs, ...payload } = event;
  return payload;
}
