import { describe, expect, it } from 'vitest';
import { decodeContacts } from './callback-checkpoints.js';

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const facts = { queueId: 'sales', queuedAtMs: 1_000, pseudonym: 'cp1:k:anna', seenAtMs: 2_000 };

describe('decodeContacts', () => {
  it('reads back the waiting contacts a checkpoint stored', () => {
    expect(decodeContacts(bytes([['urn:acd\u0000c1', facts], ['urn:acd\u0000c2', { ...facts, queueId: null, queuedAtMs: null, pseudonym: null }]]))).toHaveLength(2);
  });

  it('refuses a torn or foreign row instead of taking up wrong contacts', () => {
    for (const stored of [new Uint8Array([0x1f, 0x8b, 8]), bytes({ graph: {} }), bytes([['c1', { ...facts, seenAtMs: 'yesterday' }]]), bytes([[1, facts]]), bytes([['c1']])]) {
      expect(decodeContacts(stored)).toBeNull();
    }
  });
});
