import type { WindowMetrics } from '@plancia/contracts';
import { F, FIELD_COUNT } from './fields.js';
import { HISTOGRAM_SLOTS, maxSeconds, quantileSeconds } from './wait-histogram.js';
import { SurveyAccumulator } from '../surveys/survey-facts.js';
import type { SurveyFact } from '../surveys/survey-facts.js';

/** Running sums of one window (or one bucket of a ring): counters, a wait histogram and survey sums. */
export class Acc {
  readonly sums = new Float64Array(FIELD_COUNT);
  readonly waits = new Int32Array(HISTOGRAM_SLOTS);
  readonly surveys = new SurveyAccumulator();

  add(field: number, value: number): void {
    this.sums[field]! += value;
  }

  addWait(slot: number, sign: number): void {
    this.waits[slot]! += sign;
    this.sums[F.waits]! += sign;
  }

  addSurvey(fact: SurveyFact, sign: number): void {
    if (sign > 0) this.surveys.add(fact);
    else this.surveys.remove(fact);
  }

  clear(): void {
    this.sums.fill(0);
    this.waits.fill(0);
    this.surveys.clear();
  }
}

const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);
const seconds = (ms: number, count: number): number | null => (count > 0 ? ms / count / 1000 : null);

/** Turns running sums, plus the sums of a still open bucket, into the contract's metrics (fractions 0–1, times in seconds). */
export function windowMetrics(acc: Acc, open: Float64Array | null = null): WindowMetrics {
  const s = acc.sums;
  const get = (field: number): number => s[field]! + (open ? open[field]! : 0);
  const answered = get(F.answered);
  const abandoned = get(F.abandoned);
  const handled = get(F.handled);
  const busy = get(F.busyMs);
  return {
    offered: get(F.offered),
    answered,
    abandoned,
    shortAbandoned: get(F.shortAbandoned),
    transferredOut: get(F.transferredOut),
    answeredWithinThreshold: get(F.answeredWithinThreshold),
    abandonedWithinThreshold: get(F.abandonedWithinThreshold),
    settled: get(F.settled),
    serviceLevel: ratio(get(F.slNumerator), get(F.slDenominator)),
    asa: seconds(get(F.answeredWaitMs), answered),
    maxWait: maxSeconds(acc.waits, get(F.waits)),
    waitP50: quantileSeconds(acc.waits, get(F.waits), 0.5),
    waitP90: quantileSeconds(acc.waits, get(F.waits), 0.9),
    abandonRate: ratio(abandoned, answered + abandoned),
    handled,
    aht: seconds(get(F.handleMs), handled),
    avgTalk: seconds(get(F.talkMs), handled),
    avgWrapUp: seconds(get(F.wrapMs), handled),
    occupancy: ratio(busy, busy + get(F.availableMs)),
    tickets: {
      created: get(F.ticketsCreated),
      firstResponses: get(F.firstResponses),
      firstResponsesInTarget: get(F.firstResponsesInTarget),
      firstResponseAttainment: ratio(get(F.firstResponsesInTarget), get(F.firstResponses)),
      solved: get(F.solved),
      solvedInTarget: get(F.solvedInTarget),
      resolutionAttainment: ratio(get(F.solvedInTarget), get(F.solved)),
    },
    surveys: acc.surveys.metrics(),
    repeats: { identified: get(F.identified), repeated: get(F.repeated), rate: ratio(get(F.repeated), get(F.identified)) },
  };
}
