import { describe, expect, it } from 'vitest';
import type { PlanciaEvent } from '@plancia/contracts';
import { expectValid, fixtureBytes } from '../../test-support/fixtures.js';
import { amiField, type AmiMessage } from './ami-message.js';
import { AmiParser } from './ami-parser.js';
import { AsteriskMapper } from './asterisk-mapper.js';

// The recorded Asterisk: queue `support`, servicelevel 20, wrap-up 2 s (see the fixture's README).
const T_SECONDS = 20;

function recorded(): AmiMessage[] {
  const parser = new AmiParser();
  return [...parser.push(fixtureBytes('asterisk-recorded/queue-support-25-calls.ami')), ...parser.end()];
}

/** Live events go to map(), a quiet moment to flush(); the final QueueStatus reply (items without Timestamp) goes to reconcile(). */
function replay(messages: AmiMessage[], mapper = new AsteriskMapper({ source: 'ami://recorded', wrapUpSeconds: { support: 2 } })) {
  const reply = messages.filter((m) => ['QueueParams', 'QueueMember', 'QueueEntry'].includes(amiField(m, 'Event') ?? ''));
  const live = messages.filter((m) => !reply.includes(m));
  const mapped = live.flatMap((m) => mapper.map(m));
  // A few seconds after the last event, as the link's keep-alive Ping would tell: the last wrap-up has run out.
  const quietMs = Math.max(...mapped.map((e) => Date.parse(e.time))) + 5000;
  const events = [...mapped, ...mapper.flush(quietMs)];
  return { events, reconciled: mapper.reconcile(reply, quietMs) };
}

const timeOf = (e: PlanciaEvent) => Date.parse(e.time);
const contactOf = (e: PlanciaEvent) => (e.data as { contactId?: string }).contactId;

/** A reference count with the abandon policy `positive` and S = 0: (answered + abandoned within T) ÷ settled. */
function serviceLevel(events: PlanciaEvent[]) {
  const queuedAt = new Map(events.filter((e) => e.type === 'contact.queued').map((e) => [contactOf(e), timeOf(e)]));
  const settled = events.filter((e) => e.type === 'contact.answered' || e.type === 'contact.abandoned');
  const waitOf = (e: PlanciaEvent) => timeOf(e) - queuedAt.get(contactOf(e))!;
  const within = (e: PlanciaEvent) => waitOf(e) <= T_SECONDS * 1000;
  const answered = settled.filter((e) => e.type === 'contact.answered');
  const abandoned = settled.filter((e) => e.type === 'contact.abandoned');
  const finished = new Set(settled.map(contactOf));
  return {
    answered: answered.length,
    abandoned: abandoned.length,
    answeredWithin: answered.filter(within).length,
    serviceLevel: settled.filter(within).length / settled.length,
    waitingAtEnd: [...queuedAt.keys()].filter((id) => !finished.has(id)).length,
    waits: new Map(settled.map((e) => [contactOf(e), waitOf(e) / 1000])),
  };
}

/** An agent's state at an instant, as the engine derives it: explicit states, plus on_contact/wrap_up/available from contacts. */
function agentStateAt(events: PlanciaEvent[], agentId: string, atMs: number) {
  let current: { state: string; reason?: string } = { state: 'offline' };
  const mine = new Set<string | undefined>();
  for (const e of [...events].sort((a, b) => timeOf(a) - timeOf(b)).filter((x) => timeOf(x) <= atMs)) {
    const data = e.data as { agentId?: string; state?: string; reason?: string };
    if (e.type === 'agent.state' && data.agentId === agentId) current = { state: data.state!, reason: data.reason };
    if (e.type === 'contact.answered' && data.agentId === agentId) { mine.add(contactOf(e)); current = { state: 'on_contact' }; }
    if (e.type === 'contact.ended' && mine.has(contactOf(e))) current = { state: 'wrap_up' };
    // The engine marks the agent available at completion whatever came between: a completion must not outlive a pause.
    if (e.type === 'contact.completed' && mine.has(contactOf(e))) current = { state: 'available' };
  }
  return current;
}

