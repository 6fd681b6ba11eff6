import { amiField, type AmiMessage } from '@plancia/adapters';
import { stampOf, type Recording } from './recorded-stream.js';

const MEMBER_FIELDS = ['Status', 'Paused', 'PausedReason', 'InCall', 'CallsTaken', 'LastCall', 'LastPause'];

/**
 * What Asterisk's QueueStatus would answer at a point of the recording, at `nowSec` (recorded time): the callers who joined and have not left
 * (Wait in whole seconds, as app_queue counts it: now − join, both whole seconds) and each member's status and pause
 * as its QueueMemberAdded and latest QueueMemberStatus or QueueMemberPause set them.
 */
export function queueStatusAt(recording: Recording, cursor: number, nowSec: number): AmiMessage[] {
  const blocks = recording.live.slice(0, cursor);
  const waiting = new Map<string, AmiMessage>();
  // A member is one agent in one queue: an agent in two queues is two members, paused in each on its own.
  const keyOf = (queue: string | undefined, name: string | undefined) => `${queue ?? ''}|${name ?? ''}`;
  const members = new Map(recording.finalMembers.map((m) => [keyOf(amiField(m, 'Queue'), amiField(m, 'Name')), { ...m, Paused: '0', PausedReason: '' } as Record<string, unknown>]));
  for (const { message } of blocks) {
    const event = amiField(message, 'Event');
    const uniqueid = amiField(message, 'Uniqueid') ?? '';
    if (event === 'QueueCallerJoin') waiting.set(uniqueid, message);
    if (event === 'QueueCallerLeave') waiting.delete(uniqueid);
    const name = amiField(message, 'MemberName') ?? '';
    const key = keyOf(amiField(message, 'Queue'), name);
    if (event === 'QueueMemberAdded') members.set(key, { Event: 'QueueMember', Queue: amiField(message, 'Queue'), Name: name, Location: amiField(message, 'Interface') });
    if (event === 'QueueMemberRemoved') members.delete(key);
    const member = members.get(key);
    if (member && (event === 'QueueMemberAdded' || event === 'QueueMemberStatus' || event === 'QueueMemberPause')) {
      for (const field of MEMBER_FIELDS) if (message[field] !== undefined) member[field] = message[field];
    }
  }
  const entries = [...waiting.values()].map((join, index): AmiMessage => ({
    Event: 'QueueEntry',
    Queue: amiField(join, 'Queue')!,
    Position: String(index + 1),
    Channel: amiField(join, 'Channel')!,
    Uniqueid: amiField(join, 'Uniqueid')!,
    Wait: String(nowSec - Math.floor(stampOf({ raw: '', message: join })!)),
  }));
  const queues = recording.finalQueues ?? [{ Event: 'QueueParams', Queue: 'support', Strategy: 'rrmemory', ServiceLevel: '20' }];
  const params = queues.map((q): AmiMessage => ({
    Event: 'QueueParams', Queue: amiField(q, 'Queue')!, Strategy: amiField(q, 'Strategy') ?? '', ServiceLevel: amiField(q, 'ServiceLevel') ?? '',
    Calls: String(entries.filter((e) => e.Queue === amiField(q, 'Queue')).length),
  }));
  return [...params, ...members.values() as Iterable<AmiMessage>, ...entries];
}
