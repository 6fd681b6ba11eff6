import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { buildServer } from '../../../apps/server/src/server.js';
import { loadConfig, type ServerConfig } from '../../../apps/server/src/config.js';
import { prefetchCheckpoint, type CheckpointPrefetch } from '../../../apps/server/src/checkpoints/checkpoint-prefetch.js';
import { backends, type Backend, type TestDatabase } from '../store/backends.js';

export { backends, type Backend, type TestDatabase };

export interface TestServer {
  app: Awaited<ReturnType<typeof buildServer>>;
  /** http://127.0.0.1:<port> */
  url: string;
  /** ws://127.0.0.1:<port> */
  wsUrl: string;
  config: ServerConfig;
  /** Closes the server; the database stays for a restart. */
  stop(): Promise<void>;
  /** A new server on the same database, as after a restart; with `otherEnv`, configured by it instead. */
  restart(otherEnv?: Record<string, string>): Promise<TestServer>;
}

/**
 * Agent detail is off unless set (art. 4 of the Workers' Statute): suites that read agents on the board run with the
 * invented agents named, as the demo does.
 */
export const NAMED_AGENTS = { PLANCIA_AGENT_DETAIL: 'named', PLANCIA_AGENT_AGREEMENT: 'Test: invented agents' } as const;

/** The settings that point a server at `database`: its PostgreSQL URL, or the embedded database's folder. */
export function databaseEnv(database: TestDatabase): Record<string, string> {
  const { databaseUrl, dataDir } = database.options as { databaseUrl?: string; dataDir?: string };
  return databaseUrl ? { DATABASE_URL: databaseUrl } : { PLANCIA_DATA_DIR: dataDir! };
}

/**
 * Starts the real application on port 0 over `database`, demo traffic off, quiet logs; as main.ts does, with the
 * newest checkpoint read ahead (on PostgreSQL with checkpoints on). `beforeBuild`: what happens between that read
 * (given, when there is one) and the server's build: a checkpoint saved meanwhile.
 */
export async function startTestServer(database: TestDatabase, env: Record<string, string> = {}, beforeBuild?: (prefetched: CheckpointPrefetch | undefined) => Promise<void>): Promise<TestServer> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    PLANCIA_DEMO: '0',
    LOG_LEVEL: 'silent',
    ...databaseEnv(database),
    ...env,
  });
  const checkpoint = prefetchCheckpoint(config);
  await beforeBuild?.(checkpoint);
  const app = await buildServer(config, { checkpoint });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    config,
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    stop: () => app.close(),
    restart: (otherEnv = env) => startTestServer(database, otherEnv),
  };
}

/** The real server over a fresh database of `backend` for one suite, configured by `env`; read it inside tests. */
export function useServer(env: Record<string, string> = {}, backend: Backend = backends[0]!): () => TestServer {
  let database: TestDatabase | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    database = await backend.create();
    server = await startTestServer(database, env);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.dispose();
  });
  return () => server!;
}
