/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import type { QueueSnapshot } from '@plancia/contracts';
import { customerVoice, greenQueue, redQueue } from './floor-events.js';
import { useBoardSession } from './board-session.js';

describe('where the interval is going, and the KPI tiles', () => {
  const session = useBoardSession();

  async function projectionOf(queueId: string): Promise<NonNullable<QueueSnapshot['projection']>> {
    const snapshot = await (await fetch(`${session().server.url}/api/v1/snapshot`)).json() as { queues: QueueSnapshot[] };
    return snapshot.queues.find((q) => q.queueId === queueId)!.projection!;
  }

  it('shows the projection on a queue that is not ok and not on one that is, in English', async () => {
    const page = await session().openPage('/?lang=en', 'en-GB');
    const now = Date.now();
    await session().post([...redQueue('care', now), ...greenQueue('sales', now)]);
    const care = page.locator('[data-testid="queue-tile-care"]');
    await care.locator('[data-testid="projection"]').waitFor({ timeout: 5000 });
    expect(await care.getAttribute('data-status')).toBe('bad');
    const projection = await projectionOf('care');
    // 62 % needs answers within T to get back to 80 % (unless an interval began in between: then it reads "none").
    const answers = projection.answersNeeded === 0 ? 'none: on target' : String(projection.answersNeeded);
    expect(await care.locator('[data-testid="answers-needed"]').textContent()).toBe(answers);
    expect(await care.locator('[data-testid="agents-needed"]').textContent()).toContain(`/ ${projection.agentsStaffed}`);
    expect(await care.getByText('Where the interval is going').count()).toBe(1);
    await page.locator('[data-testid="queue-tile-sales"][data-status="ok"]').waitFor({ timeout: 5000 });
    expect(await page.locator('[data-testid="queue-tile-sales"] [data-testid="projection"]').count()).toBe(0);
    await page.context().close();
  });

  it('shows each KPI against its target with its band, in Italian', async () => {
    const page = await session().openPage('/?lang=it', 'it-IT');
    await session().post(customerVoice('help', Date.now()));
    const csat = page.locator('[data-testid="kpi-help-csat"]');
    await csat.waitFor({ timeout: 5000 });
    await page.locator('[data-testid="kpi-help-repeatRate"][data-band="warning"]').waitFor({ timeout: 5000 });
    expect(await csat.getAttribute('data-band')).toBe('warning');
    expect(await csat.textContent()).toContain('obiettivo ≥ 90%');
    expect(await page.getAttribute('[data-testid="kpi-help-fcr"]', 'data-band')).toBe('warning'); // 67 % < 70 %
    expect(await page.locator('[data-testid="kpi-help-repeatRate"]').textContent()).toContain('50%');
    expect(await page.getAttribute('[data-testid="kpi-help-nps"]', 'data-band')).toBe('none'); // no NPS answer yet
    expect(await page.getByRole('heading', { name: 'Qualità ed efficienza' }).count()).toBe(1);
    await page.context().close();
  });
});
