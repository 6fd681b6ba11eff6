import { isDeepStrictEqual } from 'node:util';
import { AmiActionPeer } from '../agent-actions/ami-action-peer.js';
import { CallcenterEslPeer } from '../agent-actions/vendor-endpoints.js';
import type { ClusterPbx } from './linked-cluster.js';

/** Asterisk: app_queue members Ada and Bob behind a real AMI peer. */
export function amiPbx(): ClusterPbx {
  const peer = new AmiActionPeer('s3cret', [
    { queue: 'help', name: 'Ada', iface: 'PJSIP/201', paused: false, reason: '', dynamic: true },
    { queue: 'help', name: 'Bob', iface: 'PJSIP/202', paused: false, reason: '', dynamic: true },
  ]);
  const member = (agentId: string) => peer.members.find((m) => m.name === agentId)!;
  return {
    session: 'AMI session',
    vendor: 'asterisk',
    peer,
    listen: async () => ({ PLANCIA_AMI_URL: await peer.listen() }),
    agents: ['Ada', 'Bob'],
    pauseSent: (agentId, reason) => ({ Action: 'QueuePause', Interface: member(agentId).iface, Paused: 'true', Reason: reason }),
    // Every field as sent, but the ActionID the link numbers.
    received: (sent) => peer.actions.filter(({ ActionID: _id, ...fields }) => isDeepStrictEqual(fields, sent)).length,
    shownReason: (reason) => reason,
    // A new link learns the members from its QueueStatus: until then its leader refuses, as a fresh start would.
    notYet: /has not reported a queue member/,
    pauseUnheard: (agentId, reason) => Object.assign(member(agentId), { paused: true, reason }),
  };
}

/**
 * FreeSWITCH: mod_callcenter agents `carla@default` and `dave@default` behind a real event socket peer, which like
 * FreeSWITCH tells only changes: each link learns the agents as they are from its `callcenter_config agent list` read.
 */
export function eslPbx(): ClusterPbx {
  const peer = new CallcenterEslPeer('ClueCon', new Map([['carla@default', 'Available'], ['dave@default', 'Available']]));
  return {
    session: 'event socket session',
    vendor: 'freeswitch',
    peer,
    listen: async () => ({ PLANCIA_FREESWITCH_URL: await peer.listen() }),
    agents: ['carla@default', 'dave@default'],
    // mod_callcenter has no pause reasons: every pause is its `On Break` status.
    pauseSent: (agentId) => ({ api: `callcenter_config agent set status ${agentId} 'On Break'` }),
    received: (sent) => peer.commands.filter((command) => command === `api ${sent.api}`).length,
    shownReason: () => 'On Break',
    // Between the new link's connect and its subscription the channel has no session to send on.
    notYet: /The event socket to FreeSWITCH is down/,
    pauseUnheard: (agentId) => void peer.agents.set(agentId, 'On Break'),
  };
}
