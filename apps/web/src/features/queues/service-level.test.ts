import { describe, expect, it } from 'vitest';
import { serviceLevelStatus } from './service-level.js';

describe('serviceLevelStatus', () => {
  it('is ok at or above the target, amber within ten points under it, red further down', () => {
    expect(serviceLevelStatus(0.8, 0.8)).toBe('ok');
    expect(serviceLevelStatus(0.95, 0.8)).toBe('ok');
    expect(serviceLevelStatus(0.75, 0.8)).toBe('warn');
    expect(serviceLevelStatus(0.7, 0.8)).toBe('warn');
    expect(serviceLevelStatus(0.69, 0.8)).toBe('bad');
  });

  it('says nothing is measured yet when no contact settled', () => {
    expect(serviceLevelStatus(null, 0.8)).toBe('none');
  });
});