describe('the recorded 25-call Asterisk queue', () => {
  const messages = recorded();
  const { events, reconciled } = replay(messages);

  it('maps to valid CloudEvents from the Asterisk instance', () => {
    expectValid([...events, ...reconciled]);
    expect(new Set(events.map((e) => e.source))).toEqual(new Set(['ami://recorded']));
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it("gives Asterisk's own figures: 16 answered, 9 abandoned, ServicelevelPerf2 0.88, nobody waiting", () => {
    const params = messages.find((m) => amiField(m, 'Event') === 'QueueParams')!;
    const figures = serviceLevel(events);
    expect(figures.answered).toBe(Number(amiField(params, 'Completed')));
    expect(figures.abandoned).toBe(Number(amiField(params, 'Abandoned')));
    expect(figures.answered).toBe(16);
    expect(figures.abandoned).toBe(9);
    expect(figures.answeredWithin / figures.answered).toBe(Number(amiField(params, 'ServicelevelPerf')) / 100);
    expect(figures.serviceLevel).toBeCloseTo(0.88, 10);
    expect(figures.waitingAtEnd).toBe(0);
  });

  it("places every answer and abandon so that the wait equals Asterisk's whole-second HoldTime", () => {
    const { waits } = serviceLevel(events);
    const holds = messages.filter((m) => ['AgentConnect', 'QueueCallerAbandon'].includes(amiField(m, 'Event') ?? ''));
    expect(holds).toHaveLength(25);
    for (const m of holds) expect(waits.get(amiField(m, 'Uniqueid'))).toBe(Number(amiField(m, 'HoldTime')));
    // The calls within a second of T are why: 20.52 s and 20.02 s real waits that Asterisk counts as 20.
    expect([...waits.values()].filter((w) => w === T_SECONDS)).toHaveLength(3);
  });

  it('shows Bruno not_ready "Pausa pranzo" during his pause, available after it', () => {
    const pauses = messages.filter((m) => amiField(m, 'Event') === 'QueueMemberPause').map((m) => Number(amiField(m, 'Timestamp')) * 1000);
    const [start, end] = pauses as [number, number];
    for (const at of [start + 1, (start + end) / 2, end - 1]) {
      expect(agentStateAt(events, 'Bruno', at)).toEqual({ state: 'not_ready', reason: 'Pausa pranzo' });
    }
    expect(agentStateAt(events, 'Bruno', end + 1).state).toBe('available');
    const answeredByBruno = events.filter((e) => e.type === 'contact.answered' && e.data.agentId === 'Bruno');
    expect(answeredByBruno.filter((e) => timeOf(e) > start && timeOf(e) < end)).toEqual([]);
  });

  it('follows AgentComplete with contact.completed after the queue wrap-up, cut short by a pause', () => {
    const ended = events.filter((e) => e.type === 'contact.ended');
    const completed = new Map(events.filter((e) => e.type === 'contact.completed').map((e) => [contactOf(e), timeOf(e)]));
    expect(ended).toHaveLength(16);
    const wrapUps = ended.map((e) => completed.get(contactOf(e))! - timeOf(e));
    // Bruno ended a call at 374 and paused at 375.008, inside the 2 s wrap-up: that one ends on the pause's second.
    expect(wrapUps.filter((ms) => ms === 2000)).toHaveLength(15);
    expect(wrapUps.filter((ms) => ms === 1000)).toHaveLength(1);
    const pause = events.find((e) => e.type === 'agent.state' && e.data.reason === 'Pausa pranzo')!;
    const cut = ended.find((e) => completed.get(contactOf(e))! - timeOf(e) === 1000)!;
    expect(completed.get(contactOf(cut))).toBeLessThan(timeOf(pause));
    expect(timeOf(pause) - timeOf(cut)).toBeLessThan(2000);
  });

  it('completes a wrap-up on a quiet link when flushed with the PBX clock', () => {
    const mapper = new AsteriskMapper({ source: 'ami://recorded', wrapUpSeconds: { support: 30 } });
    const complete = messages.find((m) => amiField(m, 'Event') === 'AgentComplete')!;
    const known = messages.slice(0, messages.indexOf(complete)).flatMap((m) => mapper.map(m));
    expect(known.length).toBeGreaterThan(0);
    const endedAt = Number(amiField(complete, 'Timestamp')) * 1000;
    expect(mapper.map(complete).map((e) => e.type)).toEqual(['contact.ended']);
    expect(mapper.flush(endedAt + 29_000)).toEqual([]);
    expect(mapper.flush(endedAt + 31_000).map((e) => e.type)).toEqual(['contact.completed']);
    expect(mapper.flush(endedAt + 60_000)).toEqual([]);
  });

  it('reconciles with the final QueueStatus without adding anything already known', () => {
    expect(reconciled).toEqual([]);
  });

  it('gives identical event ids when the same stream goes through a fresh mapper', () => {
    expect(replay(messages).events).toEqual(events);
  });
});

describe('what the recorded QueueCallerJoin carries of priority', () => {
  it('maps none: its Priority header is the dialplan step, not the caller\'s place in the queue (QUEUE_PRIO is not on the wire)', () => {
    const messages = recorded();
    const joins = messages.filter((m) => amiField(m, 'Event') === 'QueueCallerJoin');
    expect(joins.length).toBeGreaterThan(0);
    expect(joins.every((m) => amiField(m, 'Priority') !== undefined)).toBe(true);
    const queued = replay(messages).events.filter((e) => e.type === 'contact.queued');
    expect(queued.length).toBe(joins.length);
    expect(queued.every((e) => !('priority' in (e.data as object)))).toBe(true);
  });
});
