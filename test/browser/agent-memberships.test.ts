/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { wireEvent } from '../integration/helpers/events.js';
import { useBoardSession } from './board-session.js';

describe('an agent paused in one of its two queues, in Chromium', () => {
  const session = useBoardSession();

  it('shows the agent available, and on its row the queue where it is paused, with the reason', async () => {
    await session().post([
      wireEvent('agent.state', 'm1', {
        agentId: 'Carla', state: 'available', queueIds: ['sales', 'support'],
        memberships: [{ queueId: 'sales', state: 'not_ready', reason: 'Solo sales' }, { queueId: 'support', state: 'available' }],
      }),
      wireEvent('agent.state', 'm2', { agentId: 'Dario', state: 'available', queueIds: ['sales'], memberships: [{ queueId: 'sales', state: 'available' }] }),
    ]);
    const page = await session().openPage('/?lang=en', 'en-GB');
    const carla = page.locator('[data-testid="agent-row"]', { hasText: 'Carla' });
    await carla.locator('[data-testid="agent-membership"]').waitFor({ timeout: 5000 });
    expect(await carla.locator('[data-testid="agent-membership"]').allTextContents()).toEqual(['sales: Not ready (Solo sales)']);
    expect(await carla.locator('td').first().textContent()).toContain('Available');
    // An agent whose queues all agree shows nothing more.
    expect(await page.locator('[data-testid="agent-row"]', { hasText: 'Dario' }).locator('[data-testid="agent-membership"]').count()).toBe(0);
    await page.context().close();
  });
});
