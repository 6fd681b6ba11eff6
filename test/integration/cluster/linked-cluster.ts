import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import type { AgentSnapshot, Snapshot } from '@plancia/contracts';
import { backends, NAMED_AGENTS, type TestDatabase } from '../helpers/plancia-server.js';
import { asPage, login } from '../session/session-client.js';
import { eventually } from '../adapters/board.js';
import { inspect, startNode, type ClusterNode } from './cluster-nodes.js';

export const postgres = backends.find((backend) => backend.name === 'postgres');
const PASSWORD = 'correct horse battery staple';
// The product's default lease: a shorter one was lost to a loaded CI machine's pauses, moving the link mid-test.
export const LEASE_MS = 5_000;
const ENV = { ...NAMED_AGENTS, PLANCIA_ADMIN_PASSWORD: PASSWORD, PLANCIA_LEADER_LEASE_MS: String(LEASE_MS), PLANCIA_TICK_MS: '1000', LOG_LEVEL: 'info' };

/** A PBX's side of the link, speaking its wire protocol on a loopback port. */
export interface LinkPeer {
  /** Accepted logins so far: one per session a client opened. */
  readonly logins: number;
  /** Logged-in sessions open now. */
  readonly sessions: number;
  close(): Promise<void>;
}

/** What the cluster tests need to know of one PBX: its peer, its agents, and how a pause looks on its wire. */
export interface ClusterPbx {
  /** Names the PBX's session in the titles, e.g. "AMI session". */
  session: string;
  /** The `vendor` an action's answer names. */
  vendor: string;
  peer: LinkPeer;
  /** Starts the peer; answers the environment that points every node at it. */
  listen(): Promise<Record<string, string>>;
  /** The two agents the PBX reports, as the board names them. */
  agents: readonly [string, string];
  /** What the link sends to pause `agentId` for `reason`, as the action's answer lists it. */
  pauseSent(agentId: string, reason: string): Record<string, string>;
  /** How many times the peer has received exactly `sent`. */
  received(sent: Record<string, string>): number;
  /** The reason the board shows once the PBX has paused an agent for `reason`. */
  shownReason(reason: string): string;
  /** A new link's refusal until it knows the agents (as a fresh start would refuse): the caller tries again. */
  notYet: RegExp;
  /** Pauses an agent on the PBX itself, as the agent would at the phone, while no link is open to hear it. */
  pauseUnheard(agentId: string, reason: string): void;
}

/** A node's log lines about its PBX links and its lead. */
export const linkLines = (node: ClusterNode): string =>
  node.output().split('\n').filter((line) => /PBX links|this node (leads|follows)/.test(line)).map((line) => line.slice(0, 200)).join('\n  ');

/**
 * Nodes `ids` of a new cluster, all pointed at `pbx`'s peer, started before the tests of the calling `describe` and
 * killed after them; `running.nodes` are those still running (a test that ends one removes it).
 */
export function linkedCluster(pbx: ClusterPbx, ids: readonly string[]) {
  const cluster = `t${randomBytes(5).toString('hex')}`;
  const cookies = new Map<ClusterNode, string>();
  const running = { nodes: [] as ClusterNode[] };
  let database: TestDatabase;

  /** GET (or `method`) `path` on `node` as the admin. */
  const page = (node: ClusterNode, path: string, method?: string, body?: unknown) => asPage(node.url, path, cookies.get(node)!, method, body);
  const agentsOn = async (node: ClusterNode): Promise<AgentSnapshot[]> => ((await (await page(node, '/api/v1/snapshot')).json()) as Snapshot).agents;
  const act = (node: ClusterNode, agentId: string, body: { paused: boolean; reason?: string }) =>
    page(node, `/api/v1/agents/${encodeURIComponent(agentId)}/pause`, 'POST', body);
  const pause = (node: ClusterNode, agentId: string, reason: string) => act(node, agentId, { paused: true, reason });
  /**
   * Sends an action through a link that may have just opened, asking again while the PBX refuses it as `pbx.notYet`
   * or while the node has not yet taken the lead it was just given (503 leader_unavailable, "try again").
   */
  const onNewLink = (request: () => Promise<Response>) => eventually('the action accepted through the new link', async () => {
    const answer = await request();
    const text = await answer.clone().text();
    return (answer.status === 502 && pbx.notYet.test(text)) || (answer.status === 503 && /leader_unavailable/.test(text)) ? undefined : answer;
  }, 5_000);
  const pauseOnNewLink = (node: ClusterNode, agentId: string, reason: string) => onNewLink(() => pause(node, agentId, reason));
  /** Posts a pause to `node` (through `send`) and checks the peer received it exactly once. */
  const pausedOnce = async (node: ClusterNode, agentId: string, reason: string, send = pause) => {
    const sent = pbx.pauseSent(agentId, reason);
    const before = pbx.received(sent);
    const response = await send(node, agentId, reason);
    expect(response.status, await response.clone().text()).toBe(202);
    expect(await response.json()).toMatchObject({ agentId, action: 'pause', vendor: pbx.vendor, sent: [sent] });
    expect(pbx.received(sent) - before).toBe(1);
  };
  /** Waits until `node`'s board shows `agentId` as `state` for `reason` (null: none). */
  const shows = (node: ClusterNode, agentId: string, state: string, reason: string | null) => eventually(`${agentId} ${state} (${reason}) on ${node.id}`, async () => {
    const agent = (await agentsOn(node)).find((a) => a.agentId === agentId);
    return agent?.state === state && agent.reason === reason ? agent : undefined;
  });
  const leaderOf = async (admin: Awaited<ReturnType<typeof inspect>>) => {
    const id = await admin.leader();
    return running.nodes.find((node) => node.id === id);
  };
  /** What a node's /readyz says of the PBX link. */
  const linkHealth = async (node: ClusterNode) => {
    const { sources } = (await (await fetch(`${node.url}/readyz`)).json()) as { sources: Record<string, { healthy: boolean; connected?: boolean; detail?: string }> };
    return Object.values(sources)[0];
  };
  /** Every running node's log about its links: the message of a failed expectation. */
  const said = () => running.nodes.map((node) => `${node.id}:\n  ${linkLines(node)}`).join('\n');

  beforeAll(async () => {
    database = await postgres!.create();
    const databaseUrl = (database.options as { databaseUrl: string }).databaseUrl;
    const env = { ...ENV, ...(await pbx.listen()) };
    running.nodes = await Promise.all(ids.map((id) => startNode(id, cluster, databaseUrl, env)));
    for (const node of running.nodes) cookies.set(node, (await login(node.url, 'admin', PASSWORD)).cookie);
  }, 180_000);

  afterAll(async () => {
    running.nodes.forEach((node) => node.child.exitCode === null && node.child.kill('SIGKILL'));
    await Promise.all(running.nodes.map((node) => node.exited));
    const admin = await inspect(cluster);
    await admin.remove();
    await admin.close();
    await pbx.peer.close();
    await database?.dispose();
  });

  const inspectIt = () => inspect(cluster);
  return { running, inspect: inspectIt, page, agentsOn, act, pause, onNewLink, pauseOnNewLink, pausedOnce, shows, leaderOf, linkHealth, said };
}
