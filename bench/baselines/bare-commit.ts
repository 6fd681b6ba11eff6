// The least a durable webhook can do: a bare Node http server that parses the JSON it receives and answers 202 only
// after Plancia's own journal has committed the event (`openStore(...).journal.append`: one group commit in flight,
// the same statement and database). No fastify, signature, validation, engine or push: what the commit alone costs.
import { createServer } from 'node:http';
import { openStore } from '@plancia/store';
import type { TimedEvent } from '@plancia/contracts';

const store = await openStore({ databaseUrl: process.env.DATABASE_URL! });

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    if (req.url === '/healthz') return res.end('ok');
    const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { time: string };
    store.journal.append([{ ...event, timeMs: Date.parse(event.time) } as TimedEvent]).then(
      (result) => {
        res.writeHead(202, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ accepted: result.accepted.length, duplicates: result.duplicates }));
      },
      () => {
        res.writeHead(503);
        res.end();
      },
    );
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => void store.close().then(() => process.exit(0))));
