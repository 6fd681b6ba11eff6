import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PlanciaEvent } from '@plancia/contracts';

const escape = (s: string) => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

/** One event as a COPY text row of the journal's columns: the payload is the event as received. */
function journalRow(e: PlanciaEvent): string {
  return `${escape(e.source)}\t${escape(e.id)}\t${escape(e.type)}\t${e.time}\t${escape(JSON.stringify(e))}\n`;
}

/**
 * COPYs events into a table shaped like event_journal, one COPY (its own transaction, committed) per `batch` rows.
 * Rows are encoded inside the timed part, as a producer would have to.
 */
export async function copyJournalRows(client: pg.Client, table: string, events: readonly PlanciaEvent[], batch: number): Promise<void> {
  for (let i = 0; i < events.length; i += batch) {
    const rows = events.slice(i, i + batch).map(journalRow);
    await pipeline(Readable.from(rows), client.query(copyFrom(`COPY ${table} (source, id, type, time, payload) FROM STDIN`)));
  }
}
