// Baseline for fan-out: raw `ws` broadcasting the same bytes to every client at a fixed rate.
import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

const bytes = Number(process.env.PAYLOAD_BYTES ?? 2000);
const hz = Number(process.env.HZ ?? 4);
const server = createServer((_req, res) => res.end('ok'));
const wss = new WebSocketServer({ server, perMessageDeflate: false });
const clients = new Set<WebSocket>();
wss.on('connection', (socket) => {
  clients.add(socket);
  socket.on('close', () => clients.delete(socket));
});
setInterval(() => {
  // The send time rides in the message, padded to the measured size of a real change message.
  const head = JSON.stringify({ sentAt: Date.now() });
  const message = head.slice(0, -1) + ',"pad":"' + 'x'.repeat(Math.max(0, bytes - head.length - 9)) + '"}';
  for (const socket of clients) socket.send(message);
}, 1000 / hz);
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
