import { describe, expect, it } from 'vitest';
import { config, engineWith, ev, queue, queueOf, s } from './engine-test-kit.js';
import { WAIT_SKETCH_RELATIVE_ACCURACY as ACCURACY } from './index.js';

const within = (value: number | null, exact: number) => {
  expect(value).not.toBeNull();
  expect(Math.abs(value! - exact)).toBeLessThanOrEqual(exact * ACCURACY);
};

describe('handle time', () => {
  it('AHT = talk + wrap-up, counted at completion', () => {
    const events = [ev.queued('c1', s(0)), ev.answered('c1', s(10)), ev.ended('c1', s(70))];
    const e = engineWith(events, s(80));
    expect(queueOf(e, s(80)).windows.rolling).toMatchObject({ handled: 0, aht: null });
    e.apply([ev.completed('c1', s(100))], s(100));
    expect(queueOf(e, s(100)).windows.rolling).toMatchObject({ handled: 1, aht: 90, avgTalk: 60, avgWrapUp: 30 });
  });

  it('without a completion, handle time ends at contact.ended once the agent moves on', () => {
    const e = engineWith([ev.queued('c1', s(0)), ev.answered('c1', s(10)), ev.ended('c1', s(70)), ev.agent('a1', s(200), 'available')], s(200));
    expect(queueOf(e, s(200)).windows.rolling).toMatchObject({ handled: 1, aht: 60, avgTalk: 60, avgWrapUp: 0 });
  });

  it('averages over several contacts', () => {
    const e = engineWith([
      ev.queued('c1', s(0)), ev.answered('c1', s(0), 'a1'), ev.ended('c1', s(100)), ev.completed('c1', s(120)),
      ev.queued('c2', s(0)), ev.answered('c2', s(0), 'a2'), ev.ended('c2', s(200)), ev.completed('c2', s(260)),
    ], s(300));
    expect(queueOf(e, s(300)).windows.rolling).toMatchObject({ handled: 2, aht: 190, avgTalk: 150, avgWrapUp: 40 });
  });
});

describe('wait distribution', () => {
  // DDSketch's rank rule: the sample at 0-based index ⌊q·(n − 1)⌋, so for 5 waits p90 is the 4th (index 3.6 → 3).
  it('p50, p90 and max within the sketch accuracy', () => {
    const waits = [10, 20, 30, 40, 50];
    const events = waits.flatMap((w, i) => [ev.queued(`c${i}`, s(0)), ev.answered(`c${i}`, s(w), `a${i}`)]);
    const r = queueOf(engineWith(events, s(60)), s(60)).windows.rolling;
    within(r.waitP50, 30);
    within(r.waitP90, 40);
    within(r.maxWait, 50);
    expect(r.asa).toBe(30);
  });

  it('includes abandoned waits but not short abandons', () => {
    const events = [ev.queued('c1', s(0)), ev.abandoned('c1', s(90)), ev.queued('c2', s(0)), ev.abandoned('c2', s(2))];
    const r = queueOf(engineWith(events, s(100)), s(100)).windows.rolling;
    within(r.maxWait, 90);
    expect(r.asa).toBeNull();
  });
});

