import type { IntervalReport, ReportFormat, ReportLanguage } from '@plancia/contracts';
import { addDays, romeMidnight } from './rome-day.js';
import type { ReportSelection } from './stores/reports-store.js';

/** By day the page shows the two weeks up to the chosen day; otherwise the chosen day itself. */
const DAYS_BY_DAY = 14;

/** The query of `GET /api/v1/reports/intervals` for a selection. */
export function reportQuery(selection: ReportSelection): URLSearchParams {
  const [kind, id] = splitTarget(selection.target);
  const first = selection.granularity === 'day' ? addDays(selection.date, 1 - DAYS_BY_DAY) : selection.date;
  const query = new URLSearchParams({
    [kind === 'channel' ? 'channel' : 'queueId']: id,
    from: new Date(romeMidnight(first)).toISOString(),
    to: new Date(romeMidnight(addDays(selection.date, 1))).toISOString(),
    granularity: selection.granularity,
  });
  if (selection.compare) query.set('compare', 'lastWeek');
  return query;
}

function splitTarget(target: string): [string, string] {
  const at = target.indexOf(':');
  return [target.slice(0, at), target.slice(at + 1)];
}

const headers = (token: string | undefined): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

async function failure(response: Response): Promise<Error> {
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  return new Error(body.message ?? String(response.status));
}

export async function fetchReport(selection: ReportSelection, token: string | undefined, signal: AbortSignal): Promise<IntervalReport> {
  const response = await fetch(`/api/v1/reports/intervals?${reportQuery(selection)}`, { headers: headers(token), signal });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as IntervalReport;
}

/**
 * Fetches a CSV or XLSX export and hands it to the browser as a download. A fetch (not a plain link) so that a board
 * opened with a token sends it too; the file name is the server's.
 */
export async function download(path: string, query: URLSearchParams, format: ReportFormat, lang: ReportLanguage, token: string | undefined): Promise<void> {
  const asked = new URLSearchParams(query);
  asked.set('format', format);
  asked.set('lang', lang);
  const response = await fetch(`${path}?${asked}`, { headers: headers(token) });
  if (!response.ok) throw await failure(response);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `plancia-report.${format}`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
