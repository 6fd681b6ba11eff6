import { KPI_NAMES } from '@plancia/contracts';

/**
 * How a tile that carries the projection grows on a TV: two cells wide (the projection beside the figures), two cells
 * tall on a one-column screen, or not at all (a screen of a single tile leaves the projection out).
 */
export type ProjectionSpan = 'columns' | 'rows' | 'none';

/** One screenful of the TV rotation: a slice of queue tiles, of agent rows, of KPI columns or of open alerts, or the tickets table. */
export type TvPagePlan =
  | { kind: 'queues'; ids: string[]; span: ProjectionSpan }
  | { kind: 'agents'; from: number; to: number }
  | { kind: 'alerts'; from: number; to: number }
  | { kind: 'tickets' }
  | { kind: 'waiting'; from: number; to: number }
  | { kind: 'kpis'; ids: string[]; from: number; to: number };

/** The space a page may use, in CSS pixels, and the TV's type size (1 em) in pixels. */
export interface PageBox { width: number; height: number; em: number }

/**
 * Sizes of what a page holds, in em; the stylesheet gives tiles, rows and alert lines these same sizes
 * (`.tv` rules in styles.css), so a page planned here fits without scrolling. A KPI page has the KPIs down its side
 * (`kpiLabelWidth`) and a column per queue (`kpiColumnWidth`), each cell a value over its target (`kpiRowHeight`).
 */
export const TV_SIZES = {
  tileWidth: 24, tileHeight: 17.75, gap: 0.75, rowHeight: 1.85, alertHeight: 3.75, tableChrome: 5.5,
  // tableChrome holds the panel heading and a table header of up to two lines (long Italian headings wrap).
  kpiLabelWidth: 18.5, kpiColumnWidth: 11.5, kpiRowHeight: 2.6,
} as const;

/** How many tiles fit across and down the page. */
export function tileGrid(box: PageBox) {
  const gap = TV_SIZES.gap * box.em;
  const columns = Math.max(1, Math.floor((box.width + gap) / (TV_SIZES.tileWidth * box.em + gap)));
  const rows = Math.max(1, Math.floor((box.height + gap) / (TV_SIZES.tileHeight * box.em + gap)));
  return { columns, rows };
}

/** Beside the figures when two tiles fit across, under them when only two fit down, else nowhere. */
export function projectionSpan(grid: { columns: number; rows: number }): ProjectionSpan {
  if (grid.columns >= 2) return 'columns';
  return grid.rows >= 2 ? 'rows' : 'none';
}

/**
 * Queue tiles in order onto pages, a tile with the projection taking two cells. This is the grid's own (sparse)
 * placement: a wide tile that does not fit in what is left of a row starts the next one, leaving the hole empty,
 * so each page holds exactly the tiles the grid will show on it.
 */
export function packTiles(queueIds: readonly string[], projected: ReadonlySet<string>, grid: { columns: number; rows: number }): string[][] {
  const span = projectionSpan(grid);
  const pages: string[][] = [];
  let page: string[] = [];
  let row = 0;
  let column = 0;
  for (const id of queueIds) {
    const big = projected.has(id);
    const wide = big && span === 'columns' ? 2 : 1;
    const tall = big && span === 'rows' ? 2 : 1;
    if (column + wide > grid.columns) { row += 1; column = 0; }
    if (row + tall > grid.rows) { pages.push(page); page = []; row = 0; column = 0; }
    page.push(id);
    column += wide;
    if (column >= grid.columns) { row += tall; column = 0; }
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

/** How many lines of `lineHeight` em fit under a panel's heading and table header. */
function linesThatFit(box: PageBox, lineHeight: number): number {
  return Math.max(1, Math.floor((box.height / box.em - TV_SIZES.tableChrome) / lineHeight));
}

function ranges(count: number, perPage: number): { from: number; to: number }[] {
  const pages: { from: number; to: number }[] = [];
  for (let from = 0; from < count; from += perPage) pages.push({ from, to: Math.min(count, from + perPage) });
  return pages;
}

/** The KPI table turned for a TV: as many queues across as their columns fit, the KPIs down as far as they fit. */
function kpiPages(queueIds: readonly string[], box: PageBox): TvPagePlan[] {
  const across = Math.max(1, Math.floor((box.width / box.em - TV_SIZES.kpiLabelWidth) / TV_SIZES.kpiColumnWidth));
  const down = ranges(KPI_NAMES.length, linesThatFit(box, TV_SIZES.kpiRowHeight));
  return ranges(queueIds.length, across).flatMap(({ from, to }) =>
    down.map((kpis) => ({ kind: 'kpis' as const, ids: queueIds.slice(from, to), ...kpis })));
}

export interface TvPageInput {
  queueIds: readonly string[];
  /** Queues whose tile carries the projection (not ok): their tiles take two cells. */
  projected?: ReadonlySet<string>;
  agentCount: number;
  alertCount: number;
  waitingCount?: number;
  box: PageBox;
}

/**
 * Every queue, every KPI of every queue, every agent and every open alert lands on some page; the waiting and alerts
 * pages exist only while someone waits or an alert is open.
 */
export function planTvPages(input: TvPageInput): TvPagePlan[] {
  const grid = tileGrid(input.box);
  const span = projectionSpan(grid);
  const pages: TvPagePlan[] = packTiles(input.queueIds, input.projected ?? new Set(), grid).map((ids) => ({ kind: 'queues', ids, span }));
  // Who waits comes right after the tiles, and only while someone does.
  pages.push(...ranges(input.waitingCount ?? 0, linesThatFit(input.box, TV_SIZES.rowHeight)).map((r) => ({ kind: 'waiting' as const, ...r })));
  pages.push(...kpiPages(input.queueIds, input.box));
  pages.push(...ranges(input.agentCount, linesThatFit(input.box, TV_SIZES.rowHeight)).map((r) => ({ kind: 'agents' as const, ...r })));
  pages.push({ kind: 'tickets' });
  pages.push(...ranges(input.alertCount, linesThatFit(input.box, TV_SIZES.alertHeight)).map((r) => ({ kind: 'alerts' as const, ...r })));
  return pages;
}
