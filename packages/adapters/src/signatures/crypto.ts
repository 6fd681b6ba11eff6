/**
 * The adapters never import a crypto library: the server injects these (from node:crypto), so the verifiers
 * stay pure and testable against published vectors.
 *   hmac: (algorithm, key, data) => createHmac(algorithm, key).update(data).digest()
 *   sha256: (data) => createHash('sha256').update(data).digest()
 */
export type HmacFn = (algorithm: 'sha1' | 'sha256', key: string | Uint8Array, data: string | Uint8Array) => Uint8Array;
export type Sha256Fn = (data: string | Uint8Array) => Uint8Array;

/** Why a signature check failed, for the 401 body and the signature-failure metric. */
export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'mismatch' | 'stale' };

export const SIGNATURE_OK: SignatureCheck = { ok: true };
export const mismatch = (): SignatureCheck => ({ ok: false, reason: 'mismatch' });

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Decodes base64, padded or not; null when it is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export function toHex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compares two strings in time that depends only on their length, so a forger learns nothing from timing. */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
