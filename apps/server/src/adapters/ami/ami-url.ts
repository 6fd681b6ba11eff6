export interface AmiEndpoint {
  host: string;
  port: number;
  username: string;
  secret: string;
  /** The event `source` and the /readyz and /metrics name: the URL without its credentials. */
  source: string;
}

/** Reads one `ami://user:secret@host:5038` entry (credentials may be percent-encoded); the port defaults to 5038. */
export function parseAmiUrl(url: string): AmiEndpoint {
  const parsed = new URL(url);
  if (parsed.protocol !== 'ami:') throw new Error(`PLANCIA_AMI_URL: ${parsed.protocol} is not ami:`);
  const port = Number(parsed.port || 5038);
  return {
    host: parsed.hostname,
    port,
    username: decodeURIComponent(parsed.username),
    secret: decodeURIComponent(parsed.password),
    source: `ami://${parsed.hostname}:${port}`,
  };
}
