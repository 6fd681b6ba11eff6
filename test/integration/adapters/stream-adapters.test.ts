import { afterAll, describe, expect, it } from 'vitest';
import { FreeSwitchCallcenterMapper, type AmiMessage } from '@plancia/adapters';
import { wireEvent } from '../helpers/events.js';
import { clockFrom, sendCloudEvents, serverPair, settledSlice } from './equivalence.js';
import { ScriptedEslServer } from './esl-server.js';
import { RecordedAmiServer } from './recorded-ami-server.js';
import { scriptedRecording } from './recorded-stream.js';

const at = clockFrom(Date.now() - 5 * 60_000);
const stamp = (seconds: number) => (at(seconds).ms / 1000).toFixed(6);

const member = { Queue: 'help', MemberName: 'Ada', Interface: 'PJSIP/201', StateInterface: 'PJSIP/201', Membership: 'dynamic' };
const caller = { Queue: 'help', Uniqueid: '1700000000.101', Channel: 'PJSIP/trunk-00000001' };
const amiLife: AmiMessage[] = [
  { Event: 'QueueMemberAdded', Timestamp: stamp(0), ...member, Status: '1', Paused: '0', PausedReason: '' },
  { Event: 'QueueCallerJoin', Timestamp: stamp(5), ...caller, Position: '1', Count: '1' },
  { Event: 'QueueCallerLeave', Timestamp: stamp(17), ...caller, Position: '1', Count: '0' },
  { Event: 'AgentConnect', Timestamp: stamp(17), ...caller, ...member, HoldTime: '12', RingTime: '3' },
  { Event: 'QueueMemberStatus', Timestamp: stamp(17), ...member, Status: '2', Paused: '0', PausedReason: '' },
  { Event: 'AgentComplete', Timestamp: stamp(77), ...caller, ...member, HoldTime: '12', TalkTime: '60', Reason: 'caller' },
  { Event: 'QueueMemberStatus', Timestamp: stamp(77), ...member, Status: '1', Paused: '0', PausedReason: '' },
  { Event: 'QueueMemberPause', Timestamp: stamp(100), ...member, Status: '1', Paused: '1', PausedReason: 'Briefing' },
];
const amiAsCloudEvents = [
  wireEvent('agent.state', 'a1', { agentId: 'Ada', state: 'available', queueIds: ['help'], memberships: [{ queueId: 'help', state: 'available' }], name: 'Ada' }, at(0).ms),
  wireEvent('contact.queued', 'a2', { contactId: caller.Uniqueid, queueId: 'help', channel: 'voice' }, at(5).ms),
  wireEvent('contact.answered', 'a3', { contactId: caller.Uniqueid, agentId: 'Ada' }, at(17).ms),
  wireEvent('agent.state', 'a4', { agentId: 'Ada', state: 'on_contact', queueIds: ['help'], memberships: [{ queueId: 'help', state: 'on_contact' }], name: 'Ada' }, at(17).ms),
  wireEvent('contact.ended', 'a5', { contactId: caller.Uniqueid }, at(77).ms),
  wireEvent('contact.completed', 'a6', { contactId: caller.Uniqueid }, at(77).ms),
  wireEvent('agent.state', 'a7', { agentId: 'Ada', state: 'not_ready', reason: 'Briefing', queueIds: ['help'], memberships: [{ queueId: 'help', state: 'not_ready', reason: 'Briefing' }], name: 'Ada' }, at(100).ms),
];

