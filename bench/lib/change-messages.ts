import { createEngine } from '@plancia/engine';
import { DEFAULT_SETTINGS, ViewMatcher, type BoardChanges, type View } from '@plancia/contracts';
import { mergeChanges } from '../../apps/server/src/push/delta-merge.js';
import { RoomMirror } from '../../apps/server/src/push/room-mirror.js';
import { backgroundSchedule } from './life-traffic.js';
import { timed } from './events.js';

/** The clock's step: the traffic posts every 100 ms, ticks and push intervals are multiples of 50 ms. */
const STEP_MS = 50;
const POST_EVERY_MS = 100;

export interface ChangeTraffic {
  /** Events a second of `backgroundTraffic`'s half-second lives over 20 queues. */
  eventsPerSecond: number;
  tickMs: number;
  pushIntervalMs: number;
  seconds: number;
  view: View;
}

/**
 * The change messages one room's boards are sent over `seconds` of simulated time, made as the server makes them: the
 * bench's background traffic applied to the engine as it arrives and drained at once (live-state.ts), the engine
 * ticked every `tickMs`, each change filtered to the room's view and turned into patches by the room mirror, and the
 * patches of each push interval merged into one message (the coalescer). No HTTP, no clock: the same messages every run.
 * The room shows what its view shows; agent detail is taken as named (under the default, off, no board gets agents).
 */
export function changeMessages(traffic: ChangeTraffic): BoardChanges[] {
  const start = Date.UTC(2026, 2, 2, 9, 0, 0);
  const engine = createEngine({ settings: DEFAULT_SETTINGS, queues: [], calendars: [], alertRules: [], agents: [] }, start);
  const schedule = backgroundSchedule(traffic.eventsPerSecond, 'enc');
  const matcher = new ViewMatcher(traffic.view);
  const mirror = new RoomMirror();
  mirror.startsFrom(engine.snapshot(start, traffic.view));
  engine.drainDelta(start);
  const sent: BoardChanges[] = [];
  let pending: BoardChanges | null = null;
  const passOn = (now: number) => {
    const drained = engine.drainDelta(now);
    const viewed = drained && matcher.filter(drained);
    const changes = viewed && mirror.patch(viewed);
    if (changes) pending = pending ? mergeChanges(pending, changes) : changes;
  };
  for (let elapsed = STEP_MS; elapsed <= traffic.seconds * 1000; elapsed += STEP_MS) {
    const now = start + elapsed;
    if (elapsed % POST_EVERY_MS === 0) {
      const events = timed(schedule.due(now));
      if (events.length > 0) engine.apply(events, now);
      passOn(now);
    }
    if (elapsed % traffic.tickMs === 0) {
      engine.tick(now);
      passOn(now);
    }
    if (elapsed % traffic.pushIntervalMs === 0 && pending) {
      sent.push(pending);
      pending = null;
    }
  }
  return sent;
}
