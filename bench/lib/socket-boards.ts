import { inflateRawSync } from 'node:zlib';
import { io, type Socket } from 'socket.io-client';
import type { BoardChanges, BoardEncoding, ClientToServerEvents, ServerToClientEvents, View } from '@plancia/contracts';

export type Board = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The bench's boards take changes as the web app does: deflated once per room (`encoding: 'deflate'`). */
const ENCODING: BoardEncoding = 'deflate';

/** Calls `heard` with each change a board takes, in either encoding, and the bytes its payload weighed on the wire. */
export function onChanges(board: Board, heard: (changes: BoardChanges, bytes: number) => void): void {
  board.on('changes', (changes) => heard(changes, JSON.stringify(changes).length));
  board.on('changesDeflated', (payload) => heard(JSON.parse(inflateRawSync(Buffer.from(payload, 'base64')).toString('utf8')) as BoardChanges, payload.length));
}

const CONNECT_TIMEOUT_MS = 30_000;

/** One board: connected, subscribed to `view` and holding its snapshot, or null when the server refused or dropped it. */
function connectBoard(url: string, view: View): Promise<Board | null> {
  return new Promise((done) => {
    const socket: Board = io(url, { transports: ['websocket'], reconnection: false, timeout: CONNECT_TIMEOUT_MS, query: { encoding: ENCODING } });
    const give = (board: Board | null) => {
      clearTimeout(timer);
      socket.off('disconnect', lost);
      if (!board) socket.disconnect();
      done(board);
    };
    const lost = () => give(null);
    const timer = setTimeout(lost, CONNECT_TIMEOUT_MS);
    socket.once('connect_error', lost);
    socket.once('disconnect', lost);
    socket.once('snapshot', () => give(socket));
    socket.once('connect', () => socket.emit('subscribe', view, () => undefined));
  });
}

/** Up to `n` boards, 100 at a time; those the server could not take in time are left out (callers report how many). */
export async function connectBoards(url: string, n: number, view: View = {}): Promise<Board[]> {
  const boards: Board[] = [];
  for (let i = 0; i < n; i += 100) {
    const wave = await Promise.all(Array.from({ length: Math.min(100, n - i) }, () => connectBoard(url, view)));
    boards.push(...wave.filter((b): b is Board => b !== null));
  }
  return boards;
}
