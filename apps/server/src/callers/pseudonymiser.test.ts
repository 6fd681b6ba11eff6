import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CallerPseudonymiser } from './pseudonymiser.js';

const NUMBER = '+390612345678';
const k1 = { id: 'k1', secret: randomBytes(32) };
const k2 = { id: 'k2', secret: randomBytes(32) };

describe('CallerPseudonymiser', () => {
  it('gives a caller the same pseudonym every time under the same key and tenant', () => {
    const one = new CallerPseudonymiser([k1]);
    const another = new CallerPseudonymiser([{ id: 'k1', secret: Buffer.from(k1.secret) }]);
    expect(one.pseudonym(NUMBER)).toBe(one.pseudonym(NUMBER));
    expect(another.pseudonym(NUMBER)).toBe(one.pseudonym(NUMBER));
    expect(one.pseudonym(NUMBER)).not.toBe(one.pseudonym('+390612345679'));
  });

  it('writes the key id into the pseudonym and never the number', () => {
    const pseudonym = new CallerPseudonymiser([k1]).pseudonym(NUMBER);
    expect(pseudonym).toMatch(/^cp1:k1:[A-Za-z0-9_-]{43}$/);
    expect(pseudonym).not.toContain('0612345678');
  });

  it('gives the same caller different pseudonyms in different tenants', () => {
    const pseudonymiser = new CallerPseudonymiser([k1]);
    expect(pseudonymiser.pseudonym(NUMBER, 'acme')).not.toBe(pseudonymiser.pseudonym(NUMBER, 'globex'));
    expect(pseudonymiser.pseudonym(NUMBER)).toBe(pseudonymiser.pseudonym(NUMBER, 'default'));
    expect(pseudonymiser.matches(NUMBER, pseudonymiser.pseudonym(NUMBER, 'acme'), 'globex')).toBe(false);
  });

  it('makes new pseudonyms with the current key and still recognises those of an older key', () => {
    const before = new CallerPseudonymiser([k1]).pseudonym(NUMBER);
    const rotated = new CallerPseudonymiser([k2, k1]);
    const after = rotated.pseudonym(NUMBER);
    expect(after.startsWith('cp1:k2:')).toBe(true);
    expect(after).not.toBe(before);
    expect(rotated.matches(NUMBER, before)).toBe(true);
    expect(rotated.matches(NUMBER, after)).toBe(true);
    expect(rotated.candidates(NUMBER)).toEqual([after, before]);
    // Once the old key is dropped, its pseudonyms no longer match anything.
    expect(new CallerPseudonymiser([k2]).matches(NUMBER, before)).toBe(false);
    expect(rotated.matches('+390612345679', before)).toBe(false);
  });

  it('is not a plain hash of the number: without the key the pseudonym cannot be recomputed', () => {
    const digest = new CallerPseudonymiser([k1]).pseudonym(NUMBER).split(':')[2];
    for (const algorithm of ['sha256', 'sha512', 'sha1', 'md5']) {
      const plain = createHash(algorithm).update(NUMBER).digest();
      expect(plain.toString('base64url').slice(0, 43)).not.toBe(digest);
      expect(plain.toString('hex')).not.toContain(Buffer.from(digest!, 'base64url').toString('hex'));
    }
    // Another key (e.g. a guess) gives another pseudonym.
    expect(new CallerPseudonymiser([{ id: 'k1', secret: randomBytes(32) }]).pseudonym(NUMBER)).not.toBe(`cp1:k1:${digest}`);
  });

  it('refuses pseudonyms of an unknown format or key', () => {
    const pseudonymiser = new CallerPseudonymiser([k1]);
    const real = pseudonymiser.pseudonym(NUMBER);
    expect(pseudonymiser.matches(NUMBER, real.replace('cp1:', 'cp2:'))).toBe(false);
    expect(pseudonymiser.matches(NUMBER, real.replace(':k1:', ':k9:'))).toBe(false);
    expect(pseudonymiser.matches(NUMBER, NUMBER)).toBe(false);
  });
});
