import { createServer, type Server, type Socket } from 'node:net';

/** A TCP server on a free loopback port whose close() also ends the connections still open. */
export class LocalTcpServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();

  constructor(session: (socket: Socket) => void) {
    this.server = createServer((socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
      socket.on('error', () => undefined);
      session(socket);
    });
  }

  /** Listens and resolves with the port. */
  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as { port: number }).port;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
