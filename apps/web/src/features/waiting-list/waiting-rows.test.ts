import { describe, expect, it } from 'vitest';
import { WAITING_LIST_LIMIT, type WaitingList } from '@plancia/contracts';
import { waitingRows, waitingTotal } from './waiting-rows.js';
import { WAITING_LOCALES } from './waiting-messages.js';

const contact = (contactId: string, since: string, position: number) =>
  ({ contactId, channel: 'voice' as const, since, priority: 0, position, caller: null, vip: false });
const lists: WaitingList[] = [
  { queueId: 'sales', channel: 'voice', teamId: null, contacts: [contact('s1', '2026-03-02T09:00:10Z', 1), contact('s2', '2026-03-02T09:00:30Z', 2)], total: 2 },
  { queueId: 'care', channel: 'voice', teamId: null, contacts: [contact('c1', '2026-03-02T09:00:20Z', 1)], total: 1 },
];

/** A queue whose list holds the longest `listed` of `total` waiting, one a second from `from` (seconds past 09:00). */
const longLine = (queueId: string, from: number, listed: number, total: number): WaitingList => ({
  queueId, channel: 'voice', teamId: null, total,
  contacts: Array.from({ length: listed }, (_, i) => contact(`${queueId}${i}`, new Date(Date.UTC(2026, 2, 2, 9, 0, from + 2 * i)).toISOString(), i + 1)),
});

describe('the waiting list on the board', () => {
  it('puts the longest wait on top across the queues shown', () => {
    expect(waitingRows(lists, null).map((r) => r.contactId)).toEqual(['s1', 'c1', 's2']);
    expect(waitingRows(lists, ['care']).map((r) => [r.queueId, r.contactId])).toEqual([['care', 'c1']]);
    expect(waitingTotal(lists, null)).toBe(3);
    expect(waitingTotal(lists, ['care'])).toBe(1);
  });

  it('shows no more rows than are sure to be the longest waits when queues list only their top, and counts everyone', () => {
    const long = [longLine('a', 0, WAITING_LIST_LIMIT, 900), longLine('b', 1, WAITING_LIST_LIMIT, 300)];
    const rows = waitingRows(long, null);
    expect(rows).toHaveLength(WAITING_LIST_LIMIT);
    // interleaved by start: half from each queue, the longest waits of the two together
    expect(rows.filter((r) => r.queueId === 'a')).toHaveLength(WAITING_LIST_LIMIT / 2);
    expect(rows.at(-1)!.contactId).toBe(`b${WAITING_LIST_LIMIT / 2 - 1}`);
    expect(waitingTotal(long, null)).toBe(1_200);
  });

  it('has every text in Italian and English', () => {
    expect(Object.keys(WAITING_LOCALES.it).sort()).toEqual(Object.keys(WAITING_LOCALES.en).sort());
  });
});
