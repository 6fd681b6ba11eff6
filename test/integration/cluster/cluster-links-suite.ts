import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentSnapshot, Snapshot } from '@plancia/contracts';
import { backends, NAMED_AGENTS, type TestDatabase } from '../helpers/plancia-server.js';
import { asPage, login } from '../session/session-client.js';
import { eventually } from '../adapters/board.js';
import { inspect, startNode, type ClusterNode } from './cluster-nodes.js';

const postgres = backends.find((backend) => backend.name === 'postgres');
const PASSWORD = 'correct horse battery staple';
const LEASE_MS = 3_000;
const ENV = { ...NAMED_AGENTS, PLANCIA_ADMIN_PASSWORD: PASSWORD, PLANCIA_LEADER_LEASE_MS: String(LEASE_MS), PLANCIA_TICK_MS: '1000', LOG_LEVEL: 'info' };

/** A PBX's side of the link, speaking its wire protocol on a loopback port. */
export interface LinkPeer {
  /** Accepted logins so far: one per session a client opened. */
  readonly logins: number;
  /** Logged-in sessions open now. */
  readonly sessions: number;
  close(): Promise<void>;
}

/** What the suite needs to know of one PBX: its peer, its agents, and how a pause looks on its wire. */
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
}

/** A node's log lines about its PBX links and its lead. */
const linkLines = (node: ClusterNode): string =>
  node.output().split('\n').filter((line) => /PBX links|this node (leads|follows)/.test(line)).map((line) => line.slice(0, 200)).join('\n  ');

/**
 * Three nodes of one cluster against one PBX peer: the link is on the leader only, what the PBX reports is on every
 * board once, an action posted to a follower reaches the PBX once through the leader, and the link moves when the
 * leader dies (SIGKILL) or stops (SIGTERM).
 */
