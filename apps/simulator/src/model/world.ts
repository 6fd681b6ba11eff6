import type { CloudEventOf, EventType, PlanciaEvent } from '@plancia/contracts';
import { EventHeap } from './event-heap.js';
import { Random } from './random.js';
import type { SimulationPlan } from './plan.js';

/**
 * The discrete-event core: a clock, a heap of future happenings, and the events they emit. Happenings are
 * closures run in simulated-time order (ties in the order they were scheduled), so a run is a pure function of
 * the plan.
 */
export class World {
  readonly random: Random;
  now: number;
  private readonly heap = new EventHeap<() => void>();
  private readonly outbox: PlanciaEvent[] = [];
  private sequence = 0;

  constructor(readonly plan: SimulationPlan) {
    this.random = new Random(plan.seed);
    this.now = plan.startMs;
  }

  at(timeMs: number, action: () => void): void {
    this.heap.push(Math.max(timeMs, this.now), action);
  }

  after(seconds: number, action: () => void): void {
    this.at(this.now + seconds * 1000, action);
  }

  emit<T extends EventType>(type: T, data: CloudEventOf<T>['data']): void {
    this.outbox.push({
      specversion: '1.0',
      id: `${this.plan.runId}-e${++this.sequence}`,
      source: this.plan.source,
      type,
      time: new Date(Math.round(this.now)).toISOString(),
      data,
    } as PlanciaEvent);
  }

  /** Runs happenings until the plan's end (or for ever), yielding each emitted event in time order. */
  *run(): Generator<PlanciaEvent> {
    for (;;) {
      yield* this.outbox.splice(0);
      const next = this.heap.peekTime();
      if (next === undefined || next > this.plan.endMs) return;
      const happening = this.heap.pop()!;
      this.now = happening.at;
      happening.item();
    }
  }
}
