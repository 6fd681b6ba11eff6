import { describe, expect, it } from 'vitest';
import type { WaitingList } from '@plancia/contracts';
import { waitingRows } from './waiting-rows.js';
import { WAITING_LOCALES } from './waiting-messages.js';

const contact = (contactId: string, since: string, position: number) =>
  ({ contactId, channel: 'voice' as const, since, priority: 0, position, caller: null, vip: false });
const lists: WaitingList[] = [
  { queueId: 'sales', channel: 'voice', teamId: null, contacts: [contact('s1', '2026-03-02T09:00:10Z', 1), contact('s2', '2026-03-02T09:00:30Z', 2)] },
  { queueId: 'care', channel: 'voice', teamId: null, contacts: [contact('c1', '2026-03-02T09:00:20Z', 1)] },
];

describe('the waiting list on the board', () => {
  it('puts the longest wait on top across the queues shown', () => {
    expect(waitingRows(lists, null).map((r) => r.contactId)).toEqual(['s1', 'c1', 's2']);
    expect(waitingRows(lists, ['care']).map((r) => [r.queueId, r.contactId])).toEqual([['care', 'c1']]);
  });

  it('has every text in Italian and English', () => {
    expect(Object.keys(WAITING_LOCALES.it).sort()).toEqual(Object.keys(WAITING_LOCALES.en).sort());
  });
});
