import { sql, type Kysely } from 'kysely';
import type { Database, VersionedTableName } from './database.js';
import { StaleWriteError } from './errors.js';

/** A stored configuration entity with its optimistic-concurrency version (the ETag of the API). */
export interface Versioned<T> {
  value: T;
  version: number;
  updatedAt: string;
}

interface Row {
  key: string;
  value: unknown;
  version: number;
  updated_at: Date;
}

/**
 * One configuration table: one JSON document per key. Every write bumps `version`; a write given `ifVersion` only
 * happens while that is still the stored version, otherwise it throws StaleWriteError. `ifVersion` 0 means
 * "only if absent" (create, never overwrite).
 */
export class VersionedRepository<T> {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly table: VersionedTableName,
    private readonly keyOf: (value: T) => string,
  ) {}

  async list(): Promise<Versioned<T>[]> {
    const rows = await this.db.selectFrom(this.table).selectAll().orderBy('key').execute();
    return rows.map((row) => this.#versioned(row));
  }

  async get(key: string): Promise<Versioned<T> | undefined> {
    const row = await this.db.selectFrom(this.table).selectAll().where('key', '=', key).executeTakeFirst();
    return row && this.#versioned(row);
  }

  async put(value: T, ifVersion?: number): Promise<Versioned<T>> {
    const key = this.keyOf(value);
    const json = JSON.stringify(value);
    const row = ifVersion === undefined
      ? await this.#upsert(key, json)
      : ifVersion === 0 ? await this.#insertIfAbsent(key, json) : await this.#updateIfVersion(key, json, ifVersion);
    if (!row) throw await this.#stale(key, ifVersion ?? 0);
    return this.#versioned(row);
  }

  async delete(key: string, ifVersion?: number): Promise<boolean> {
    let query = this.db.deleteFrom(this.table).where('key', '=', key);
    if (ifVersion !== undefined) query = query.where('version', '=', ifVersion);
    const deleted = await query.returning('key').executeTakeFirst();
    if (deleted) return true;
    if (ifVersion !== undefined && (await this.get(key))) throw await this.#stale(key, ifVersion);
    return false;
  }

  #upsert(key: string, json: string): Promise<Row | undefined> {
    return this.db
      .insertInto(this.table)
      .values(newRow(key, json))
      .onConflict((oc) => oc.column('key').doUpdateSet(nextVersion(this.table)))
      .returningAll()
      .executeTakeFirst();
  }

  #insertIfAbsent(key: string, json: string): Promise<Row | undefined> {
    return this.db
      .insertInto(this.table)
      .values(newRow(key, json))
      .onConflict((oc) => oc.column('key').doNothing())
      .returningAll()
      .executeTakeFirst();
  }

  #updateIfVersion(key: string, json: string, ifVersion: number): Promise<Row | undefined> {
    return this.db
      .updateTable(this.table)
      .set({ value: json, version: sql`version + 1`, updated_at: sql`now()` })
      .where('key', '=', key)
      .where('version', '=', ifVersion)
      .returningAll()
      .executeTakeFirst();
  }

  async #stale(key: string, expected: number): Promise<StaleWriteError> {
    const current = await this.get(key);
    return new StaleWriteError(this.table, key, expected, current?.version ?? null);
  }

  #versioned(row: Row): Versioned<T> {
    return { value: row.value as T, version: row.version, updatedAt: row.updated_at.toISOString() };
  }
}

/**
 * Makes a table hold exactly `values` (an import): absent keys are deleted, new ones inserted, changed ones
 * updated with a new version. Unchanged documents keep their version, so re-importing an export changes nothing.
 */
export async function replaceTable<T>(
  db: Kysely<Database>,
  table: VersionedTableName,
  values: readonly T[],
  keyOf: (value: T) => string,
): Promise<void> {
  const keys = values.map(keyOf);
  const repeated = keys.find((key, index) => keys.indexOf(key) !== index);
  if (repeated !== undefined) throw new RangeError(`${table}: key "${repeated}" appears more than once`);
  let removal = db.deleteFrom(table);
  if (keys.length > 0) removal = removal.where('key', 'not in', keys);
  await removal.execute();
  if (values.length === 0) return;
  await db
    .insertInto(table)
    .values(values.map((value) => newRow(keyOf(value), JSON.stringify(value))))
    .onConflict((oc) => oc
      .column('key')
      .doUpdateSet(nextVersion(table))
      .where(sql<boolean>`${sql.table(table)}.value IS DISTINCT FROM excluded.value`))
    .execute();
}

function newRow(key: string, json: string) {
  return { key, value: json, version: 1, updated_at: sql<Date>`now()` };
}

/** The update of an upsert: the incoming document, one version more, stamped now. */
function nextVersion(table: VersionedTableName) {
  return {
    value: sql<string>`excluded.value`,
    version: sql<number>`${sql.table(table)}.version + 1`,
    updated_at: sql<Date>`now()`,
  };
}
