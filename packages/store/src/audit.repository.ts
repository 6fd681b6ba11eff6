import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { clampLimit } from './paging.js';

const DEFAULT_AUDIT_LIMIT = 100;
const MAX_AUDIT_LIMIT = 1_000;

export interface AuditRecord {
  /** Who: the token's name or the loopback address. */
  actor: string;
  /** What, e.g. `queue.put`, `config.import`. */
  action: string;
  /** Which, e.g. `queues/sales`. */
  resource: string;
  before: unknown;
  after: unknown;
  atMs: number;
}

export interface AuditEntry extends Omit<AuditRecord, 'atMs'> {
  id: number;
  /** ISO 8601 instant of the change. */
  at: string;
}

export interface AuditQuery {
  sinceMs?: number;
  /** Only entries older than this one (its id): the next page of a reader that filters what it is given. */
  beforeId?: number;
  /** At most this many entries (default 100, at most 1000). */
  limit?: number;
}

export interface AuditRepository {
  record(entry: AuditRecord): Promise<void>;
  /** Newest first. */
  list(query: AuditQuery): Promise<AuditEntry[]>;
}

export class KyselyAuditRepository implements AuditRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async record(entry: AuditRecord): Promise<void> {
    await this.#db
      .insertInto('audit_log')
      .values({
        at: new Date(entry.atMs),
        actor: entry.actor,
        action: entry.action,
        resource: entry.resource,
        before: jsonOrNull(entry.before),
        after: jsonOrNull(entry.after),
      })
      .execute();
  }

  async list({ sinceMs, beforeId, limit }: AuditQuery): Promise<AuditEntry[]> {
    let query = this.#db.selectFrom('audit_log').selectAll();
    if (sinceMs !== undefined) query = query.where('at', '>=', new Date(sinceMs));
    if (beforeId !== undefined) query = query.where('seq', '<', String(beforeId));
    const rows = await query
      .orderBy('seq', 'desc')
      .limit(clampLimit(limit, DEFAULT_AUDIT_LIMIT, MAX_AUDIT_LIMIT))
      .execute();
    return rows.map((row) => ({
      id: Number(row.seq),
      at: row.at.toISOString(),
      actor: row.actor,
      action: row.action,
      resource: row.resource,
      before: row.before ?? null,
      after: row.after ?? null,
    }));
  }
}

// "Nothing before" (a creation) and "nothing after" (a deletion) are stored as SQL NULL.
function jsonOrNull(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
