import { useState, type FormEvent } from 'react';
import { BROADCAST_LIMITS, type BroadcastLevel } from '@plancia/contracts';
import { sendBroadcast, withdrawBroadcast } from '../broadcasts-api.js';
import { useBroadcastText } from '../broadcast-messages.js';
import { useBroadcastsStore } from '../stores/broadcasts-store.js';

const MAX_MINUTES = BROADCAST_LIMITS.maxAheadMs / 60_000;

/** A supervisor's form: a short message to the boards of its scope (or some queues), shown until it expires. */
export function BroadcastForm() {
  const text = useBroadcastText();
  const active = useBroadcastsStore((s) => s.list);
  const [message, setMessage] = useState('');
  const [level, setLevel] = useState<BroadcastLevel>('info');
  const [minutes, setMinutes] = useState(30);
  const [queues, setQueues] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const queueIds = queues.split(',').map((id) => id.trim()).filter((id) => id.length > 0);
    const expiresAt = new Date(Date.now() + minutes * 60_000).toISOString();
    const result = await sendBroadcast({ text: message, level, expiresAt, ...(queueIds.length > 0 ? { queueIds } : {}) });
    setBusy(false);
    if ('error' in result) return setStatus(text('failed', { reason: result.error }));
    setMessage('');
    setStatus(text('sent'));
  };

  const withdraw = async (id: string) => {
    const error = await withdrawBroadcast(id);
    setStatus(error === null ? null : text('failed', { reason: error }));
  };

  return (
    <section className="broadcast-form" aria-labelledby="broadcast-form-title" data-testid="broadcast-form">
      <h2 id="broadcast-form-title">{text('formTitle')}</h2>
      <form onSubmit={(event) => void submit(event)}>
        <label>{text('text')}
          <textarea required maxLength={BROADCAST_LIMITS.maxText} value={message} onChange={(e) => setMessage(e.target.value)} />
        </label>
        <label>{text('level')}
          <select value={level} onChange={(e) => setLevel(e.target.value as BroadcastLevel)}>
            <option value="info">{text('info')}</option>
            <option value="warning">{text('warning')}</option>
          </select>
        </label>
        <label>{text('minutes')}
          <input type="number" min={1} max={MAX_MINUTES} required value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} />
        </label>
        <label>{text('queues')}
          <input value={queues} onChange={(e) => setQueues(e.target.value)} />
        </label>
        <button type="submit" disabled={busy}>{busy ? text('sending') : text('send')}</button>
        <p role="status" data-testid="broadcast-form-status">{status}</p>
      </form>
      <h3>{text('active')}</h3>
      {active.length === 0 ? <p>{text('none')}</p> : (
        <ul>
          {active.map((broadcast) => (
            <li key={broadcast.id}>
              {broadcast.text} <button type="button" onClick={() => void withdraw(broadcast.id)}>{text('withdraw')}</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
