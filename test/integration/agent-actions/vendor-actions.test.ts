import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type AgentSnapshot, type ConfigDocument, type InstallationSnapshot, type Snapshot } from '@plancia/contracts';
import { backends, NAMED_AGENTS, startTestServer, type TestDatabase, type TestServer } from '../helpers/plancia-server.js';
import { eventually, queueOf, settled, snapshotOf } from '../adapters/board.js';
import { CallcenterEslPeer, json, LocalHttpEndpoint, verifySigV4, type Received } from './vendor-endpoints.js';

const hex = (char: string) => char.repeat(32);
const ACCOUNT = `AC${hex('a')}`;
const AUTH_TOKEN = 'twilio-auth-token-for-action-tests';
const WORKSPACE = `WS${hex('b')}`;
const WORKER = `WK${hex('c')}`;
const ACTIVITY = { Available: `WA${hex('1')}`, Offline: `WA${hex('2')}`, Break: `WA${hex('3')}`, Lunch: `WA${hex('4')}` };
const CONNECT_TOKEN = 'connect-forwarder-token-for-actions';
const KEYS = { accessKeyId: 'AKIDPLANCIATEST0001', secretAccessKey: 'plancia-test-secret-access-key-0000000001' };
const REGION = 'eu-central-1';
const INSTANCE = 'inst-0001';
const USER = 'user-bea-0001';
const STATUS = { Available: 'st-available', Offline: 'st-offline', Break: 'st-break' };

let database!: TestDatabase;
let server!: TestServer;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

async function start(env: Record<string, string>): Promise<TestServer> {
  database = await backends[0]!.create();
  server = await startTestServer(database, { ...NAMED_AGENTS, ...env });
  cleanups.push(() => database.dispose(), () => server.stop());
  return server;
}

const agent = async (agentId: string): Promise<AgentSnapshot | undefined> =>
  ((await (await fetch(`${server.url}/api/v1/snapshot`)).json()) as Snapshot).agents.find((a) => a.agentId === agentId);
const stateOf = (agentId: string, state: string, reason: string | null = null) => eventually(`${agentId} ${state} ${reason}`, async () => {
  const shown = await agent(agentId);
  return shown?.state === state && shown.reason === reason ? shown : undefined;
});
const act = (agentId: string, verb: 'pause' | 'logoff', body?: unknown) => fetch(`${server.url}/api/v1/agents/${encodeURIComponent(agentId)}/${verb}`, {
  method: 'POST', ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
});

