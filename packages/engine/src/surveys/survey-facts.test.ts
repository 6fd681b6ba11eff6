import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CloudEventOf } from '@plancia/contracts';
import { SurveyAccumulator, surveyFact, type SurveyFact } from './survey-facts.js';

const EMPTY = { responses: 0, csat: null, csatMean: null, nps: null, cesMean: null, fcr: null };

function survey(data: CloudEventOf<'survey.completed'>['data'], timeMs = 1000) {
  return { specversion: '1.0' as const, id: 's1', source: 'test', type: 'survey.completed' as const, time: new Date(timeMs).toISOString(), timeMs, data };
}

const accumulate = (facts: SurveyFact[]): SurveyAccumulator => {
  const acc = new SurveyAccumulator();
  for (const f of facts) acc.add(f);
  return acc;
};

describe('surveyFact', () => {
  it('keeps the answers given and the event time', () => {
    expect(surveyFact(survey({ queueId: 'q1', csat: 4, nps: 9, ces: 2, resolvedFirstContact: false }, 5000)))
      .toEqual({ queueId: 'q1', atMs: 5000, csat: 4, nps: 9, ces: 2, fcr: false });
  });

  it('takes the queue of the contact when the survey names none, and null when unknown', () => {
    const queues = new Map([['c1', 'billing']]);
    const lookup = (id: string) => queues.get(id);
    expect(surveyFact(survey({ contactId: 'c1', csat: 5 }), lookup).queueId).toBe('billing');
    expect(surveyFact(survey({ contactId: 'c2', csat: 5 }), lookup).queueId).toBeNull();
    expect(surveyFact(survey({ queueId: 'sales', contactId: 'c1' }), lookup).queueId).toBe('sales');
  });
});

describe('SurveyAccumulator worked example', () => {
  // CSAT 5, 4, 3, 2, 5 → 3 of 5 satisfied = 0.6, mean 19 / 5 = 3.8.
  // NPS 10, 9, 8, 7, 6, 0, 10, 3, 9, 9 → 5 promoters, 3 detractors of 10 → 50 % − 30 % = 20.
  // CES 2, 3, 7 → mean 4. FCR yes, no, yes, yes → 0.75. Ten surveys in all.
  const csat = [5, 4, 3, 2, 5];
  const nps = [10, 9, 8, 7, 6, 0, 10, 3, 9, 9];
  const ces = [2, 3, 7];
  const fcr = [true, false, true, true];
  const facts: SurveyFact[] = nps.map((n, i) => ({
    queueId: 'q1', atMs: i, nps: n,
    ...(csat[i] !== undefined ? { csat: csat[i] } : {}),
    ...(ces[i] !== undefined ? { ces: ces[i] } : {}),
    ...(fcr[i] !== undefined ? { fcr: fcr[i] } : {}),
  }));

  it('computes every measure from its own answers', () => {
    expect(accumulate(facts).metrics()).toEqual({ responses: 10, csat: 0.6, csatMean: 3.8, nps: 20, cesMean: 4, fcr: 0.75 });
  });

  it('gives null for a measure nobody answered', () => {
    expect(accumulate([{ queueId: null, atMs: 0, csat: 1 }]).metrics())
      .toEqual({ ...EMPTY, responses: 1, csat: 0, csatMean: 1 });
  });

  it('reaches −100 and +100 NPS at the extremes', () => {
    expect(accumulate([{ queueId: null, atMs: 0, nps: 6 }]).metrics().nps).toBe(-100);
    expect(accumulate([{ queueId: null, atMs: 0, nps: 9 }]).metrics().nps).toBe(100);
  });

  it('refuses to remove a survey that was never added', () => {
    expect(() => new SurveyAccumulator().remove({ queueId: null, atMs: 0, csat: 5 })).toThrow(/not added/);
  });

  it('clears to empty', () => {
    const acc = accumulate(facts);
    acc.clear();
    expect(acc.metrics()).toEqual(EMPTY);
  });
});

describe('SurveyAccumulator properties', () => {
  const fact: fc.Arbitrary<SurveyFact> = fc.record(
    {
      queueId: fc.constantFrom('a', 'b', null),
      atMs: fc.nat(),
      csat: fc.integer({ min: 1, max: 5 }),
      nps: fc.integer({ min: 0, max: 10 }),
      ces: fc.integer({ min: 1, max: 7 }),
      fcr: fc.boolean(),
    },
    { requiredKeys: ['queueId', 'atMs'] },
  );

  it('adding then removing the same surveys, in any order, returns to empty', () => {
    fc.assert(fc.property(fc.array(fact), fc.func(fc.integer()), (facts, key) => {
      const acc = accumulate(facts);
      const shuffled = [...facts].sort((x, y) => key(x) - key(y));
      for (const f of shuffled) acc.remove(f);
      expect(acc.metrics()).toEqual(EMPTY);
    }));
  });

  it('merging two accumulators equals adding all their surveys to one', () => {
    fc.assert(fc.property(fc.array(fact), fc.array(fact), (left, right) => {
      const merged = accumulate(left);
      merged.merge(accumulate(right));
      expect(merged.metrics()).toEqual(accumulate([...left, ...right]).metrics());
    }));
  });

  it('keeps every measure in range', () => {
    fc.assert(fc.property(fc.array(fact, { minLength: 1 }), (facts) => {
      const m = accumulate(facts).metrics();
      const inRange = (v: number | null, lo: number, hi: number) => v === null || (v >= lo && v <= hi);
      return m.responses === facts.length && inRange(m.csat, 0, 1) && inRange(m.csatMean, 1, 5) &&
        inRange(m.nps, -100, 100) && inRange(m.cesMean, 1, 7) && inRange(m.fcr, 0, 1);
    }));
  });
});
