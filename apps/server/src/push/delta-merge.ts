import { BOARD_SLICES, BOARD_SLICE_NAMES, type BoardSliceDeclaration, type BoardSliceName, type Delta } from '@plancia/contracts';

type Entry = Record<string, unknown>;

function mergeByKey(earlier: Entry[] | undefined, later: Entry[] | undefined, key: string): Entry[] | undefined {
  if (!earlier) return later;
  if (!later) return earlier;
  const merged = new Map(earlier.map((entry) => [entry[key], entry]));
  for (const entry of later) merged.set(entry[key], entry);
  return [...merged.values()];
}

function mergeSlice(name: BoardSliceName, earlier: Delta, later: Delta): unknown {
  const slice: BoardSliceDeclaration = BOARD_SLICES[name];
  if (!slice.entryKey) return later[name] ?? earlier[name];
  return mergeByKey(earlier[name] as Entry[] | undefined, later[name] as Entry[] | undefined, slice.entryKey);
}

/**
 * Folds a later delta into an earlier one, slice by slice as the contract declares them: a later value replaces an
 * earlier one, later entries replace earlier entries with the same key; the result brings a client from before
 * `earlier` to after `later` in one message.
 */
export function mergeDelta(earlier: Delta, later: Delta): Delta {
  const merged: Record<string, unknown> = { seq: later.seq, generatedAt: later.generatedAt };
  for (const name of BOARD_SLICE_NAMES) {
    const value = mergeSlice(name, earlier, later);
    if (value !== undefined) merged[name] = value;
  }
  return merged as Delta;
}
