export interface LinkEndpoint {
  host: string;
  port: number;
  username: string;
  password: string;
  /** The event `source` and the /readyz and /metrics name: the URL without its credentials. */
  source: string;
}

/** Reads one `<scheme>://user:secret@host:port` entry (credentials may be percent-encoded). */
export function parseLinkUrl(url: string, scheme: 'ami' | 'esl', defaultPort: number): LinkEndpoint {
  const parsed = new URL(url);
  if (parsed.protocol !== `${scheme}:`) throw new Error(`${url.split('@').pop()}: expected ${scheme}://`);
  const port = Number(parsed.port || defaultPort);
  return {
    host: parsed.hostname,
    port,
    username: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    source: `${scheme}://${parsed.hostname}:${port}`,
  };
}
