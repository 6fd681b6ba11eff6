import { useState } from 'react';
import type { CallbackDoneRequest, CallbackEntry } from '@plancia/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.js';
import { claimCallback, closeCallback, releaseCallback, revealNumber } from '../callbacks-api.js';
import { stateKey, useCallbackText } from '../callbacks-messages.js';
import { useCallbacksStore } from '../stores/callbacks-store.js';
import { DoneForm } from './done-form.js';

const COLUMNS = 6;

/** One caller to call back: when, where, how long they waited, how often; claim, release, close, reveal the number. */
export function CallbackRow({ entry, mayReveal }: { entry: CallbackEntry; mayReveal: boolean }) {
  const text = useCallbackText();
  const { fmt } = useI18n();
  const [closing, setClosing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [number, setNumber] = useState<string | null>(null);

  const run = async (action: () => Promise<CallbackEntry | { error: string }>) => {
    setBusy(true);
    const result = await action();
    setBusy(false);
    if ('error' in result) return setError(result.error);
    setError(null);
    setClosing(false);
    useCallbacksStore.getState().upsert(result);
  };
  const reveal = async () => {
    const result = await revealNumber(entry);
    if ('error' in result) return setError(result.error);
    setNumber(result.caller);
  };
  const done = (request: CallbackDoneRequest) => void run(() => closeCallback(entry.id, request));
  const time = fmt.clock(Date.parse(entry.abandonedAt));
  const queue = entry.queueId ?? text('noQueue');

  return (
    <>
      <tr data-testid="callback-row" data-state={entry.state} aria-label={text('rowLabel', { queue, time })}>
        <td>{queue}</td>
        <td><time dateTime={entry.abandonedAt}>{time}</time></td>
        <td>{fmt.duration(entry.waited)}</td>
        <td>{entry.attempts}</td>
        <td data-testid="callback-state">{text(stateKey(entry.state), { who: entry.claimedBy ?? '' })}</td>
        <td className="callbacks__actions">
          {entry.state === 'open'
            ? <button type="button" disabled={busy} onClick={() => void run(() => claimCallback(entry.id))}>{text('claim')}</button>
            : <button type="button" disabled={busy} onClick={() => void run(() => releaseCallback(entry.id))}>{text('release')}</button>}
          <button type="button" disabled={busy} aria-expanded={closing} onClick={() => setClosing((open) => !open)}>{text('done')}</button>
          {mayReveal && <button type="button" onClick={() => void reveal()}>{text('reveal')}</button>}
          {number && <output data-testid="callback-number">{text('number', { number })}</output>}
        </td>
      </tr>
      {(closing || error) && (
        <tr>
          <td colSpan={COLUMNS}>
            {closing && <DoneForm busy={busy} onSubmit={done} onCancel={() => setClosing(false)} />}
            {error && <p role="alert">{text('failed', { reason: error })}</p>}
          </td>
        </tr>
      )}
    </>
  );
}
