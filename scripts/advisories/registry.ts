import type { Installed } from './lockfile.js';

/** A request to the registry that has not answered within this is given up (and tried once more). */
export const REQUEST_TIMEOUT_MS = 15_000;
/** Registry requests in flight at once: enough to finish quickly, few enough to be a polite client. */
export const CONCURRENCY = 8;

export const BULK_ADVISORY_PATH = '-/npm/v1/security/advisories/bulk';

/**
 * A version deprecated in the public npm registry since 2020 for good ("request has been deprecated"). A registry that
 * shows it without a deprecation notice does not serve notices at all, so finding none elsewhere would mean nothing.
 */
export const KNOWN_DEPRECATED: Installed = { name: 'request', version: '2.88.2' };

export interface Advisory {
  name: string;
  title: string;
  severity: string;
  url: string;
  vulnerableVersions: string;
}

export type BulkProbe =
  | { kind: 'advisories'; advisories: Advisory[] }
  | { kind: 'refused'; status: number; allow: string | null }
  | { kind: 'unreachable'; reason: string };

export type Manifest =
  | { kind: 'found'; deprecated: string | null }
  | { kind: 'missing' }
  | { kind: 'unreachable'; reason: string };

export class Registry {
  constructor(readonly url: string, private readonly fetcher: typeof fetch = fetch) {}

  /** The npm audit service: every installed version in one POST; answers advisories for the vulnerable ones. */
  async bulkAdvisories(installed: readonly Installed[]): Promise<BulkProbe> {
    const body: Record<string, string[]> = {};
    for (const { name, version } of installed) (body[name] ??= []).push(version);
    try {
      const answer = await this.request(BULK_ADVISORY_PATH, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (answer.status !== 200) return { kind: 'refused', status: answer.status, allow: answer.headers.get('allow') };
      return { kind: 'advisories', advisories: advisoriesOf(await answer.json()) };
    } catch (error) {
      return { kind: 'unreachable', reason: reasonOf(error) };
    }
  }

  /**
   * One version's manifest (small, where the full document of a package can be megabytes); where the registry has no
   * per-version route (404), the version is read from the package's full document.
   */
  async manifest({ name, version }: Installed): Promise<Manifest> {
    const path = encodeURIComponent(name).replace(/^%40/, '@');
    try {
      const one = await this.request(`${path}/${version}`, { headers: { accept: 'application/json' } });
      if (one.ok) return deprecationOf(await one.json());
      if (one.status !== 404) return { kind: 'unreachable', reason: `HTTP ${one.status}` };
      const all = await this.request(path, { headers: { accept: 'application/json' } });
      if (!all.ok) return all.status === 404 ? { kind: 'missing' } : { kind: 'unreachable', reason: `HTTP ${all.status}` };
      const versions = ((await all.json()) as { versions?: Record<string, unknown> }).versions ?? {};
      return version in versions ? deprecationOf(versions[version]) : { kind: 'missing' };
    } catch (error) {
      return { kind: 'unreachable', reason: reasonOf(error) };
    }
  }

  /** A manifest, asked once more when the first try did not get through (a dropped connection, a slow answer). */
  async manifestWithRetry(installed: Installed): Promise<Manifest> {
    const first = await this.manifest(installed);
    return first.kind === 'unreachable' ? this.manifest(installed) : first;
  }

  private request(path: string, init: RequestInit): Promise<Response> {
    return this.fetcher(new URL(path, this.url), { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  }
}

/** The bulk answer: `{ "<name>": [{ id, url, title, severity, vulnerable_versions }] }`. */
export function advisoriesOf(body: unknown): Advisory[] {
  if (typeof body !== 'object' || body === null) throw new Error('the bulk advisory answer is not a JSON object');
  return Object.entries(body as Record<string, unknown[]>).flatMap(([name, list]) => list.map((item) => {
    const advisory = item as Record<string, unknown>;
    return {
      name,
      title: String(advisory.title ?? ''),
      severity: String(advisory.severity ?? 'unknown'),
      url: String(advisory.url ?? ''),
      vulnerableVersions: String(advisory.vulnerable_versions ?? ''),
    };
  }));
}

function deprecationOf(manifest: unknown): Manifest {
  const deprecated = (manifest as { deprecated?: unknown } | null)?.deprecated;
  return { kind: 'found', deprecated: typeof deprecated === 'string' && deprecated !== '' ? deprecated : null };
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

/** `work` over `items` with at most `limit` running at once; results in the order of `items`. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
