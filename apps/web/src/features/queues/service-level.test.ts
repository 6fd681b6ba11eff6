import { describe, expect, it } from 'vitest';
import { serviceLevelStatus } from './service-level.js';

describe('serviceLevelStatus', () => {
  const defaults = { amberBelow: 0.8, redBelow: 0.7 };

  it('is green at or above the amber band, amber under it, red under the red band', () => {
    expect(serviceLevelStatus(0.8, defaults)).toBe('ok');
    expect(serviceLevelStatus(0.95, defaults)).toBe('ok');
    expect(serviceLevelStatus(0.75, defaults)).toBe('warn');
    expect(serviceLevelStatus(0.8 - 0.1, defaults)).toBe('warn');
    expect(serviceLevelStatus(0.69, defaults)).toBe('bad');
  });

  it('follows the bands the queue configures, not a fixed margin', () => {
    const premium = { amberBelow: 0.95, redBelow: 0.9 };
    expect(serviceLevelStatus(0.93, premium)).toBe('warn');
    expect(serviceLevelStatus(0.85, premium)).toBe('bad');
    expect(serviceLevelStatus(0.4, { amberBelow: 0.4, redBelow: 0.3 })).toBe('ok');
  });

  it('is red when the red band is set above the amber one', () => {
    expect(serviceLevelStatus(0.75, { amberBelow: 0.7, redBelow: 0.8 })).toBe('bad');
  });

  it('says nothing is measured yet when no contact settled', () => {
    expect(serviceLevelStatus(null, defaults)).toBe('none');
  });
});
