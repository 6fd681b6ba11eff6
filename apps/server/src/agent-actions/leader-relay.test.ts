import { describe, expect, it } from 'vitest';
import { AcdRefusal, ActionInvalid, ActionUnavailable, type AcdChannel } from './acd-channel.js';
import { answerFor, settle } from './leader-relay.js';

const request = { source: 'ami://pbx:5038', agentId: 'Ada', action: { action: 'pause' as const, reason: 'Lunch' } };
const channel = (send: AcdChannel['send']): AcdChannel => ({ vendor: 'asterisk', send });
/** What a follower's caller gets from the leader's outcome, after the trip through JSON. */
const roundTrip = async (leader: AcdChannel | undefined) => {
  const answer = JSON.parse(JSON.stringify(await answerFor(leader, request))) as Parameters<typeof settle>[0];
  return () => settle(answer);
};

describe('the leader relay: what the leader answers and what the follower makes of it', () => {
  it('an accepted action comes back as sent, with what went to the ACD', async () => {
    const sent = [{ Action: 'QueuePause', Interface: 'PJSIP/201', Paused: 'true', Reason: 'Lunch' }];
    const result = await roundTrip(channel(async () => ({ sent, reason: 'Lunch' })));
    expect(result()).toEqual({ sent, reason: 'Lunch' });
  });

  it("the ACD's refusal stays a refusal (a 502), with what had been sent", async () => {
    const sent = [{ Action: 'QueuePause', Interface: 'PJSIP/201', Paused: 'true' }];
    const result = await roundTrip(channel(async () => { throw new AcdRefusal('Asterisk answered QueuePause: Interface not found', sent); }));
    expect(result).toThrow(AcdRefusal);
    expect(result).toThrow('Interface not found');
    try { result(); } catch (error) { expect((error as AcdRefusal).sent).toEqual(sent); }
  });

  it('an invalid request stays a 400 naming its field', async () => {
    const result = await roundTrip(channel(async () => { throw new ActionInvalid('reason', 'No reason named Lunch'); }));
    expect(result).toThrow(ActionInvalid);
    try { result(); } catch (error) { expect((error as ActionInvalid).field).toBe('reason'); }
  });

  it('a leader without that link, or one whose channel fails, is unavailable (a 503) naming why', async () => {
    expect(await roundTrip(undefined)).toThrow(new ActionUnavailable('The leader could not send the action: The leader has no link to ami://pbx:5038'));
    expect(await roundTrip(channel(async () => { throw new Error('socket gone'); }))).toThrow(ActionUnavailable);
  });
});