describe('Twilio TaskRouter: the worker\'s activity updated through the REST API', () => {
  /** TaskRouter's event callback for a worker's new activity, signed as Twilio signs it. */
  let pendingCallback: (() => Promise<Response>) | null = null;
  const signedCallback = (params: Record<string, string>) => {
    const url = `${server.url}/api/v1/adapters/twilio/taskrouter`;
    const signature = createHmac('sha1', AUTH_TOKEN).update(url + Object.keys(params).sort().map((k) => k + params[k]).join('')).digest('base64');
    return fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: new URLSearchParams(params) });
  };
  const callback = (activity: string, sid: string, workerSid = WORKER) => () => signedCallback({
    AccountSid: ACCOUNT, WorkspaceSid: WORKSPACE, Sid: sid, EventType: 'worker.activity.update', Timestamp: String(Math.floor(Date.now() / 1000)),
    TimestampMs: String(Date.now()), WorkerSid: workerSid, WorkerName: 'Ada', WorkerActivityName: activity,
  });
  const names = Object.fromEntries(Object.entries(ACTIVITY).map(([name, sid]) => [sid, name]));
  const taskrouter = new LocalHttpEndpoint((request: Received, response) => {
    const expectedAuth = `Basic ${Buffer.from(`${ACCOUNT}:${AUTH_TOKEN}`).toString('base64')}`;
    if (request.headers.authorization !== expectedAuth) return json(response, 401, { code: 20003, message: 'Authenticate', status: 401 });
    if (request.method !== 'POST' || request.path !== `/v1/Workspaces/${WORKSPACE}/Workers/${WORKER}`) return json(response, 404, { code: 20404, message: `The requested resource ${request.path} was not found`, status: 404 });
    if (!String(request.headers['content-type']).startsWith('application/x-www-form-urlencoded')) return json(response, 400, { code: 20001, message: 'Bad content type', status: 400 });
    const form = new URLSearchParams(request.body);
    const activity = names[form.get('ActivitySid') ?? ''];
    if (!activity || [...form.keys()].length !== 1) return json(response, 400, { code: 20001, message: 'ActivitySid is not valid', status: 400 });
    json(response, 200, { sid: WORKER, workspace_sid: WORKSPACE, activity_sid: form.get('ActivitySid'), activity_name: activity, available: activity === 'Available' });
    // TaskRouter then calls the workspace's EventCallbackUrl; held until the test lets it go.
    pendingCallback = callback(activity, `EV${request.body.length}${Date.now()}`);
  });

  beforeAll(async () => {
    const apiUrl = await taskrouter.listen();
    cleanups.push(() => taskrouter.close());
    await start({
      PLANCIA_TWILIO_AUTH_TOKEN: AUTH_TOKEN, PLANCIA_TWILIO_ACCOUNT_SID: ACCOUNT, PLANCIA_TWILIO_API_URL: apiUrl,
      PLANCIA_TWILIO_ACTIVITY_SIDS: Object.entries(ACTIVITY).map(([name, sid]) => `${name}=${sid}`).join(','),
    });
    expect((await callback('Available', 'EV0')()).status).toBe(200);
    await stateOf(WORKER, 'available');
  }, 60_000);

  it('pause with a reason posts that activity\'s sid with basic auth; the board follows TaskRouter\'s callback', { timeout: 30_000 }, async () => {
    const response = await act(WORKER, 'pause', { paused: true, reason: 'Lunch' });
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ vendor: 'twilio', source: `twilio:${WORKSPACE}`, reason: 'Lunch', sent: [{ method: 'POST', ActivitySid: ACTIVITY.Lunch }] });
    expect(taskrouter.received.at(-1)!.body).toBe(`ActivitySid=${ACTIVITY.Lunch}`);
    expect(await agent(WORKER)).toMatchObject({ state: 'available' });
    expect((await pendingCallback!()).status).toBe(200);
    await stateOf(WORKER, 'not_ready', 'Lunch');
  });

  it('pause without a reason takes the first pause activity; unpause Available; log off Offline', { timeout: 30_000 }, async () => {
    for (const [verb, body, sid] of [['pause', { paused: true }, ACTIVITY.Break], ['pause', { paused: false }, ACTIVITY.Available], ['logoff', undefined, ACTIVITY.Offline]] as const) {
      expect((await act(WORKER, verb, body)).status).toBe(202);
      expect(taskrouter.received.at(-1)!.body).toBe(`ActivitySid=${sid}`);
    }
    expect((await pendingCallback!()).status).toBe(200);
    await stateOf(WORKER, 'offline');
  });

  it('a reason with no activity is a 400 naming it; TaskRouter\'s refusal is a 502 with its words', async () => {
    const sent = taskrouter.received.length;
    const unknown = await act(WORKER, 'pause', { paused: true, reason: 'Coffee' });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ details: [{ path: '/reason' }] });
    expect(taskrouter.received).toHaveLength(sent);

    // A worker the callbacks reported that TaskRouter no longer knows (deleted meanwhile).
    const gone = `WK${hex('d')}`;
    expect((await callback('Available', 'EVgone', gone)()).status).toBe(200);
    await stateOf(gone, 'available');
    const refused = await act(gone, 'pause', { paused: false });
    expect(refused.status).toBe(502);
    expect(await refused.json()).toMatchObject({ error: 'acd_refused', vendor: 'twilio', message: `TaskRouter answered 404: The requested resource /v1/Workspaces/${WORKSPACE}/Workers/${gone} was not found (error 20404)` });
  });
});

