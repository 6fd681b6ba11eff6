import mappings from '@datadog/sketches-js/dist/ddsketch/mapping/index.js';

/**
 * Wait times go into DDSketch's logarithmic buckets (1 % relative accuracy). The counts live in a dense
 * array per window instead of a DDSketch object because windows must also *remove* samples (rolling
 * expiry, a contact whose lifecycle is re-derived), which DDSketch's stores cannot do.
 */
export const RELATIVE_ACCURACY = 0.01;
const mapping = new mappings.LogarithmicMapping(RELATIVE_ACCURACY);
const MIN_SECONDS = 0.01;
const MAX_SECONDS = 2 * 86_400;
const KEY_OFFSET = mapping.key(MIN_SECONDS) - 1;
/** Slot 0 holds waits under 10 ms (reported as 0); the last slot holds everything at or past two days. */
export const HISTOGRAM_SLOTS = mapping.key(MAX_SECONDS) - KEY_OFFSET + 1;

export function waitSlot(waitMs: number): number {
  const seconds = waitMs / 1000;
  if (seconds < MIN_SECONDS) return 0;
  return Math.min(HISTOGRAM_SLOTS - 1, mapping.key(seconds) - KEY_OFFSET);
}

export function slotSeconds(slot: number): number {
  return slot === 0 ? 0 : mapping.value(slot + KEY_OFFSET);
}

/** The q-quantile (0–1) of the counted waits, in seconds; null when empty. Same rank rule as DDSketch. */
export function quantileSeconds(counts: Int32Array, total: number, q: number): number | null {
  if (total <= 0) return null;
  const rank = q * (total - 1);
  let seen = 0;
  for (let slot = 0; slot < counts.length; slot++) {
    seen += counts[slot]!;
    if (seen > rank) return slotSeconds(slot);
  }
  return slotSeconds(counts.length - 1);
}

/** The highest non-empty slot's value, in seconds (within the sketch's relative accuracy). */
export function maxSeconds(counts: Int32Array, total: number): number | null {
  if (total <= 0) return null;
  for (let slot = counts.length - 1; slot >= 0; slot--) if (counts[slot]! > 0) return slotSeconds(slot);
  return null;
}
