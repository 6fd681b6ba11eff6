import { describe, expect, it } from 'vitest';
import { defaultQueueConfig, queueBands, type QueueConfig } from '@plancia/contracts';
import { followingTarget, greenBelowTarget, redAboveAmber, withBandEdit } from './queue-bands.js';

const atTarget = (queue: QueueConfig, target: number): QueueConfig => ({ ...queue, serviceLevel: { ...queue.serviceLevel, target } });

describe('queue bands in the form', () => {
  const defaults = defaultQueueConfig('sales');

  it('follow the target on defaults: a target of 95 % puts amber under 95 % and red under 85 %', () => {
    expect(defaults.colours).toBeUndefined();
    expect(queueBands(atTarget(defaults, 0.95))).toEqual({ amberBelow: 0.95, redBelow: 0.85 });
  });

  it('become the queue\'s own when a band is edited, and follow the target again when set back', () => {
    const edited = withBandEdit(defaults, { redBelow: 0.6 });
    expect(edited.colours).toEqual({ amberBelow: 0.8, redBelow: 0.6 });
    const setBack = withBandEdit(edited, { redBelow: 0.7 });
    expect(setBack.colours).toBeUndefined();
    // …so a later change of target still moves them.
    expect(queueBands(atTarget(setBack, 0.95))).toEqual({ amberBelow: 0.95, redBelow: 0.85 });
  });

  it('keep own bands through a change of target, until they are reset to follow it', () => {
    const own = atTarget(withBandEdit(defaults, { amberBelow: 0.9, redBelow: 0.75 }), 0.95);
    expect(queueBands(own)).toEqual({ amberBelow: 0.9, redBelow: 0.75 });
    expect(queueBands(followingTarget(own))).toEqual({ amberBelow: 0.95, redBelow: 0.85 });
  });

  it('flag own bands that show green below the target, never derived ones', () => {
    const own = atTarget(withBandEdit(defaults, { amberBelow: 0.9, redBelow: 0.75 }), 0.95);
    expect(greenBelowTarget(own)).toBe(true);
    expect(greenBelowTarget(atTarget(own, 0.9))).toBe(false);
    expect(greenBelowTarget(atTarget(defaults, 0.95))).toBe(false);
  });

  it('flag a red band starting above the amber one', () => {
    expect(redAboveAmber({ amberBelow: 0.7, redBelow: 0.8 })).toBe(true);
    expect(redAboveAmber({ amberBelow: 0.8, redBelow: 0.8 })).toBe(false);
  });
});
