import type { ReportLanguage } from '@plancia/contracts';
import type { Column } from './report-columns.js';

/** Words of the text columns in Italian (the English ones are the JSON values). */
const ITALIAN: Record<string, string> = { queue: 'coda', channel: 'canale', current: 'periodo', lastWeek: 'settimana precedente' };

const textOf = (value: string, lang: ReportLanguage) => (lang === 'it' ? ITALIAN[value] ?? value : value);

/** Four decimals: enough for a fraction's tenth of a percent and a mean's millisecond. */
const rounded = (value: number) => Math.round(value * 10_000) / 10_000;

function csvCell(value: string | number | null, column: Column<unknown>, lang: ReportLanguage): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    // Italian spreadsheets read a decimal comma (and so a semicolon between cells).
    const text = String(rounded(value));
    return lang === 'it' ? text.replace('.', ',') : text;
  }
  const text = column.kind === 'text' ? textOf(value, lang) : value;
  // A cell starting with = + - @ would run as a formula in a spreadsheet: quote it with a leading apostrophe.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",;\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV with a header line; in Italian, `;` between cells and a decimal comma. */
export function toCsv<Row>(columns: readonly Column<Row>[], rows: readonly Row[], lang: ReportLanguage): string {
  const separator = lang === 'it' ? ';' : ',';
  const line = (cells: string[]) => cells.join(separator);
  const header = line(columns.map((c) => csvCell(c.heading[lang], { ...c, kind: 'count' } as Column<unknown>, lang)));
  const body = rows.map((row) => line(columns.map((c) => csvCell(c.value(row), c as Column<unknown>, lang))));
  return `${[header, ...body].join('\r\n')}\r\n`;
}

const NUMBER_FORMATS = { fraction: '0.0%', seconds: '0.0', count: '0', text: '@' } as const;

/** One worksheet: headings in bold, numbers as numbers (fractions formatted as percentages), the header frozen. */
export async function toXlsx<Row>(columns: readonly Column<Row>[], rows: readonly Row[], lang: ReportLanguage, sheet: string): Promise<Buffer> {
  // Loaded on the first workbook asked for: exceljs takes ~0.6 s to load, which every start paid for a rare export.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Plancia';
  const worksheet = workbook.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = columns.map((c) => ({ header: c.heading[lang], key: c.key, width: Math.max(10, c.heading[lang].length + 2), style: { numFmt: NUMBER_FORMATS[c.kind] } }));
  worksheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    worksheet.addRow(Object.fromEntries(columns.map((c) => {
      const value = c.value(row);
      return [c.key, typeof value === 'string' && c.kind === 'text' ? textOf(value, lang) : value];
    })));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
