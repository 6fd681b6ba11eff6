import { connect, type Socket } from 'node:net';

const HANDSHAKE_TIMEOUT_MS = 10_000;

export interface LinkSocket {
  socket: Socket;
  /** Resolves with why the connection ended, once it has. */
  closed: Promise<string>;
  /** Ends the connection, recording `reason` as why. */
  fail(reason: string): void;
  /** Resolves once TCP is connected, rejects if the connection ends first. */
  connected: Promise<void>;
  /** Runs a handshake under a time limit; on failure the connection is ended with the reason and the error rethrown. */
  handshake<T>(work: () => Promise<T>): Promise<T>;
  /** After each received chunk: stop reading while the consumer is saturated, until it has drained. */
  pushBack(saturated: () => boolean, drained: () => Promise<void>): void;
}

/** A TCP connection to a vendor system that ends on error, on abort, or by `fail`, and always says why. */
export function openLinkSocket(host: string, port: number, signal: AbortSignal, peerName: string): LinkSocket {
  const socket = connect({ host, port });
  socket.setKeepAlive(true, 30_000);
  let endReason = `connection closed by ${peerName}`;
  const closed = new Promise<string>((resolve) => socket.once('close', () => resolve(endReason)));
  const fail = (reason: string) => {
    endReason = reason;
    socket.destroy();
  };
  socket.on('error', (error) => fail(error.message));
  const onAbort = () => fail('closed');
  if (signal.aborted) onAbort();
  signal.addEventListener('abort', onAbort, { once: true });
  void closed.then(() => signal.removeEventListener('abort', onAbort));
  const connected = new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    void closed.then((reason) => reject(new Error(reason)));
  });
  return {
    socket,
    closed,
    fail,
    connected,
    async handshake(work) {
      const timer = setTimeout(() => fail(`no handshake within ${HANDSHAKE_TIMEOUT_MS / 1000} s`), HANDSHAKE_TIMEOUT_MS);
      try {
        return await work();
      } catch (error) {
        fail((error as Error).message);
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
    pushBack(saturated, drained) {
      if (!saturated()) return;
      socket.pause();
      void drained().then(() => socket.resume());
    },
  };
}
