/** Indices of the running sums every window keeps; one Float64Array per bucket and per window. */
export const F = {
  offered: 0,
  answered: 1,
  abandoned: 2,
  shortAbandoned: 3,
  transferredOut: 4,
  answeredWithinThreshold: 5,
  abandonedWithinThreshold: 6,
  settled: 7,
  /** service-level numerator and denominator, already weighted by each queue's abandon policy */
  slNumerator: 8,
  slDenominator: 9,
  answeredWaitMs: 10,
  waits: 11,
  handled: 12,
  handleMs: 13,
  talkMs: 14,
  wrapMs: 15,
  busyMs: 16,
  availableMs: 17,
  ticketsCreated: 18,
  firstResponses: 19,
  firstResponsesInTarget: 20,
  solved: 21,
  solvedInTarget: 22,
  /** contacts offered with a caller pseudonym, and those whose caller reached the queue within its repeat window before */
  identified: 23,
  repeated: 24,
} as const;
/** One sum per name above: the indices run from 0 without a gap (fields.test.ts holds them to it). */
export const FIELD_COUNT = Object.keys(F).length;
export type Field = (typeof F)[keyof typeof F];
