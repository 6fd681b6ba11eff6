/** One screenful of the TV rotation: a slice of queue tiles, of agent rows or of open alerts, or the tickets table. */
export type TvPagePlan =
  | { kind: 'queues'; ids: string[] }
  | { kind: 'agents'; from: number; to: number }
  | { kind: 'alerts'; from: number; to: number }
  | { kind: 'tickets' }
  | { kind: 'waiting'; from: number; to: number };

/** The space a page may use, in CSS pixels, and the TV's type size (1 em) in pixels. */
export interface PageBox { width: number; height: number; em: number }

/**
 * Sizes of what a page holds, in em; the stylesheet gives tiles, rows and alert lines these same sizes
 * (`.tv` rules in styles.css), so a page planned here fits without scrolling.
 */
export const TV_SIZES = { tileWidth: 24, tileHeight: 17.75, gap: 0.75, rowHeight: 1.85, alertHeight: 3.75, tableChrome: 4.5 } as const;

/** How many tiles fit across and down the page. */
export function tileGrid(box: PageBox) {
  const gap = TV_SIZES.gap * box.em;
  const columns = Math.max(1, Math.floor((box.width + gap) / (TV_SIZES.tileWidth * box.em + gap)));
  const rows = Math.max(1, Math.floor((box.height + gap) / (TV_SIZES.tileHeight * box.em + gap)));
  return { columns, rows };
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

/** Every queue, every agent and every open alert lands on some page; the alerts pages exist only while one is open. */
export function planTvPages(input: { queueIds: readonly string[]; agentCount: number; alertCount: number; waitingCount?: number; box: PageBox }): TvPagePlan[] {
  const { columns, rows } = tileGrid(input.box);
  const tilesPerPage = columns * rows;
  const pages: TvPagePlan[] = [];
  for (let i = 0; i < input.queueIds.length; i += tilesPerPage) pages.push({ kind: 'queues', ids: input.queueIds.slice(i, i + tilesPerPage) });
  if (pages.length === 0) pages.push({ kind: 'queues', ids: [] });
  // Who waits comes right after the tiles, and only while someone does.
  pages.push(...ranges(input.waitingCount ?? 0, linesThatFit(input.box, TV_SIZES.rowHeight)).map((r) => ({ kind: 'waiting' as const, ...r })));
  pages.push(...ranges(input.agentCount, linesThatFit(input.box, TV_SIZES.rowHeight)).map((r) => ({ kind: 'agents' as const, ...r })));
  pages.push({ kind: 'tickets' });
  pages.push(...ranges(input.alertCount, linesThatFit(input.box, TV_SIZES.alertHeight)).map((r) => ({ kind: 'alerts' as const, ...r })));
  return pages;
}
