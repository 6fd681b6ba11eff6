import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CallbackCipher, CallbackSealError } from './callback-cipher.js';

const NUMBER = '+390612345678';
const here = { source: 'urn:acd:rome-1', contactId: 'call-1' };

/** The sealed value with one bit of byte `at` (of the decoded bytes) flipped. */
function flipped(sealed: string, at: number): string {
  const bytes = Buffer.from(sealed.slice('cb1:'.length), 'base64url');
  bytes[at] = bytes[at]! ^ 0x01;
  return `cb1:${bytes.toString('base64url')}`;
}

describe('CallbackCipher', () => {
  const cipher = new CallbackCipher(randomBytes(32));

  it('opens what it sealed, and seals the same number differently each time (random IV)', () => {
    const first = cipher.seal(NUMBER, here);
    const second = cipher.seal(NUMBER, here);
    expect(first).not.toBe(second);
    expect(first).not.toContain('0612345678');
    expect(cipher.open(first, here)).toBe(NUMBER);
    expect(cipher.open(second, here)).toBe(NUMBER);
  });

  it('detects a changed IV, ciphertext or tag', () => {
    const sealed = cipher.seal(NUMBER, here);
    const length = Buffer.from(sealed.slice(4), 'base64url').length;
    for (const at of [0, 11, 12, 12 + 5, length - 16, length - 1]) {
      expect(() => cipher.open(flipped(sealed, at), here)).toThrow(CallbackSealError);
    }
    expect(() => cipher.open(sealed.slice(0, 20), here)).toThrow(CallbackSealError);
    expect(() => cipher.open(NUMBER, here)).toThrow(CallbackSealError);
  });

  it('does not open a value moved to another contact or sealed under another key', () => {
    const sealed = cipher.seal(NUMBER, here);
    expect(() => cipher.open(sealed, { ...here, contactId: 'call-2' })).toThrow(CallbackSealError);
    expect(() => cipher.open(sealed, { ...here, source: 'urn:acd:milan' })).toThrow(CallbackSealError);
    expect(() => new CallbackCipher(randomBytes(32)).open(sealed, here)).toThrow(CallbackSealError);
  });

  it('wants a 256-bit key', () => {
    expect(() => new CallbackCipher(randomBytes(16))).toThrow(/32 bytes/);
  });
});
