import { describe, expect, it } from 'vitest';
import { ViewMatcher, type AgentSnapshot, type BoardChanges, type Delta, type Snapshot, type View } from '@plancia/contracts';
import type { Audience } from '../tenancy/audience.js';
import { agentShaper } from '../privacy/agent-shaper.js';
import { mergeChanges } from './delta-merge.js';
import type { LiveSource } from './live-source.js';
import { canonicalView, roomName } from './view-filter.js';
import { ViewRooms } from './view-rooms.js';

const agent = (agentId: string, name: string, teamId = 'north', state: AgentSnapshot['state'] = 'available') =>
  ({ agentId, name, teamId, queueIds: ['q1'], state, reason: null, since: '2026-03-02T09:00:00Z', contactId: null, conflicts: 0 }) as AgentSnapshot;
const FLOOR = ['Anna', 'Bruno', 'Carla', 'Dario', 'Elena', 'Fabio'].map((name) => agent(name[0]!.toLowerCase(), name));

/** The engine's side, as small as the rooms need: the agents now, and each change told to the listeners. */
class FloorSource implements Pick<LiveSource, 'snapshot' | 'onDelta' | 'onAlert' | 'settle'> {
  agents = new Map(FLOOR.map((a) => [a.agentId, a]));
  private seq = 0;
  private readonly listeners: Array<(delta: Delta) => void> = [];

  snapshot(view: View = {}): Snapshot {
    const matcher = new ViewMatcher(view);
    const agents = matcher.showsAgents ? [...this.agents.values()].filter((a) => matcher.matchesAgent(a)) : [];
    return { generatedAt: '2026-03-02T10:00:00Z', seq: this.seq, queues: [], agents, teams: [], channels: [], waiting: [], alerts: [] } as unknown as Snapshot;
  }

  onDelta(listener: (delta: Delta) => void) {
    this.listeners.push(listener);
    return () => {};
  }

  onAlert() {
    return () => {};
  }

  /** Every change is handed to the listeners as it is made: nothing waits for a drain. */
  settle(): void {}

  change(...agents: AgentSnapshot[]): void {
    for (const a of agents) this.agents.set(a.agentId, a);
    const delta: Delta = { seq: ++this.seq, generatedAt: `2026-03-02T10:00:${String(this.seq).padStart(2, '0')}Z`, agents };
    for (const listener of this.listeners) listener(delta);
  }
}

/** An audience of `mode` that reaches the agents of `teams` (all when absent), as a scoped supervisor's would. */
const audienceIn = (mode: 'named' | 'pseudonymous' | 'off', teams?: string[]): Audience => {
  const shaper = agentShaper(mode, 'key');
  const reached = (agents: readonly AgentSnapshot[]) => agents.filter((a) => !teams || teams.includes(a.teamId ?? ''));
  return {
    key: `${mode}|${teams?.join(',') ?? '*'}`, agentDetail: mode, refusal: () => null,
    snapshot: (s: Snapshot) => shaper.snapshot({ ...s, agents: reached(s.agents) }),
    delta: (d: Delta) => {
      const agents = d.agents && reached(d.agents);
      return shaper.delta(agents?.length ? { ...d, agents } : { seq: d.seq, generatedAt: d.generatedAt });
    },
    alertEvent: shaper.alertEvent, shownAgentId: shaper.agentId,
  } as unknown as Audience;
};

/** A board of `view`: its snapshot, then every change message its room sends (intervalMs 0: each one at once). */
function board(view: View, mode: 'named' | 'pseudonymous' | 'off' = 'named', teams?: string[]) {
  const source = new FloorSource();
  const rooms = new ViewRooms(source as unknown as LiveSource, 0);
  const received: BoardChanges[] = [];
  const { snapshot } = rooms.attach(view, audienceIn(mode, teams), { changes: (changes) => received.push(changes), alert: () => {} });
  return { source, snapshot, received };
}

