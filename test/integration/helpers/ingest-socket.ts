import WebSocket from 'ws';

export type FrameReply = { ack: number; accepted: number; duplicates: number } | { nack: number; error: string; details?: unknown[] };

/** A producer on the ingest WebSocket that collects the server's per-frame replies. */
export async function openIngestSocket(wsUrl: string, options: { token?: string; headers?: Record<string, string> } = {}) {
  const query = options.token ? `?token=${encodeURIComponent(options.token)}` : '';
  const socket = new WebSocket(`${wsUrl}/api/v1/ingest${query}`, { headers: options.headers });
  const replies: FrameReply[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (data) => {
    replies.push(JSON.parse(data.toString()) as FrameReply);
    waiters.splice(0).forEach((wake) => wake());
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
    socket.once('unexpected-response', (_request, response) => reject(new Error(`handshake answered ${response.statusCode}`)));
  });
  return {
    socket,
    replies,
    send: (frame: string | Buffer) => socket.send(frame),
    /** Resolves once `count` replies have arrived. */
    async waitForReplies(count: number): Promise<FrameReply[]> {
      while (replies.length < count) await new Promise<void>((wake) => waiters.push(wake));
      return replies.slice(0, count);
    },
    close: () => socket.close(),
  };
}
