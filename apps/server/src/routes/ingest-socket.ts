import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { IngestFrameReply } from '@plancia/contracts';
import { RejectedDataError, StorageUnavailableError } from '@plancia/store';
import { parseFrame } from '../ingest/payload.js';
import type { IngestService } from '../ingest/ingest-service.js';

/** Runs one frame down the ingest path and words the reply; `seq` is the frame's 1-based number on the connection. */
export async function answerFrame(ingest: IngestService, seq: number, raw: string): Promise<IngestFrameReply> {
  const payload = parseFrame(raw);
  if (!payload.ok) return { nack: seq, error: payload.error, details: [{ path: '', message: payload.message }] };
  try {
    const result = await ingest.ingest(payload.values);
    return result.ok ? { ack: seq, accepted: result.accepted, duplicates: result.duplicates } : { nack: seq, error: result.error, details: result.details };
  } catch (error) {
    if (error instanceof StorageUnavailableError) return { nack: seq, error: 'storage_unavailable' };
    if (error instanceof RejectedDataError) return { nack: seq, error: 'rejected_data', details: [{ path: '', message: error.message }] };
    throw error;
  }
}

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
    preValidation: [
      async (request, reply) => {
        if (!fastify.isOriginAllowed(request)) return reply.code(403).send({ error: 'forbidden', message: 'Origin not allowed' });
      },
      fastify.requireRole('ingest'),
    ],
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
