/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { agentState, queued } from '../integration/helpers/events.js';
import { useBoardSession } from './board-session.js';

interface Cell { label: string; labelLines: number; valueTop: number; valueBottom: number }

/** Each row of figures on a tile: how many lines its label takes, and where its value sits. */
function measureRows(page: Page, queueId: string): Promise<Cell[][]> {
  return page.evaluate((id) => {
    const lines = (element: Element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size;
    };
    // The tile's own figures: a queue that misses T while the test runs also shows its projection, measured apart.
    const figures = Array.from(document.querySelectorAll(`[data-testid="queue-tile-${id}"] > dl > div`));
    // Rows as laid out: figures whose boxes start at the same height share a row.
    const rows = new Map<number, Cell[]>();
    for (const figure of figures) {
      const value = figure.querySelector('dd')!.getBoundingClientRect();
      const cell = { label: figure.querySelector('dt')!.textContent!, labelLines: lines(figure.querySelector('dt')!), valueTop: value.top, valueBottom: value.bottom };
      const top = Math.round(figure.getBoundingClientRect().top);
      rows.set(top, [...(rows.get(top) ?? []), cell]);
    }
    return [...rows.values()];
  }, queueId);
}

describe('figures on a queue tile', () => {
  const session = useBoardSession();

  it('keep their values level across a row when one label wraps onto more lines, in English and Italian', async () => {
    await session().post([agentState('al-1', 'ag-al', 'available', ['sales']), queued('al-q1', 'sales')]);
    let mixedRows = 0;
    // Tile widths where some labels wrap and their neighbours do not (checked below), and a phone.
    for (const viewport of [{ width: 1600, height: 1000 }, { width: 1180, height: 900 }, { width: 390, height: 844 }]) {
      for (const [lang, language] of [['en', 'en-GB'], ['it', 'it-IT']] as const) {
        const page = await session().openPage(`/?lang=${lang}`, language, viewport);
        await page.locator('[data-testid="queue-tile-sales"] [data-testid="waiting"]', { hasText: '1' }).waitFor();
        const rows = await measureRows(page, 'sales');
        expect(rows.flat().length).toBe(10);
        mixedRows += rows.filter((row) => new Set(row.map((c) => c.labelLines)).size > 1).length;
        for (const row of rows) {
          const where = `${lang} ${viewport.width}px: ${row.map((c) => `${c.label} (${c.labelLines} lines) at ${c.valueTop}`).join(', ')}`;
          for (const cell of row) {
            expect(Math.abs(cell.valueTop - row[0]!.valueTop), where).toBeLessThan(0.5);
            expect(Math.abs(cell.valueBottom - row[0]!.valueBottom), where).toBeLessThan(0.5);
          }
        }
        await page.context().close();
      }
    }
    // The comparison means something only if some row has a label on more lines than its neighbours.
    expect(mixedRows).toBeGreaterThan(0);
  });
});
