import { describe, expect, it } from 'vitest';
import { viewRefusal } from './refusal.js';

describe('viewRefusal', () => {
  it('names the queues or teams a subscription was refused for', () => {
    expect(viewRefusal('forbidden: queues: outside your scope: acme-care, beta')).toEqual({ kind: 'queues', names: ['acme-care', 'beta'] });
    expect(viewRefusal('forbidden: teams: outside your scope: night')).toEqual({ kind: 'teams', names: ['night'] });
  });

  it('is a refusal without names for another forbidden text, and none for an outage', () => {
    expect(viewRefusal('forbidden: something else')).toEqual({ kind: 'queues', names: [] });
    expect(viewRefusal('transport close')).toBeNull();
    expect(viewRefusal(null)).toBeNull();
  });
});
