import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AgentStateName, TimedEvent } from '@plancia/contracts';
import type { Fact } from '../windows/facts.js';
import { AgentBook, type AgentHost } from './agent-book.js';
import { markEntry, type Entry, type MarkState } from './agent-spans.js';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const DAY_START = T0 - 3_600_000;
const AGENTS = ['a0', 'a1'] as const;

/** What the book counted, summed per fact: the two books must have counted the same. */
class CountingHost implements AgentHost {
  readonly sums = new Map<string, number>();
  conflicts = 0;

  count(fact: Fact, sign: number): void {
    const key = `${fact.kind}|${fact.at}|${fact.queue}|${fact.channel}|${fact.centre}`;
    this.sums.set(key, (this.sums.get(key) ?? 0) + sign * fact.spanMs);
    this.sums.set(`${key}|n`, (this.sums.get(`${key}|n`) ?? 0) + sign);
  }

  counted(): Record<string, number> {
    return Object.fromEntries([...this.sums].filter(([, v]) => v !== 0).sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  /** bumped by a configuration change, which moves every queue to another channel: spans counted before keep theirs */
  epoch = 0;
  queueNumber = (queueId: string): number => Number(queueId.slice(1));
  channelNumber = (channel: string): number => Number(channel.slice(1));
  channelOf = (): string => `v${this.epoch}`;
  countsChanged(): void {}
  conflict(by: number): void { this.conflicts += by; }
  // Every contact settled: marks are archived as readily as the phone system's own changes.
  contactSettled = (): boolean => true;
  todayStart = (): number => DAY_START;
}

type Op =
  | { k: 'state'; agent: number; late: number; state: AgentStateName; reason: string | null; queues: boolean; offer: boolean }
  | { k: 'mark'; agent: number; late: number; state: MarkState; contact: number }
  | { k: 'unmark'; pick: number }
  | { k: 'prune'; late: number }
  | { k: 'configure' };

/** How late an operation is, in steps of 30 s behind its place in the list: mostly on time, some far back. */
const late = fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 60 }) });
const when = (o: { late: number }, i: number): number => T0 + (i - o.late) * 30_000;
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({
    k: fc.constant('state' as const), agent: fc.nat(1), late,
    state: fc.constantFrom<AgentStateName>('available', 'available', 'not_ready', 'on_contact', 'wrap_up', 'offline'),
    reason: fc.constantFrom(null, 'break', 'lunch', 'a\u0001b'), queues: fc.nat(9).map((n) => n === 0), offer: fc.boolean(),
  }) },
  { weight: 3, arbitrary: fc.record({
    k: fc.constant('mark' as const), agent: fc.nat(1), late, state: fc.constantFrom<MarkState>('on_contact', 'wrap_up', 'available'), contact: fc.nat(6),
  }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('unmark' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('prune' as const), late: fc.integer({ min: 5, max: 40 }) }) },
  { weight: 1, arbitrary: fc.constant({ k: 'configure' as const }) },
);

function stateEvent(o: Extract<Op, { k: 'state' }>, i: number, atMs = when(o, i)): Extract<TimedEvent, { type: 'agent.state' }> {
  const data = {
    agentId: AGENTS[o.agent]!, state: o.state, ...(o.reason ? { reason: o.reason } : {}),
    ...(o.queues ? { queueIds: i % 2 === 0 ? ['q1'] : ['q1', 'q2'] } : {}), ...(o.offer ? { offer: 'missed' as const } : {}),
  };
  return { specversion: '1.0', id: `e${i}`, source: 'test', type: 'agent.state', time: new Date(atMs).toISOString(), timeMs: atMs, data } as never;
}

/**
 * Runs the operations on a book. `flat`: a book that never archives, its agents marked as saying memberships (whose
 * timelines are never archived, and which no operation here gives).
 */
