import type { ScopeWindows } from './scope-windows.js';

/** Numbers each queue (or channel) the first time it counts, so the hot path reaches its windows by index, not by map. */
export class ScopeNumbers {
  private readonly numbers = new Map<string, number>();
  readonly ids: string[] = [];
  readonly scopes: ScopeWindows[] = [];

  constructor(private readonly scopeOf: (id: string) => ScopeWindows) {}

  numberOf(id: string): number {
    let n = this.numbers.get(id);
    if (n === undefined) {
      n = this.ids.length;
      this.ids.push(id);
      this.scopes.push(this.scopeOf(id));
      this.numbers.set(id, n);
    }
    return n;
  }
}
