import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../test-support/fixtures.js';
import { AmiParser } from './ami-parser.js';
import { AsteriskMapper } from './asterisk-mapper.js';
import { MemberDirectory } from './member-directory.js';

describe('MemberDirectory: from the board\'s agent id back to the AMI interface', () => {
  it('inverts the mapper: the agent id of a recorded QueueMemberPause leads to its Interface and queue', () => {
    const messages = new AmiParser().push(fixtureBytes('vendor/asterisk-ami/goami2/queue-member-pause.ami.txt'));
    const directory = new MemberDirectory();
    const mapper = new AsteriskMapper({ source: 'ami://pbx' });
    const agentIds = new Set<string>();
    for (const message of messages) {
      directory.learn(message);
      for (const event of mapper.map(message, 1_700_000_000_000)) {
        if (event.type === 'agent.state') agentIds.add((event.data as { agentId: string }).agentId);
      }
    }
    expect([...agentIds]).toEqual(['9921@okon.ferry.sip.com']);
    expect(directory.lookup('9921@okon.ferry.sip.com')).toEqual({ interface: 'Local/9921-12@from-queue/n', queues: ['Books_12'] });
  });

  it('follows a member into and out of queues; a QueueStatus item names it by Name and Location', () => {
    const directory = new MemberDirectory();
    directory.learn({ Event: 'QueueMember', Queue: 'sales', Name: 'Ada', Location: 'PJSIP/201' });
    directory.learn({ Event: 'QueueMemberAdded', Queue: 'help', MemberName: 'Ada', Interface: 'PJSIP/201' });
    expect(directory.lookup('Ada')).toEqual({ interface: 'PJSIP/201', queues: ['help', 'sales'] });
    directory.learn({ Event: 'QueueMemberRemoved', Queue: 'sales', MemberName: 'Ada', Interface: 'PJSIP/201' });
    expect(directory.lookup('Ada')).toEqual({ interface: 'PJSIP/201', queues: ['help'] });
    directory.learn({ Event: 'AgentConnect', Queue: 'help', MemberName: 'Bob', Interface: 'PJSIP/202' });
    expect(directory.lookup('Bob')).toBeUndefined();
  });
});
