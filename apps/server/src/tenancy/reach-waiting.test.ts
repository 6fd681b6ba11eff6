import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, defaultQueueConfig, type Delta, type TimedEvent } from '@plancia/contracts';
import { createEngine } from '@plancia/engine';
import { Reach } from './reach.js';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
let n = 0;
const queued = (contactId: string, queueId: string): TimedEvent =>
  ({ specversion: '1.0', id: `e${++n}`, source: 'test', type: 'contact.queued', time: new Date(T0).toISOString(), timeMs: T0, data: { contactId, queueId, channel: 'voice' } }) as TimedEvent;

/** A real engine with a caller waiting in each of two queues, one of them in team "red". */
function board() {
  const engine = createEngine({
    settings: DEFAULT_SETTINGS, calendars: [], alertRules: [], agents: [],
    queues: [defaultQueueConfig('sales', 'voice'), { ...defaultQueueConfig('care', 'voice'), teamId: 'red' }],
  }, T0);
  engine.apply([queued('c-sales', 'sales'), queued('c-care', 'care')], T0);
  return { snapshot: engine.snapshot(T0), delta: engine.drainDelta(T0)! };
}

const placements = { teamOfQueue: (q: string) => (q === 'care' ? 'red' : null), agent: () => undefined };
const waitingIds = (lists: { contacts: { contactId: string }[] }[] | undefined) => (lists ?? []).flatMap((w) => w.contacts.map((c) => c.contactId));

describe('the waiting list within a reach', () => {
  it('shows a scoped board only the callers of its queues, in the snapshot and in changes', () => {
    const { snapshot, delta } = board();
    expect(waitingIds(snapshot.waiting).sort()).toEqual(['c-care', 'c-sales']);
    const sales = new Reach(null, { queues: new Set(['sales']), teams: new Set() }, placements);
    expect(waitingIds(sales.snapshot(snapshot).waiting)).toEqual(['c-sales']);
    expect(waitingIds(sales.delta(delta)?.waiting)).toEqual(['c-sales']);
    const red = new Reach(null, { queues: new Set(), teams: new Set(['red']) }, placements);
    expect(waitingIds(red.snapshot(snapshot).waiting)).toEqual(['c-care']);
  });

  it('drops a change that holds only another area\'s waiting list', () => {
    const { delta } = board();
    const onlyCare: Delta = { seq: delta.seq, generatedAt: delta.generatedAt, waiting: delta.waiting!.filter((w) => w.queueId === 'care') };
    expect(new Reach(null, { queues: new Set(['sales']), teams: new Set() }, placements).delta(onlyCare)).toBeNull();
  });
});
