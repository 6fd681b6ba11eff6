import { describe, expect, it } from 'vitest';
import { Value } from '@sinclair/typebox/value';
import { AGENT_PAGE_LIMIT_MAX, AgentPager, compareAgentPageOrder } from './agent-page.js';
import { View, type AgentSnapshot } from './snapshot.js';

const agent = (agentId: string, name: string, state: AgentSnapshot['state'] = 'available') => ({ agentId, name, state }) as AgentSnapshot;
const ids = (agents: readonly AgentSnapshot[]) => agents.map((a) => a.agentId);

describe('View agentPage', () => {
  it('takes an offset and a limit of whole numbers, the limit at most AGENT_PAGE_LIMIT_MAX', () => {
    expect(Value.Check(View, { agentPage: { offset: 20, limit: 20 } })).toBe(true);
    expect(Value.Check(View, { queues: ['a'], agentPage: { offset: 0, limit: 0 } })).toBe(true);
    expect(Value.Check(View, { agentPage: { offset: 0, limit: AGENT_PAGE_LIMIT_MAX + 1 } })).toBe(false);
    expect(Value.Check(View, { agentPage: { offset: -1, limit: 10 } })).toBe(false);
    expect(Value.Check(View, { agentPage: { offset: 1.5, limit: 10 } })).toBe(false);
    expect(Value.Check(View, { agentPage: { offset: 0 } })).toBe(false);
    expect(Value.Check(View, { agentPage: { offset: 0, limit: 5, size: 5 } })).toBe(false);
  });
});

describe('compareAgentPageOrder', () => {
  it('orders by name A→Z whatever the case, namesakes by id', () => {
    const sorted = [agent('3', 'bruno'), agent('2', 'Anna'), agent('1', 'anna'), agent('0', 'Carla'), agent('4', 'Anna')].sort(compareAgentPageOrder);
    expect(sorted.map((a) => `${a.name}#${a.agentId}`)).toEqual(['anna#1', 'Anna#2', 'Anna#4', 'bruno#3', 'Carla#0']);
  });
});

describe('AgentPager', () => {
  const floor = ['Anna', 'Bruno', 'Carla', 'Dario', 'Elena', 'Fabio'].map((name) => agent(name[0]!.toLowerCase(), name));

  it('cuts the page in name order and counts every agent of the view', () => {
    const pager = new AgentPager({ offset: 2, limit: 2 });
    expect(ids(pager.startsFrom([...floor].reverse()))).toEqual(['c', 'd']);
    expect(pager.info()).toEqual({ offset: 2, limit: 2, total: 6 });
    expect(new AgentPager({ offset: 0, limit: 0 }).startsFrom(floor)).toEqual([]);
    expect(new AgentPager({ offset: 5, limit: 4 }).startsFrom(floor).map((a) => a.name)).toEqual(['Fabio']);
  });

  it("passes on the changes of the page's own agents only; the total stays", () => {
    const pager = new AgentPager({ offset: 2, limit: 2 });
    pager.startsFrom(floor);
    const change = pager.apply([agent('a', 'Anna', 'on_contact'), agent('d', 'Dario', 'wrap_up')], []);
    expect(change).toEqual({ shown: [agent('d', 'Dario', 'wrap_up')], left: [], totalMoved: false });
  });

  it('sends an agent that comes onto the page whole and names the one pushed off, when an agent joins before it', () => {
    const pager = new AgentPager({ offset: 2, limit: 2 });
    pager.startsFrom(floor);
    const change = pager.apply([agent('b2', 'Bianca')], []);
    expect(ids(change.shown)).toEqual(['b']);
    expect(change.shown[0]).toBe(floor[1]);
    expect(change.left).toEqual(['d']);
    expect(change.totalMoved).toBe(true);
    expect(pager.info().total).toBe(7);
  });

  it('fills the page from the next one when an agent leaves the view, and moves with a rename', () => {
    const pager = new AgentPager({ offset: 2, limit: 2 });
    pager.startsFrom(floor);
    expect(pager.apply([], ['c'])).toEqual({ shown: [floor[4]], left: ['c'], totalMoved: true });
    const renamed = pager.apply([agent('a', 'Zeno')], []);
    expect(ids(renamed.shown)).toEqual(['f']);
    expect(renamed.left).toEqual(['d']);
    expect(renamed.totalMoved).toBe(false);
    // An agent gone that the view never had changes nothing.
    expect(pager.apply([], ['nobody'])).toEqual({ shown: [], left: [], totalMoved: false });
  });
});
