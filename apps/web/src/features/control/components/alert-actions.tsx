import { useId, useState } from 'react';
import type { Alert, AlertEvent } from '@plancia/contracts';
import { controlApi } from '../control-api.js';
import { useControlText } from '../control-messages.js';
import { useAlertAction } from '../hooks/use-alert-action.js';
import { ActionStatusLine } from './action-status.js';
import { Labelled } from './labelled.js';
import { AlertComments } from './alert-comments.js';
import { AssignToForm } from './assign-to-form.js';

/** Snooze lengths offered, in minutes (the server allows at most 24 h). */
const SNOOZE_MINUTES = [15, 30, 60, 240, 1440] as const;

interface Props {
  alert: Alert;
  onEvent(event: AlertEvent): void;
  onSilence(alert: Alert): void;
}

/** Everything a supervisor does to one open alert; one note field serves acknowledge, assign, resolve and "add note". */
export function AlertActions({ alert, onEvent, onSilence }: Props) {
  const t = useControlText();
  const id = useId();
  const [note, setNote] = useState('');
  const [snooze, setSnooze] = useState<number>(SNOOZE_MINUTES[0]);
  const { status, run } = useAlertAction(onEvent);
  const withNote = note.trim() === '' ? {} : { note: note.trim() };
  const act = (call: () => Promise<AlertEvent | undefined>) => void run(call).then((ok) => ok && setNote(''));
  const busy = status.kind === 'busy';
  const raised = alert.state === 'raised';
  return (
    <section className="control-actions" aria-label={t('actionsFor', { name: alert.ruleName })} data-testid="alert-actions">
      <label className="control-field" htmlFor={`${id}-note`}>
        <span>{t('note')}</span>
        <textarea id={`${id}-note`} value={note} maxLength={1000} rows={2} onChange={(e) => setNote(e.target.value)}
          aria-describedby={`${id}-note-hint`} data-testid="action-note" />
        <small id={`${id}-note-hint`} className="muted">{t('noteHint')}</small>
      </label>
      <div className="control-actions__row">
        {raised && (
          <button type="button" disabled={busy} data-testid="action-acknowledge"
            onClick={() => act(() => controlApi.acknowledge(alert.id, withNote))}>{t('acknowledge')}</button>
        )}
        <button type="button" disabled={busy} data-testid="action-assign-me"
          onClick={() => act(() => controlApi.assign(alert.id, withNote))}>{t('assignMe')}</button>
        <button type="button" disabled={busy} data-testid="action-resolve"
          onClick={() => act(() => controlApi.resolve(alert.id, withNote))}>{t('resolve')}</button>
        <button type="button" disabled={busy || note.trim() === ''} data-testid="action-comment"
          onClick={() => act(() => controlApi.comment(alert.id, { text: note.trim() }))}>{t('comment')}</button>
      </div>
      <AssignToForm alertId={alert.id} busy={busy} onAssign={(to) => act(() => controlApi.assign(alert.id, { to, ...withNote }))} />
      <form className="control-actions__row" onSubmit={(e) => {
        e.preventDefault();
        act(() => controlApi.snooze(alert.id, { until: new Date(Date.now() + snooze * 60_000).toISOString() }));
      }}>
        <Labelled label={t('snoozeFor')}>{(selectId) => (
          <select id={selectId} value={snooze} onChange={(e) => setSnooze(Number(e.target.value))} data-testid="action-snooze-for">
            {SNOOZE_MINUTES.map((m) => <option key={m} value={m}>{m < 60 ? t('minutes', { n: m }) : t('hours', { n: m / 60 })}</option>)}
          </select>
        )}</Labelled>
        <button type="submit" disabled={busy} data-testid="action-snooze">{t('snooze')}</button>
        <button type="button" onClick={() => onSilence(alert)} data-testid="action-silence">{t('silence')}</button>
      </form>
      <ActionStatusLine status={status} />
      <AlertComments alert={alert} />
    </section>
  );
}
