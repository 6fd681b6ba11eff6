import type { AgentProfile } from '@plancia/contracts';

/** Agents per page of the settings list: a centre of hundreds stays a short page. */
export const AGENTS_PER_PAGE = 25;

/** The agents whose id or name contains `filter` (any case), and the page `page` of them (clamped to the last). */
export function agentPage<T extends { profile: AgentProfile }>(entries: readonly T[], filter: string, page: number) {
  const needle = filter.trim().toLocaleLowerCase();
  const matching = needle === ''
    ? entries
    : entries.filter(({ profile }) => `${profile.agentId}\n${profile.name}`.toLocaleLowerCase().includes(needle));
  const pages = Math.max(1, Math.ceil(matching.length / AGENTS_PER_PAGE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const from = current * AGENTS_PER_PAGE;
  return { shown: matching.slice(from, from + AGENTS_PER_PAGE), page: current, pages, from, total: matching.length };
}
