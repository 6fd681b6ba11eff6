export interface EslEndpoint {
  host: string;
  port: number;
  password: string;
  /** The event `source` and the /readyz and /metrics name: the URL without its password. */
  source: string;
}

/** Reads one `esl://:password@host:8021` entry (the password may be percent-encoded); the port defaults to 8021. */
export function parseEslUrl(url: string): EslEndpoint {
  const parsed = new URL(url);
  if (parsed.protocol !== 'esl:') throw new Error(`PLANCIA_FREESWITCH_URL: ${parsed.protocol} is not esl:`);
  const port = Number(parsed.port || 8021);
  return { host: parsed.hostname, port, password: decodeURIComponent(parsed.password), source: `esl://${parsed.hostname}:${port}` };
}