describe('Amazon Connect: PutUserStatus through the AWS SDK, SigV4-signed', () => {
  let host = '';
  const connect = new LocalHttpEndpoint(async (request, response) => {
    const problem = await verifySigV4(request, host, KEYS, REGION, 'connect');
    if (problem) return json(response, 403, { message: problem }, { 'x-amzn-errortype': 'InvalidSignatureException' });
    if (request.method !== 'PUT' || request.path !== `/users/${INSTANCE}/${USER}/status`) {
      return json(response, 404, { Message: 'User not found' }, { 'x-amzn-errortype': 'ResourceNotFoundException' });
    }
    const { AgentStatusId } = JSON.parse(request.body) as { AgentStatusId?: string };
    if (!Object.values(STATUS).includes(AgentStatusId ?? '')) return json(response, 400, { Message: 'Invalid AgentStatusId' }, { 'x-amzn-errortype': 'InvalidRequestException' });
    json(response, 200, {});
  });
  const record = (status: string, eventId: string) => ({
    AgentARN: `arn:aws:connect:${REGION}:111122223333:instance/${INSTANCE}/agent/${USER}`, EventId: eventId, EventType: 'STATE_CHANGE',
    EventTimestamp: new Date().toISOString(), Version: '2019-05-25',
    CurrentAgentSnapshot: { AgentStatus: { Name: status }, Configuration: { FirstName: 'Bea', LastName: 'Neri', Username: 'bea' }, Contacts: [] },
  });
  const report = async (status: string, eventId: string) => fetch(`${server.url}/api/v1/adapters/amazon-connect`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${CONNECT_TOKEN}` }, body: JSON.stringify(record(status, eventId)),
  });

  beforeAll(async () => {
    const endpoint = await connect.listen();
    host = new URL(endpoint).host;
    cleanups.push(() => connect.close());
    await start({
      PLANCIA_CONNECT_TOKENS: CONNECT_TOKEN, PLANCIA_CONNECT_INSTANCE_ID: INSTANCE, PLANCIA_CONNECT_REGION: REGION, PLANCIA_CONNECT_ENDPOINT: endpoint,
      PLANCIA_CONNECT_ACCESS_KEY_ID: KEYS.accessKeyId, PLANCIA_CONNECT_SECRET_ACCESS_KEY: KEYS.secretAccessKey,
      PLANCIA_CONNECT_STATUS_IDS: Object.entries(STATUS).map(([name, id]) => `${name}=${id}`).join(','),
    });
    expect((await report('Available', 'ev-0')).status).toBe(200);
    await stateOf(USER, 'available');
  }, 60_000);

  it('pause sends a signed PutUserStatus with the Break status id; the board follows the agent event stream', { timeout: 30_000 }, async () => {
    const response = await act(USER, 'pause', { paused: true, reason: 'Break' });
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ vendor: 'amazon-connect', reason: 'Break', sent: [{ operation: 'PutUserStatus', InstanceId: INSTANCE, UserId: USER, AgentStatusId: STATUS.Break }] });
    const received = connect.received.at(-1)!;
    expect(await verifySigV4(received, host, KEYS, REGION, 'connect')).toBeNull();
    expect(JSON.parse(received.body)).toEqual({ AgentStatusId: STATUS.Break });
    expect(await agent(USER)).toMatchObject({ state: 'available' });
    expect((await report('Break', 'ev-1')).status).toBe(200);
    await stateOf(USER, 'not_ready', 'Break');
  });

  it('a request signed with another secret fails the endpoint\'s check (the check can fail)', async () => {
    const received = connect.received.at(-1)!;
    expect(await verifySigV4(received, host, { ...KEYS, secretAccessKey: 'another-secret-access-key-00000000001' }, REGION, 'connect')).toBe('the signature does not match the request');
    const tampered = { ...received, body: '{"AgentStatusId":"st-offline"}' };
    expect(await verifySigV4(tampered, host, KEYS, REGION, 'connect')).toMatch(/does not match/);
    expect(await verifySigV4({ ...received, path: `/users/${INSTANCE}/other-user/status` }, host, KEYS, REGION, 'connect')).toBe('the signature does not match the request');
  });

  it('log off sends the Offline status; Connect\'s refusal is a 502 naming its exception', { timeout: 30_000 }, async () => {
    expect((await act(USER, 'logoff')).status).toBe(202);
    expect(JSON.parse(connect.received.at(-1)!.body)).toEqual({ AgentStatusId: STATUS.Offline });
    // Another agent of the stream, unknown to the instance.
    expect((await fetch(`${server.url}/api/v1/adapters/amazon-connect`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${CONNECT_TOKEN}` },
      body: JSON.stringify({ ...record('Available', 'ev-2'), AgentARN: `arn:aws:connect:${REGION}:111122223333:instance/${INSTANCE}/agent/ghost` }),
    })).status).toBe(200);
    await stateOf('ghost', 'available');
    const refused = await act('ghost', 'pause', { paused: true });
    expect(refused.status).toBe(502);
    expect(await refused.json()).toMatchObject({ error: 'acd_refused', vendor: 'amazon-connect', message: 'Amazon Connect answered ResourceNotFoundException: User not found' });
  });
});

