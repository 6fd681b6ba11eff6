import { describe, expect, it } from 'vitest';
import { eventually } from '../adapters/board.js';
import { LEASE_MS, linkedCluster, linkLines, postgres, type ClusterPbx } from './linked-cluster.js';

/**
 * Three nodes of one cluster against one PBX peer: the link is on the leader only, what the PBX reports is on every
 * board once, an action posted to a follower reaches the PBX once through the leader, and the link moves when the
 * leader dies (SIGKILL) or stops (SIGTERM).
 */
export function describeLinksInCluster(pbx: ClusterPbx): void {
  describe.skipIf(!postgres)(`PBX links in a cluster (${pbx.session}): on the leader only, moving on failover, actions from any node`, () => {
    const { peer } = pbx;
    const [first, second] = pbx.agents;
    const cluster = linkedCluster(pbx, ['n1', 'n2', 'n3']);
    const { agentsOn, leaderOf, linkHealth, said } = cluster;

    it(`one node, the leader, holds the one ${pbx.session}; what the PBX reports is on every node once`, async () => {
      const admin = await cluster.inspect();
      try {
        const leader = await eventually('a leader', () => leaderOf(admin), 15_000);
        await eventually(`an ${pbx.session}`, async () => (peer.sessions === 1 ? true : undefined), 15_000);
        for (const node of cluster.running.nodes) {
          await eventually(`${first} and ${second} on ${node.id}`, async () => {
            const agents = await agentsOn(node);
            return agents.some((a) => a.agentId === first) && agents.some((a) => a.agentId === second) ? agents : undefined;
          }, 15_000);
        }
        // Well past a lease: a follower that opened a link would have logged in by now.
        await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 1_000));
        expect({ logins: peer.logins, sessions: peer.sessions }, said()).toEqual({ logins: 1, sessions: 1 });
        for (const node of cluster.running.nodes) {
          const agents = await agentsOn(node);
          for (const agentId of pbx.agents) expect(agents.filter((a) => a.agentId === agentId), `${agentId} on ${node.id}`).toHaveLength(1);
        }
        expect(linkLines(leader)).toMatch(/PBX links: opened on this node/);
        expect(await linkHealth(leader)).toMatchObject({ healthy: true, connected: true });
        for (const follower of cluster.running.nodes.filter((node) => node !== leader)) {
          expect(linkLines(follower)).not.toMatch(/PBX links: opened/);
          expect(await linkHealth(follower)).toMatchObject({ healthy: true, connected: false, detail: expect.stringMatching(/held by the cluster leader/) });
        }
      } finally {
        await admin.close();
      }
    }, 60_000);

    it('an action posted to a follower reaches the PBX once, through the leader; the board on the follower follows', async () => {
      const admin = await cluster.inspect();
      try {
        const leader = (await leaderOf(admin))!;
        const follower = cluster.running.nodes.find((node) => node !== leader)!;
        await cluster.pausedOnce(follower, first, 'Briefing');
        expect(peer.logins).toBe(1);
        await cluster.shows(follower, first, 'not_ready', pbx.shownReason('Briefing'));
        // The audit entry is the receiving node's: it checked the caller's rights and answered.
        const audit = await cluster.page(follower, '/api/v1/audit');
        expect(audit.status).toBe(200);
        expect(await audit.json()).toContainEqual(expect.objectContaining({ action: 'agent.pause', resource: `agents/${first}` }));
      } finally {
        await admin.close();
      }
    }, 30_000);

    it('the link moves to another node when the leader dies; meanwhile a follower answers 503 naming why', async () => {
      const admin = await cluster.inspect();
      try {
        const leader = (await leaderOf(admin))!;
        const survivor = cluster.running.nodes.find((node) => node !== leader)!;
        const killedAt = Date.now();
        leader.child.kill('SIGKILL');
        await leader.exited;
        cluster.running.nodes = cluster.running.nodes.filter((node) => node !== leader);
        // Until the lease expires no node leads: the caller hears so at once, nothing hangs.
        const early = await cluster.pause(survivor, second, 'Lunch');
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

        const follower = cluster.running.nodes.find((node) => node !== next)!;
        await cluster.pausedOnce(follower, second, 'Lunch', cluster.pauseOnNewLink);
        await eventually(`${second} paused on both nodes, each agent once`, async () => {
          const views = await Promise.all(cluster.running.nodes.map(agentsOn));
          return views.every((agents) => agents.filter((a) => a.agentId === second && a.reason === pbx.shownReason('Lunch')).length === 1
            && agents.filter((a) => a.agentId === first).length === 1) ? true : undefined;
        });
        expect(peer.sessions).toBe(1);
      } finally {
        await admin.close();
      }
    }, 60_000);

    it('a leader that stops cleanly hands the link over at once, without waiting for its lease to expire', async () => {
      const admin = await cluster.inspect();
      try {
        const leader = (await leaderOf(admin))!;
        const loginsBefore = peer.logins;
        const stoppedAt = Date.now();
        leader.child.kill('SIGTERM');
        await eventually('the link on the last node', async () => (peer.logins === loginsBefore + 1 && peer.sessions === 1 ? true : undefined), 15_000);
        const movedMs = Date.now() - stoppedAt;
        await leader.exited;
        cluster.running.nodes = cluster.running.nodes.filter((node) => node !== leader);
        console.log(`PBX link (${pbx.session}) moved in ${movedMs} ms after a clean stop (lease ${LEASE_MS} ms)`);
        expect(movedMs, said()).toBeLessThan(LEASE_MS);
        expect(linkLines(leader)).toMatch(/PBX links: closed on this node/);
        const [last] = cluster.running.nodes;
        expect(await leaderOf(admin)).toBe(last);
        // The last node leads and sends on its own link.
        await cluster.pausedOnce(last!, first, 'Training', cluster.pauseOnNewLink);
      } finally {
        await admin.close();
      }
    }, 30_000);
  });
}
