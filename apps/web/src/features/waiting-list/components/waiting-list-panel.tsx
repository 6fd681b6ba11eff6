import { useMemo } from 'react';
import { useI18n } from '../../../lib/i18n/use-i18n.js';
import { useClockStore } from '../../../stores/clock-store.js';
import { useWaitingText } from '../waiting-messages.js';
import { useWaitingStore } from '../stores/waiting-store.js';
import { waitingRows, waitingTotal } from '../waiting-rows.js';

/**
 * Who is waiting now, the longest wait on top, with each contact's place in the order of service. Waits tick on the
 * board's clock from the time each contact entered its queue: the server sends a list only when someone joins or
 * leaves. `queueIds` narrows it to some queues (all when absent); `range` shows one TV page of it. A long line lists
 * only its longest waits; the count is of everyone.
 */
export function WaitingListPanel({ queueIds, range }: { queueIds?: readonly string[]; range?: { from: number; to: number } }) {
  const byQueue = useWaitingStore((s) => s.byQueue);
  const now = useClockStore((s) => s.now);
  const { fmt } = useI18n();
  const w = useWaitingText();
  const rows = useMemo(() => waitingRows(Object.values(byQueue), queueIds ?? null), [byQueue, queueIds]);
  const total = useMemo(() => waitingTotal(Object.values(byQueue), queueIds ?? null), [byQueue, queueIds]);
  const shown = range ? rows.slice(range.from, range.to) : rows;
  return (
    <section className="panel waiting-list" aria-labelledby="waiting-title" data-testid="waiting-list">
      <h2 id="waiting-title">{w('title')} <span data-testid="waiting-count">({w('count', { n: total })})</span></h2>
      {rows.length === 0 ? <p data-testid="waiting-none">{w('none')}</p> : (
        <table className="waiting-list__table">
          <thead>
            <tr>
              <th scope="col">{w('wait')}</th>
              <th scope="col">{w('queue')}</th>
              <th scope="col">{w('channel')}</th>
              <th scope="col" title={w('positionHint')}>{w('position')}</th>
              <th scope="col">{w('priority')}</th>
              <th scope="col">{w('caller')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={`${row.queueId}/${row.contactId}`} data-testid="waiting-row" data-contact={row.contactId} className={row.vip ? 'waiting-list__vip' : undefined}>
                <td data-testid="waiting-wait">{fmt.duration((now - Date.parse(row.since)) / 1000)}</td>
                <td>{row.queueId}</td>
                <td>{w(row.channel)}</td>
                <td data-testid="waiting-position">{row.position}</td>
                <td>{row.priority}</td>
                <td>
                  {row.vip && <strong className="waiting-list__vip-badge" data-testid="waiting-vip">★ {w('vip')} </strong>}
                  <span className="waiting-list__caller">{row.caller ?? w('unknownCaller')}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {total > rows.length && (!range || range.to >= rows.length) && <p data-testid="waiting-more">{w('more', { n: total - rows.length })}</p>}
    </section>
  );
}
