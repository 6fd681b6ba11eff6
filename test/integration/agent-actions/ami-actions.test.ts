import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentSnapshot, Snapshot } from '@plancia/contracts';
import { backends, NAMED_AGENTS, startTestServer, type TestDatabase, type TestServer } from '../helpers/plancia-server.js';
import { wireEvent } from '../helpers/events.js';
import { asPage, login } from '../session/session-client.js';
import { eventually, settled } from '../adapters/board.js';
import { AmiActionPeer, type PeerMember } from './ami-action-peer.js';

const PASSWORD = 'correct horse battery staple';

const members = (): PeerMember[] => [
  { queue: 'help', name: 'Ada', iface: 'PJSIP/201', paused: false, reason: '', dynamic: true },
  { queue: 'sales', name: 'Ada', iface: 'PJSIP/201', paused: false, reason: '', dynamic: true },
  { queue: 'help', name: 'Bob', iface: 'PJSIP/202', paused: false, reason: '', dynamic: false },
];

describe.each(backends)('supervisor actions through Asterisk AMI on $name', (backend) => {
  let database!: TestDatabase;
  let server!: TestServer;
  let peer!: AmiActionPeer;
  const cookies: Record<string, string> = {};

  const agent = async (agentId: string): Promise<AgentSnapshot | undefined> => {
    const response = await asPage(server.url, '/api/v1/snapshot', cookies.admin!);
    return ((await response.json()) as Snapshot).agents.find((a) => a.agentId === agentId);
  };
  const act = (who: string, agentId: string, verb: 'pause' | 'logoff', body?: unknown) =>
    asPage(server.url, `/api/v1/agents/${encodeURIComponent(agentId)}/${verb}`, cookies[who]!, 'POST', body);
  const stateOf = (agentId: string, state: string, reason: string | null = null) => eventually(`${agentId} ${state}`, async () => {
    const shown = await agent(agentId);
    return shown?.state === state && shown.reason === reason ? shown : undefined;
  });

  beforeAll(async () => {
    peer = new AmiActionPeer('s3cret', members());
    database = await backend.create();
    server = await startTestServer(database, { ...NAMED_AGENTS, PLANCIA_AMI_URL: await peer.listen(), PLANCIA_ADMIN_PASSWORD: PASSWORD });
    cookies.admin = (await login(server.url, 'admin', PASSWORD)).cookie;
    for (const [username, role, queues] of [['sara', 'supervisor', []], ['vera', 'viewer', []], ['otto', 'supervisor', ['billing']]] as const) {
      const created = await asPage(server.url, '/api/v1/users', cookies.admin, 'POST', { username, password: PASSWORD, role, scope: { queues, teams: [] } });
      expect(created.status).toBe(201);
      cookies[username] = (await login(server.url, username, PASSWORD)).cookie;
    }
    // QueueStatus on connecting puts both members on the board.
    await stateOf('Ada', 'available');
    await stateOf('Bob', 'available');
  }, 60_000);
  afterAll(async () => {
    await (server as TestServer | undefined)?.stop().catch(() => undefined);
    await (peer as AmiActionPeer | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  it('pause: QueuePause with Interface, Paused and Reason; the board moves only when Asterisk reports the pause', { timeout: 30_000 }, async () => {
    peer.holdEvents = true;
    const response = await act('sara', 'Ada', 'pause', { paused: true, reason: 'Briefing' });
    expect(response.status).toBe(202);
    const sent = { Action: 'QueuePause', Interface: 'PJSIP/201', Paused: 'true', Reason: 'Briefing' };
    expect(await response.json()).toEqual({ agentId: 'Ada', action: 'pause', reason: 'Briefing', source: expect.stringMatching(/^ami:\/\/127\.0\.0\.1:\d+$/), vendor: 'asterisk', sent: [sent] });
    const { ActionID, ...fields } = peer.actions.at(-1)!;
    expect(ActionID).toEqual(expect.any(String));
    expect(fields).toEqual(sent);

    // Asterisk has answered Success but not yet sent QueueMemberPause: nothing reached the journal, the board is as it was.
    const before = await settled(server, 300);
    expect(await agent('Ada')).toMatchObject({ state: 'available', reason: null });
    expect(await server.app.store.journal.count()).toBe(before);

    peer.holdEvents = false;
    peer.releaseEvents();
    const paused = await stateOf('Ada', 'not_ready', 'Briefing');
    expect(paused.memberships).toMatchObject([
      { queueId: 'help', state: 'not_ready', reason: 'Briefing' },
      { queueId: 'sales', state: 'not_ready', reason: 'Briefing' },
    ]);
  });

  it('unpause: QueuePause with Paused false and no reason; available again from the event', { timeout: 30_000 }, async () => {
    const response = await act('sara', 'Ada', 'pause', { paused: false });
    expect(response.status).toBe(202);
    expect(((await response.json()) as { sent: unknown[] }).sent).toEqual([{ Action: 'QueuePause', Interface: 'PJSIP/201', Paused: 'false' }]);
    await stateOf('Ada', 'available');
  });

  it('refuses a viewer, a supervisor of other queues, an unknown agent, a reason without a pause, an agent with no action channel', async () => {
    const actions = peer.actions.length;
    expect((await act('vera', 'Ada', 'pause', { paused: true })).status).toBe(403);
    const outside = await act('otto', 'Ada', 'pause', { paused: true });
    expect(outside.status).toBe(403);
    expect(((await outside.json()) as { message: string }).message).toMatch(/outside your scope/);
    expect((await act('sara', 'Nobody', 'pause', { paused: true })).status).toBe(404);
    const invalid = await act('sara', 'Ada', 'pause', { paused: false, reason: 'Lunch' });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { details: { path: string }[] }).details[0]!.path).toBe('/reason');
    expect((await act('sara', 'Ada', 'pause', { reason: 'Lunch' })).status).toBe(400);

    // Cleo's state came as a CloudEvent: her source is no ACD Plancia can act through.
    const posted = await fetch(`${server.url}/api/v1/events`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify([wireEvent('agent.state', 'cleo-1', { agentId: 'Cleo', state: 'available', queueIds: ['help'] }, Date.now() - 1_000)]),
    });
    expect(posted.status).toBe(202);
    await stateOf('Cleo', 'available');
    const noChannel = await act('sara', 'Cleo', 'logoff');
    expect(noChannel.status).toBe(409);
    expect(((await noChannel.json()) as { error: string }).error).toBe('no_action_channel');
    expect(peer.actions).toHaveLength(actions);
  });

  it('log off: QueueRemove from each queue; Asterisk\'s refusal (a static member) is a 502 with its words', { timeout: 30_000 }, async () => {
    const refused = await act('sara', 'Bob', 'logoff');
    expect(refused.status).toBe(502);
    expect(await refused.json()).toMatchObject({ error: 'acd_refused', message: 'Asterisk answered QueueRemove: Member not dynamic', vendor: 'asterisk', sent: [{ Action: 'QueueRemove', Queue: 'help', Interface: 'PJSIP/202' }] });
    expect(await agent('Bob')).toMatchObject({ state: 'available' });

    const response = await act('sara', 'Ada', 'logoff');
    expect(response.status).toBe(202);
    expect(((await response.json()) as { sent: unknown[] }).sent).toEqual([
      { Action: 'QueueRemove', Queue: 'help', Interface: 'PJSIP/201' },
      { Action: 'QueueRemove', Queue: 'sales', Interface: 'PJSIP/201' },
    ]);
    await stateOf('Ada', 'offline');
  });

  it('writes every action that reached Asterisk to the audit log, accepted or refused, by whom', async () => {
    const entries = (await server.app.store.audit.list({ limit: 1000 })).filter((e) => e.action.startsWith('agent.'));
    expect(entries.map((e) => [e.actor, e.action, e.resource, (e.after as { outcome: string }).outcome]).reverse()).toEqual([
      ['user:sara', 'agent.pause', 'agents/Ada', 'accepted'],
      ['user:sara', 'agent.unpause', 'agents/Ada', 'accepted'],
      ['user:sara', 'agent.logoff', 'agents/Bob', 'refused'],
      ['user:sara', 'agent.logoff', 'agents/Ada', 'accepted'],
    ]);
    expect(entries.at(-1)!.after).toMatchObject({ reason: 'Briefing', vendor: 'asterisk', sent: [{ Action: 'QueuePause', Reason: 'Briefing' }] });
  });
});
