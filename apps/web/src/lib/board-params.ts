import type { View } from '@plancia/contracts';

export interface BoardParams {
  view: View;
  token: string | undefined;
  /** TV mode: seconds per page. */
  rotateSeconds: number;
}

const list = (value: string | null) => value?.split(',').map((s) => s.trim()).filter((s) => s.length > 0) ?? [];
const TOKEN_KEY = 'plancia.token';

/** What the address says the board shows: `?queues=a,b&teams=…&channels=…&token=…&rotate=20`. */
export function boardParams(search: string): BoardParams {
  const params = new URLSearchParams(search);
  const view: View = {};
  const queues = list(params.get('queues'));
  const teams = list(params.get('teams'));
  const channels = list(params.get('channels')) as NonNullable<View['channels']>;
  if (queues.length > 0) view.queues = queues;
  if (teams.length > 0) view.teams = teams;
  if (channels.length > 0) view.channels = channels;
  // A TV pointed at a link keeps its token; a desk browser remembers the last one given.
  const token = params.get('token') ?? globalThis.localStorage?.getItem(TOKEN_KEY) ?? undefined;
  if (params.get('token')) globalThis.localStorage?.setItem(TOKEN_KEY, params.get('token') ?? '');
  const rotate = Number(params.get('rotate'));
  return { view, token, rotateSeconds: Number.isFinite(rotate) && rotate >= 5 ? Math.min(rotate, 600) : 20 };
}
