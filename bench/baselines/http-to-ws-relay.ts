// Baseline for event-to-screen latency: the least a server can do, parse each ingest POST and relay it at once,
// uncoalesced, to every raw `ws` client.
import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

const clients = new Set<WebSocket>();
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    if (req.url === '/healthz') return res.end('ok');
    const body = Buffer.concat(chunks).toString('utf8');
    const events = JSON.parse(body) as unknown;
    res.writeHead(202, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ accepted: Array.isArray(events) ? events.length : 1, duplicates: 0 }));
    for (const socket of clients) socket.send(body);
  });
});
const wss = new WebSocketServer({ server, perMessageDeflate: false });
wss.on('connection', (socket) => {
  clients.add(socket);
  socket.on('close', () => clients.delete(socket));
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
