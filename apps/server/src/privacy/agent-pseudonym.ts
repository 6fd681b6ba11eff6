import { createHmac } from 'node:crypto';

// Crockford's base32: no I, L, O or U, so a pseudonym read aloud or copied by hand is not mistaken for another.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * An agent's stable pseudonym in its tenant: `A-` and 8 base32 characters (40 bits) of HMAC-SHA256(key, agentId).
 * Keyed, because agent ids are few and guessable (extensions, badge numbers): a plain hash would be undone by
 * hashing every candidate. 40 bits keep a collision among 10,000 agents at about 1 in 20,000.
 */
export function agentPseudonym(pseudonymKey: string, agentId: string): string {
  const digest = createHmac('sha256', pseudonymKey).update(agentId).digest();
  let bits = 0n;
  for (let i = 0; i < 5; i++) bits = (bits << 8n) | BigInt(digest[i]!);
  let text = '';
  for (let i = 7; i >= 0; i--) text += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return `A-${text}`;
}
