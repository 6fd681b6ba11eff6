import { useState } from 'react';
import { SHIFT_LOG_LIMITS, type Handover } from '@plancia/contracts';
import { fetchHandover, handoverExportUrl } from '../shift-log-api.js';
import { useShiftLogText } from '../shift-log-messages.js';
import { NoteList } from './note-list.js';

/** For the next shift: the notes of the last N hours and the alerts open now. */
export function HandoverView() {
  const text = useShiftLogText();
  const [hours, setHours] = useState<number>(SHIFT_LOG_LIMITS.defaultHandoverHours);
  const [handover, setHandover] = useState<Handover | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => void fetchHandover(hours).then((result) => {
    if ('error' in result) return setError(text('loadFailed', { reason: result.error }));
    setError(null);
    setHandover(result);
  });

  return (
    <section aria-labelledby="handover-title" data-testid="handover">
      <h3 id="handover-title">{text('handover')}</h3>
      <label>{text('hours')}
        <input type="number" min={1} max={SHIFT_LOG_LIMITS.maxHandoverHours} value={hours} onChange={(e) => setHours(Number(e.target.value))} />
      </label>
      <button type="button" onClick={load}>{text('load')}</button>
      {/* The span ends when the link is followed, not when the panel was drawn. */}
      <a className="button" href={handoverExportUrl(hours, Date.now())} download data-testid="handover-csv"
        onClick={(e) => { e.currentTarget.href = handoverExportUrl(hours, Date.now()); }}>{text('exportHandover')}</a>
      {error && <p role="alert">{error}</p>}
      {handover && (
        <>
          <p>{handover.openAlerts.length === 0 ? text('noOpenAlerts') : text('openAlerts', { count: handover.openAlerts.length })}</p>
          <ul>{handover.openAlerts.map((alert) => <li key={alert.id}>{alert.ruleName} · {alert.scope.name ?? alert.scope.id ?? alert.scope.kind} · {alert.state}</li>)}</ul>
          <NoteList notes={handover.notes} testId="handover-notes" />
        </>
      )}
    </section>
  );
}
