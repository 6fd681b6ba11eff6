import { describe, expect, it } from 'vitest';
import type { PlanciaEvent } from '@plancia/contracts';
import { generate } from './model/generate.js';
import { resumeRun } from './resume.js';

const MINUTE = 60_000;
const START = Date.parse('2026-03-02T10:00:00+01:00');
const OVERLAP = MINUTE;
/** The run as the model has it, 45 minutes of it: the same plan gives the same events and ids every time. */
const model = (): PlanciaEvent[] => [...generate({ seed: 9, startMs: START, durationMs: 45 * MINUTE, profile: 'flat' })];
const at = (event: PlanciaEvent) => Date.parse(event.time);
const subject = (event: PlanciaEvent) => (event.data as { contactId?: string }).contactId;
/** The contact or ticket an event is about. */
const item = (event: PlanciaEvent) => { const d = event.data as { contactId?: string; ticketId?: string }; return d.contactId ?? d.ticketId; };

/** Sent before the stop (the journal) and by the continued run, for a stop at `stopMs` and a restart at `nowMs`. */
function restart(stopMs: number, nowMs: number) {
  const full = model();
  const journal = full.filter((e) => at(e) <= stopMs);
  const resumed = [...resumeRun(model(), { sentUntilMs: stopMs, warmupFromMs: nowMs - 10 * MINUTE, overlapMs: OVERLAP })];
  return { full, journal, resumed, byId: new Map(full.map((e) => [e.id, e])) };
}

describe('continuing a run', () => {
  it('after a short stop sends what followed it, its last minute again, and nothing else: no second warm-up', () => {
    const stopMs = START + 20 * MINUTE;
    const { full, resumed, byId } = restart(stopMs, stopMs + 30_000);
    // Every event is the model's own, under its own id.
    for (const event of resumed) expect(event).toEqual(byId.get(event.id));
    expect(resumed.map((e) => e.id)).toEqual(full.filter((e) => at(e) > stopMs - OVERLAP).map((e) => e.id));
  });

  it('after a long stop finishes the contacts the board shows, leaves out those begun while it was down, and sends the warm-up', () => {
    const stopMs = START + 5 * MINUTE;
    const nowMs = START + 35 * MINUTE;
    const warmupFrom = nowMs - 10 * MINUTE;
    const { full, journal, resumed, byId } = restart(stopMs, nowMs);
    for (const event of resumed) expect(event).toEqual(byId.get(event.id));
    expect(new Set(resumed.map((e) => e.id)).size).toBe(resumed.length);

    const shown = [...journal, ...resumed];
    const queuedAt = new Map(full.filter((e) => e.type === 'contact.queued').map((e) => [subject(e)!, at(e)]));
    // No contact of the stop is left waiting: each one the model settled has its answer or abandon on the board.
    const settledOnBoard = new Set(shown.filter((e) => e.type === 'contact.answered' || e.type === 'contact.abandoned').map(subject));
    const settledInModel = full.filter((e) => (e.type === 'contact.answered' || e.type === 'contact.abandoned') && queuedAt.get(subject(e)!)! <= stopMs);
    expect(settledInModel.length).toBeGreaterThan(0);
    for (const event of settledInModel) expect(settledOnBoard).toContain(subject(event));
    // Contacts that began while the board was down (before the warm-up) never appear, so none is an orphan.
    const onBoard = new Set(shown.filter((e) => e.type === 'contact.queued').map(subject));
    for (const event of shown) if (subject(event) !== undefined && event.type !== 'survey.completed') expect(onBoard).toContain(subject(event));
    expect(resumed.filter((e) => e.type === 'contact.queued' && at(e) > stopMs && at(e) < warmupFrom)).toEqual([]);
    // From the warm-up on, the model whole, but for what those left-out contacts and tickets still did.
    const began = new Map<string, number>();
    for (const event of full) if (item(event) !== undefined && !began.has(item(event)!)) began.set(item(event)!, at(event));
    const leftOut = new Set([...began].filter(([, t]) => t > stopMs && t < warmupFrom).map(([id]) => id));
    expect([...leftOut].some((id) => id.includes('-t'))).toBe(true);
    expect(resumed.filter((e) => at(e) >= warmupFrom).map((e) => e.id))
      .toEqual(full.filter((e) => at(e) >= warmupFrom && !leftOut.has(item(e)!)).map((e) => e.id));
    // Each agent's state when the warm-up begins is the model's.
    const lastState = (events: PlanciaEvent[]) => {
      const states = new Map<string, string>();
      for (const e of [...events].sort((a, b) => at(a) - at(b))) if (e.type === 'agent.state') states.set(e.data.agentId, e.data.state);
      return states;
    };
    expect(lastState(shown.filter((e) => at(e) < warmupFrom))).toEqual(lastState(full.filter((e) => at(e) < warmupFrom)));
  });

  it('when the journal already covers the warm-up, sends only from its end (less the overlap)', () => {
    const stopMs = START + 30 * MINUTE;
    const { full, resumed } = restart(stopMs, stopMs + 2 * MINUTE);
    expect(resumed[0]!.id).toBe(full.find((e) => at(e) > stopMs - OVERLAP)!.id);
    expect(resumed.length).toBe(full.filter((e) => at(e) > stopMs - OVERLAP).length);
  });
});
