import type { Socket } from 'node:net';
import { LocalTcpServer } from './local-tcp-server.js';
import { AmiParser, amiField, type AmiMessage } from '@plancia/adapters';
import { queueStatusAt } from './queue-status.js';
import { shiftTimestamps, stampOf, type Recording } from './recorded-stream.js';

const CHUNK = 40; // messages per socket write, so the client sees a stream, not one blob

export interface ReplayPlan {
  username: string;
  secret: string;
  /** Whole seconds added to every recorded Timestamp. */
  shiftSeconds: number;
  /** Stop sending after the first message matching this, until `release()`. */
  holdAfter?: (message: AmiMessage) => boolean;
  /** Drop the connection before sending message `at`; messages up to `resumeAt` are lost, as in a real outage. */
  drop?: { at: number; resumeAt: number };
  /** Several such drops, in stream order. */
  drops?: { at: number; resumeAt: number }[];
  /**
   * Send the whole stream this many times, dropping the link after each (default 1). A pass after the first starts
   * once QueueStatus has answered with the state the PBX is really in: the end of the previous pass.
   */
  passes?: number;
}

function wire(fields: AmiMessage): string {
  return `${Object.entries(fields).map(([name, value]) => `${name}: ${value}`).join('\r\n')}\r\n\r\n`;
}

/**
 * A local TCP server that speaks AMI like the recorded Asterisk: banner, Login, QueueStatus answered from the
 * recording's state at the current point, Ping, and the recorded events (timestamps moved by `shiftSeconds`).
 */
export class RecordedAmiServer {
  readonly logins: string[] = [];
  private readonly tcp: LocalTcpServer;
  private cursor = 0;
  private passesLeft: number;
  private replayPending = false;
  private sentAtMs: number | null = null;
  private dropsDone = 0;
  private holding: (() => void) | null = null;
  private heldAt: (() => void) | null = null;
  private finishedAt: (() => void) | null = null;
  readonly held: Promise<void>;
  readonly finished: Promise<void>;

  constructor(private readonly recording: Recording, private readonly plan: ReplayPlan) {
    this.passesLeft = plan.passes ?? 1;
    this.held = new Promise((resolve) => (this.heldAt = resolve));
    this.finished = new Promise((resolve) => (this.finishedAt = resolve));
    this.tcp = new LocalTcpServer((socket) => this.session(socket));
  }

  async listen(): Promise<string> {
    const port = await this.tcp.listen();
    return `ami://${encodeURIComponent(this.plan.username)}:${encodeURIComponent(this.plan.secret)}@127.0.0.1:${port}`;
  }

  /** The messages from the current point up to `index` are never sent (the consumer was down meanwhile). */
  skipTo(index: number): void {
    this.cursor = Math.max(this.cursor, index);
  }

  release(): void {
    const resume = this.holding;
    this.holding = null;
    resume?.();
  }

  async close(): Promise<void> {
    this.release();
    await this.tcp.close();
  }

  private session(socket: Socket): void {
    const parser = new AmiParser();
    socket.write('Asterisk Call Manager/13.0.0\r\n');
    socket.on('data', (chunk) => {
      for (const action of parser.push(chunk)) this.answer(socket, action);
    });
  }

  private answer(socket: Socket, action: AmiMessage): void {
    const ActionID = amiField(action, 'ActionID') ?? '';
    switch (amiField(action, 'Action')) {
      case 'Login': {
        const ok = amiField(action, 'Username') === this.plan.username && amiField(action, 'Secret') === this.plan.secret;
        this.logins.push(ok ? 'accepted' : 'refused');
        socket.write(wire({ Response: ok ? 'Success' : 'Error', ActionID, Message: ok ? 'Authentication accepted' : 'Authentication failed' }));
        if (ok) socket.write(wire({ Event: 'FullyBooted', Privilege: 'system,all', Status: 'Fully Booted' }));
        else socket.end();
        return;
      }
      case 'Ping':
        socket.write(wire({ Response: 'Success', ActionID, Ping: 'Pong', Timestamp: this.clock() }));
        return;
      case 'QueueStatus': {
        socket.write(wire({ Response: 'Success', ActionID, EventList: 'start', Message: 'Queue status will follow' }));
        const items = queueStatusAt(this.recording, this.cursor, Math.floor(this.recordedNow()));
        for (const item of items) socket.write(wire({ ...item, ActionID }));
        socket.write(wire({ Event: 'QueueStatusComplete', ActionID, EventList: 'Complete', ListItems: String(items.length) }));
        void this.stream(socket);
        return;
      }
      default:
        socket.write(wire({ Response: 'Error', ActionID, Message: 'Invalid/unknown command' }));
    }
  }

  /**
   * Asterisk's clock in the replay, in recorded seconds: the time of the last message sent, frozen while the
   * recording lasts (so a Ping and a QueueStatus answered together agree to the second), running on after its end.
   */
  private recordedNow(): number {
    const sent = this.recording.live.slice(0, Math.max(1, this.cursor)).findLast((block) => stampOf(block) !== undefined)
      ?? this.recording.live.find((block) => stampOf(block) !== undefined)!;
    const over = this.cursor >= this.recording.live.length && this.sentAtMs !== null;
    return stampOf(sent)! + (over ? (Date.now() - this.sentAtMs!) / 1000 : 0);
  }

  private clock(): string {
    return (this.recordedNow() + this.plan.shiftSeconds).toFixed(6);
  }

  private async stream(socket: Socket): Promise<void> {
    const { live } = this.recording;
    if (this.replayPending) {
      this.replayPending = false;
      this.cursor = 0;
    }
    while (this.cursor < live.length && !socket.destroyed) {
      const { holdAfter } = this.plan;
      const drop = (this.plan.drops ?? (this.plan.drop ? [this.plan.drop] : []))[this.dropsDone];
      if (drop && this.cursor >= drop.at) {
        this.dropsDone++;
        this.cursor = drop.resumeAt;
        // end(), not destroy(): what was already written still arrives; only what follows is lost.
        socket.end();
        return;
      }
      const end = Math.min(live.length, this.cursor + CHUNK, drop ? drop.at : Infinity);
      let text = '';
      let hold = false;
      for (; this.cursor < end && !hold; this.cursor++) {
        const block = live[this.cursor]!;
        text += `${shiftTimestamps(block.raw, this.plan.shiftSeconds)}\r\n\r\n`;
        hold = this.holding === null && this.heldAt !== null && holdAfter?.(block.message) === true;
      }
      if (!socket.write(text)) await new Promise((resolve) => socket.once('drain', resolve));
      if (hold) await this.hold();
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (this.cursor < live.length) return;
    if (--this.passesLeft > 0) {
      this.replayPending = true;
      socket.end();
      return;
    }
    this.sentAtMs = Date.now();
    this.finishedAt?.();
  }

  private hold(): Promise<void> {
    const reached = this.heldAt!;
    this.heldAt = null;
    return new Promise((resolve) => {
      this.holding = resolve;
      reached();
    });
  }
}
