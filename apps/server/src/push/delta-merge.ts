import { BOARD_SLICES, BOARD_SLICE_NAMES, mergePatches, type BoardChanges, type BoardSliceDeclaration, type BoardSliceName } from '@plancia/contracts';

type Entry = Record<string, unknown>;

function mergeByKey(earlier: Entry[] | undefined, later: Entry[] | undefined, key: string): Entry[] | undefined {
  if (!earlier) return later;
  if (!later) return earlier;
  const merged = new Map(earlier.map((entry) => [entry[key], entry]));
  for (const entry of later) {
    const before = merged.get(entry[key]);
    merged.set(entry[key], before ? mergePatches(before, entry) : entry);
  }
  return [...merged.values()];
}

function mergeSlice(name: BoardSliceName, earlier: BoardChanges, later: BoardChanges): unknown {
  const slice: BoardSliceDeclaration = BOARD_SLICES[name];
  if (!slice.entryKey) {
    if (earlier[name] === undefined) return later[name];
    return later[name] === undefined ? earlier[name] : mergePatches(earlier[name], later[name]);
  }
  return mergeByKey(earlier[name] as Entry[] | undefined, later[name] as Entry[] | undefined, slice.entryKey);
}

/**
 * Folds a later change message into an earlier one, slice by slice as the contract declares them: patches of the same
 * value or entry (by its key) merge field by field, a later field winning; the result brings a board from before
 * `earlier` to after `later` in one message.
 */
export function mergeChanges(earlier: BoardChanges, later: BoardChanges): BoardChanges {
  const merged: Record<string, unknown> = { seq: later.seq, generatedAt: later.generatedAt };
  for (const name of BOARD_SLICE_NAMES) {
    const value = mergeSlice(name, earlier, later);
    if (value !== undefined) merged[name] = value;
  }
  const agentPage = later.agentPage ?? earlier.agentPage;
  if (agentPage) merged.agentPage = agentPage;
  return mergeRemovals(merged as BoardChanges, earlier, later);
}

/**
 * Removals go before the entries when a board applies them: an agent dropped by `later` loses whatever `earlier`
 * sent of it; one dropped by `earlier` and back in `later` comes whole (the mirror forgot it), so both stay.
 */
function mergeRemovals(merged: BoardChanges, earlier: BoardChanges, later: BoardChanges): BoardChanges {
  const dropped = later.removed?.agents ?? [];
  const removed = [...new Set([...(earlier.removed?.agents ?? []), ...dropped])];
  if (removed.length === 0) return merged;
  if (dropped.length > 0 && merged.agents) {
    const gone = new Set(dropped);
    const kept = merged.agents.filter((agent) => !gone.has(agent.agentId));
    if (kept.length > 0) merged.agents = kept;
    else delete merged.agents;
  }
  return { ...merged, removed: { agents: removed } };
}
