import { describe, expect, it } from 'vitest';
import { mergeSettings } from './validation.js';

describe('mergeSettings', () => {
  it('merges objects key by key and replaces arrays', () => {
    const base = { name: 'Sales', serviceLevel: { target: 0.8, thresholdSeconds: 20 }, closures: ['2026-12-24'] };
    expect(mergeSettings(base, { serviceLevel: { target: 0.9 }, closures: [] }))
      .toEqual({ name: 'Sales', serviceLevel: { target: 0.9, thresholdSeconds: 20 }, closures: [] });
  });

  it('removes a key the patch sets to null, at any depth', () => {
    const base = { teamId: 'north', scope: { kind: 'queue', id: 'sales' } };
    expect(mergeSettings(base, { teamId: null, scope: { id: null } })).toEqual({ scope: { kind: 'queue' } });
  });
});
