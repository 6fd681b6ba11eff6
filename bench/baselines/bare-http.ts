// The platform's ceiling for webhook ingest: a bare Node http server that only parses the JSON it receives.
import { createServer } from 'node:http';

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    if (req.url === '/healthz') return res.end('ok');
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    res.writeHead(202, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ accepted: Array.isArray(body) ? body.length : 1, duplicates: 0 }));
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
