import { BOARD_SLICES, BOARD_SLICE_NAMES, UNCHANGED, diffValue, type BoardChanges, type BoardSliceDeclaration, type BoardSliceName, type Delta, type Snapshot } from '@plancia/contracts';

type Entry = Record<string, unknown>;

/**
 * What a room's boards hold: each slice's value and each entry as the room was last sent it (the engine's entries are
 * never changed in place, so holding them costs a reference). A change from the engine, as the room sees it, becomes
 * patches from there: boards are sent the fields that moved, not whole queues and agents.
 *
 * Patches are made for each change the engine emits, not when the coalescer sends: a field that moves and moves back
 * within one interval is still sent, so a board that joined in between (its snapshot holding the middle value) ends
 * where the others do.
 */
export class RoomMirror {
  private readonly entries = new Map<BoardSliceName, Map<unknown, Entry>>();
  private readonly values = new Map<BoardSliceName, unknown>();
  private seeded = false;

  /**
   * A receiver starts from `snapshot`. The room's first snapshot is what the mirror holds; after that, entries the
   * snapshot lacks (they left the view) are forgotten, so that one coming back is sent whole to everyone.
   */
  startsFrom(snapshot: Snapshot): void {
    for (const name of BOARD_SLICE_NAMES) {
      const key = (BOARD_SLICES[name] as BoardSliceDeclaration).entryKey;
      if (!key) {
        if (!this.seeded) this.values.set(name, snapshot[name]);
        continue;
      }
      const listed = snapshot[name] as Entry[] | undefined ?? [];
      if (!this.seeded) {
        this.entries.set(name, new Map(listed.map((entry) => [entry[key], entry])));
        continue;
      }
      const held = this.entries.get(name);
      if (!held) continue;
      const shown = new Set(listed.map((entry) => entry[key]));
      for (const id of held.keys()) if (!shown.has(id)) held.delete(id);
    }
    this.seeded = true;
  }

  /** Whether the room's boards hold that entry. */
  holds(name: BoardSliceName, id: unknown): boolean {
    return this.entries.get(name)?.has(id) ?? false;
  }

  /** Entries the boards were told to drop: one that comes back is sent whole. */
  forget(name: BoardSliceName, ids: readonly unknown[]): void {
    const held = this.entries.get(name);
    for (const id of ids) held?.delete(id);
  }

  /** The patches that bring the room's boards to `delta`, which becomes what they hold; null when nothing moved. */
  patch(delta: Delta): BoardChanges | null {
    const changes: Record<string, unknown> = { seq: delta.seq, generatedAt: delta.generatedAt };
    let moved = false;
    for (const name of BOARD_SLICE_NAMES) {
      const value = delta[name];
      if (value === undefined) continue;
      const key = (BOARD_SLICES[name] as BoardSliceDeclaration).entryKey;
      const change = key ? this.patchEntries(name, key, value as Entry[]) : this.patchValue(name, value);
      if (change === UNCHANGED) continue;
      changes[name] = change;
      moved = true;
    }
    return moved ? (changes as BoardChanges) : null;
  }

  private patchValue(name: BoardSliceName, value: unknown): unknown {
    const change = diffValue(this.values.get(name), value);
    this.values.set(name, value);
    return change;
  }

  private patchEntries(name: BoardSliceName, key: string, entries: readonly Entry[]): Entry[] | typeof UNCHANGED {
    let held = this.entries.get(name);
    if (!held) this.entries.set(name, (held = new Map()));
    const patches: Entry[] = [];
    for (const entry of entries) {
      const id = entry[key];
      const before = held.get(id);
      const change = before === undefined ? entry : diffValue(before, entry);
      held.set(id, entry);
      if (change !== UNCHANGED) patches.push(change === entry ? entry : { [key]: id, ...(change as Entry) });
    }
    return patches.length > 0 ? patches : UNCHANGED;
  }
}
