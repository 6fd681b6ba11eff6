import { EslFrameParser, parseEslEvent, type EslEvent, type EslFrame } from '@plancia/adapters';
import type { LinkSession } from '../stream/reconnecting-link.js';
import { openLinkSocket } from '../stream/link-socket.js';

export const CALLCENTER_SUBSCRIPTION = 'event plain CUSTOM callcenter::info';

export interface EslSessionOptions {
  host: string;
  port: number;
  password: string;
  signal: AbortSignal;
  /** The events of a received chunk, with the local receive time. */
  deliver(events: EslEvent[], receivedAtMs: number): void;
  saturated(): boolean;
  drained(): Promise<void>;
}

/** A subscribed event-socket link, over which `api` commands can be sent: resolves with the command's output. */
export interface EslLinkSession extends LinkSession {
  api(command: string): Promise<string>;
  /**
   * Sends an `api` command whose output `handle` gets in stream order: after every event received before it and
   * before any received after it, which a promise (settled a turn later) could not promise. Nothing if the link ends first.
   */
  read(command: string, handle: (body: string, receivedAtMs: number) => void): void;
}

type ReplyHandler = (frame: EslFrame, receivedAtMs: number) => void;

/**
 * One inbound event-socket connection: answer `auth/request` with the password, subscribe to mod_callcenter's
 * events in plain format, then hand every `text/event-plain` frame on. Resolves once subscribed.
 */
export async function openEslSession(options: EslSessionOptions): Promise<EslLinkSession> {
  const link = openLinkSocket(options.host, options.port, options.signal, 'FreeSWITCH');
  const { socket, closed, fail } = link;
  const parser = new EslFrameParser();
  // Replies come in the order commands went out: each reply frame is the oldest command's.
  const replies: ReplyHandler[] = [];
  const nextReply = () => new Promise<EslFrame>((resolve, reject) => {
    replies.push(resolve);
    void closed.then((reason) => reject(new Error(reason)));
  });

  socket.on('data', (chunk: Buffer) => {
    const receivedAtMs = Date.now();
    let events: EslEvent[] = [];
    const deliverHeard = () => {
      if (events.length > 0) options.deliver(events, receivedAtMs);
      events = [];
    };
    for (const frame of parser.push(chunk)) {
      const type = frame.headers['Content-Type'];
      if (type === 'text/event-plain') events.push(parseEslEvent(frame.body));
      else if (type === 'text/disconnect-notice') fail('FreeSWITCH sent a disconnect notice');
      else {
        deliverHeard();
        replies.shift()?.(frame, receivedAtMs);
      }
    }
    deliverHeard();
    link.pushBack(options.saturated, options.drained);
  });

  const command = async (text: string) => {
    const reply = nextReply();
    socket.write(`${text}\n\n`);
    const answer = (await reply).headers['Reply-Text'] ?? '';
    if (!answer.startsWith('+OK')) throw new Error(`FreeSWITCH refused "${text.split(' ')[0]}": ${answer || 'no reply text'}`);
  };

  const greeting = nextReply();
  await link.handshake(async () => {
    await link.connected;
    if ((await greeting).headers['Content-Type'] !== 'auth/request') throw new Error('no auth/request: not a FreeSWITCH event socket');
    await command(`auth ${options.password}`);
    await command(CALLCENTER_SUBSCRIPTION);
  });
  // An api command's answer is the next reply frame (api/response).
  const read = (text: string, handle: (body: string, receivedAtMs: number) => void) => {
    replies.push((frame, receivedAtMs) => handle(frame.body, receivedAtMs));
    socket.write(`api ${text}\n\n`);
  };
  const api = (text: string) => new Promise<string>((resolve, reject) => {
    read(text, resolve);
    void closed.then((reason) => reject(new Error(reason)));
  });
  return { closed, close: () => fail('closed'), api, read };
}
