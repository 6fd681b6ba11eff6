import type { Socket } from 'node:net';
import { AmiParser, amiField, type AmiMessage } from '@plancia/adapters';
import { LocalTcpServer } from '../adapters/local-tcp-server.js';

/** A queue member as app_queue holds it. */
export interface PeerMember {
  queue: string;
  name: string;
  iface: string;
  paused: boolean;
  reason: string;
  dynamic: boolean;
}

function wire(fields: Record<string, string>): string {
  return `${Object.entries(fields).map(([name, value]) => `${name}: ${value}`).join('\r\n')}\r\n\r\n`;
}

/** app_queue parses Paused with ast_true/ast_false: anything else is refused, as here. */
const TRUE = new Set(['yes', 'true', 'y', 't', '1', 'on']);
const FALSE = new Set(['no', 'false', 'n', 'f', '0', 'off']);

/**
 * A local Asterisk Manager Interface that holds queue members and answers supervisor actions as app_queue does:
 * `QueuePause` (Interface required, Queue optional: every queue of the interface) answered `Response: Success`, then a
 * `QueueMemberPause` event per membership; `QueueRemove` (Queue and Interface required; static members refused), then
 * `QueueMemberRemoved`. With `holdEvents`, the events wait for `releaseEvents()`: the test can look at the board
 * between Asterisk's answer and its event.
 */
export class AmiActionPeer {
  readonly actions: AmiMessage[] = [];
  /** Accepted logins so far: one per session a client opened. */
  logins = 0;
  holdEvents = false;
  private readonly tcp: LocalTcpServer;
  private readonly sockets = new Set<Socket>();
  private held: string[] = [];

  constructor(private readonly secret: string, readonly members: PeerMember[]) {
    this.tcp = new LocalTcpServer((socket) => this.session(socket));
  }

  async listen(): Promise<string> {
    return `ami://plancia:${encodeURIComponent(this.secret)}@127.0.0.1:${await this.tcp.listen()}`;
  }

  /** Logged-in sessions open now. */
  get sessions(): number {
    return this.sockets.size;
  }

  releaseEvents(): void {
    const events = this.held.join('');
    this.held = [];
    for (const socket of this.sockets) socket.write(events);
  }

  async close(): Promise<void> {
    await this.tcp.close();
  }

  private session(socket: Socket): void {
    const parser = new AmiParser();
    socket.write('Asterisk Call Manager/9.0.0\r\n');
    socket.on('data', (chunk) => {
      for (const action of parser.push(chunk)) this.answer(socket, action);
    });
    socket.once('close', () => this.sockets.delete(socket));
  }

  private answer(socket: Socket, action: AmiMessage): void {
    const ActionID = amiField(action, 'ActionID') ?? '';
    const reply = (fields: Record<string, string>) => void socket.write(wire({ Response: 'Success', ActionID, ...fields }));
    const error = (Message: string) => void socket.write(wire({ Response: 'Error', ActionID, Message }));
    const name = amiField(action, 'Action') ?? '';
    if (name !== 'Login' && name !== 'Ping' && name !== 'QueueStatus') this.actions.push(action);
    switch (name) {
      case 'Login':
        if (amiField(action, 'Secret') !== this.secret) return error('Authentication failed');
        this.sockets.add(socket);
        this.logins++;
        return reply({ Message: 'Authentication accepted' });
      case 'Ping':
        return reply({ Ping: 'Pong', Timestamp: this.now() });
      case 'QueueStatus':
        reply({ EventList: 'start', Message: 'Queue status will follow' });
        for (const m of this.members) socket.write(wire({ Event: 'QueueMember', ActionID, ...this.memberFields(m, 'QueueStatus') }));
        socket.write(wire({ Event: 'QueueStatusComplete', ActionID, EventList: 'Complete', ListItems: String(this.members.length) }));
        return;
      case 'QueuePause':
        return this.pause(action, reply, error);
      case 'QueueRemove':
        return this.remove(action, reply, error);
      default:
        return error('Invalid/unknown command');
    }
  }

  private pause(action: AmiMessage, reply: (f: Record<string, string>) => void, error: (m: string) => void): void {
    const iface = amiField(action, 'Interface');
    const paused = (amiField(action, 'Paused') ?? '').toLowerCase();
    if (!iface) return error("Need 'Interface' and 'Paused' parameters.");
    if (!TRUE.has(paused) && !FALSE.has(paused)) return error("Need 'Interface' and 'Paused' parameters.");
    const queue = amiField(action, 'Queue');
    const targets = this.members.filter((m) => m.iface === iface && (queue === undefined || m.queue === queue));
    if (targets.length === 0) return error('Interface not found');
    const pause = TRUE.has(paused);
    reply({ Message: pause ? 'Interface paused successfully' : 'Interface unpaused successfully' });
    for (const m of targets) {
      m.paused = pause;
      m.reason = pause ? (amiField(action, 'Reason') ?? '') : '';
      this.emit({ Event: 'QueueMemberPause', Privilege: 'agent,all', ...this.memberFields(m, 'event') });
    }
  }

  private remove(action: AmiMessage, reply: (f: Record<string, string>) => void, error: (m: string) => void): void {
    const queue = amiField(action, 'Queue');
    const iface = amiField(action, 'Interface');
    if (!queue || !iface) return error("'Queue' and 'Interface' not specified.");
    const member = this.members.find((m) => m.queue === queue && m.iface === iface);
    if (!member) return error('Unable to remove interface: Not there');
    if (!member.dynamic) return error('Member not dynamic');
    this.members.splice(this.members.indexOf(member), 1);
    reply({ Message: 'Removed interface from queue' });
    this.emit({ Event: 'QueueMemberRemoved', Privilege: 'agent,all', ...this.memberFields(member, 'event') });
  }

  private emit(fields: Record<string, string>): void {
    const text = wire({ ...fields, Timestamp: this.now() });
    if (this.holdEvents) this.held.push(text);
    else for (const socket of this.sockets) socket.write(text);
  }

  private memberFields(m: PeerMember, as: 'QueueStatus' | 'event'): Record<string, string> {
    const common = {
      Queue: m.queue, Membership: m.dynamic ? 'dynamic' : 'static', Penalty: '0', CallsTaken: '0', LastCall: '0', InCall: '0',
      Status: '1', Paused: m.paused ? '1' : '0', PausedReason: m.reason,
    };
    return as === 'QueueStatus'
      ? { Name: m.name, Location: m.iface, StateInterface: m.iface, ...common }
      : { MemberName: m.name, Interface: m.iface, StateInterface: m.iface, ...common, Ringinuse: '0' };
  }

  private now(): string {
    return (Date.now() / 1000).toFixed(6);
  }
}
