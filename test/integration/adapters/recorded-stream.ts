import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AmiParser, amiField, type AmiMessage } from '@plancia/adapters';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** CI keeps the shared material beside the clone. */
export const SHARED_FIXTURES = resolve(REPO_ROOT, '..', 'shared', 'fixtures');

/** One AMI message as recorded: its raw text (CRLF lines, no closing blank line) and its parsed fields. */
export interface RecordedBlock {
  raw: string;
  message: AmiMessage;
}

export interface Recording {
  /** The live stream after login, up to the recorder's own QueueStatus at the end. */
  live: RecordedBlock[];
  /** QueueMember items of that final QueueStatus reply: the template of a member as QueueStatus shows it. */
  finalMembers: AmiMessage[];
  /** QueueParams of the final reply: Asterisk's own figures. */
  finalParams: AmiMessage;
  /** Every queue's QueueParams, when the recording has several queues. */
  finalQueues?: AmiMessage[];
}

/** What a client of the live Asterisk 22 run saw (`asterisk-live-22/`): the stream, and the driver's QueueStatus samples. */
export interface LiveRecording extends Recording {
  finalQueues: AmiMessage[];
  /** Each QueueStatus the driver asked for during the run: the live block it followed, and its QueueMember items. */
  samples: { after: number; members: AmiMessage[] }[];
  /** When the consumer's link was cut and when the consumer was down (recorded seconds). */
  outages: { what: string; from: number; to: number }[];
}

/**
 * Reads `asterisk-live-22/`: the AMI stream as the recording client received it, minus what answered that client's
 * own actions (responses and list items carry its ActionID), which a client of ours would never be sent.
 */
export function loadLiveRecording(): LiveRecording {
  const dir = resolve(SHARED_FIXTURES, 'asterisk-live-22');
  const text = readFileSync(resolve(dir, 'ami-raw.log'), 'utf8');
  const blocks = text.slice(text.indexOf('\r\n') + 2).split('\r\n\r\n').filter((raw) => raw.trim() !== '').map((raw) => ({ raw, message: parseBlock(raw) }));
  const live: RecordedBlock[] = [];
  const samples: { after: number; actionId: string | undefined; members: AmiMessage[] }[] = [];
  for (const block of blocks) {
    const { message } = block;
    if (amiField(message, 'ActionID') === undefined && amiField(message, 'Response') === undefined) live.push(block);
    else if (amiField(message, 'Event') === 'QueueMember') {
      const actionId = amiField(message, 'ActionID');
      const open = samples.at(-1);
      if (open && open.actionId === actionId) open.members.push(message);
      else samples.push({ after: live.length - 1, actionId, members: [message] });
    }
  }
  const final = JSON.parse(readFileSync(resolve(dir, 'final-queuestatus.json'), 'utf8')) as Record<string, { params: AmiMessage; members: AmiMessage[] }>;
  const queues = Object.values(final);
  return {
    live,
    finalMembers: queues.flatMap((q) => q.members),
    finalParams: queues[0]!.params,
    finalQueues: queues.map((q) => q.params),
    samples: samples.map(({ after, members }) => ({ after, members })),
    outages: JSON.parse(readFileSync(resolve(dir, 'outages.json'), 'utf8')),
  };
}

function parseBlock(raw: string): AmiMessage {
  const parser = new AmiParser();
  return [...parser.push(`${raw}\r\n\r\n`), ...parser.end()][0] ?? {};
}

/** Reads `asterisk-recorded/queue-support-25-calls.ami` into messages, keeping each one's exact bytes. */
export function loadRecording(): Recording {
  const text = readFileSync(resolve(SHARED_FIXTURES, 'asterisk-recorded', 'queue-support-25-calls.ami'), 'utf8');
  const afterBanner = text.slice(text.indexOf('\r\n') + 2);
  const blocks = afterBanner.split('\r\n\r\n').filter((raw) => raw.trim() !== '').map((raw) => ({ raw, message: parseBlock(raw) }));
  // blocks[0] answered the recorder's Login; the last "EventList: start" opens the reply to its QueueStatus.
  const replyStart = blocks.findLastIndex((b) => amiField(b.message, 'EventList') === 'start');
  const reply = blocks.slice(replyStart).map((b) => b.message);
  return {
    live: blocks.slice(1, replyStart),
    finalMembers: reply.filter((m) => amiField(m, 'Event') === 'QueueMember'),
    finalParams: reply.find((m) => amiField(m, 'Event') === 'QueueParams')!,
  };
}

/** The recorded Timestamp of a block, in seconds, or undefined. */
export const stampOf = (block: RecordedBlock) => {
  const value = Number(amiField(block.message, 'Timestamp'));
  return Number.isFinite(value) && value > 0 ? value : undefined;
};

/** Moves every `Timestamp:` by whole seconds, so Asterisk's whole-second arithmetic (HoldTime, Wait) is unchanged. */
export function shiftTimestamps(raw: string, shiftSeconds: number): string {
  return raw.replace(/^Timestamp: (\d+)\.(\d+)$/m, (_line, whole: string, fraction: string) => `Timestamp: ${Number(whole) + shiftSeconds}.${fraction}`);
}

/** A scripted stream in the recording's shape: `live` messages as Asterisk sends them, `members` as QueueStatus lists them. */
export function scriptedRecording(live: AmiMessage[], members: AmiMessage[]): Recording {
  const raw = (message: AmiMessage) => Object.entries(message).map(([name, value]) => `${name}: ${value}`).join('\r\n');
  return { live: live.map((message) => ({ raw: raw(message), message })), finalMembers: members, finalParams: { Event: 'QueueParams' } };
}
