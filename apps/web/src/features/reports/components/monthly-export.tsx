import { useState } from 'react';
import type { ReportLanguage } from '@plancia/contracts';
import { useLocaleStore } from '../../../lib/i18n/locale-store.js';
import { useReportsText } from '../reports-messages.js';
import { useReportsStore } from '../stores/reports-store.js';
import { DownloadButtons } from './report-downloads.js';

/** The month's Carta dei Servizi indicators of every queue and channel in reach, as CSV or XLSX. */
export function MonthlyExport() {
  const r = useReportsText();
  const locale = useLocaleStore((s) => s.locale);
  const month = useReportsStore((s) => s.month);
  const choose = useReportsStore((s) => s.choose);
  const [lang, setLang] = useState<ReportLanguage>(locale);
  return (
    <section className="report-monthly" aria-labelledby="report-monthly-title">
      <h2 id="report-monthly-title">{r('monthly')}</h2>
      <p>{r('monthlyHint')}</p>
      <div className="report-monthly__row">
        <label className="report-field">
          <span>{r('month')}</span>
          <input type="month" value={month} required onChange={(e) => e.target.value && choose({ month: e.target.value })} data-testid="monthly-month" />
        </label>
        <label className="report-field">
          <span>{r('headings')}</span>
          <select value={lang} onChange={(e) => setLang(e.target.value as ReportLanguage)} data-testid="monthly-lang">
            <option value="it">{r('italian')}</option>
            <option value="en">{r('english')}</option>
          </select>
        </label>
        <DownloadButtons path="/api/v1/reports/monthly" query={new URLSearchParams({ from: month })} lang={lang} label={r('monthly')} testId="monthly" />
      </div>
    </section>
  );
}
