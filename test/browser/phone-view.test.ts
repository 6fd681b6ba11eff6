/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { agentState, answered, queued, wireEvent } from '../integration/helpers/events.js';
import { useBoardSession } from './board-session.js';

const PHONE = { width: 390, height: 844 };

/** A busy board: tiles, two alerts, the trend, tickets and agents with long names and reasons. */
function busyBoard() {
  const now = Date.now();
  return [
    agentState('ph-a1', 'Bartolomeo Colleoni-Martinengo', 'not_ready', ['sales', 'care'], now - 700_000),
    agentState('ph-a2', 'Maria Antonietta Squarcialupi', 'available', ['care']),
    queued('ph-q1', 'sales'), queued('ph-q2', 'care'),
    queued('ph-s-q', 'sales', now - 60_000), answered('ph-s-a', 'c-ph-s-q', 'agent-x', now - 30_000),
    wireEvent('ticket.created', 'ph-t1', { ticketId: 'T-1', queueId: 'helpdesk-second-level', channel: 'email' }),
  ];
}

describe('the board on a phone', () => {
  const session = useBoardSession();

  it('never scrolls sideways at 390 × 844, in English and Italian', async () => {
    await session().post(busyBoard());
    for (const [lang, language] of [['en', 'en-GB'], ['it', 'it-IT']] as const) {
      const page = await session().openPage(`/?lang=${lang}`, language, PHONE);
      await page.locator('[data-testid="alert-banner"]').waitFor({ timeout: 5000 });
      await page.locator('[data-testid="agent-row"]', { hasText: 'Squarcialupi' }).waitFor();
      await page.locator('.recharts-surface').first().waitFor({ timeout: 5000 });
      const widths = await page.evaluate(() => {
        const beyond = (e: Element) => e.getBoundingClientRect().right > window.innerWidth;
        // The outermost elements past the right edge, to name the culprit when this fails.
        const culprits = Array.from(document.querySelectorAll('body *'))
          .filter((e) => beyond(e) && !(e.parentElement && beyond(e.parentElement)))
          .map((e) => `${e.tagName.toLowerCase()}.${e.className} right ${e.getBoundingClientRect().right}`);
        return { document: document.documentElement.scrollWidth, body: document.body.scrollWidth, viewport: window.innerWidth, culprits };
      });
      expect(widths.viewport).toBe(PHONE.width);
      expect(widths.document, `${lang}: ${widths.culprits.join(', ')}`).toBeLessThanOrEqual(PHONE.width);
      expect(widths.body, lang).toBeLessThanOrEqual(PHONE.width);
      await page.context().close();
    }
  });
});
