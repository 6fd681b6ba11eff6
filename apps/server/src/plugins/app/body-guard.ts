import type { FastifyReply, FastifyRequest } from 'fastify';

/** How much of an oversized body is read and thrown away so the client sees the 413 instead of a broken pipe. */
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

/**
 * An onRequest hook for routes that read large bodies (ingest, webhooks). It runs after the access check, so no body
 * is read for an unknown client; it refuses a declared Content-Length over `limitBytes` at once (413), and lets at
 * most `maxConcurrent` bodies be read together: beyond that 503 + Retry-After, before a byte of the body is buffered.
 */
export function bodyGuard(limitBytes: number, maxConcurrent: number) {
  let reading = 0;
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limitBytes) {
      drainThenClose(request);
      return reply.code(413).header('connection', 'close')
        .send({ error: 'payload_too_large', message: `body: ${declared} bytes is over the limit of ${limitBytes}` });
    }
    if (reading >= maxConcurrent) {
      drainThenClose(request);
      return reply.code(503).header('retry-after', '1').header('connection', 'close')
        .send({ error: 'busy', message: `${maxConcurrent} request bodies are being read already (PLANCIA_MAX_CONCURRENT_BODIES)` });
    }
    reading += 1;
    reply.raw.once('close', () => { reading -= 1; });
  };
}

/**
 * Node closes a `connection: close` socket as soon as the answer is written; a client still sending (Node's fetch
 * writes the whole body first) then sees EPIPE and never reads the answer. Reading and discarding the rest, up to
 * a bound, lets it finish sending and read the refusal.
 */
function drainThenClose(request: FastifyRequest) {
  let seen = 0;
  const raw = request.raw;
  raw.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > DRAIN_LIMIT_BYTES) raw.socket.destroy();
  });
  raw.resume();
}
