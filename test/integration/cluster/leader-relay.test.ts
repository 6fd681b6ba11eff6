import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterBus } from '../../../apps/server/src/cluster/cluster-bus.js';
import { LeadershipSignal } from '../../../apps/server/src/cluster/leadership.js';
import { ActionUnavailable, type AcdChannel } from '../../../apps/server/src/agent-actions/acd-channel.js';
import { LeaderRelay } from '../../../apps/server/src/agent-actions/leader-relay.js';
import { inspect, NATS_URL } from './cluster-nodes.js';

const SOURCE = 'ami://pbx:5038';
const PAUSE = { action: 'pause' as const, reason: 'Lunch' };

/** Two nodes' relays over the machine's NATS, as the adapters plugin builds them; `leader` answers, `follower` asks. */
describe('the leader relay over NATS request/reply', () => {
  const cluster = `relay${randomBytes(4).toString('hex')}`;
  const buses: ClusterBus[] = [];
  const open = async (nodeId: string) => {
    const bus = await ClusterBus.open({
      servers: [NATS_URL], name: cluster, nodeId, monitorUrl: '', allowUnsynced: true, replicas: 1,
      duplicateWindowMs: 60_000, maxAgeMs: 3_600_000, leaseMs: 3_000,
    });
    buses.push(bus);
    return bus;
  };
  let leaderBus: ClusterBus;
  let followerBus: ClusterBus;
  beforeAll(async () => {
    leaderBus = await open('leader');
    followerBus = await open('follower');
  });
  afterAll(async () => {
    await Promise.all(buses.map((bus) => bus.close()));
    const admin = await inspect(cluster);
    await admin.remove();
    await admin.close();
  });

  const relays = (leaderChannel: AcdChannel, timeoutMs = 500) => {
    const leading = new LeadershipSignal();
    leading.set(true);
    const leader = new LeaderRelay(leaderBus.nc, leaderBus.names.agentActions, leading, timeoutMs);
    leader.channel(SOURCE, leaderChannel);
    const follower = new LeaderRelay(followerBus.nc, followerBus.names.agentActions, new LeadershipSignal(), timeoutMs);
    const unused: AcdChannel = { vendor: 'asterisk', send: () => Promise.reject(new Error('a follower must not use its own link')) };
    return { leader, followerChannel: follower.channel(SOURCE, unused) };
  };

  it("a follower's action is sent on the leader's channel and answered with its outcome", async () => {
    const received: unknown[] = [];
    const { leader, followerChannel } = relays({ vendor: 'asterisk', send: async (agentId, action) => {
      received.push({ agentId, action });
      return { sent: [{ Action: 'QueuePause', Interface: 'PJSIP/201', Paused: 'true', Reason: 'Lunch' }], reason: 'Lunch' };
    } });
    leader.serve(true);
    // The subscription is on the leader's own connection: the server must have it before the follower's connection asks.
    await leaderBus.nc.flush();
    try {
      await expect(followerChannel.send('Ada', PAUSE)).resolves.toMatchObject({ reason: 'Lunch', sent: [{ Action: 'QueuePause' }] });
      expect(received).toEqual([{ agentId: 'Ada', action: PAUSE }]);
    } finally {
      leader.serve(false);
      // The server has the unsubscription before the next test asks.
      await leaderBus.nc.flush();
    }
  });

  it('with no leader serving, the follower hears at once that none leads', async () => {
    const { followerChannel } = relays({ vendor: 'asterisk', send: () => new Promise(() => {}) });
    const began = Date.now();
    const failure = followerChannel.send('Ada', PAUSE);
    await expect(failure).rejects.toThrow(ActionUnavailable);
    await expect(failure).rejects.toThrow(/No cluster node leads now/);
    expect(Date.now() - began).toBeLessThan(400);
  });

  it('a leader that does not answer in time is a timeout naming the wait, not a hang', async () => {
    const { leader, followerChannel } = relays({ vendor: 'asterisk', send: () => new Promise(() => {}) }, 300);
    leader.serve(true);
    // The subscription is on the leader's own connection: the server must have it before the follower's connection asks.
    await leaderBus.nc.flush();
    try {
      await expect(followerChannel.send('Ada', PAUSE)).rejects.toThrow(/did not answer within 0.3 s/);
    } finally {
      leader.serve(false);
    }
  });
});
