import type { WaitingContact, WaitingList } from '@plancia/contracts';

export interface WaitingRow extends WaitingContact { queueId: string }

/**
 * Every waiting contact of the queues shown, the longest wait on top across queues (the server sends each queue's
 * list in that order already); equal starts by queue, then by position.
 */
export function waitingRows(lists: readonly WaitingList[], queueIds: readonly string[] | null): WaitingRow[] {
  const shown = queueIds ? lists.filter((l) => queueIds.includes(l.queueId)) : lists;
  return shown
    .flatMap((l) => l.contacts.map((c) => ({ ...c, queueId: l.queueId })))
    .sort((a, b) => Date.parse(a.since) - Date.parse(b.since) || a.queueId.localeCompare(b.queueId) || a.position - b.position);
}
