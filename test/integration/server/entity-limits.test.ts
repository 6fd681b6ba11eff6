import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultQueueConfig } from '@plancia/contracts';
import { backends, startTestServer, type TestDatabase, type TestServer, NAMED_AGENTS } from '../helpers/plancia-server.js';
import { openIngestSocket } from '../helpers/ingest-socket.js';
import { agentState, answered, postEvents, queued } from '../helpers/events.js';

describe.each(backends)('queue and agent limits on $name', (backend) => {
  let database: TestDatabase;
  let server: TestServer;
  let folder: string;
  const limits = { PLANCIA_MAX_QUEUES: '3', PLANCIA_MAX_AGENTS: '2' };
  beforeAll(async () => {
    database = await backend.create();
    folder = await mkdtemp(join(tmpdir(), 'plancia-limits-'));
    const configFile = join(folder, 'config.json');
    await writeFile(configFile, JSON.stringify({ queues: [defaultQueueConfig('configured')], calendars: [], alertRules: [], agents: [] }));
    server = await startTestServer(database, { ...NAMED_AGENTS, ...limits, PLANCIA_CONFIG: configFile });
  });
  afterAll(async () => {
    await server?.stop();
    await database?.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  const metric = async (url: string, line: RegExp) => ((await (await fetch(`${url}/metrics`)).text()).match(line) ?? [])[1];

  it('refuses, with 422 naming the limit and the field, a batch that would bring more queues than allowed', async () => {
    expect((await postEvents(server.url, JSON.stringify([queued('q1', 'sales'), queued('q2', 'support')]))).status).toBe(202);
    const over = await postEvents(server.url, JSON.stringify([queued('q3', 'sales'), queued('q4', 'billing')]));
    expect(over.status).toBe(422);
    expect(await over.json()).toMatchObject({ error: 'queue_limit_reached', details: [{ index: 1, path: '/data/queueId', message: expect.stringContaining('PLANCIA_MAX_QUEUES') }] });
    expect((await postEvents(server.url, JSON.stringify(queued('q5', 'support')))).status).toBe(202);
    expect(await metric(server.url, /plancia_entity_limit_refusals_total\{entity="queue"\} (\d+)/)).toBe('2');
    expect(await metric(server.url, /plancia_entities\{entity="queue"\} (\d+)/)).toBe('3');
  });

  it('refuses agents beyond the limit on HTTP and on the ingest socket', async () => {
    expect((await postEvents(server.url, JSON.stringify([agentState('s1', 'a1', 'available', ['sales']), answered('s2', 'c-q1', 'a2')]))).status).toBe(202);
    const over = await postEvents(server.url, JSON.stringify(agentState('s3', 'a3', 'available', [])));
    expect(over.status).toBe(422);
    expect(await over.json()).toMatchObject({ error: 'agent_limit_reached', details: [{ path: '/data/agentId' }] });
    const producer = await openIngestSocket(server.wsUrl);
    producer.send(JSON.stringify(answered('s4', 'c-q2', 'a4')));
    expect(await producer.waitForReplies(1)).toMatchObject([{ nack: 1, error: 'agent_limit_reached' }]);
    producer.close();
    const snapshot = (await (await fetch(`${server.url}/api/v1/snapshot`)).json()) as { queues: unknown[]; agents: unknown[] };
    expect([snapshot.queues.length, snapshot.agents.length]).toEqual([3, 2]);
  });

  it('brings back no more than the limits after a restart, even from a journal that holds more', async () => {
    // Events stored while the limits were higher (or before they existed) go straight into the journal.
    const timed = (event: ReturnType<typeof queued>) => ({ ...event, timeMs: Date.parse(event.time) }) as never;
    await server.app.store.journal.append([timed(queued('j1', 'legacy-1')), timed(queued('j2', 'legacy-2'))]);
    await server.stop();
    server = await server.restart();
    const snapshot = (await (await fetch(`${server.url}/api/v1/snapshot`)).json()) as { queues: { queueId: string }[]; agents: unknown[] };
    expect(snapshot.queues.map((q) => q.queueId).sort()).toEqual(['configured', 'sales', 'support']);
    expect(snapshot.agents).toHaveLength(2);
    // Dropped by the start's replay, and again by the replay of the PLANCIA_CONFIG import.
    expect(Number(await metric(server.url, /plancia_entity_limit_refusals_total\{entity="queue"\} (\d+)/))).toBeGreaterThanOrEqual(2);
  });
});
