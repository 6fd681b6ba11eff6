import type { ColourBands, QueueConfig } from '@plancia/contracts';

const permille = (fraction: number) => Math.round(fraction * 1000);
const clamp = (fraction: number) => Math.min(1, Math.max(0, Math.round(fraction * 1000) / 1000));

/** Whether the queue's amber edge sits on its target, as the defaults' does: then the bands follow the target. */
export const bandsOnTarget = (queue: QueueConfig) => permille(queue.colours.amberBelow) === permille(queue.serviceLevel.target);

/**
 * The stored bands moved by as much as the target moves, red keeping its distance from amber, within 0–1.
 * Always from the stored settings, so the half-typed values a field passes through leave no trace.
 */
export function bandsFollowing(stored: QueueConfig, target: number): ColourBands {
  if (!Number.isFinite(target)) return stored.colours;
  const shift = target - stored.serviceLevel.target;
  return { amberBelow: clamp(stored.colours.amberBelow + shift), redBelow: clamp(stored.colours.redBelow + shift) };
}

/** What the contract cannot say about bands: red must not start above amber. */
export const redAboveAmber = (bands: ColourBands) => permille(bands.redBelow) > permille(bands.amberBelow);
