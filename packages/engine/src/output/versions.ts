/** Change counters per output entry ("q:<queue>", "a:<agent>", "t:<team>", "live", "bounds", "anomalies"). */
export class Versions {
  private readonly counters = new Map<string, number>();
  /** bumped when the configuration changes: every entry counts as moved */
  private epoch = 0;

  bump(key: string): void {
    this.counters.set(key, (this.counters.get(key) ?? 0) + 1);
    if (key.startsWith('q:') || key.startsWith('a:')) this.counters.set('live', (this.counters.get('live') ?? 0) + 1);
  }

  bumpAll(): void {
    this.epoch++;
  }

  get(key: string): number {
    return (this.counters.get(key) ?? 0) + this.epoch * 1e9;
  }
}
