import { describe, expect, it } from 'vitest';
import { isDate } from './formats.js';

describe('the date format', () => {
  it('takes a real day of the calendar only', () => {
    expect(isDate('2026-01-15')).toBe(true);
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2026-02-29')).toBe(false);
    expect(isDate('2026-13-01')).toBe(false);
    expect(isDate('2026-1-15')).toBe(false);
    expect(isDate('2026-01-15T00:00:00Z')).toBe(false);
  });
});
