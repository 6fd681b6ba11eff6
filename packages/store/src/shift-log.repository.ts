import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { clampLimit } from './paging.js';

const DEFAULT_NOTES_LIMIT = 1_000;
const MAX_NOTES_LIMIT = 10_000;

/** What a note is about, kept so that a reader's scope can be checked: the scope of the alert it names. */
export interface NoteAlertScope {
  kind: 'queue' | 'team' | 'agent' | 'channel' | 'centre';
  id: string | null;
}

export interface ShiftNoteRecord {
  tenant: string;
  atMs: number;
  /** As the audit log names the writer. */
  author: string;
  text: string;
  alertId: string | null;
  queueId: string | null;
  alertScope: NoteAlertScope | null;
}

export interface StoredShiftNote extends ShiftNoteRecord {
  id: number;
}

export interface ShiftNoteQuery {
  tenant: string;
  fromMs: number;
  toMs: number;
  /** At most this many, newest first (default 1000, at most 10000). */
  limit?: number;
}

export interface ShiftLogRepository {
  add(note: ShiftNoteRecord): Promise<StoredShiftNote>;
  /** The tenant's notes written in [fromMs, toMs), newest first. */
  list(query: ShiftNoteQuery): Promise<StoredShiftNote[]>;
}

export class KyselyShiftLogRepository implements ShiftLogRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async add(note: ShiftNoteRecord): Promise<StoredShiftNote> {
    const { seq } = await this.#db.insertInto('shift_note').values({
      tenant_id: note.tenant,
      at: new Date(note.atMs),
      author: note.author,
      text: note.text,
      alert_id: note.alertId,
      queue_id: note.queueId,
      alert_scope: note.alertScope === null ? null : JSON.stringify(note.alertScope),
    }).returning('seq').executeTakeFirstOrThrow();
    return { ...note, id: Number(seq) };
  }

  async list({ tenant, fromMs, toMs, limit }: ShiftNoteQuery): Promise<StoredShiftNote[]> {
    const rows = await this.#db
      .selectFrom('shift_note')
      .selectAll()
      .where('tenant_id', '=', tenant)
      .where('at', '>=', new Date(fromMs))
      .where('at', '<', new Date(toMs))
      .orderBy('at', 'desc')
      .orderBy('seq', 'desc')
      .limit(clampLimit(limit, DEFAULT_NOTES_LIMIT, MAX_NOTES_LIMIT))
      .execute();
    return rows.map((row) => ({
      id: Number(row.seq),
      tenant: row.tenant_id,
      atMs: row.at.getTime(),
      author: row.author,
      text: row.text,
      alertId: row.alert_id,
      queueId: row.queue_id,
      alertScope: (row.alert_scope ?? null) as NoteAlertScope | null,
    }));
  }
}