describe('FreeSWITCH mod_callcenter: what the link reads at open, and callcenter_config agent set status over the event socket', () => {
  // As FreeSWITCH holds them before the link opens: it tells none of this on subscribing, only later changes.
  const esl = new CallcenterEslPeer('ClueCon', new Map([['carla@default', 'Available'], ['dora@default', 'On Break'], ['enzo@default', 'Available']]));
  esl.states.set('enzo@default', 'In a queue call');
  const joined = Math.floor(Date.now() / 1000) - 40;
  esl.members.push(
    { queue: 'support@default', uuid: 'member-waiting-1', cidNumber: '3331234567', cidName: 'Rossi', joinedEpoch: joined, state: 'Waiting' },
    // Answered by enzo before the link opened: it will hang up while the link is open.
    { queue: 'support@default', uuid: 'member-answered', cidNumber: '3337654321', cidName: 'Neri', joinedEpoch: joined, state: 'Answered', servingAgent: 'enzo@default', bridgeEpoch: joined + 10 },
  );
  const support = async () => queueOf(await snapshotOf(server), 'support@default');
  const anomalies = async () => ((await snapshotOf(server)) as InstallationSnapshot).anomalies;

  beforeAll(async () => {
    const url = await esl.listen();
    cleanups.push(() => esl.close());
    await start({ PLANCIA_FREESWITCH_URL: url });
    await graceOf(1);
    await stateOf('carla@default', 'available');
  }, 60_000);

  /** A second's grace, so that an event of a contact the board never saw counts as an orphan while the test looks. */
  async function graceOf(seconds: number): Promise<void> {
    const document = (await (await fetch(`${server.url}/api/v1/config`)).json()) as ConfigDocument;
    const put = await fetch(`${server.url}/api/v1/config`, {
      method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...document, settings: { ...DEFAULT_SETTINGS, ...document.settings, graceSeconds: seconds } }),
    });
    expect(put.status, await put.clone().text()).toBe(200);
  }

  it('agents already Available, On Break or in a call and a caller already waiting are on the board once the link opens', { timeout: 30_000 }, async () => {
    await stateOf('dora@default', 'not_ready', 'On Break');
    await stateOf('enzo@default', 'on_contact');
    const queue = await eventually('the waiting caller', async () => ((await support())?.live.waiting === 1 ? support() : undefined));
    expect(queue!.live.longestWaitSince).toBe(new Date(joined * 1000).toISOString());
    expect(esl.reads).toEqual(['api callcenter_config agent list', 'api callcenter_config queue list', 'api callcenter_config queue list members support@default']);
  });

  it('a call answered before the link opened is an answered contact: its agent on it, answered once in its queue', { timeout: 30_000 }, async () => {
    const enzo = await eventually('enzo\'s answer', async () => ((await agent('enzo@default'))?.today?.answered === 1 ? agent('enzo@default') : undefined));
    // Talking since the bridge, not since the read.
    expect(enzo).toMatchObject({ state: 'on_contact', contactId: 'member-answered', since: new Date((joined + 10) * 1000).toISOString(), today: { stateCounts: { on_contact: 1 } } });
    expect(enzo.today!.talk).toBeGreaterThanOrEqual(25);
    expect((await support())!.windows.rolling).toMatchObject({ offered: 2, answered: 1 });
  });

  it('a reconnect reads again: what changed meanwhile shows, the callers already waiting or answered are not counted twice', { timeout: 30_000 }, async () => {
    const offered = (await support())!.windows.rolling.offered;
    esl.drop();
    esl.agents.set('dora@default', 'Available');
    esl.members.push({ queue: 'support@default', uuid: 'member-waiting-2', cidNumber: '3330001111', cidName: 'Verdi', joinedEpoch: joined + 20, state: 'Waiting' });
    await stateOf('dora@default', 'available');
    await eventually('the second waiting caller', async () => ((await support())?.live.waiting === 2 ? true : undefined));
    await settled(server);
    expect(esl.logins).toBe(2);
    expect((await support())!.windows.rolling).toMatchObject({ offered: offered + 1, answered: 1 });
    expect((await support())!.live.waiting).toBe(2);
    expect(await agent('enzo@default')).toMatchObject({ state: 'on_contact', today: { answered: 1 } });
  });

  it('the call answered before the link opened ends with its live bridge-agent-end: its agent in wrap-up, no orphan', { timeout: 30_000 }, async () => {
    esl.hangUp('member-answered');
    expect(await stateOf('enzo@default', 'wrap_up')).toMatchObject({ contactId: 'member-answered', today: { answered: 1 } });
    // Past the grace, an end the board could not place would count as an orphan by now.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await anomalies()).toMatchObject({ orphanEvents: 0, conflicts: 0 });
    expect((await support())!.windows.rolling).toMatchObject({ answered: 1 });
  });

  it('pause, unpause and log off send the api command; the board follows mod_callcenter\'s events', { timeout: 30_000 }, async () => {
    const pause = await act('carla@default', 'pause', { paused: true, reason: 'Briefing' });
    expect(pause.status).toBe(202);
    expect(await pause.json()).toMatchObject({ vendor: 'freeswitch', reason: 'On Break', sent: [{ api: "callcenter_config agent set status carla@default 'On Break'" }] });
    await stateOf('carla@default', 'not_ready', 'On Break');
    expect((await act('carla@default', 'pause', { paused: false })).status).toBe(202);
    await stateOf('carla@default', 'available');
    expect((await act('carla@default', 'logoff')).status).toBe(202);
    await stateOf('carla@default', 'offline');
    expect(esl.commands).toEqual([
      "api callcenter_config agent set status carla@default 'On Break'",
      "api callcenter_config agent set status carla@default 'Available'",
      "api callcenter_config agent set status carla@default 'Logged Out'",
    ]);
  });
});
