import WebSocket from 'ws';
import { io } from 'socket.io-client';

/** What a browser would send and keep: the session cookie of a login, for fetches and sockets. */
export interface Login {
  status: number;
  body: Record<string, unknown>;
  /** `plancia_session=…`, as a Cookie header carries it. */
  cookie: string;
  /** The whole Set-Cookie line, attributes included. */
  setCookie: string;
}

export async function login(url: string, username: string, password: string, headers: Record<string, string> = {}): Promise<Login> {
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  });
  const setCookie = response.headers.getSetCookie()[0] ?? '';
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, cookie: setCookie.split(';')[0]!, setCookie };
}

/** A request as the board's own page makes it: the cookie, and for a change the server's own Origin. */
export function asPage(url: string, path: string, cookie: string, method = 'GET', body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { cookie };
  if (method !== 'GET') headers.origin = url;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

/** The first message of the plain feed, or the HTTP status its upgrade was refused with. */
export function firstLiveMessage(wsUrl: string, headers: Record<string, string>): Promise<{ status: number; type?: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${wsUrl}/api/v1/live`, { headers });
    socket.once('message', (data) => {
      resolve({ status: 101, type: (JSON.parse(String(data)) as { type: string }).type });
      socket.close();
    });
    socket.once('unexpected-response', (_request, response) => resolve({ status: response.statusCode ?? 0 }));
    socket.once('error', reject);
  });
}

/** A socket.io board: resolves with its first snapshot, or the message of its connect_error. */
export function socketIoBoard(url: string, headers: Record<string, string>) {
  const socket = io(url, { path: '/socket.io', transports: ['websocket'], extraHeaders: headers, reconnection: false, forceNew: true });
  const first = new Promise<{ snapshot: boolean } | { error: string }>((resolve) => {
    socket.on('connect', () => socket.emit('subscribe', {}, () => undefined));
    socket.once('snapshot', () => resolve({ snapshot: true }));
    socket.once('connect_error', (error) => resolve({ error: error.message }));
  });
  return { socket, first };
}
