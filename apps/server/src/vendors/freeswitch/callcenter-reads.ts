import { AdapterError, parseCallcenterList, type CallcenterRow, type FreeSwitchCallcenterMapper } from '@plancia/adapters';
import type { PlanciaEvent } from '@plancia/contracts';
import type { StreamSink } from '../stream/stream-source.js';
import type { EslLinkSession } from './esl-session.js';

export const AGENT_LIST = 'callcenter_config agent list';
export const QUEUE_LIST = 'callcenter_config queue list';
export const membersOf = (queue: string) => `callcenter_config queue list members ${queue}`;

export interface CallcenterReadDeps {
  /** The source's mapper as it is when an answer arrives (a new one each time the source starts). */
  mapper(): FreeSwitchCallcenterMapper;
  sink: StreamSink;
  /** A list FreeSWITCH refused (mod_callcenter not loaded) or cut short: the link carries on with events only. */
  refused(command: string, reason: string): void;
}

/**
 * What a link reads once subscribed, since mod_callcenter's events tell only changes: every agent's status and state,
 * then each queue's members still waiting or already answered. Subscribing first and reading in stream order means an event heard before
 * an answer is older than it, and one heard after is newer.
 */
export function readCallcenterNow(session: EslLinkSession, deps: CallcenterReadDeps): void {
  const rowsOf = (command: string, body: string): CallcenterRow[] => {
    try {
      return parseCallcenterList(body);
    } catch (error) {
      if (!(error instanceof AdapterError)) throw error;
      deps.refused(command, error.message);
      return [];
    }
  };
  const readRows = (command: string, map: (row: CallcenterRow, receivedAtMs: number) => PlanciaEvent[]) =>
    session.read(command, (body, receivedAtMs) => {
      const events = rowsOf(command, body).flatMap((row) => deps.sink.map(() => ({ read: command }), () => map(row, receivedAtMs)));
      deps.sink.submit(events, receivedAtMs);
    });

  readRows(AGENT_LIST, (row, at) => deps.mapper().agentNow(row, at));
  session.read(QUEUE_LIST, (body) => {
    for (const queue of rowsOf(QUEUE_LIST, body)) {
      if (queue.name) readRows(membersOf(queue.name), (row, at) => deps.mapper().memberNow(row, at));
    }
  });
}
