import type { ConfigDiff, ConfigDocument, ListDiff } from '@plancia/contracts';

type ListName = 'queues' | 'calendars' | 'alertRules' | 'agents';
const LISTS: Record<ListName, (entry: never) => string> = {
  queues: (q: { queueId: string }) => q.queueId,
  calendars: (c: { id: string }) => c.id,
  alertRules: (r: { id: string }) => r.id,
  agents: (a: { agentId: string }) => a.agentId,
};

/** Key-order-independent comparison of two JSON values. */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
}

function diffList(before: readonly unknown[], after: readonly unknown[], keyOf: (entry: never) => string): ListDiff {
  const key = keyOf as (entry: unknown) => string;
  const old = new Map(before.map((e) => [key(e), e]));
  const next = new Map(after.map((e) => [key(e), e]));
  return {
    added: [...next.keys()].filter((k) => !old.has(k)),
    changed: [...next.keys()].filter((k) => old.has(k) && !sameJson(old.get(k), next.get(k))),
    removed: [...old.keys()].filter((k) => !next.has(k)),
  };
}

/** What an import would add, change and remove, resource by resource (the answer of a dry run). */
export function diffConfig(before: ConfigDocument, after: ConfigDocument): ConfigDiff {
  const lists = Object.fromEntries(
    (Object.keys(LISTS) as ListName[]).map((name) => [name, diffList(before[name], after[name], LISTS[name])]),
  ) as Record<ListName, ListDiff>;
  return { ...lists, settingsChanged: !sameJson(before.settings ?? null, after.settings ?? null) };
}
