import { WAITING_LIST_LIMIT, type WaitingContact, type WaitingList } from '@plancia/contracts';

export interface WaitingRow extends WaitingContact { queueId: string }

const shownLists = (lists: readonly WaitingList[], queueIds: readonly string[] | null) =>
  (queueIds ? lists.filter((l) => queueIds.includes(l.queueId)) : lists);

/**
 * The longest-waiting contacts of the queues shown, the longest wait on top across queues (the server sends each
 * queue's list in that order already); equal starts by queue, then by position. Each queue lists only its longest
 * waits, so only the first WAITING_LIST_LIMIT of the merged rows are sure to be the longest of all: no more are shown.
 */
export function waitingRows(lists: readonly WaitingList[], queueIds: readonly string[] | null): WaitingRow[] {
  return shownLists(lists, queueIds)
    .flatMap((l) => l.contacts.map((c) => ({ ...c, queueId: l.queueId })))
    .sort((a, b) => Date.parse(a.since) - Date.parse(b.since) || a.queueId.localeCompare(b.queueId) || a.position - b.position)
    .slice(0, WAITING_LIST_LIMIT);
}

/** Everyone waiting in the queues shown, listed or not. */
export function waitingTotal(lists: readonly WaitingList[], queueIds: readonly string[] | null): number {
  return shownLists(lists, queueIds).reduce((sum, l) => sum + l.total, 0);
}
