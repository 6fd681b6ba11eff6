import type { IngestFrameReply } from '@plancia/contracts';
import { RejectedDataError, StorageUnavailableError } from '@plancia/store';
import { parseFrame } from './payload.js';
import type { IngestService } from './ingest-service.js';

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
