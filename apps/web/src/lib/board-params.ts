import type { View } from '@plancia/contracts';

export interface BoardParams {
  view: View;
  token: string | undefined;
  /** TV mode: seconds per page. */
  rotateSeconds: number;
}

const list = (value: string | null) => value?.split(',').map((s) => s.trim()).filter((s) => s.length > 0) ?? [];
const TOKEN_KEY = 'plancia.token';

/**
 * What the address says the board shows: `?queues=a,b&teams=…&channels=…&agents=none&token=…&rotate=20`; `agents=none`
 * is a board without the agents panel (an aggregate-only screen), which the server then sends no agents at all.
 */
export function boardParams(search: string): BoardParams {
  const params = new URLSearchParams(search);
  const view: View = {};
  const queues = list(params.get('queues'));
  const teams = list(params.get('teams'));
  const channels = list(params.get('channels')) as NonNullable<View['channels']>;
  if (queues.length > 0) view.queues = queues;
  if (teams.length > 0) view.teams = teams;
  if (channels.length > 0) view.channels = channels;
  if (params.get('agents') === 'none') view.agents = 'none';
  // A TV pointed at a link keeps its token; a desk browser remembers the last one given.
  const token = params.get('token') ?? globalThis.localStorage?.getItem(TOKEN_KEY) ?? undefined;
  if (params.get('token')) globalThis.localStorage?.setItem(TOKEN_KEY, params.get('token') ?? '');
  const rotate = Number(params.get('rotate'));
  return { view, token, rotateSeconds: Number.isFinite(rotate) && rotate >= 5 ? Math.min(rotate, 600) : 20 };
}

/** Pages that show no agent whatever the address says: the board's socket feeds them alerts and figures only. */
const PAGES_WITHOUT_AGENTS = new Set(['/control', '/reports', '/settings/notifications']);

/**
 * The view a page subscribes to: the address's, without agents where the page shows none (nothing to pay for); a TV
 * starts from the total of its agents only, then asks for the page of agents it turns to (tv-page.tsx).
 */
export function pageView(view: View, path: string): View {
  if (PAGES_WITHOUT_AGENTS.has(path)) return { ...view, agents: 'none' };
  return path === '/tv' && view.agents !== 'none' ? { ...view, agentPage: { offset: 0, limit: 0 } } : view;
}
