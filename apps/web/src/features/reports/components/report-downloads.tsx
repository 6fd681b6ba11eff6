import { useState } from 'react';
import type { ReportFormat, ReportLanguage } from '@plancia/contracts';
import { boardParams } from '../../../lib/board-params.js';
import { download } from '../reports-api.js';
import { useReportsText } from '../reports-messages.js';

/** CSV and XLSX buttons for one export; a refusal is said beside them. */
export function DownloadButtons({ path, query, lang, label, testId }: { path: string; query: URLSearchParams; lang: ReportLanguage; label: string; testId: string }) {
  const r = useReportsText();
  const [error, setError] = useState<string | null>(null);
  const fetchFile = (format: ReportFormat) => {
    setError(null);
    download(path, query, format, lang, boardParams(window.location.search).token).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <div className="report-downloads" role="group" aria-label={label}>
      <span>{label}</span>
      <button type="button" className="button" onClick={() => fetchFile('csv')} data-testid={`${testId}-csv`}>{r('csv')}</button>
      <button type="button" className="button" onClick={() => fetchFile('xlsx')} data-testid={`${testId}-xlsx`}>{r('xlsx')}</button>
      {error && <span role="alert">{r('failed', { message: error })}</span>}
    </div>
  );
}
