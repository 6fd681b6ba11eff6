import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FreeSwitchCallcenterMapper } from '@plancia/adapters';
import type { PlanciaEvent } from '@plancia/contracts';
import type { StreamSink } from '../stream/stream-source.js';
import { AGENT_LIST, QUEUE_LIST, membersOf, readCallcenterNow } from './callcenter-reads.js';
import { openEslSession, type EslLinkSession } from './esl-session.js';

const event = (action: string) => {
  const body = `Event-Subclass: callcenter%3A%3Ainfo\nCC-Action: ${action}\n\n`;
  return `Content-Length: ${Buffer.byteLength(body)}\nContent-Type: text/event-plain\n\n${body}`;
};
const apiResponse = (body: string) => `Content-Type: api/response\nContent-Length: ${Buffer.byteLength(body)}\n\n${body}`;

/** A loopback event socket: accepts auth and the subscription, then hands the socket to the test for what follows. */
async function peer(afterSubscribe: (socket: Socket, command: string) => void): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => {
    socket.write('Content-Type: auth/request\n\n');
    let buffered = '';
    socket.on('data', (chunk) => {
      buffered += chunk.toString('utf8');
      for (let end = buffered.indexOf('\n\n'); end >= 0; end = buffered.indexOf('\n\n')) {
        const command = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        if (command.startsWith('auth ') || command.startsWith('event ')) socket.write('Content-Type: command/reply\nReply-Text: +OK\n\n');
        else afterSubscribe(socket, command);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port };
}

const opened: { server: Server; session: EslLinkSession }[] = [];
afterEach(async () => {
  for (const { server, session } of opened.splice(0)) {
    session.close();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function openSession(port: number, server: Server): Promise<EslLinkSession> {
  const opening = await openEslSession({
    host: '127.0.0.1', port, password: 'ClueCon', signal: new AbortController().signal, saturated: () => false, drained: async () => undefined, deliver: () => undefined,
  });
  opened.push({ server, session: opening });
  return opening;
}

function recordingSink(submitted: PlanciaEvent[]): StreamSink {
  return { map: (_describe, mapping) => mapping(), submit: (events) => submitted.push(...events), saturated: () => false, drained: async () => undefined };
}

describe('readCallcenterNow', () => {
  it('reads the agents, the queues and each queue\'s members; a refused list is reported and the link stays up', async () => {
    const { server, port } = await peer((socket, command) => {
      if (command === `api ${QUEUE_LIST}`) socket.write(apiResponse('name|strategy\nsupport@default|longest-idle-agent\n+OK\n'));
      else if (command === `api ${membersOf('support@default')}`) socket.write(apiResponse('queue|uuid|cid_number|joined_epoch|state\nsupport@default|m-1|3331234567|1772442000|Waiting\n+OK\n'));
      else socket.write(apiResponse('-ERR Unknown command!\n'));
    });
    const link = await openSession(port, server);
    const submitted: PlanciaEvent[] = [];
    const refused: string[] = [];
    const mapper = new FreeSwitchCallcenterMapper({ source: 'esl://fs1' });
    readCallcenterNow(link, { mapper: () => mapper, sink: recordingSink(submitted), refused: (command, reason) => refused.push(`${command}: ${reason}`) });
    for (let i = 0; i < 50 && submitted.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(refused).toEqual([`${AGENT_LIST}: freeswitch: callcenter_config: list refused or incomplete: -ERR Unknown command!`]);
    expect(submitted.map((e) => [e.type, e.id])).toEqual([['contact.queued', 'freeswitch:m-1:queued']]);
    expect(await link.api('status')).toBe('-ERR Unknown command!\n');
  });
});

describe('EslLinkSession.read', () => {
  it('hands an answer on in stream order: after the events before it, before those after it, even in one chunk', async () => {
    const seen: string[] = [];
    const { server, port } = await peer((socket, command) => {
      if (command === 'api callcenter_config agent list') socket.write(event('before') + apiResponse('+OK\n') + event('after'));
    });
    const session = await openEslSession({
      host: '127.0.0.1', port, password: 'ClueCon', signal: new AbortController().signal, saturated: () => false, drained: async () => undefined,
      deliver: (events) => seen.push(...events.map((e) => e['CC-Action']!)),
    });
    opened.push({ server, session });
    await new Promise<void>((resolve) => session.read('callcenter_config agent list', (body) => {
      seen.push(`answer ${body.trim()}`);
      resolve();
    }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toEqual(['before', 'answer +OK', 'after']);
  });
});
