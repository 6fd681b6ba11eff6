import { describe, expect, it } from 'vitest';
import { intervalColumns } from './report-columns.js';
import { toCsv } from './report-output.js';

type Row = Record<string, string | number | null>;
const columns = intervalColumns<Row>().filter((c) => ['id', 'offered', 'serviceLevel'].includes(c.key));

describe('report CSV', () => {
  it('writes English with commas and Italian with semicolons and a decimal comma', () => {
    const rows: Row[] = [{ id: 'sales', offered: 12, serviceLevel: 0.8333333 }];
    expect(toCsv(columns, rows, 'en')).toBe('id,offered,serviceLevel\r\nsales,12,0.8333\r\n');
    expect(toCsv(columns, rows, 'it')).toBe('Codice;Offerti;Livello di servizio\r\nsales;12;0,8333\r\n');
  });

  it('leaves empty what has no value and defuses a cell a spreadsheet would run as a formula', () => {
    const rows: Row[] = [{ id: '=HYPERLINK("x")', offered: 0, serviceLevel: null }];
    expect(toCsv(columns, rows, 'en').split('\r\n')[1]).toBe('"\'=HYPERLINK(""x"")",0,');
  });
});
