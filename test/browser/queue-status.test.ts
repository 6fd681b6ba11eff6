/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { answered, queued } from '../integration/helpers/events.js';
import { useBoardSession } from './board-session.js';

/**
 * Issue 15, item 1: a queue whose service level is above target while callers wait far too long. Twenty calls
 * answered within T and three waiting 45 s give 20 ÷ 23 = 87 % (green against 80 %), and the default rule
 * "Longest wait above 2 × T" (40 s) is open and critical: the tile and the header must not be green.
 */
function greenButFailing(queueId: string) {
  const now = Date.now();
  const fast = Array.from({ length: 20 }, (_, i) => [
    queued(`ok${i}-q`, queueId, now - 120_000), answered(`ok${i}-a`, `c-ok${i}-q`, `agent-ok${i}`, now - 115_000),
  ]).flat();
  const waiting = Array.from({ length: 3 }, (_, i) => queued(`late${i}-q`, queueId, now - 45_000));
  return [...fast, ...waiting];
}

describe('queue status on the board', () => {
  const session = useBoardSession();

  it('shows a queue with a green service level and an open critical alert as critical, tile and header', async () => {
    const page = await session().openPage('/?lang=en', 'en-GB');
    await session().post(greenButFailing('care'));
    const tile = page.locator('[data-testid="queue-tile-care"]');
    await tile.locator('[data-testid="status-alerts"]', { hasText: 'Longest wait above 2 × T' }).waitFor({ timeout: 5000 });
    expect(await tile.getAttribute('data-sl-status')).toBe('ok'); // the band alone is green…
    expect(await tile.getAttribute('class')).toContain('tile--bad'); // …the tile is not
    expect(await tile.locator('.tile__icon').textContent()).toBe('✖');
    expect(await page.getAttribute('[data-testid="centre-status"]', 'data-status')).toBe('bad');
    await page.context().close();
  });
});
