import type { IntervalReport, ReportFigures } from '@plancia/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.js';
import { useReportsText, type ReportsKey } from '../reports-messages.js';

type Formatter = (figures: ReportFigures) => string;

/** The period's totals beside last week's, as a table: what the charts show, readable without them. */
export function ReportTotals({ report }: { report: IntervalReport }) {
  const r = useReportsText();
  const { fmt } = useI18n();
  const lines: [ReportsKey, Formatter][] = [
    ['offered', (f) => fmt.integer(f.offered)],
    ['answered', (f) => fmt.integer(f.answered)],
    ['abandoned', (f) => fmt.integer(f.abandoned)],
    ['serviceLevel', (f) => fmt.percent(f.serviceLevel)],
    ['abandonRate', (f) => fmt.percent(f.abandonRate)],
    ['asa', (f) => fmt.duration(f.asa)],
    ['aht', (f) => fmt.duration(f.aht)],
  ];
  return (
    <table className="report-totals" data-testid="report-totals">
      <caption>{r('totals')}</caption>
      <thead>
        <tr><th scope="col">{r('figure')}</th><th scope="col">{r('current')}</th>{report.lastWeek && <th scope="col">{r('lastWeek')}</th>}</tr>
      </thead>
      <tbody>
        {lines.map(([key, show]) => (
          <tr key={key} data-figure={key}>
            <th scope="row">{r(key)}</th>
            <td>{show(report.current.total)}</td>
            {report.lastWeek && <td>{show(report.lastWeek.total)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
