import { describe, expect, it } from 'vitest';
import { F, FIELD_COUNT } from './fields.js';

describe('window fields', () => {
  it('number the sums from 0 without a gap or a repeat, so FIELD_COUNT sums hold every field apart', () => {
    expect(Object.values(F).sort((x, y) => x - y)).toEqual(Array.from({ length: FIELD_COUNT }, (_, i) => i));
  });
});
