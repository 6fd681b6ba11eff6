/// <reference lib="dom" />
import { randomBytes } from 'node:crypto';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CallbackEntry, UserSummary } from '@plancia/contracts';
import { wireEvent } from '../integration/helpers/events.js';
import { useBoardSession } from './board-session.js';

const ADMIN_PASSWORD = 'agent-worklist-admin-password';
const PASSWORD = 'agent-worklist-user-password';
const ROW = '[data-testid="callback-row"]';

/** A caller who queued on `queueId`, waited 40 s and hung up a little while ago. */
function gaveUp(contactId: string, caller: string, queueId: string) {
  const at = Date.now() - 5_000;
  return [
    wireEvent('contact.queued', `${contactId}-q`, { contactId, queueId, channel: 'voice', caller }, at - 40_000),
    wireEvent('contact.abandoned', `${contactId}-a`, { contactId, caller }, at),
  ];
}

describe('an agent user works the callback worklist on the board, in Chromium', () => {
  const session = useBoardSession({ PLANCIA_ADMIN_PASSWORD: ADMIN_PASSWORD, PLANCIA_CALLBACK_KEY: randomBytes(32).toString('base64') });

  const signedIn = (username: string, password: string) => session().signedIn(username, password);
  const open = (context: BrowserContext, path: string) => session().openIn(context, path);

  it('is created and edited by an admin in settings, claims and closes a callback on the board without a reveal button; a supervisor still reveals', async () => {
    await session().post(gaveUp('ag-1', '+390633333333', 'vendite'));

    // The admin creates the agent user in settings: the agent id is asked for, and refused by the server when missing.
    const admin = await signedIn('admin', ADMIN_PASSWORD);
    const settings = await admin.newPage();
    await settings.goto(`${session().proxy.url}/settings?lang=en#users`);
    const section = settings.locator('[data-testid="section-users"]');
    await section.waitFor({ timeout: 10_000 });
    const form = section.locator('[data-testid="user-form"]');
    await form.locator('[data-testid="user-username"]').fill('marta');
    await form.locator('[data-testid="user-password"]').fill(PASSWORD);
    await form.getByLabel('Role').selectOption('agent');
    await form.getByRole('button', { name: 'Add' }).click();
    const refusal = form.getByRole('alert');
    await refusal.waitFor({ timeout: 5000 });
    expect(await refusal.textContent()).toBe('Refused by the server: agentId: required for the role agent');
    expect(await form.locator('[data-testid="user-agent-id-input"]').getAttribute('aria-invalid')).toBe('true');

    await form.locator('[data-testid="user-agent-id-input"]').fill('a-marta');
    await form.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => section.locator('[data-testid="section-status"]').textContent(), { timeout: 5000 }).toBe('Created marta');
    const row = section.locator('[data-testid="user-row"][data-role="agent"]');
    expect(await row.locator('td').allTextContents()).toEqual(['marta', 'Agent', 'a-marta', 'EditDelete']);

    // The admin edits marta: a refused tenant is shown beside its field, then a new agent id is saved.
    await row.getByRole('button', { name: 'Edit' }).click();
    const edit = section.locator('[data-testid="user-edit-form"]');
    expect(await edit.locator('[data-testid="user-edit-agent-id"]').inputValue()).toBe('a-marta');
    await edit.locator('[data-testid="user-edit-tenant"]').fill('nowhere');
    await edit.getByRole('button', { name: 'Save' }).click();
    const tenantRefusal = edit.getByRole('alert');
    await tenantRefusal.waitFor({ timeout: 5000 });
    expect(await tenantRefusal.textContent()).toBe('Refused by the server: tenant: no tenant nowhere');
    expect(await edit.locator('[data-testid="user-edit-tenant"]').getAttribute('aria-invalid')).toBe('true');
    await edit.locator('[data-testid="user-edit-tenant"]').fill('default');
    await edit.locator('[data-testid="user-edit-agent-id"]').fill('a-marta-2');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => section.locator('[data-testid="section-status"]').textContent(), { timeout: 5000 }).toBe('Saved marta; a change ends their open sessions');
    expect(await edit.count()).toBe(0);
    expect(await row.locator('[data-testid="user-agent-id"]').textContent()).toBe('a-marta-2');
    const listed = (await (await admin.request.get(`${session().proxy.url}/api/v1/users`)).json()) as { users: UserSummary[] };
    expect(listed.users.find((u) => u.username === 'marta')).toMatchObject({ role: 'agent', agentId: 'a-marta-2', tenant: 'default' });
    await admin.close();

    // The agent signs in: the worklist is on the board, without the number's button, alert actions or agent actions.
    const agent = await signedIn('marta', PASSWORD);
    const board = await open(agent, '/?lang=en');
    const rows = board.locator(ROW);
    await rows.first().waitFor({ timeout: 5000 });
    const first = rows.first();
    expect(await first.locator('td').nth(0).textContent()).toBe('vendite');
    expect(await first.getByRole('button', { name: 'Show number' }).count()).toBe(0);
    expect(await board.locator('[data-testid="control-link"]').count()).toBe(0);

    await first.getByRole('button', { name: 'Claim' }).click();
    await expect.poll(() => first.getAttribute('data-state')).toBe('claimed');
    expect(await first.locator('[data-testid="callback-state"]').textContent()).toBe('claimed by user:marta');
    await first.getByRole('button', { name: 'Done…' }).click();
    const done = board.locator('[data-testid="callback-done-form"]');
    await done.locator('select[name="result"]').selectOption('reached');
    await done.getByRole('button', { name: 'Close callback' }).click();
    await expect.poll(() => rows.count(), { timeout: 3000 }).toBe(0);
    const closed = (await (await agent.request.get(`${session().proxy.url}/api/v1/callbacks?state=done`)).json()) as { callbacks: CallbackEntry[] };
    expect(closed.callbacks[0]).toMatchObject({ contactId: 'ag-1', state: 'done', result: 'reached', closedBy: 'user:marta' });
    await agent.close();

    // A supervisor still reveals a number, on /control.
    await session().post(gaveUp('ag-2', '+390644444444', 'vendite'));
    const created = await fetch(`${session().server.url}/api/v1/users`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'sara', password: PASSWORD, role: 'supervisor' }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const supervisor = await signedIn('sara', PASSWORD);
    const control = await open(supervisor, '/control?lang=en');
    const open2 = control.locator(ROW).first();
    await open2.waitFor({ timeout: 5000 });
    await open2.getByRole('button', { name: 'Show number' }).click();
    expect(await control.locator('[data-testid="callback-number"]').textContent()).toBe('Number: +390644444444');
    // Nor does the supervisor's board carry the worklist: theirs is on /control.
    const supervisorBoard = await open(supervisor, '/?lang=en');
    expect(await supervisorBoard.locator('[data-testid="callbacks"]').count()).toBe(0);
    await supervisor.close();
  });
});
