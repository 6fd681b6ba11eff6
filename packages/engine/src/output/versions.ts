export type EntryKind = 'queue' | 'agent' | 'team';
export type GlobalEntry = 'live' | 'bounds' | 'anomalies';

/**
 * Change counters per output entry: queues, agents and teams by id, and the global entries. Counters are kept
 * per kind so the hot path bumps by id without building a key string.
 */
export class Versions {
  /** one counter cell per entry, so a bump is one map lookup (a cell is changed in place, never set again) */
  private readonly entries: Record<EntryKind, Map<string, { n: number }>> = { queue: new Map(), agent: new Map(), team: new Map() };
  private readonly globals: Record<GlobalEntry, number> = { live: 0, bounds: 0, anomalies: 0 };
  /** bumped when the configuration changes: every entry counts as moved */
  private epoch = 0;

  /** A queue or an agent moving also moves `live` (the aggregates' live figures). */
  bump(kind: EntryKind, id: string): void {
    const counters = this.entries[kind];
    const cell = counters.get(id);
    if (cell) cell.n++;
    else counters.set(id, { n: 1 });
    if (kind !== 'team') this.globals.live++;
  }

  bumpGlobal(entry: GlobalEntry): void {
    this.globals[entry]++;
  }

  bumpAll(): void {
    this.epoch++;
  }

  get(kind: EntryKind, id: string): number {
    return (this.entries[kind].get(id)?.n ?? 0) + this.epoch * 1e9;
  }

  getGlobal(entry: GlobalEntry): number {
    return this.globals[entry] + this.epoch * 1e9;
  }
}
