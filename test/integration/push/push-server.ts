import { afterAll, beforeAll } from 'vitest';
import { backends, startTestServer, type TestDatabase, type TestServer } from '../helpers/plancia-server.js';

/** The real server on port 0 over a fresh PGlite database for one suite, configured by `env`. */
export function useServer(env: Record<string, string>): () => TestServer {
  let database: TestDatabase | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    database = await backends[0]!.create();
    server = await startTestServer(database, env);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.dispose();
  });
  return () => server!;
}
