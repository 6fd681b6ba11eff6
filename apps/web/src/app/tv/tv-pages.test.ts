import { describe, expect, it } from 'vitest';
import { planTvPages, tileGrid } from './tv-pages.js';

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
