/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AmiActionPeer } from '../integration/agent-actions/ami-action-peer.js';
import { startBoardSession, type BoardSession } from './board-session.js';

describe('pausing an agent from its row, in Chromium, through a local Asterisk Manager peer', () => {
  let peer!: AmiActionPeer;
  let session!: BoardSession;
  beforeAll(async () => {
    peer = new AmiActionPeer('s3cret', [{ queue: 'help', name: 'Ada', iface: 'PJSIP/201', paused: false, reason: '', dynamic: true }]);
    session = await startBoardSession({ PLANCIA_AMI_URL: await peer.listen() });
  }, 60_000);
  afterAll(async () => {
    await (session as BoardSession | undefined)?.close();
    await (peer as AmiActionPeer | undefined)?.close();
  });

  it('sends the pause with its reason from the keyboard; the row changes only when Asterisk emits QueueMemberPause', { timeout: 60_000 }, async () => {
    const page = await session.openPage('/?lang=en', 'en-GB');
    const ada = page.locator('[data-testid="agent-row"]', { hasText: 'Ada' });
    await ada.locator('td', { hasText: 'Available' }).first().waitFor({ timeout: 10_000 });

    peer.holdEvents = true;
    await ada.locator('[data-testid="agent-actions-toggle"]').focus();
    await page.keyboard.press('Enter');
    const reason = ada.locator('[data-testid="agent-pause-reason"]');
    await reason.waitFor();
    await reason.fill('Briefing');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="agent-action-status"]')?.textContent?.includes('Sent to the phone system (asterisk)'), undefined, { timeout: 10_000 });
    const { ActionID: _id, ...fields } = peer.actions.at(-1)!;
    expect(fields).toEqual({ Action: 'QueuePause', Interface: 'PJSIP/201', Paused: 'true', Reason: 'Briefing' });

    // Asterisk has said Success, not yet what it did: the row still shows Ada available.
    await page.waitForTimeout(1_000);
    expect(await ada.locator('td').first().textContent()).toContain('Available');

    peer.holdEvents = false;
    peer.releaseEvents();
    await ada.locator('td', { hasText: 'Not ready' }).first().waitFor({ timeout: 10_000 });
    expect(await ada.locator('td').nth(1).textContent()).toContain('Briefing');
    await page.context().close();
  });
});
