import { afterAll, describe, expect, it } from 'vitest';
import { backends, startTestServer, type TestDatabase, type TestServer } from '../helpers/plancia-server.js';
import { eventually, queueOf, settled, snapshotOf } from './board.js';
import { clockFrom } from './equivalence.js';
import { ScriptedEslServer } from './esl-server.js';
import { RecordedAmiServer } from './recorded-ami-server.js';
import { scriptedRecording } from './recorded-stream.js';

const at = clockFrom(Date.now() - 60_000);
const stamp = (seconds: number) => (at(seconds).ms / 1000).toFixed(6);
const join = (uniqueid: string, seconds: number) => ({ Event: 'QueueCallerJoin', Timestamp: stamp(seconds), Queue: 'help', Uniqueid: uniqueid, Position: '1' });

type Readiness = { status: string; sources: Record<string, { healthy: boolean; connected?: boolean; detail?: string }> };
const readiness = async (server: TestServer) => {
  const response = await fetch(`${server.url}/readyz`);
  return { code: response.status, body: (await response.json()) as Readiness };
};
const metric = async (server: TestServer, name: string) => {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return Number(new RegExp(`^${name}\\{source="[^"]+"\\} (\\d+)`, 'm').exec(text)?.[1] ?? NaN);
};

describe('adapter links that fail or send garbage', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });
  async function serverWith(env: Record<string, string>) {
    const database: TestDatabase = await backends.at(-1)!.create();
    const server = await startTestServer(database, env);
    cleanups.push(async () => {
      await server.stop();
      await database.dispose();
    });
    return server;
  }

  it('a refused AMI login shows in /readyz (unhealthy, the reason) and is retried with backoff; the server keeps serving', async () => {
    const ami = new RecordedAmiServer(scriptedRecording([join('1.1', 1)], []), { username: 'plancia', secret: 'right', shiftSeconds: 0 });
    cleanups.push(() => ami.close());
    const url = (await ami.listen()).replace(':right@', ':wrong@');
    const server = await serverWith({ PLANCIA_AMI_URL: url });
    const refused = await eventually('a second login attempt', async () => (ami.logins.length >= 2 ? ami.logins : undefined));
    expect(refused.every((outcome) => outcome === 'refused')).toBe(true);
    const { code, body } = await readiness(server);
    expect(code).toBe(200);
    expect(Object.values(body.sources)[0]).toMatchObject({ healthy: false, connected: false, detail: 'AMI login refused: Authentication failed' });
    expect(await metric(server, 'plancia_adapter_reconnects_total')).toBeGreaterThanOrEqual(1);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('garbage lines and a queue event without its Uniqueid are skipped and counted; the rest of the stream still counts', async () => {
    const recording = scriptedRecording([
      join('2.1', 1),
      { Event: 'QueueCallerJoin', Timestamp: stamp(2), Queue: 'help', Position: '2' },
      join('2.3', 3),
      { Event: 'QueueCallerAbandon', Timestamp: stamp(9), Queue: 'help', Uniqueid: '2.1', HoldTime: '8' },
    ], []);
    recording.live[2]!.raw = `[218 bytes missing in capture file]garbage without a colon\r\n${recording.live[2]!.raw}`;
    const ami = new RecordedAmiServer(recording, { username: 'plancia', secret: 'secret', shiftSeconds: 0 });
    cleanups.push(() => ami.close());
    const server = await serverWith({ PLANCIA_AMI_URL: await ami.listen() });
    await ami.finished;
    await eventually('the abandon on the board', async () => ((queueOf(await snapshotOf(server), 'help')?.windows.rolling.abandoned ?? 0) === 1 ? true : undefined));
    await settled(server, 200);
    const help = queueOf(await snapshotOf(server), 'help')!;
    expect(help.windows.rolling.offered).toBe(2);
    expect(help.live.waiting).toBe(1);
    expect(await metric(server, 'plancia_adapter_messages_rejected_total')).toBe(1);
    expect((await readiness(server)).body.status).toBe('ready');
  });

  it('a FreeSWITCH that refuses the password shows in /readyz and is retried', async () => {
    const esl = new ScriptedEslServer('ClueCon', []);
    cleanups.push(() => esl.close());
    const url = (await esl.listen()).replace(':ClueCon@', ':wrong@');
    const server = await serverWith({ PLANCIA_FREESWITCH_URL: url });
    await eventually('a second attempt', async () => (esl.commands.length >= 2 ? true : undefined));
    const { code, body } = await readiness(server);
    expect(code).toBe(200);
    expect(Object.values(body.sources)[0]).toMatchObject({ healthy: false, detail: 'FreeSWITCH refused "auth": -ERR invalid' });
  });
});
