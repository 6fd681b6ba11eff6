import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { Alert, AlertEvent } from '@plancia/contracts';
import { useClockStore } from '../../../stores/clock-store.js';
import type { AlertDescriber } from '../alert-describer.js';
import { visibleAlerts } from '../alert-filter.js';
import { useControlText } from '../control-messages.js';
import { useConsoleStore } from '../stores/console-store.js';
import { AlertFilters } from './alert-filters.js';
import { OpenAlertRow } from './open-alert-row.js';

const DOWN = new Set(['j', 'ArrowDown']);
const UP = new Set(['k', 'ArrowUp']);

interface Props {
  alerts: readonly Alert[];
  /** The board has its first snapshot: an alert a link names and not among these is not open. */
  loaded: boolean;
  describe: AlertDescriber;
  onEvent(event: AlertEvent): void;
  onSilence(alert: Alert): void;
}

/**
 * The open alerts live, filtered and sorted. Every row is a button in the Tab order; j/k or the arrows also move
 * through them, Enter opens the actions.
 */
export function OpenAlerts({ alerts, loaded, describe, onEvent, onSilence }: Props) {
  const t = useControlText();
  const now = useClockStore((s) => s.now);
  const { filter, sort, selectedId, select, move } = useConsoleStore();
  const shown = useMemo(() => visibleAlerts(alerts, filter, sort), [alerts, filter, sort]);
  const list = useRef<HTMLOListElement>(null);
  const focusRow = (id: string) => list.current?.querySelector<HTMLElement>(`[data-row="${CSS.escape(id)}"]`)?.focus();
  // A deep link's alert is brought into view and focused once it is on the list.
  const focused = useRef<string | null>(null);
  useEffect(() => {
    if (selectedId === null || focused.current === selectedId || !shown.some((a) => a.id === selectedId)) return;
    focused.current = selectedId;
    const row = list.current?.querySelector<HTMLElement>(`[data-row="${CSS.escape(selectedId)}"]`);
    row?.scrollIntoView({ block: 'center' });
    row?.focus();
  }, [selectedId, shown]);
  const onKeyDown = (event: KeyboardEvent) => {
    // Escape closes the actions from anywhere in them, back on their row.
    if (event.key === 'Escape' && selectedId !== null) {
      event.preventDefault();
      focusRow(selectedId);
      select(null);
      return;
    }
    // Only on a row: j and k are letters in the note and assignee fields.
    if (!(event.target instanceof HTMLElement) || !event.target.dataset.row) return;
    const step = DOWN.has(event.key) ? 1 : UP.has(event.key) ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const id = move(shown.map((a) => a.id), step);
    if (id) {
      focused.current = id;
      focusRow(id);
    }
  };
  const missing = loaded && selectedId !== null && !alerts.some((a) => a.id === selectedId);
  return (
    <section id="open" className="panel" aria-labelledby="open-title">
      <h2 id="open-title">{t('open')}</h2>
      <AlertFilters alerts={alerts} />
      <p className="muted" role="status" data-testid="control-count">{t('shown', { shown: shown.length, total: alerts.length })}</p>
      {missing && <p className="muted" data-testid="control-not-open">{t('notOpen', { id: selectedId })}</p>}
      {shown.length === 0 ? <p className="muted">{alerts.length === 0 ? t('none') : t('noneMatch')}</p> : (
        <>
          <p className="muted" id="open-hint">{t('listHint')}</p>
          <ol ref={list} className="control-list" aria-describedby="open-hint" onKeyDown={onKeyDown} data-testid="control-list">
            {shown.map((alert) => (
              <OpenAlertRow key={alert.id} alert={alert} selected={alert.id === selectedId} now={now}
                describe={describe} onSelect={select} onEvent={onEvent} onSilence={onSilence} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
