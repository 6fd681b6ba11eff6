import { isDeepStrictEqual } from 'node:util';
import { AmiActionPeer } from '../agent-actions/ami-action-peer.js';
import { describeLinksInCluster } from './cluster-links-suite.js';

const peer = new AmiActionPeer('s3cret', [
  { queue: 'help', name: 'Ada', iface: 'PJSIP/201', paused: false, reason: '', dynamic: true },
  { queue: 'help', name: 'Bob', iface: 'PJSIP/202', paused: false, reason: '', dynamic: true },
]);
const interfaces: Record<string, string> = { Ada: 'PJSIP/201', Bob: 'PJSIP/202' };

describeLinksInCluster({
  session: 'AMI session',
  vendor: 'asterisk',
  peer,
  listen: async () => ({ PLANCIA_AMI_URL: await peer.listen() }),
  agents: ['Ada', 'Bob'],
  pauseSent: (agentId, reason) => ({ Action: 'QueuePause', Interface: interfaces[agentId]!, Paused: 'true', Reason: reason }),
  // Every field as sent, but the ActionID the link numbers.
  received: (sent) => peer.actions.filter(({ ActionID: _id, ...fields }) => isDeepStrictEqual(fields, sent)).length,
  shownReason: (reason) => reason,
  // A new link learns the members from its QueueStatus: until then its leader refuses, as a fresh start would.
  notYet: /has not reported a queue member/,
});
