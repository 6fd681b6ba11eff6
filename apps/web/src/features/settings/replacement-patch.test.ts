import { describe, expect, it } from 'vitest';
import { replacementPatch } from './replacement-patch.js';

describe('replacementPatch', () => {
  it('sends cleared keys as null, at any depth, and everything else as it is', () => {
    const stored = { id: 'r1', clearThreshold: 0.8, scope: { kind: 'queue', id: 'sales' }, closures: ['2026-12-24'] };
    const next = { id: 'r1', scope: { kind: 'centre' }, closures: [] };
    expect(replacementPatch(stored, next)).toEqual({ id: 'r1', clearThreshold: null, scope: { kind: 'centre', id: null }, closures: [] });
  });

  it('is the entity itself when nothing was stored', () => {
    expect(replacementPatch(undefined, { agentId: 'a1', name: 'Anna' })).toEqual({ agentId: 'a1', name: 'Anna' });
  });
});
