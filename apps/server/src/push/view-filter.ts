import type { View } from '@plancia/contracts';

const sortedUnique = (values: readonly string[] | undefined) => [...new Set(values ?? [])].sort();

/**
 * The same view however it was spelled: sorted, without duplicates, empty lists and the default `agents: 'all'`
 * dropped; an agent page only where agents are shown.
 */
export function canonicalView(view: View): View {
  const canonical: View = {};
  const queues = sortedUnique(view.queues);
  const teams = sortedUnique(view.teams);
  const channels = sortedUnique(view.channels) as NonNullable<View['channels']>;
  if (queues.length > 0) canonical.queues = queues;
  if (teams.length > 0) canonical.teams = teams;
  if (channels.length > 0) canonical.channels = channels;
  if (view.agents === 'none') canonical.agents = 'none';
  else if (view.agentPage) canonical.agentPage = { offset: view.agentPage.offset, limit: view.agentPage.limit };
  return canonical;
}

/** One room per distinct view, so a change is encoded once for everyone looking at the same thing (TVs on one agent page too). */
export function roomName(view: View): string {
  const v = canonicalView(view);
  const page = v.agentPage ? `;p=${v.agentPage.offset}+${v.agentPage.limit}` : '';
  return `view:q=${(v.queues ?? []).join(',')};t=${(v.teams ?? []).join(',')};c=${(v.channels ?? []).join(',')};a=${v.agents ?? 'all'}${page}`;
}