describe('agents', () => {
  const cfg = config([queue('q1'), queue('q2')], { agents: [{ agentId: 'a1', name: 'Anna Rossi', teamId: 'blue' }] });

  it('derives on_contact and wrap_up from contacts and counts per queue and team', () => {
    const e = engineWith([
      ev.agent('a1', s(0), 'available', { queueIds: ['q1', 'q2'], name: 'ignored' }),
      ev.agent('a2', s(0), 'not_ready', { queueIds: ['q1'], teamId: 'blue', reason: 'break', name: 'Bruno' }),
      ev.queued('c1', s(5)), ev.answered('c1', s(10), 'a1'),
    ], s(20), cfg);
    const snap = e.snapshot(s(20));
    // Their figures of the day (`today`) have tests of their own (engine.agent-today.test.ts).
    expect(snap.agents.map(({ today: _today, ...rest }) => rest)).toEqual([
      { agentId: 'a1', name: 'Anna Rossi', teamId: 'blue', queueIds: ['q1', 'q2'], state: 'on_contact', reason: null, since: new Date(s(10)).toISOString(), contactId: 'c1', conflicts: 0 },
      { agentId: 'a2', name: 'Bruno', teamId: 'blue', queueIds: ['q1'], state: 'not_ready', reason: 'break', since: new Date(s(0)).toISOString(), contactId: null, conflicts: 0 },
    ]);
    expect(snap.queues.find((q) => q.queueId === 'q1')!.live.agents).toEqual({ available: 0, on_contact: 1, wrap_up: 0, not_ready: 1, offline: 0 });
    expect(snap.queues.find((q) => q.queueId === 'q2')!.live.agents.on_contact).toBe(1);
    expect(snap.teams).toEqual([{ teamId: 'blue', agents: { available: 0, on_contact: 1, wrap_up: 0, not_ready: 1, offline: 0 } }]);
    e.apply([ev.ended('c1', s(30))], s(30));
    expect(e.snapshot(s(30)).agents[0]).toMatchObject({ state: 'wrap_up', contactId: 'c1' });
    e.apply([ev.completed('c1', s(45))], s(45));
    expect(e.snapshot(s(45)).agents[0]).toMatchObject({ state: 'available', contactId: null, since: new Date(s(45)).toISOString() });
  });

  it('occupancy = handle ÷ (handle + available) of the queue\'s agents', () => {
    // available 0–60 and 150–300 (210 s), busy 60–150 (90 s): 90 ÷ 300 = 0.3
    const e = engineWith([
      ev.agent('a1', s(0), 'available', { queueIds: ['q1'] }),
      ev.queued('c1', s(55)), ev.answered('c1', s(60), 'a1'), ev.ended('c1', s(120)), ev.completed('c1', s(150)),
      ev.agent('a1', s(300), 'not_ready'),
    ], s(310), cfg);
    expect(queueOf(e, s(310)).windows.rolling.occupancy).toBeCloseTo(0.3, 12);
    expect(e.snapshot(s(310)).centre.windows.rolling.occupancy).toBeCloseTo(0.3, 12);
  });

  it('counts an agent answering while on another contact as a conflict; the newer contact wins', () => {
    const e = engineWith([
      ev.queued('c1', s(0)), ev.answered('c1', s(1), 'a1'), ev.queued('c2', s(2)), ev.answered('c2', s(3), 'a1'),
    ], s(10));
    const snap = e.snapshot(s(10));
    expect(snap.anomalies.conflicts).toBe(1);
    expect(snap.agents[0]).toMatchObject({ state: 'on_contact', contactId: 'c2' });
  });

  it('does not count the phone system reporting on_contact at the moment of the answer as a conflict', () => {
    const e = engineWith([
      ev.queued('c1', s(0)), ev.answered('c1', s(1), 'a1'), ev.agent('a1', s(1), 'on_contact'),
      ev.ended('c1', s(60)), ev.agent('a1', s(60), 'wrap_up'), ev.completed('c1', s(70)), ev.agent('a1', s(70), 'available'),
      ev.queued('c2', s(80)), ev.answered('c2', s(81), 'a1'), ev.agent('a1', s(81), 'on_contact'),
    ], s(90));
    const snap = e.snapshot(s(90));
    expect(snap.anomalies.conflicts).toBe(0);
    expect(snap.agents[0]).toMatchObject({ state: 'on_contact', contactId: 'c2' });
  });
});

describe('surveys and staffing', () => {
  it('counts surveys of the queue in its windows and the centre', () => {
    const e = engineWith([ev.survey(s(1), { queueId: 'q1', csat: 5, nps: 10 }), ev.survey(s(2), { queueId: 'q1', csat: 3, nps: 5 })], s(10));
    const q = queueOf(e, s(10));
    expect(q.windows.rolling.surveys).toEqual({ responses: 2, csat: 0.5, csatMean: 4, nps: 0, cesMean: null, fcr: null });
    expect(e.snapshot(s(10)).centre.windows.today.surveys.responses).toBe(2);
  });

  it('Erlang C: 25 offered in 15 min with AHT 180 s, 80/20 → 100 calls/h', () => {
    // 100 calls/h × 180 s = 5 Erlangs; Erlang C gives 8 agents for 80 % within 20 s (standard table value).
    const events = Array.from({ length: 25 }, (_, i) => [
      ev.queued(`c${i}`, s(i)), ev.answered(`c${i}`, s(i), `a${i}`), ev.ended(`c${i}`, s(i + 150)), ev.completed(`c${i}`, s(i + 180)),
    ]).flat();
    const q = queueOf(engineWith(events, s(300)), s(300));
    expect(q.staffing).toEqual({ arrivalsPerHour: 100, ahtSeconds: 180, required: 8, staffed: 0, gap: -8 });
  });
});