const names = (agents: readonly { name?: string }[] | undefined) => (agents ?? []).map((a) => a.name);

describe('ViewRooms with an agent page', () => {
  it('starts a board from its page of agents in name order, with the page and the total', () => {
    const { snapshot } = board({ agentPage: { offset: 2, limit: 2 } });
    expect(names(snapshot.agents)).toEqual(['Carla', 'Dario']);
    expect(snapshot.agentPage).toEqual({ offset: 2, limit: 2, total: 6 });
  });

  it("sends the page's agents' changes as patches and nothing of the agents off the page", () => {
    const { source, received } = board({ agentPage: { offset: 2, limit: 2 } });
    source.change({ ...FLOOR[0]!, state: 'on_contact' });
    expect(received).toEqual([]);
    source.change({ ...FLOOR[2]!, state: 'wrap_up' });
    expect(received).toHaveLength(1);
    expect(received[0]!.agents).toEqual([{ agentId: 'c', state: 'wrap_up' }]);
    expect(received[0]!.removed).toBeUndefined();
    expect(received[0]!.agentPage).toBeUndefined();
  });

  it('sends an agent coming onto the page whole, names the one leaving it and the new total', () => {
    const { source, received } = board({ teams: ['north'], agentPage: { offset: 2, limit: 2 } });
    source.change(agent('b2', 'Bianca'));
    expect(received).toEqual([{ seq: 1, generatedAt: expect.any(String), agents: [FLOOR[1]], removed: { agents: ['d'] }, agentPage: { offset: 2, limit: 2, total: 7 } }]);
    // The agent that left comes back whole when the page gives way again.
    source.change({ ...agent('b2', 'Bianca'), teamId: 'south' });
    const back = received[1]!;
    expect(back.agents).toEqual([FLOOR[3]]);
    expect(back.removed).toEqual({ agents: ['b'] });
    expect(back.agentPage?.total).toBe(6);
  });

  it('counts and cuts only the agents of the view: one that leaves it leaves the page', () => {
    const { source, snapshot, received } = board({ teams: ['north'], agentPage: { offset: 0, limit: 3 } });
    expect(names(snapshot.agents)).toEqual(['Anna', 'Bruno', 'Carla']);
    source.change(agent('s', 'Aldo', 'south'));
    expect(received).toEqual([]);
    source.change({ ...FLOOR[1]!, teamId: 'south' });
    expect(received[0]).toMatchObject({ agents: [FLOOR[3]], removed: { agents: ['b'] }, agentPage: { total: 5 } });
  });

  it("drops an agent that changes out of the audience's reach from the page, under its pseudonym too", () => {
    for (const mode of ['named', 'pseudonymous'] as const) {
      const { source, snapshot, received } = board({ agentPage: { offset: 0, limit: 6 } }, mode, ['north']);
      const shownBruno = audienceIn(mode).shownAgentId('b');
      expect(snapshot.agents.map((a) => a.agentId)).toContain(shownBruno);
      // Moved to a team this audience does not reach (the room's view, all agents, still matches it).
      source.change({ ...FLOOR[1]!, teamId: 'south' });
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({ removed: { agents: [shownBruno] }, agentPage: { total: 5 } });
      expect(received[0]!.agents?.map((a) => a.agentId) ?? []).not.toContain(shownBruno);
      // An agent it never reached changes: its boards hear nothing of it.
      source.change({ ...agent('s', 'Sara', 'south'), state: 'on_contact' });
      expect(received).toHaveLength(1);
    }
  });

  it('pages what the audience may see: pseudonyms in their own order, and nothing at all with agent detail off', () => {
    const pseudonymous = board({ agentPage: { offset: 0, limit: 6 } }, 'pseudonymous');
    const shown = pseudonymous.snapshot.agents.map((a) => a.name);
    expect(shown.every((name) => /^A-/.test(name))).toBe(true);
    expect(shown).toEqual([...shown].sort((a, b) => a.localeCompare(b, 'en')));
    const off = board({ agentPage: { offset: 0, limit: 6 } }, 'off');
    expect(off.snapshot.agents).toEqual([]);
    expect(off.snapshot.agentPage?.total).toBe(0);
    off.source.change(agent('b2', 'Bianca'));
    expect(off.received).toEqual([]);
  });

  it('keeps a page per room: the canonical view and the room name carry it, agents none drops it', () => {
    expect(canonicalView({ agentPage: { offset: 20, limit: 20 }, queues: ['b', 'a'] })).toEqual({ queues: ['a', 'b'], agentPage: { offset: 20, limit: 20 } });
    expect(canonicalView({ agents: 'none', agentPage: { offset: 0, limit: 5 } })).toEqual({ agents: 'none' });
    expect(roomName({ agentPage: { offset: 20, limit: 20 } })).not.toBe(roomName({ agentPage: { offset: 0, limit: 20 } }));
    expect(roomName({ agentPage: { offset: 0, limit: 20 } })).not.toBe(roomName({}));
  });
});

