import { connect } from '../../../packages/store/src/connection.js';
import type { TestDatabase } from '../store/backends.js';

/**
 * Every row of every table of the database, as JSON text per table: what a copy of the database would give away.
 * Opens its own connection; with PGlite the server must be stopped first (one process at a time).
 */
export async function dumpDatabase(database: TestDatabase): Promise<Record<string, string>> {
  const { db } = connect(database.options);
  try {
    const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
    const dump: Record<string, string> = {};
    for (const table of tables) {
      // Introspection names them at run time; the typed builder only knows the schema's own tables.
      const rows = await db.selectFrom(table.name as 'event_journal').selectAll().execute();
      dump[table.name] = JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value));
    }
    return dump;
  } finally {
    await db.destroy();
  }
}
