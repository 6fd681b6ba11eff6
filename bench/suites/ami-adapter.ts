import { createServer, type Server } from 'node:net';
import { AmiParser, AsteriskMapper, amiField, type AmiMessage } from '@plancia/adapters';
import type { PlanciaEvent } from '@plancia/contracts';
import { freshDatabase } from '../lib/database.js';
import { startServer, type RunningProcess } from '../lib/processes.js';
import { measurement, type Measurement } from '../lib/report.js';

const QUEUES = 10;
const AGENTS = 50;
const BATCH = 1_000;
const CONCURRENCY = 4;

const wire = (fields: Record<string, string>) => `${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;

/** An app_queue stream as Asterisk sends it: per call a join, dialplan noise, the answer, device states, the end. */
function amiStream(calls: number, startMs: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < calls; i++) {
    const t = (offsetMs: number) => ((startMs + i * 20 + offsetMs) / 1000).toFixed(6);
    const call = { Queue: `q${i % QUEUES}`, Uniqueid: `1700000000.${i}`, Channel: `PJSIP/trunk-${i}` };
    const member = { MemberName: `agent${i % AGENTS}`, Interface: `PJSIP/${200 + (i % AGENTS)}` };
    const hold = String((i * 7) % 40);
    out.push(
      wire({ Event: 'QueueCallerJoin', Privilege: 'agent,all', Timestamp: t(0), ...call, Position: '1', Count: '1' }),
      wire({ Event: 'Newexten', Privilege: 'dialplan,all', Timestamp: t(1), Channel: call.Channel, Uniqueid: call.Uniqueid, Application: 'Queue', AppData: call.Queue }),
      wire({ Event: 'QueueCallerLeave', Privilege: 'agent,all', Timestamp: t(2), ...call, Position: '1', Count: '0' }),
      wire({ Event: 'AgentConnect', Privilege: 'agent,all', Timestamp: t(3), ...call, ...member, HoldTime: hold, RingTime: '2' }),
      wire({ Event: 'QueueMemberStatus', Privilege: 'agent,all', Timestamp: t(4), Queue: call.Queue, ...member, Status: '2', Paused: '0', PausedReason: '' }),
      wire({ Event: 'AgentComplete', Privilege: 'agent,all', Timestamp: t(5), ...call, ...member, HoldTime: hold, TalkTime: '60', Reason: 'caller' }),
      wire({ Event: 'QueueMemberStatus', Privilege: 'agent,all', Timestamp: t(6), Queue: call.Queue, ...member, Status: '1', Paused: '0', PausedReason: '' }),
    );
  }
  return out;
}

/** A PBX that answers Login, Ping and QueueStatus, then sends the whole stream as fast as the socket takes it. */
async function fakeAsterisk(stream: string[]): Promise<{ url: string; started: Promise<number>; server: Server }> {
  let markStart: (ms: number) => void = () => undefined;
  const started = new Promise<number>((resolve) => (markStart = resolve));
  const server = createServer((socket) => {
    const parser = new AmiParser();
    socket.write('Asterisk Call Manager/13.0.0\r\n');
    socket.on('data', async (chunk) => {
      for (const action of parser.push(chunk)) {
        const ActionID = amiField(action, 'ActionID') ?? '';
        const name = amiField(action, 'Action');
        if (name === 'Login') socket.write(wire({ Response: 'Success', ActionID, Message: 'Authentication accepted' }));
        if (name === 'Ping') socket.write(wire({ Response: 'Success', ActionID, Ping: 'Pong', Timestamp: (Date.now() / 1000).toFixed(6) }));
        if (name !== 'QueueStatus') continue;
        socket.write(wire({ Response: 'Success', ActionID, EventList: 'start', Message: 'Queue status will follow' }));
        socket.write(wire({ Event: 'QueueStatusComplete', ActionID, EventList: 'Complete', ListItems: '0' }));
        markStart(performance.now());
        for (let i = 0; i < stream.length; i += 500) {
          if (!socket.write(stream.slice(i, i + 500).join(''))) await new Promise((resolve) => socket.once('drain', resolve));
        }
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `ami://bench:secret@127.0.0.1:${port}`, started, server };
}

async function acceptedEvents(server: RunningProcess): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return Number(/^plancia_events_accepted_total (\d+)/m.exec(text)?.[1] ?? 0);
}

async function untilAccepted(server: RunningProcess, expected: number): Promise<number> {
  for (;;) {
    if ((await acceptedEvents(server)) >= expected) return performance.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The baseline: the very events the adapter produced, posted as CloudEvents NDJSON batches to the same ingest path. */
async function postBatches(server: RunningProcess, events: PlanciaEvent[]): Promise<number> {
  const bodies: string[] = [];
  for (let i = 0; i < events.length; i += BATCH) bodies.push(events.slice(i, i + BATCH).map((e) => JSON.stringify(e)).join('\n'));
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < bodies.length) {
      const response = await fetch(`${server.url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: bodies[next++] });
      if (response.status !== 202) throw new Error(`batch ingest answered ${response.status}`);
    }
  }));
  return performance.now() - started;
}

export async function amiAdapterSuite(quick: boolean): Promise<Measurement[]> {
  const calls = quick ? 4_000 : 20_000;
  const stream = amiStream(calls, Date.now() - 3_600_000);
  const mapper = new AsteriskMapper({ source: 'ami://127.0.0.1' });
  const parser = new AmiParser();
  const mapped = parser.push(stream.join('')).flatMap((message: AmiMessage) => mapper.map(message));
  const pbx = await fakeAsterisk(stream);
  const [adapterDb, baselineDb] = [await freshDatabase('ami'), await freshDatabase('amibase')];
  try {
    const server = await startServer({ DATABASE_URL: adapterDb.url, PLANCIA_AMI_URL: pbx.url });
    let adapterMs: number;
    try {
      const start = await pbx.started;
      adapterMs = (await untilAccepted(server, mapped.length)) - start;
    } finally {
      await server.stop();
    }
    const baseline = await startServer({ DATABASE_URL: baselineDb.url });
    let baselineMs: number;
    try {
      baselineMs = await postBatches(baseline, mapped);
    } finally {
      await baseline.stop();
    }
    const baselineRate = { name: `the same events as CloudEvents, NDJSON ${BATCH}/request × ${CONCURRENCY}`, value: (mapped.length / baselineMs) * 1000 };
    return [
      measurement({
        suite: 'ami-adapter', name: 'AMI link → committed events', unit: 'events/s', value: (mapped.length / adapterMs) * 1000, baseline: baselineRate,
        notes: `${stream.length} AMI messages (${((stream.length / adapterMs) * 1000).toFixed(0)}/s read) mapped to ${mapped.length} events`,
      }),
    ];
  } finally {
    pbx.server.close();
    await adapterDb.drop();
    await baselineDb.drop();
  }
}
