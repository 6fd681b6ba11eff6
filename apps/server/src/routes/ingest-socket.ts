import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { IngestFrameReply } from '@plancia/contracts';
import { answerFrame } from '../ingest/frame-ingest.js';
import { holdWhileAdmitted, ADMISSION_ENDED_CLOSE } from '../session/session-sockets.js';

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
  }, (socket: WebSocket, request) => {
    gauge.inc();
    // A producer whose named token is revoked is cut off at once, not at its next connection.
    const release = holdWhileAdmitted(fastify, request, request.principal, () => socket.close(ADMISSION_ENDED_CLOSE, 'token revoked'));
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
    socket.on('close', () => {
      release();
      gauge.dec();
    });
  });
}
