import type { Delta } from '@plancia/contracts';

function mergeByKey<T>(earlier: T[] | undefined, later: T[] | undefined, key: (entry: T) => string): T[] | undefined {
  if (!earlier) return later;
  if (!later) return earlier;
  const merged = new Map(earlier.map((entry) => [key(entry), entry]));
  for (const entry of later) merged.set(key(entry), entry);
  return [...merged.values()];
}

/**
 * Folds a later delta into an earlier one: whole entries replace earlier ones with the same key, so the result
 * brings a client from before `earlier` to after `later` in one message.
 */
export function mergeDelta(earlier: Delta, later: Delta): Delta {
  const agents = mergeByKey(earlier.agents, later.agents, (a) => a.agentId);
  // An agent updated after its removal is back; one removed after an update is gone.
  const laterUpdated = new Set((later.agents ?? []).map((a) => a.agentId));
  const removed = new Set([...(earlier.removedAgents ?? []).filter((id) => !laterUpdated.has(id)), ...(later.removedAgents ?? [])]);
  const keptAgents = agents?.filter((a) => !removed.has(a.agentId));
  const merged: Delta = { seq: later.seq, generatedAt: later.generatedAt };
  const bounds = later.bounds ?? earlier.bounds;
  const centre = later.centre ?? earlier.centre;
  const anomalies = later.anomalies ?? earlier.anomalies;
  const channels = mergeByKey(earlier.channels, later.channels, (c) => c.key);
  const queues = mergeByKey(earlier.queues, later.queues, (q) => q.queueId);
  const teams = mergeByKey(earlier.teams, later.teams, (t) => t.teamId);
  if (bounds) merged.bounds = bounds;
  if (centre) merged.centre = centre;
  if (channels) merged.channels = channels;
  if (queues) merged.queues = queues;
  if (teams) merged.teams = teams;
  if (keptAgents && keptAgents.length > 0) merged.agents = keptAgents;
  if (removed.size > 0) merged.removedAgents = [...removed];
  if (anomalies) merged.anomalies = anomalies;
  return merged;
}
