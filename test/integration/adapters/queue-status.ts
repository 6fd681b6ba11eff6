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
  const members = new Map(recording.finalMembers.map((m) => [amiField(m, 'Name')!, { ...m, Paused: '0', PausedReason: '' } as Record<string, unknown>]));
  for (const { message } of blocks) {
    const event = amiField(message, 'Event');
    const uniqueid = amiField(message, 'Uniqueid') ?? '';
    if (event === 'QueueCallerJoin') waiting.set(uniqueid, message);
    if (event === 'QueueCallerLeave') waiting.delete(uniqueid);
    const name = amiField(message, 'MemberName') ?? '';
    if (event === 'QueueMemberAdded') members.set(name, { Event: 'QueueMember', Queue: amiField(message, 'Queue'), Name: name, Location: amiField(message, 'Interface') });
    if (event === 'QueueMemberRemoved') members.delete(name);
    const member = members.get(name);
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
  const params: AmiMessage = { Event: 'QueueParams', Queue: 'support', Strategy: 'rrmemory', Calls: String(entries.length), ServiceLevel: '20' };
  return [params, ...members.values() as Iterable<AmiMessage>, ...entries];
}
