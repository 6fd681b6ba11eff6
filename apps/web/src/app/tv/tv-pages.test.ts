import { describe, expect, it } from 'vitest';
import { KPI_NAMES } from '@plancia/contracts';
import { packTiles, planTvPages, projectionSpan, tileGrid } from './tv-pages.js';

const queueIds = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

describe('planTvPages', () => {
  it('puts every queue and every agent on some page, in order, without overlap', () => {
    const pages = planTvPages({ queueIds, agentCount: 150, alertCount: 0, box: { width: 1000, height: 700, em: 20 } });
    expect(pages.flatMap((p) => (p.kind === 'queues' ? p.ids : []))).toEqual(queueIds);
    const agents = pages.flatMap((p) => (p.kind === 'agents' ? [p] : []));
    expect(agents[0]!.from).toBe(0);
    expect(agents.at(-1)!.to).toBe(150);
    agents.slice(1).forEach((p, i) => expect(p.from).toBe(agents[i]!.to));
  });

  it('adds alerts pages only while an alert is open', () => {
    const box = { width: 1920, height: 800, em: 24 };
    expect(planTvPages({ queueIds, agentCount: 3, alertCount: 0, box }).some((p) => p.kind === 'alerts')).toBe(false);
    expect(planTvPages({ queueIds, agentCount: 3, alertCount: 2, box }).filter((p) => p.kind === 'alerts')).toEqual([{ kind: 'alerts', from: 0, to: 2 }]);
  });

  it('fits fewer tiles on a smaller page, never none', () => {
    expect(tileGrid({ width: 1888, height: 900, em: 24 })).toEqual({ columns: 3, rows: 2 });
    expect(tileGrid({ width: 300, height: 200, em: 24 })).toEqual({ columns: 1, rows: 1 });
  });
});

describe('planTvPages: the waiting list', () => {
  it('adds its pages after the tiles only while someone waits, every waiting contact on some page', () => {
    const box = { width: 1920, height: 800, em: 24 };
    expect(planTvPages({ queueIds, agentCount: 3, alertCount: 0, waitingCount: 0, box }).some((p) => p.kind === 'waiting')).toBe(false);
    const pages = planTvPages({ queueIds, agentCount: 3, alertCount: 0, waitingCount: 40, box });
    const waiting = pages.flatMap((p) => (p.kind === 'waiting' ? [p] : []));
    expect(waiting[0]!.from).toBe(0);
    expect(waiting.at(-1)!.to).toBe(40);
    expect(pages.findIndex((p) => p.kind === 'waiting')).toBe(pages.findLastIndex((p) => p.kind === 'queues') + 1);
  });
});

describe('planTvPages: tiles that carry the projection', () => {
  const grid = { columns: 3, rows: 2 };

  it('gives a projected tile two cells, moving it to the next row when one cell is left, as the grid places it', () => {
    // a b c / d [e e] / then f: e is wide and fits after d; g is wide but only one cell is left after f.
    expect(packTiles(['a', 'b', 'c', 'd', 'e', 'f', 'g'], new Set(['e', 'g']), grid)).toEqual([['a', 'b', 'c', 'd', 'e'], ['f', 'g']]);
    expect(packTiles(['a', 'b', 'c'], new Set(['b']), grid)).toEqual([['a', 'b', 'c']]);
    expect(packTiles(['a', 'b', 'c', 'd', 'e'], new Set(['b']), { columns: 2, rows: 2 })).toEqual([['a', 'b'], ['c', 'd', 'e']]);
  });

  it('on a one-column screen makes it two rows tall, and leaves it as one cell where neither fits', () => {
    expect(projectionSpan({ columns: 1, rows: 3 })).toBe('rows');
    expect(packTiles(['a', 'b', 'c', 'd'], new Set(['b']), { columns: 1, rows: 3 })).toEqual([['a', 'b'], ['c', 'd']]);
    expect(projectionSpan({ columns: 1, rows: 1 })).toBe('none');
    expect(packTiles(['a', 'b'], new Set(['a']), { columns: 1, rows: 1 })).toEqual([['a'], ['b']]);
  });

  it('keeps every queue, in order, whatever is projected', () => {
    const ids = Array.from({ length: 23 }, (_, i) => `q${i}`);
    for (const every of [1, 2, 3, 5]) {
      const projected = new Set(ids.filter((_, i) => i % every === 0));
      const pages = planTvPages({ queueIds: ids, projected, agentCount: 0, alertCount: 0, box: { width: 1872, height: 900, em: 24 } });
      const queuePages = pages.flatMap((p) => (p.kind === 'queues' ? [p] : []));
      expect(queuePages.flatMap((p) => p.ids)).toEqual(ids);
      queuePages.forEach((p) => expect(p.span).toBe('columns'));
    }
  });
});

describe('planTvPages: the KPI pages', () => {
  it('puts every KPI of every queue on some page, the queues across as many as fit', () => {
    const pages = planTvPages({ queueIds, agentCount: 3, alertCount: 0, box: { width: 1872, height: 900, em: 24 } });
    const kpis = pages.flatMap((p) => (p.kind === 'kpis' ? [p] : []));
    // 78 em wide: 18.5 em of KPI names, then 11.5 em per queue: 5 queues a page.
    expect(kpis.map((p) => p.ids)).toEqual([['a', 'b', 'c', 'd', 'e'], ['f', 'g']]);
    kpis.forEach((p) => expect([p.from, p.to]).toEqual([0, KPI_NAMES.length]));
    expect(pages.findIndex((p) => p.kind === 'kpis')).toBeLessThan(pages.findIndex((p) => p.kind === 'agents'));
  });

  it('splits the KPIs over pages on a short screen, never losing one', () => {
    const pages = planTvPages({ queueIds: ['a'], agentCount: 0, alertCount: 0, box: { width: 1872, height: 400, em: 24 } });
    const kpis = pages.flatMap((p) => (p.kind === 'kpis' ? [p] : []));
    expect(kpis.length).toBeGreaterThan(1);
    expect(kpis.flatMap((p) => KPI_NAMES.slice(p.from, p.to))).toEqual(KPI_NAMES);
  });

  it('has no KPI page without a queue', () => {
    expect(planTvPages({ queueIds: [], agentCount: 0, alertCount: 0, box: { width: 1872, height: 900, em: 24 } }).some((p) => p.kind === 'kpis')).toBe(false);
  });
});
