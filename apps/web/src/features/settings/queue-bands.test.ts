import { describe, expect, it } from 'vitest';
import { defaultQueueConfig } from '@plancia/contracts';
import { bandsFollowing, bandsOnTarget, redAboveAmber } from './queue-bands.js';

describe('queue bands', () => {
  const defaults = defaultQueueConfig('sales');

  it('follow a target they sit on, red keeping its distance, from the stored settings whatever was typed on the way', () => {
    expect(bandsOnTarget(defaults)).toBe(true);
    expect(bandsFollowing(defaults, 0.04)).toEqual({ amberBelow: 0.04, redBelow: 0 });
    expect(bandsFollowing(defaults, 0.4)).toEqual({ amberBelow: 0.4, redBelow: 0.3 });
    expect(bandsFollowing(defaults, Number.NaN)).toEqual(defaults.colours);
  });

  it('are set apart from a target they do not sit on', () => {
    expect(bandsOnTarget({ ...defaults, colours: { amberBelow: 0.75, redBelow: 0.6 } })).toBe(false);
  });

  it('flag a red band starting above the amber one', () => {
    expect(redAboveAmber({ amberBelow: 0.7, redBelow: 0.8 })).toBe(true);
    expect(redAboveAmber({ amberBelow: 0.8, redBelow: 0.8 })).toBe(false);
  });
});
