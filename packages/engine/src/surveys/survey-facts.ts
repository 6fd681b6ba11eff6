import type { CloudEventOf, SurveyMetrics } from '@plancia/contracts';

/** One completed survey, reduced to what the windows count. */
export type SurveyFact = { queueId: string | null; atMs: number; csat?: number; nps?: number; ces?: number; fcr?: boolean };

/**
 * The fact of a `survey.completed` event. The queue is the event's own `queueId`, otherwise the queue of the
 * surveyed contact when the caller still knows it, otherwise null (the survey counts for the centre only).
 */
export function surveyFact(
  event: CloudEventOf<'survey.completed'> & { timeMs: number },
  queueOfContact?: (contactId: string) => string | undefined,
): SurveyFact {
  const { data } = event;
  const fromContact = data.contactId !== undefined ? queueOfContact?.(data.contactId) : undefined;
  const fact: SurveyFact = { queueId: data.queueId ?? fromContact ?? null, atMs: event.timeMs };
  if (data.csat !== undefined) fact.csat = data.csat;
  if (data.nps !== undefined) fact.nps = data.nps;
  if (data.ces !== undefined) fact.ces = data.ces;
  if (data.resolvedFirstContact !== undefined) fact.fcr = data.resolvedFirstContact;
  return fact;
}

/** Satisfied CSAT answers are 4 and 5 on the 1–5 scale. */
const CSAT_SATISFIED = 4;
/** NPS promoters answer 9–10, detractors 0–6 (Reichheld, Bain & Company). */
const NPS_PROMOTER = 9;
const NPS_DETRACTOR_MAX = 6;

type Sums = {
  responses: number;
  csatCount: number; csatSum: number; csatSatisfied: number;
  npsCount: number; promoters: number; detractors: number;
  cesCount: number; cesSum: number;
  fcrCount: number; fcrYes: number;
};

const emptySums = (): Sums => ({
  responses: 0, csatCount: 0, csatSum: 0, csatSatisfied: 0, npsCount: 0, promoters: 0, detractors: 0,
  cesCount: 0, cesSum: 0, fcrCount: 0, fcrYes: 0,
});

/** A fact as increments of every running sum; answers left blank add nothing to their measure. */
function contribution(f: SurveyFact): Sums {
  const s = emptySums();
  s.responses = 1;
  if (f.csat !== undefined) {
    s.csatCount = 1;
    s.csatSum = f.csat;
    s.csatSatisfied = f.csat >= CSAT_SATISFIED ? 1 : 0;
  }
  if (f.nps !== undefined) {
    s.npsCount = 1;
    s.promoters = f.nps >= NPS_PROMOTER ? 1 : 0;
    s.detractors = f.nps <= NPS_DETRACTOR_MAX ? 1 : 0;
  }
  if (f.ces !== undefined) {
    s.cesCount = 1;
    s.cesSum = f.ces;
  }
  if (f.fcr !== undefined) {
    s.fcrCount = 1;
    s.fcrYes = f.fcr ? 1 : 0;
  }
  return s;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/**
 * Running sums of survey answers, so a window adds a survey when it enters and removes it when it leaves in O(1).
 * All sums are integers, so adding and removing the same facts returns exactly to the empty state.
 */
export class SurveyAccumulator {
  private sums: Sums = emptySums();

  add(f: SurveyFact): void {
    this.combine(contribution(f), 1);
  }

  /** Takes back a fact added before; removing what was never added is a bug and throws. */
  remove(f: SurveyFact): void {
    const c = contribution(f);
    for (const key of Object.keys(c) as (keyof Sums)[]) {
      if (this.sums[key] < c[key]) throw new RangeError(`survey accumulator: removing a survey that was not added (${key})`);
    }
    this.combine(c, -1);
  }

  merge(o: SurveyAccumulator): void {
    this.combine(o.sums, 1);
  }

  clear(): void {
    this.sums = emptySums();
  }

  metrics(): SurveyMetrics {
    const s = this.sums;
    const npsShare = ratio(s.promoters - s.detractors, s.npsCount);
    return {
      responses: s.responses,
      csat: ratio(s.csatSatisfied, s.csatCount),
      csatMean: ratio(s.csatSum, s.csatCount),
      nps: npsShare === null ? null : npsShare * 100,
      cesMean: ratio(s.cesSum, s.cesCount),
      fcr: ratio(s.fcrYes, s.fcrCount),
    };
  }

  private combine(c: Sums, sign: 1 | -1): void {
    for (const key of Object.keys(c) as (keyof Sums)[]) this.sums[key] += sign * c[key];
  }
}