const fsEvent = (seq: number, seconds: number, fields: Record<string, string>) => ({
  'Event-Name': 'CUSTOM', 'Event-Subclass': 'callcenter::info', 'Event-Sequence': String(seq), 'Event-Date-Timestamp': at(seconds).micros, ...fields,
});
const fsMember = { 'CC-Queue': 'help@default', 'CC-Member-UUID': 'b3a1c2d4-0000-4000-8000-000000000001', 'CC-Member-CID-Name': 'Caffè Ùno' };
const freeswitchLife = [
  fsEvent(1, 0, { 'CC-Action': 'agent-status-change', 'CC-Agent': 'carla@default', 'CC-Agent-Status': 'Available' }),
  fsEvent(2, 5, { 'CC-Action': 'member-queue-start', ...fsMember, 'CC-Member-Joined-Time': at(5).sec }),
  fsEvent(3, 17, { 'CC-Action': 'bridge-agent-start', ...fsMember, 'CC-Agent': 'carla@default', 'CC-Member-Joined-Time': at(5).sec, 'CC-Agent-Answered-Time': at(17).sec }),
  fsEvent(4, 17, { 'CC-Action': 'agent-state-change', 'CC-Agent': 'carla@default', 'CC-Agent-State': 'In a queue call' }),
  fsEvent(5, 77, { 'CC-Action': 'bridge-agent-end', ...fsMember, 'CC-Agent': 'carla@default', 'CC-Bridge-Terminated-Time': at(77).sec }),
  fsEvent(6, 77, { 'CC-Action': 'agent-state-change', 'CC-Agent': 'carla@default', 'CC-Agent-State': 'Idle' }),
  fsEvent(7, 92, { 'CC-Action': 'agent-state-change', 'CC-Agent': 'carla@default', 'CC-Agent-State': 'Waiting' }),
  fsEvent(8, 100, { 'CC-Action': 'agent-status-change', 'CC-Agent': 'carla@default', 'CC-Agent-Status': 'On Break' }),
];
const freeswitchAsCloudEvents = [
  wireEvent('agent.state', 'f1', { agentId: 'carla@default', state: 'available' }, at(0).ms),
  wireEvent('contact.queued', 'f2', { contactId: fsMember['CC-Member-UUID'], queueId: 'help@default', channel: 'voice' }, at(5).ms),
  wireEvent('contact.answered', 'f3', { contactId: fsMember['CC-Member-UUID'], agentId: 'carla@default' }, at(17).ms),
  wireEvent('agent.state', 'f4', { agentId: 'carla@default', state: 'on_contact' }, at(17).ms),
  wireEvent('contact.ended', 'f5', { contactId: fsMember['CC-Member-UUID'] }, at(77).ms),
  wireEvent('contact.completed', 'f6', { contactId: fsMember['CC-Member-UUID'] }, at(92).ms),
  wireEvent('agent.state', 'f7', { agentId: 'carla@default', state: 'not_ready', reason: 'On Break' }, at(100).ms),
];

describe('stream adapters: a vendor life gives the board the same as CloudEvents, and twice changes nothing', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('Asterisk AMI: the same life sent twice over the link (dropped and replayed in full)', async () => {
    // Ada logs in during the life: the first QueueStatus lists nobody, the second (before the replay) lists her paused.
    const ami = new RecordedAmiServer(scriptedRecording(amiLife, []), {
      username: 'plancia', secret: 'secret', shiftSeconds: 0, passes: 2,
    });
    const pair = await serverPair({ PLANCIA_AMI_URL: await ami.listen(), PLANCIA_AMI_KEEPALIVE_SECONDS: '1' });
    cleanups.push(() => pair.close(), () => ami.close());
    await sendCloudEvents(pair.cloud, amiAsCloudEvents);
    await ami.finished;
    expect(ami.logins).toEqual(['accepted', 'accepted']);
    const board = await settledSlice(pair.vendor, ['help'], ['Ada']);
    expect(board).toEqual(await settledSlice(pair.cloud, ['help'], ['Ada']));
    expect(board.agents[0]).toMatchObject({ state: 'not_ready', reason: 'Briefing' });
    expect(board.queues[0]!.windows.rolling).toMatchObject({ offered: 1, answered: 1, handled: 1, asa: 12 });
    // One event per step of the life, as in the CloudEvents version, however many times the stream came.
    expect(await pair.vendor.app.store.journal.count()).toBe(amiAsCloudEvents.length);
  });

  it('FreeSWITCH mod_callcenter: the same life sent twice over the event socket', async () => {
    const esl = new ScriptedEslServer('ClueCon', freeswitchLife, 2);
    const pair = await serverPair({ PLANCIA_FREESWITCH_URL: await esl.listen() });
    cleanups.push(() => pair.close(), () => esl.close());
    await sendCloudEvents(pair.cloud, freeswitchAsCloudEvents);
    await esl.finished;
    // Each link open also asks for mod_callcenter's lists (this scripted socket refuses them: events carry the life).
    expect(esl.commands.filter((c) => !c.startsWith('api '))).toEqual(['auth', 'event plain CUSTOM callcenter::info', 'auth', 'event plain CUSTOM callcenter::info']);
    expect(esl.commands).toContain('api callcenter_config agent list');
    const board = await settledSlice(pair.vendor, ['help@default'], ['carla@default']);
    expect(board).toEqual(await settledSlice(pair.cloud, ['help@default'], ['carla@default']));
    expect(board.agents[0]).toMatchObject({ state: 'not_ready', reason: 'On Break' });
    expect(board.queues[0]!.windows.rolling).toMatchObject({ offered: 1, answered: 1, handled: 1 });
    // As many events as one pass through the mapper gives (it also tells `available` when Carla is back to Waiting,
    // and learns the queued step twice, under one id).
    const once = new FreeSwitchCallcenterMapper({ source: 'once' });
    const distinct = new Set(freeswitchLife.flatMap((event) => once.map(event)).map((e) => e.id)).size;
    expect(await pair.vendor.app.store.journal.count()).toBe(distinct);
  });
});
