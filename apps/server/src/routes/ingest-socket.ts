import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { IngestFrameReply } from '@plancia/contracts';
import { answerFrame } from '../ingest/frame-ingest.js';

/**
 * A raw WebSocket for high-rate producers. Frames are committed as they arrive (concurrent frames share group
 * commits) while replies go out in frame order, so a producer may pipeline without waiting for each ack.
 */
export default async function ingestSocketRoute(fastify: FastifyInstance) {
  const { ingest, metrics, log } = fastify;
  const gauge = metrics.connectedClients.labels({ transport: 'ingest' });
  fastify.get('/api/v1/ingest', {
    websocket: true,
    schema: { summary: 'Event stream (WebSocket)', description: 'Each text frame: one event, an array or NDJSON; answered with {ack} or {nack} per frame.' },
    preValidation: fastify.requireSocket('ingest'),
  }, (socket: WebSocket) => {
    gauge.inc();
    let seq = 0;
    let replies = Promise.resolve();
    socket.on('message', (data, isBinary) => {
      seq += 1;
      const answer = isBinary
        ? Promise.resolve<IngestFrameReply>({ nack: seq, error: 'binary_frame', details: [{ path: '', message: 'Send text frames' }] })
        : answerFrame(ingest, seq, data.toString()).catch((error: unknown): IngestFrameReply => {
          log.error({ err: error }, 'ingest frame failed');
          return { nack: seq, error: 'internal_error' };
        });
      replies = replies.then(() => answer).then((reply) => socket.send(JSON.stringify(reply)));
    });
    socket.on('close', () => gauge.dec());
  });
}
