import type { PlanciaEvent } from '@plancia/contracts';
import { startArrivals } from './arrivals.js';
import { planSimulation, type ModelOptions, type SimulationPlan } from './plan.js';
import { queueStates, type QueueState } from './queue-state.js';
import { Staff } from './staff.js';
import { Switchboard } from './switchboard.js';
import { TicketDesk } from './tickets.js';
import { World } from './world.js';

/** Share of live-queue agents who also serve a second queue, taken when their own is empty. */
const MULTI_SKILL_SHARE = 0.3;

function staffQueues(world: World, staff: Staff, queues: QueueState[]): void {
  const live = queues.filter((q) => q.plan.template.kind === 'contact');
  for (const queue of queues) {
    for (let i = 0; i < queue.plan.agents; i++) {
      const others = live.filter((q) => q !== queue);
      const second = queue.plan.template.kind === 'contact' && others.length > 0 && world.random.chance(MULTI_SKILL_SHARE)
        ? [world.random.pick(others)]
        : [];
      staff.startShift([queue, ...second]);
    }
  }
}

/**
 * The traffic model as a pure function: the same options give the same CloudEvents, in time order. Without a
 * duration the sequence never ends, so take from it lazily.
 */
export function* generateFromPlan(plan: SimulationPlan): Generator<PlanciaEvent> {
  const world = new World(plan);
  const queues = queueStates(plan.queues);
  const staff = new Staff(world);
  const switchboard = new Switchboard(world, staff, queues);
  const desk = new TicketDesk(world);
  staffQueues(world, staff, queues);
  for (const queue of queues) {
    startArrivals(world, queue, queue.plan.template.kind === 'contact' ? (q) => switchboard.arrive(q) : (q) => desk.create(q));
  }
  yield* world.run();
}

export function generate(options: ModelOptions): Iterable<PlanciaEvent> {
  return generateFromPlan(planSimulation(options));
}
