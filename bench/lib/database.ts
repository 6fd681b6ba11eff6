import pg from 'pg';

export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh, empty PostgreSQL database for one suite, dropped afterwards. */
export async function freshDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `plancia_bench_${label}_${process.pid}_${Date.now() % 1_000_000}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * Every acknowledged event must be in the journal, or a rate of acknowledgements means nothing. (More may be there:
 * requests still in flight when a load generator stops are committed without being counted.)
 */
export async function expectJournaled(url: string, acknowledged: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM event_journal');
    if (Number(rows[0]!.n) < acknowledged) throw new Error(`journal holds ${rows[0]!.n} events, ${acknowledged} were acknowledged`);
  } finally {
    await client.end();
  }
}
