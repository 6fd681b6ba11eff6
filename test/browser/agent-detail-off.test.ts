/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { agentState } from '../integration/helpers/events.js';
import { useBoardSession } from './board-session.js';

describe('the agents panel with agent detail off', () => {
  const session = useBoardSession({ PLANCIA_AGENT_DETAIL: 'off' });

  it('says agent detail is off, in the board\'s language, instead of an empty table', async () => {
    const now = Date.now();
    await session().post([
      agentState('off-1', 'agent-bruno-7781', 'available', ['sales'], now - 60_000),
      agentState('off-2', 'agent-alba-7782', 'not_ready', ['sales'], now - 30_000),
    ]);
    for (const [lang, locale, text] of [
      ['en', 'en-GB', 'Agent detail is off (art. 4 of the Workers\' Statute) — counts only'],
      ['it', 'it-IT', 'Dettaglio operatori disattivato (art. 4 dello Statuto dei lavoratori) — solo conteggi'],
    ] as const) {
      const page = await session().openPage(`/?lang=${lang}`, locale);
      await expect.poll(() => page.locator('[data-testid="agent-detail-off"]').textContent(), { timeout: 15_000 }).toBe(text);
      expect(await page.locator('[data-testid="agent-grid"]').count()).toBe(0);
      expect(await page.content()).not.toMatch(/agent-bruno|agent-alba/);
      await page.context().close();
    }
  });
});
