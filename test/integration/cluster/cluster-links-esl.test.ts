import { CallcenterEslPeer } from '../agent-actions/vendor-endpoints.js';
import { describeLinksInCluster } from './cluster-links-suite.js';

// mod_callcenter names agents `<name>@<domain>`; the peer tells each one's status as a link subscribes (FreeSWITCH
// itself tells only changes), so the first leader's board learns them.
const peer = new CallcenterEslPeer('ClueCon', new Map([['carla@default', 'Available'], ['dave@default', 'Available']]));

describeLinksInCluster({
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
});
