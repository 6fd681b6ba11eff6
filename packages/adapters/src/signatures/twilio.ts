import { constantTimeEqual, mismatch, SIGNATURE_OK, toBase64, toHex, type HmacFn, type SignatureCheck, type Sha256Fn } from './crypto.js';

export type FormParams = Readonly<Record<string, string | readonly string[] | undefined>>;

export interface TwilioRequest {
  /** The full public URL Twilio posted to (scheme, host, path and query), as configured in Twilio. */
  url: string;
  /** The `X-Twilio-Signature` header. */
  signature: string | undefined;
  /** Form-encoded POST parameters; for JSON bodies leave this out and pass `body`. */
  params?: FormParams;
  /** The raw JSON body, verified against the URL's `bodySHA256` parameter. */
  body?: string;
}

/**
 * Verifies `X-Twilio-Signature`: base64 HMAC-SHA1 (auth token) of the URL followed by every POST parameter,
 * sorted by name, as name + value (a repeated name: its distinct values, sorted). JSON bodies are signed through the URL's
 * `bodySHA256` (hex SHA-256 of the body). Like Twilio's own libraries, the URL is tried with its default port
 * added and with any port removed, since proxies disagree about ports.
 */
export function verifyTwilioSignature(
  request: TwilioRequest,
  authToken: string,
  crypto: { hmac: HmacFn; sha256: Sha256Fn },
): SignatureCheck {
  if (!request.signature) return { ok: false, reason: 'missing' };
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return mismatch();
  }
  if (request.body !== undefined) {
    const declared = url.searchParams.get('bodySHA256');
    if (declared === null || !constantTimeEqual(toHex(crypto.sha256(request.body)), declared.toLowerCase())) return mismatch();
  }
  const params = request.body !== undefined ? {} : (request.params ?? {});
  const signed = [withPort(url, true), withPort(url, false)].some((candidate) => {
    const expected = toBase64(crypto.hmac('sha1', authToken, candidate + paramString(params)));
    return constantTimeEqual(expected, request.signature!);
  });
  return signed ? SIGNATURE_OK : mismatch();
}

function paramString(params: FormParams): string {
  return Object.keys(params)
    .sort()
    .map((name) => {
      const value = params[name];
      const values = value === undefined ? [] : typeof value === 'string' ? [value] : [...new Set(value)].sort();
      return values.map((v) => name + v).join('');
    })
    .join('');
}

// Rebuilt by hand: WHATWG URL drops a default port when one is set, and Twilio signs it when it was there.
function withPort(url: URL, addDefault: boolean): string {
  const credentials = url.username ? `${url.username}${url.password ? `:${url.password}` : ''}@` : '';
  const defaultPort = url.protocol === 'https:' ? '443' : url.protocol === 'http:' ? '80' : '';
  const port = addDefault ? url.port || defaultPort : '';
  return `${url.protocol}//${credentials}${url.hostname}${port ? `:${port}` : ''}${url.pathname}${url.search}`;
}