function run(ops: readonly Op[], flat: boolean, probe: (book: AgentBook, host: CountingHost, i: number) => void): AgentBook {
  const host = new CountingHost();
  const book = new AgentBook(host);
  if (flat) {
    const agentOf = book.agent.bind(book);
    book.agent = (agentId: string) => Object.assign(agentOf(agentId), { saysMemberships: true });
  }
  const marks: Entry[] = [];
  ops.forEach((o, i) => {
    if (o.k === 'state') book.applyState(stateEvent(o, i), i);
    else if (o.k === 'mark') {
      const m = markEntry(AGENTS[o.agent]!, when(o, i), o.state, `c${o.contact}`);
      marks.push(m);
      book.addMark(m, 1);
    } else if (o.k === 'prune') book.prune(when(o, i));
    else if (o.k === 'configure') {
      host.epoch++;
      book.configure([]);
    } else if (marks.length > 0) {
      const [m] = marks.splice(o.pick % marks.length, 1);
      book.addMark(markEntry(m!.agentId, m!.at, m!.state as MarkState, m!.key), -1);
    }
    probe(book, host, i);
  });
  return book;
}

/** What the board reads of each agent, and what the book counted. */
function reading(book: AgentBook, host: CountingHost, nowMs: number): unknown {
  const dayStart = DAY_START;
  return {
    counted: host.counted(), conflicts: host.conflicts,
    agents: [...book.agents.values()].map((a) => ({
      current: book.current(a), since: book.since(a), today: book.today(a, dayStart, nowMs), laterDay: book.today(a, T0 + 600_000, nowMs),
      after: book.changeAfter(a.agentId, nowMs, 'c1'), counts: book.countsOf([a], 'q1'),
    })),
  };
}

describe('the archived start of agents\' timelines', () => {
  it('reads and counts as the whole timeline would, through late changes, removals and unpacking', () => {
    let runsThatPacked = 0;
    fc.assert(fc.property(fc.array(op, { minLength: 30, maxLength: 80 }), fc.integer({ min: 0, max: 200 }), (ops, clock) => {
      const nowMs = T0 + clock * 30_000;
      const seen: unknown[] = [];
      // Cloned: the entries read are the books' own objects, which later operations edit.
      run(ops, true, (book, host) => seen.push(JSON.parse(JSON.stringify(reading(book, host, nowMs)))));
      let packed = 0;
      const book = run(ops, false, (b, host, i) => {
        for (const a of b.agents.values()) packed += a.archive?.count ?? 0;
        expect(reading(b, host, nowMs)).toEqual(seen[i]);
      });
      const whole = (b: AgentBook) => [...b.agents.values()].map((a) => a.unarchive().map((e) => ({ ...e, spanTargets: e.spanTargets && { ...e.spanTargets } })));
      expect(whole(book)).toEqual(whole(run(ops, true, () => {})));
      if (packed > 0) runsThatPacked++;
    }), { numRuns: 100 });
    // The comparison only says something when archives were there to read from.
    expect(runsThatPacked).toBeGreaterThan(50);
  });

  it('packs entries whose strings hold the separators, and gives them back field for field', () => {
    const book = new AgentBook(new CountingHost());
    const said = Array.from({ length: 12 }, (_, m) => ({ at: T0 + m * 60_000 + 0.5, state: (m % 2 ? 'available' : 'not_ready') as AgentStateName, reason: m % 2 ? null : 'x\u0001\u0002y', offer: m === 3 }));
    said.forEach((o, i) => book.applyState(stateEvent({ k: 'state', agent: 0, late: 0, state: o.state, reason: o.reason, queues: false, offer: o.offer }, i, o.at), i));
    const agent = book.agents.get('a0')!;
    expect(agent.archive?.count).toBeGreaterThan(0);
    const before = agent.recent.length;
    const all = agent.unarchive();
    expect(all.length).toBeGreaterThan(before);
    expect(all.map((e) => [e.at, e.reason, e.offer])).toEqual(said.map((o) => [o.at, o.reason, o.offer ? 'missed' : null]));
  });

  it('dates a state said again and again, through several packs, from its first saying', () => {
    const book = new AgentBook(new CountingHost());
    for (let i = 0; i < 30; i++) book.applyState(stateEvent({ k: 'state', agent: 1, late: 0, state: 'not_ready', reason: 'lunch', queues: false, offer: false }, i), i);
    const agent = book.agents.get('a1')!;
    expect(agent.archive!.count).toBeGreaterThan(2 * 4);
    expect(book.since(agent)).toBe(T0);
  });
});
