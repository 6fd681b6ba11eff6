import type { SurveyFact } from '../surveys/survey-facts.js';
import type { Acc } from './acc.js';
import { F } from './fields.js';
import { waitSlot } from './wait-histogram.js';

/** What a fact counts. Each kind lands in the window bucket of the instant `at` it happened. */
export const K = {
  offered: 0,
  shortAbandoned: 1,
  answered: 2, // a = wait ms, b = 1 when within T
  abandoned: 3, // a = wait ms, b = 1 when within T
  transferredOut: 4, // a = wait ms
  settled: 5, // a = SL numerator share, b = SL denominator share
  handled: 6, // a = handle ms, b = talk ms, c = wrap-up ms
  busy: 7, // a = ms on contact or in wrap-up
  available: 8, // a = ms available
  ticketCreated: 9,
  firstResponse: 10, // a = 1 when in target
  solved: 11, // a = 1 when in target
  survey: 12,
} as const;
export type FactKind = (typeof K)[keyof typeof K];

/** Which aggregates a fact feeds: its queue, its channel, the centre. */
export const TO_QUEUE = 1;
export const TO_CHANNEL = 2;
export const TO_CENTRE = 4;
export const TO_ALL = TO_QUEUE | TO_CHANNEL | TO_CENTRE;

export interface Fact {
  readonly mask: number;
  readonly queueId: string;
  readonly channel: string | null;
  readonly at: number;
  readonly kind: FactKind;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  /** the wait-histogram slot of `a` for the kinds that carry a wait, else −1: worked out once, counted in up to twelve sums */
  readonly slot: number;
  readonly survey: SurveyFact | null;
}

const carriesWait = (kind: FactKind): boolean => kind === K.answered || kind === K.abandoned || kind === K.transferredOut;

export function fact(
  queueId: string, channel: string | null, at: number, kind: FactKind, a = 0, b = 0, c = 0, mask = TO_ALL, survey: SurveyFact | null = null,
): Fact {
  return { mask, queueId, channel, at, kind, a, b, c, slot: carriesWait(kind) ? waitSlot(a) : -1, survey };
}

/** Adds (sign 1) or removes (sign −1) a fact's counts to the running sums at `o`; returns the wait slot touched or −1. */
export function countFact(sums: Float64Array, o: number, f: Fact, sign: number): number {
  switch (f.kind) {
    case K.offered: sums[o + F.offered]! += sign; return -1;
    case K.shortAbandoned: sums[o + F.shortAbandoned]! += sign; return -1;
    case K.answered:
      sums[o + F.answered]! += sign;
      sums[o + F.answeredWaitMs]! += sign * f.a;
      sums[o + F.answeredWithinThreshold]! += sign * f.b;
      return f.slot;
    case K.abandoned:
      sums[o + F.abandoned]! += sign;
      sums[o + F.abandonedWithinThreshold]! += sign * f.b;
      return f.slot;
    case K.transferredOut: sums[o + F.transferredOut]! += sign; return f.slot;
    case K.settled:
      sums[o + F.settled]! += sign;
      sums[o + F.slNumerator]! += sign * f.a;
      sums[o + F.slDenominator]! += sign * f.b;
      return -1;
    case K.handled:
      sums[o + F.handled]! += sign;
      sums[o + F.handleMs]! += sign * f.a;
      sums[o + F.talkMs]! += sign * f.b;
      sums[o + F.wrapMs]! += sign * f.c;
      return -1;
    case K.busy: sums[o + F.busyMs]! += sign * f.a; return -1;
    case K.available: sums[o + F.availableMs]! += sign * f.a; return -1;
    case K.ticketCreated: sums[o + F.ticketsCreated]! += sign; return -1;
    case K.firstResponse:
      sums[o + F.firstResponses]! += sign;
      sums[o + F.firstResponsesInTarget]! += sign * f.a;
      return -1;
    case K.solved:
      sums[o + F.solved]! += sign;
      sums[o + F.solvedInTarget]! += sign * f.a;
      return -1;
    case K.survey: return -1;
  }
}

/** Applies a fact to a whole window accumulator. */
export function countInto(acc: Acc, f: Fact, sign: number): void {
  const slot = countFact(acc.sums, 0, f, sign);
  if (slot >= 0) acc.addWait(slot, sign);
  if (f.survey) acc.addSurvey(f.survey, sign);
}
