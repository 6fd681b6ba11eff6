import { useCallbacks } from '../hooks/use-callbacks.js';
import { CSV_EXPORT_URL } from '../callbacks-api.js';
import { useCallbackText } from '../callbacks-messages.js';
import { CallbackRow } from './callback-row.js';

/**
 * The callback worklist (on /control for supervisors, on the board for agents): callers who gave up, oldest first, kept
 * current by the board's socket. `mayReveal` false leaves out the number's button for those the server refuses it.
 */
export function CallbacksPanel({ mayReveal = true }: { mayReveal?: boolean }) {
  const text = useCallbackText();
  const { entries, error, reload } = useCallbacks();
  return (
    <section className="callbacks" aria-labelledby="callbacks-title" data-testid="callbacks">
      <h2 id="callbacks-title">{text('title')} <span data-testid="callbacks-count">({entries.length})</span></h2>
      {error && <p role="alert">{text('loadFailed', { reason: error })}</p>}
      {entries.length === 0 ? <p>{text('empty')}</p> : (
        <table className="callbacks__table">
          <thead>
            <tr>
              <th scope="col">{text('queue')}</th>
              <th scope="col">{text('abandonedAt')}</th>
              <th scope="col">{text('waited')}</th>
              <th scope="col">{text('attempts')}</th>
              <th scope="col">{text('state')}</th>
              <th scope="col">{text('actions')}</th>
            </tr>
          </thead>
          <tbody>{entries.map((entry) => <CallbackRow key={entry.id} entry={entry} mayReveal={mayReveal} />)}</tbody>
        </table>
      )}
      <button type="button" onClick={reload}>{text('refresh')}</button>
      <a className="button" href={CSV_EXPORT_URL} download>{text('exportCsv')}</a>
    </section>
  );
}
