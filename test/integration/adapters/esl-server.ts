import type { Socket } from 'node:net';
import { LocalTcpServer } from './local-tcp-server.js';

/** FreeSWITCH's plain event format: URL-encoded values inside a body counted in bytes. */
export function plainEvent(fields: Record<string, string>): string {
  const body = `${Object.entries(fields).map(([name, value]) => `${name}: ${encodeURIComponent(value)}`).join('\n')}\n\n`;
  return `Content-Length: ${Buffer.byteLength(body)}\nContent-Type: text/event-plain\n\n${body}`;
}

/**
 * A local TCP server that speaks FreeSWITCH's inbound event socket: auth/request, `auth`, the callcenter
 * subscription, then the scripted events; `passes` > 1 drops the link after each pass and sends them all again.
 */
export class ScriptedEslServer {
  readonly commands: string[] = [];
  private readonly tcp: LocalTcpServer;
  private passesLeft: number;
  private done: (() => void) | null = null;
  readonly finished: Promise<void>;

  constructor(private readonly password: string, private readonly events: Record<string, string>[], passes = 1) {
    this.passesLeft = passes;
    this.finished = new Promise((resolve) => (this.done = resolve));
    this.tcp = new LocalTcpServer((socket) => this.session(socket));
  }

  async listen(): Promise<string> {
    const port = await this.tcp.listen();
    return `esl://:${encodeURIComponent(this.password)}@127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    await this.tcp.close();
  }

  private session(socket: Socket): void {
    let buffered = '';
    socket.write('Content-Type: auth/request\n\n');
    socket.on('data', (chunk) => {
      buffered += chunk.toString('utf8');
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const command = buffered.slice(0, end).trim();
        buffered = buffered.slice(end + 2);
        this.answer(socket, command);
      }
    });
  }

  private answer(socket: Socket, command: string): void {
    this.commands.push(command.startsWith('auth ') ? 'auth' : command);
    const reply = (text: string) => socket.write(`Content-Type: command/reply\nReply-Text: ${text}\n\n`);
    if (command.startsWith('auth ')) {
      if (command === `auth ${this.password}`) reply('+OK accepted');
      else {
        reply('-ERR invalid');
        socket.end();
      }
    } else if (command === 'event plain CUSTOM callcenter::info') {
      reply('+OK event listener enabled plain');
      socket.write(this.events.map(plainEvent).join(''));
      if (--this.passesLeft > 0) setTimeout(() => socket.destroy(), 200);
      else this.done?.();
    } else reply('-ERR command not found');
  }
}
