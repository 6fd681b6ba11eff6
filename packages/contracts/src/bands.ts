import type { ColourBands, QueueConfig } from './config.js';

/** How far under the target the red band starts when a queue has no bands of its own: ten points. */
export const RED_BAND_POINTS_UNDER_TARGET = 0.1;

/** Fractions kept to tenths of a percent, as the bands are compared: 0.8 − 0.1 must read 0.7, not 0.7000000000000001. */
const tenthsOfPercent = (fraction: number): number => Math.round(fraction * 1000) / 1000;

/**
 * The bands of a queue without its own: amber below the target, red ten points below it (never below 0), so the
 * tile turns amber exactly when the service level misses the target, whatever the target is.
 */
export function bandsFromTarget(target: number): ColourBands {
  return {
    amberBelow: tenthsOfPercent(target),
    redBelow: tenthsOfPercent(Math.max(0, target - RED_BAND_POINTS_UNDER_TARGET)),
  };
}

/** Whether the queue sets its own bands; without them the bands follow its target. */
export const hasOwnBands = (queue: Pick<QueueConfig, 'colours'>): boolean => queue.colours !== undefined;

/** The bands a queue's tile is coloured by: its own when it has them, otherwise those derived from its target. */
export function queueBands(queue: Pick<QueueConfig, 'colours' | 'serviceLevel'>): ColourBands {
  return queue.colours ?? bandsFromTarget(queue.serviceLevel.target);
}