export function describeLinksInCluster(pbx: ClusterPbx): void {
  describe.skipIf(!postgres)(`PBX links in a cluster (${pbx.session}): on the leader only, moving on failover, actions from any node`, () => {
    const cluster = `t${randomBytes(5).toString('hex')}`;
    const { peer } = pbx;
    const [first, second] = pbx.agents;
    let database: TestDatabase;
    let nodes: ClusterNode[] = [];
    const cookies = new Map<ClusterNode, string>();

    const agentsOn = async (node: ClusterNode): Promise<AgentSnapshot[]> =>
      ((await (await asPage(node.url, '/api/v1/snapshot', cookies.get(node)!)).json()) as Snapshot).agents;
    const pause = (node: ClusterNode, agentId: string, reason: string) =>
      asPage(node.url, `/api/v1/agents/${encodeURIComponent(agentId)}/pause`, cookies.get(node)!, 'POST', { paused: true, reason });
    const pauseOnNewLink = (node: ClusterNode, agentId: string, reason: string) => eventually('the action accepted through the new link', async () => {
      const answer = await pause(node, agentId, reason);
      return answer.status === 502 && pbx.notYet.test(await answer.clone().text()) ? undefined : answer;
    }, 5_000);
    /** Posts a pause to `node` (`send`) and checks the peer received it exactly once. */
    const pausedOnce = async (node: ClusterNode, agentId: string, reason: string, send = pause) => {
      const sent = pbx.pauseSent(agentId, reason);
      const before = pbx.received(sent);
      const response = await send(node, agentId, reason);
      expect(response.status, await response.clone().text()).toBe(202);
      expect(await response.json()).toMatchObject({ agentId, action: 'pause', vendor: pbx.vendor, sent: [sent] });
      expect(pbx.received(sent) - before).toBe(1);
    };
    const leaderOf = async (admin: Awaited<ReturnType<typeof inspect>>) => {
      const id = await admin.leader();
      return nodes.find((node) => node.id === id);
    };
    /** What a node's /readyz says of the PBX link. */
    const linkHealth = async (node: ClusterNode) => {
      const { sources } = (await (await fetch(`${node.url}/readyz`)).json()) as { sources: Record<string, { healthy: boolean; connected?: boolean; detail?: string }> };
      return Object.values(sources)[0];
    };
    const said = () => nodes.map((node) => `${node.id}:\n  ${linkLines(node)}`).join('\n');

    beforeAll(async () => {
      database = await postgres!.create();
      const databaseUrl = (database.options as { databaseUrl: string }).databaseUrl;
      const env = { ...ENV, ...(await pbx.listen()) };
      nodes = await Promise.all(['n1', 'n2', 'n3'].map((id) => startNode(id, cluster, databaseUrl, env)));
      for (const node of nodes) cookies.set(node, (await login(node.url, 'admin', PASSWORD)).cookie);
    }, 180_000);

    afterAll(async () => {
      nodes.forEach((node) => node.child.exitCode === null && node.child.kill('SIGKILL'));
      await Promise.all(nodes.map((node) => node.exited));
      const admin = await inspect(cluster);
      await admin.remove();
      await admin.close();
      await peer.close();
      await database?.dispose();
    });

    it(`one node, the leader, holds the one ${pbx.session}; what the PBX reports is on every node once`, async () => {
      const admin = await inspect(cluster);
      try {
        const leader = await eventually('a leader', () => leaderOf(admin), 15_000);
        await eventually(`an ${pbx.session}`, async () => (peer.sessions === 1 ? true : undefined), 15_000);
        for (const node of nodes) {
          await eventually(`${first} and ${second} on ${node.id}`, async () => {
            const agents = await agentsOn(node);
            return agents.some((a) => a.agentId === first) && agents.some((a) => a.agentId === second) ? agents : undefined;
          }, 15_000);
        }
        // Well past a lease: a follower that opened a link would have logged in by now.
        await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 1_000));
        expect({ logins: peer.logins, sessions: peer.sessions }, said()).toEqual({ logins: 1, sessions: 1 });
        for (const node of nodes) {
          const agents = await agentsOn(node);
          for (const agentId of pbx.agents) expect(agents.filter((a) => a.agentId === agentId), `${agentId} on ${node.id}`).toHaveLength(1);
        }
        expect(linkLines(leader)).toMatch(/PBX links: opened on this node/);
        expect(await linkHealth(leader)).toMatchObject({ healthy: true, connected: true });
        for (const follower of nodes.filter((node) => node !== leader)) {
          expect(linkLines(follower)).not.toMatch(/PBX links: opened/);
          expect(await linkHealth(follower)).toMatchObject({ healthy: true, connected: false, detail: expect.stringMatching(/held by the cluster leader/) });
        }
      } finally {
        await admin.close();
      }
    }, 60_000);

    it('an action posted to a follower reaches the PBX once, through the leader; the board on the follower follows', async () => {
      const admin = await inspect(cluster);
      try {
        const leader = (await leaderOf(admin))!;
        const follower = nodes.find((node) => node !== leader)!;
        await pausedOnce(follower, first, 'Briefing');
        expect(peer.logins).toBe(1);
        await eventually(`${first} paused on the follower`, async () => {
          const agent = (await agentsOn(follower)).find((a) => a.agentId === first);
          return agent?.state === 'not_ready' && agent.reason === pbx.shownReason('Briefing') ? agent : undefined;
        });
        // The audit entry is the receiving node's: it checked the caller's rights and answered.
        const audit = await asPage(follower.url, '/api/v1/audit', cookies.get(follower)!);
        expect(audit.status).toBe(200);
        expect(await audit.json()).toContainEqual(expect.objectContaining({ action: 'agent.pause', resource: `agents/${first}` }));
      } finally {
        await admin.close();
      }
    }, 30_000);

    it('the link moves to another node when the leader dies; meanwhile a follower answers 503 naming why', async () => {
      const admin = await inspect(cluster);
      try {
        const leader = (await leaderOf(admin))!;
        const survivor = nodes.find((node) => node !== leader)!;
        const killedAt = Date.now();
        leader.child.kill('SIGKILL');
        await leader.exited;
        nodes = nodes.filter((node) => node !== leader);
        // Until the lease expires no node leads: the caller hears so at once, nothing hangs.
        const early = await pause(survivor, second, 'Lunch');
        const earlyMs = Date.now() - killedAt;
        expect(earlyMs).toBeLessThan(LEASE_MS / 2);
        expect(early.status).toBe(503);
        expect(await early.json()).toMatchObject({ error: 'leader_unavailable', message: expect.stringMatching(/No cluster node leads now/) });
        await eventually(`a new ${pbx.session}`, async () => (peer.sessions === 1 && peer.logins === 2 ? true : undefined), 15_000);
        const movedMs = Date.now() - killedAt;
        const next = await eventually('a new leader', async () => {
          const found = await leaderOf(admin);
          return found && found !== leader ? found : undefined;
        });
        console.log(`PBX link (${pbx.session}) moved in ${movedMs} ms (lease ${LEASE_MS} ms) to ${next.id}`);
        expect(movedMs, said()).toBeLessThan(LEASE_MS * 2 + 2_000);
        expect(linkLines(next)).toMatch(/PBX links: opened on this node/);

        const follower = nodes.find((node) => node !== next)!;
        await pausedOnce(follower, second, 'Lunch', pauseOnNewLink);
        await eventually(`${second} paused on both nodes, each agent once`, async () => {
          const views = await Promise.all(nodes.map(agentsOn));
          return views.every((agents) => agents.filter((a) => a.agentId === second && a.reason === pbx.shownReason('Lunch')).length === 1
            && agents.filter((a) => a.agentId === first).length === 1) ? true : undefined;
        });
        expect(peer.sessions).toBe(1);
      } finally {
        await admin.close();
      }
    }, 60_000);

    it('a leader that stops cleanly hands the link over at once, without waiting for its lease to expire', async () => {
      const admin = await inspect(cluster);
      try {
        const leader = (await leaderOf(admin))!;
        const loginsBefore = peer.logins;
        const stoppedAt = Date.now();
        leader.child.kill('SIGTERM');
        await eventually('the link on the last node', async () => (peer.logins === loginsBefore + 1 && peer.sessions === 1 ? true : undefined), 15_000);
        const movedMs = Date.now() - stoppedAt;
        await leader.exited;
        nodes = nodes.filter((node) => node !== leader);
        console.log(`PBX link (${pbx.session}) moved in ${movedMs} ms after a clean stop (lease ${LEASE_MS} ms)`);
        expect(movedMs, said()).toBeLessThan(LEASE_MS);
        expect(linkLines(leader)).toMatch(/PBX links: closed on this node/);
        const [last] = nodes;
        expect(await leaderOf(admin)).toBe(last);
        // The last node leads and sends on its own link.
        await pausedOnce(last!, first, 'Training', pauseOnNewLink);
      } finally {
        await admin.close();
      }
    }, 30_000);
  });
}
