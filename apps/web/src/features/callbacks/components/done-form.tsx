import { useEffect, useRef, useState, type FormEvent } from 'react';
import { CALLBACK_LIMITS, CALLBACK_RESULTS, type CallbackDoneRequest } from '@plancia/contracts';
import { useCallbackText } from '../callbacks-messages.js';

interface Props {
  onSubmit(request: CallbackDoneRequest): void;
  onCancel(): void;
  busy: boolean;
}

/** How the callback went: one of the usual results and an optional note. Focus lands on the result; Escape cancels. */
export function DoneForm({ onSubmit, onCancel, busy }: Props) {
  const text = useCallbackText();
  const [result, setResult] = useState<string>(CALLBACK_RESULTS[0]);
  const [note, setNote] = useState('');
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ result, ...(note.trim() ? { note: note.trim() } : {}) });
  };
  return (
    <form className="callbacks__done" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()} data-testid="callback-done-form">
      <label>
        {text('result')}
        <select ref={first} value={result} onChange={(e) => setResult(e.target.value)} name="result">
          {CALLBACK_RESULTS.map((value) => <option key={value} value={value}>{text(`result.${value}`)}</option>)}
        </select>
      </label>
      <label>
        {text('note')}
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={CALLBACK_LIMITS.maxNote} name="note" />
      </label>
      <button type="submit" disabled={busy}>{text('close')}</button>
      <button type="button" onClick={onCancel}>{text('cancel')}</button>
    </form>
  );
}