describe('ViewRooms without an agent page', () => {
  it("tells its boards to drop an agent that leaves the view or the audience's reach, and nothing of agents they never held", () => {
    for (const mode of ['named', 'pseudonymous'] as const) {
      const shownBruno = audienceIn(mode).shownAgentId('b');
      const reach = board({}, mode, ['north']);
      reach.source.change({ ...FLOOR[1]!, teamId: 'south' });
      expect(reach.received).toEqual([{ seq: 1, generatedAt: expect.any(String), removed: { agents: [shownBruno] } }]);
      reach.source.change({ ...agent('s', 'Sara', 'south'), state: 'on_contact' }, { ...FLOOR[1]!, teamId: 'south', state: 'on_contact' });
      expect(reach.received).toHaveLength(1);
      // Back within reach, the agent comes whole: the boards dropped what they held.
      reach.source.change(FLOOR[1]!);
      expect(reach.received[1]!.agents).toEqual([mode === 'named' ? FLOOR[1] : expect.objectContaining({ agentId: shownBruno, teamId: 'north', state: 'available' })]);
    }
    const view = board({ teams: ['north'] });
    view.source.change({ ...FLOOR[2]!, teamId: 'south' });
    expect(view.received[0]).toMatchObject({ removed: { agents: ['c'] } });
    expect(view.received[0]!.agents).toBeUndefined();
  });
});

describe('mergeChanges with removals', () => {
  const at = (seq: number, rest: Partial<BoardChanges>): BoardChanges => ({ seq, generatedAt: '2026-03-02T10:00:00Z', ...rest });

  it('drops what an earlier change sent of an agent a later one removes, and keeps the latest total', () => {
    const merged = mergeChanges(
      at(1, { agents: [{ agentId: 'x', state: 'on_contact' }, { agentId: 'y', state: 'wrap_up' }], agentPage: { offset: 0, limit: 2, total: 5 } }),
      at(2, { removed: { agents: ['x'] }, agents: [agent('z', 'Zeno')], agentPage: { offset: 0, limit: 2, total: 6 } }),
    );
    expect(merged.agents?.map((a) => a.agentId)).toEqual(['y', 'z']);
    expect(merged.removed).toEqual({ agents: ['x'] });
    expect(merged.agentPage?.total).toBe(6);
  });

  it('keeps an agent removed and then back whole: removals apply first', () => {
    const merged = mergeChanges(at(1, { removed: { agents: ['x'] } }), at(2, { agents: [agent('x', 'Xena')] }));
    expect(merged).toMatchObject({ removed: { agents: ['x'] }, agents: [agent('x', 'Xena')] });
    expect(mergeChanges(at(1, { agents: [agent('x', 'Xena')] }), at(2, { removed: { agents: ['x'] } }))).toEqual(at(2, { removed: { agents: ['x'] } }));
  });
});
