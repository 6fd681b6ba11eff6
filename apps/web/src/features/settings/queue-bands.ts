import { bandsFromTarget, queueBands, type ColourBands, type QueueConfig } from '@plancia/contracts';

/** Compared in tenths of a percent, as the board compares them. */
const permille = (fraction: number) => Math.round(fraction * 1000);
const sameBands = (a: ColourBands, b: ColourBands) =>
  permille(a.amberBelow) === permille(b.amberBelow) && permille(a.redBelow) === permille(b.redBelow);

/** The queue without bands of its own: they follow its target again. */
export function followingTarget(queue: QueueConfig): QueueConfig {
  const { colours: _, ...rest } = queue;
  return rest;
}

/**
 * A band typed into the form: from then on the queue has its own bands, unless the two come back to exactly those of
 * its target, in which case it follows the target again (a band edited and set back must not freeze the bands).
 */
export function withBandEdit(queue: QueueConfig, patch: Partial<ColourBands>): QueueConfig {
  const bands = { ...queueBands(queue), ...patch };
  return sameBands(bands, bandsFromTarget(queue.serviceLevel.target)) ? followingTarget(queue) : { ...queue, colours: bands };
}

/** Own bands that would show a service level under the target in green: amber starts below the target. */
export const greenBelowTarget = (queue: QueueConfig) =>
  queue.colours !== undefined && permille(queue.colours.amberBelow) < permille(queue.serviceLevel.target);

/** What the contract cannot say about bands: red must not start above amber. */
export const redAboveAmber = (bands: ColourBands) => permille(bands.redBelow) > permille(bands.amberBelow);
