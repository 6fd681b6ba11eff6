import { afterAll, beforeAll } from 'vitest';
import { backends, startTestServer, type TestDatabase, type TestServer } from '../helpers/plancia-server.js';

/**
 * The real server on port 0 over a fresh PGlite database for one suite. `processEnv` holds settings the push layer
 * reads from the process environment at boot (PLANCIA_PUSH_INTERVAL_MS).
 */
export function useServer(env: Record<string, string>, processEnv: Record<string, string> = {}): () => TestServer {
  let database: TestDatabase | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    database = await backends[0]!.create();
    Object.assign(process.env, processEnv);
    try {
      server = await startTestServer(database, env);
    } finally {
      for (const key of Object.keys(processEnv)) delete process.env[key];
    }
  });
  afterAll(async () => {
    await server?.stop();
    await database?.dispose();
  });
  return () => server!;
}
