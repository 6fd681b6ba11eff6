import type { Server as HttpServer, IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

type UpgradeListener = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * Creates socket.io's engine with `attach`, then lets its upgrade listener see only its own path. Without this,
 * @fastify/websocket also routes `/socket.io/` upgrades through fastify, whose 404 closes the socket engine.io
 * has just taken over.
 */
export function attachWithOwnUpgrades<T>(server: HttpServer, path: string, attach: () => T): T {
  const others = server.listeners('upgrade') as UpgradeListener[];
  server.removeAllListeners('upgrade');
  const attached = attach();
  const engines = server.listeners('upgrade') as UpgradeListener[];
  server.removeAllListeners('upgrade');
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const listeners = request.url?.startsWith(`${path}/`) ? engines : others;
    for (const listener of listeners) listener.call(server, request, socket, head);
  });
  return attached;
}
