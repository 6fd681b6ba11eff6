import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const FORMAT = 'cb1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Where a sealed number belongs: bound into the ciphertext, so a value copied to another contact does not open. */
export interface CallbackContext {
  source: string;
  contactId: string;
}

export class CallbackSealError extends Error {
  override name = 'CallbackSealError';
}

/**
 * Keeps callers' numbers for callbacks: AES-256-GCM with a random 96-bit IV per value, the contact as additional
 * authenticated data. Output `cb1:<base64url of IV | ciphertext | tag>`; a changed byte fails to open.
 */
export class CallbackCipher {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('a callback key is 32 bytes');
    this.#key = key;
  }

  seal(number: string, context: CallbackContext): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad(context));
    const body = Buffer.concat([cipher.update(number, 'utf8'), cipher.final()]);
    return FORMAT + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  }

  /** The number; throws CallbackSealError when the value was changed, belongs elsewhere or another key sealed it. */
  open(sealed: string, context: CallbackContext): string {
    if (!sealed.startsWith(FORMAT)) throw new CallbackSealError('not a sealed callback number');
    const bytes = Buffer.from(sealed.slice(FORMAT.length), 'base64url');
    if (bytes.length < IV_BYTES + TAG_BYTES) throw new CallbackSealError('sealed callback number too short');
    const decipher = createDecipheriv('aes-256-gcm', this.#key, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(context));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new CallbackSealError('sealed callback number does not authenticate');
    }
  }
}

const aad = ({ source, contactId }: CallbackContext) => Buffer.from(JSON.stringify([source, contactId]), 'utf8');
