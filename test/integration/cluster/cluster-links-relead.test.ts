import { describe, expect, it } from 'vitest';
import { eventually } from '../adapters/board.js';
import { linkedCluster, linkLines, postgres, type ClusterPbx } from './linked-cluster.js';
import { amiPbx, eslPbx } from './cluster-pbxs.js';

/**
 * A node that led, lost the lead while alive (stalled past its lease) and leads again must read the PBX as it is
 * now: meanwhile another node told the board other things, so what this node's link last believed is stale.
 */
function describeLeadingAgain(pbx: ClusterPbx): void {
  describe.skipIf(!postgres)(`PBX links in a cluster (${pbx.session}): a node that leads again reads the PBX afresh`, () => {
    const cluster = linkedCluster(pbx, ['n1', 'n2']);
    const { peer } = pbx;
    const [agent] = pbx.agents;

    it('an agent paused while no node held the link shows paused once a former leader takes the link again', async () => {
      const admin = await cluster.inspect();
      try {
        const first = await eventually('a leader', () => cluster.leaderOf(admin), 15_000);
        const other = cluster.running.nodes.find((node) => node !== first)!;
        await cluster.shows(first, agent, 'available', null);
        await cluster.pausedOnce(first, agent, 'Briefing', cluster.pauseOnNewLink);
        await cluster.shows(first, agent, 'not_ready', pbx.shownReason('Briefing'));

        // The first leader stalls past its lease (as a paused VM would): the other takes the link; resumed, it steps down.
        first.child.kill('SIGSTOP');
        try {
          await eventually('the other node leading, on the link', async () => ((await cluster.leaderOf(admin)) === other && peer.logins === 2 ? true : undefined), 15_000);
        } finally {
          first.child.kill('SIGCONT');
        }
        await eventually('the first node closing its link', async () => (/PBX links: closed on this node/.test(linkLines(first)) ? true : undefined), 15_000);
        const back = await cluster.onNewLink(() => cluster.act(other, agent, { paused: false }));
        expect(back.status, await back.clone().text()).toBe(202);
        await cluster.shows(first, agent, 'available', null);

        // The other node dies; before the first takes the link back the agent pauses at the phone, which no link hears.
        other.child.kill('SIGKILL');
        await other.exited;
        cluster.running.nodes = [first];
        pbx.pauseUnheard(agent, 'Briefing');
        await eventually('the first node on the link again', async () => (peer.logins === 3 && peer.sessions === 1 ? true : undefined), 15_000);
        await cluster.shows(first, agent, 'not_ready', pbx.shownReason('Briefing'));
      } finally {
        await admin.close();
      }
    }, 90_000);
  });
}

describeLeadingAgain(eslPbx());
describeLeadingAgain(amiPbx());
