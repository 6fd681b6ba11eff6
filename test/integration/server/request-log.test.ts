import { afterAll, describe, expect, it } from 'vitest';
import { backends, type TestDatabase } from '../helpers/plancia-server.js';
import { postEvents, queued } from '../helpers/events.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const POSTS = 5;

function linesAbout(output: string, url: string): { level: number; msg: string }[] {
  return output.split('\n').filter((line) => line.startsWith('{') && line.includes(`"url":"${url}"`))
    .map((line) => JSON.parse(line) as { level: number; msg: string });
}

describe('request log', () => {
  const databases: TestDatabase[] = [];
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    servers.forEach((s) => s.child.exitCode === null && s.child.kill('SIGKILL'));
    await Promise.all(databases.map((d) => d.dispose()));
  });

  async function ingestAndStop(logLevel: string): Promise<string> {
    const database = await backends[0]!.create();
    databases.push(database);
    const { dataDir } = database.options as { dataDir: string };
    const server = await startServerProcess({ PLANCIA_DATA_DIR: dataDir, LOG_LEVEL: logLevel }, { capture: true });
    servers.push(server);
    for (let i = 0; i < POSTS; i += 1) expect((await postEvents(server.url, JSON.stringify([queued(`l${i}`)]))).status).toBe(202);
    expect((await postEvents(server.url, '[{"id":1}]')).status).toBe(400);
    server.child.kill('SIGTERM');
    await server.exited;
    return server.output();
  }

  it('logs a routine ingest request once, at debug, and a refused one at info', async () => {
    const info = linesAbout(await ingestAndStop('info'), '/api/v1/events');
    expect(info.map((l) => [l.level, l.msg])).toEqual([[30, 'request completed']]);
    const debug = linesAbout(await ingestAndStop('debug'), '/api/v1/events');
    expect(debug.filter((l) => l.level === 20)).toHaveLength(POSTS);
    expect(debug.filter((l) => l.msg === 'incoming request')).toEqual([]);
  }, 120_000);
});
