/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { agentState, queued } from '../integration/helpers/events.js';
import { useBoardSession } from './board-session.js';

describe('agent states in Italian', () => {
  const session = useBoardSession();

  it('names one agent\'s state in the singular, and counts of agents in the plural', async () => {
    await session().post([
      agentState('it-1', 'Bruno', 'available', ['sales']),
      agentState('it-2', 'Alba', 'not_ready', ['sales']),
      agentState('it-3', 'Carla', 'offline', ['sales']),
      wireMembership(),
      queued('it-q', 'sales'),
    ]);
    const page = await session().openPage('/?lang=it', 'it-IT');
    const row = (name: string) => page.locator('[data-testid="agent-row"]', { hasText: name });
    await row('Dario').locator('[data-testid="agent-membership"]').waitFor();
    expect(await row('Bruno').locator('td').first().textContent()).toBe('● Disponibile');
    expect(await row('Alba').locator('td').first().textContent()).toBe('‖ Non pronto');
    expect(await row('Carla').locator('td').first().textContent()).toBe('○ Disconnesso');
    expect(await row('Dario').locator('[data-testid="agent-membership"]').allTextContents()).toEqual(['sales: Non pronto (Pausa)']);
    // Where agents are counted the words stay plural.
    const tileLabels = await page.locator('[data-testid="queue-tile-sales"] .tile__agents dt').allTextContents();
    expect(tileLabels).toEqual(['Disponibili', 'In contatto', 'Post-chiamata', 'Non pronti']);
    await page.context().close();
  });
});

/** An agent available in one queue and paused in the other, so its row names the paused queue's state. */
function wireMembership() {
  return {
    ...agentState('it-4', 'Dario', 'available', ['sales', 'care']),
    data: {
      agentId: 'Dario', state: 'available', queueIds: ['sales', 'care'],
      memberships: [{ queueId: 'sales', state: 'not_ready', reason: 'Pausa' }, { queueId: 'care', state: 'available' }],
    },
  };
}
