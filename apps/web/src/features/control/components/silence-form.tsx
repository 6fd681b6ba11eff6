import { useId, useState, type FormEvent } from 'react';
import { Severity } from '@plancia/contracts';
import { literalsOf } from '../contract-values.js';
import { useControlText } from '../control-messages.js';
import { localInputValue } from '../date-time.js';
import { problemText } from '../remote.js';
import type { SilenceMatch } from '../lifecycle-contract.js';
import { silenceRequest } from '../silence-draft.js';
import { Labelled } from './labelled.js';
import { useSilencesStore } from '../stores/silences-store.js';

const SEVERITIES = literalsOf(Severity);
const HOUR = 3_600_000;

/** A new silence: what it matches (taken from an alert, or typed), until when, and why. */
export function SilenceForm({ initial, onDone }: { initial: SilenceMatch; onDone(): void }) {
  const t = useControlText();
  const id = useId();
  const create = useSilencesStore((s) => s.create);
  const [match, setMatch] = useState<SilenceMatch>(initial);
  const [endsAt, setEndsAt] = useState(() => localInputValue(Date.now() + HOUR));
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const request = silenceRequest(match, new Date(endsAt).getTime(), reason);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!request) return;
    const failure = await create(request);
    if (failure) setProblem(problemText(failure, t));
    else onDone();
  };
  const field = (key: 'ruleId' | 'queueId' | 'teamId', label: string) => (
    <label className="control">
      <span>{label}</span>
      <input value={match[key] ?? ''} maxLength={200} onChange={(e) => setMatch({ ...match, [key]: e.target.value })} data-testid={`silence-${key}`} />
    </label>
  );
  return (
    <form className="control-silence-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} data-testid="silence-form">
      <h3 id={`${id}-title`}>{t('silenceTitle')}</h3>
      <fieldset>
        <legend>{t('silenceMatch')}</legend>
        {field('ruleId', t('rule'))}
        {field('queueId', t('queue'))}
        {field('teamId', t('team'))}
        <Labelled label={t('severity')}>{(selectId) => (
          <select id={selectId} value={match.severity ?? ''} onChange={(e) => setMatch({ ...match, severity: e.target.value === '' ? undefined : e.target.value as SilenceMatch['severity'] })}>
            <option value="">{t('any')}</option>
            {SEVERITIES.map((s) => <option key={s} value={s}>{t(s)}</option>)}
          </select>
        )}</Labelled>
      </fieldset>
      <label className="control">
        <span>{t('endsAt')}</span>
        <input type="datetime-local" required value={endsAt} onChange={(e) => setEndsAt(e.target.value)} data-testid="silence-ends" />
      </label>
      <label className="control">
        <span>{t('reason')}</span>
        <input required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="silence-reason" />
      </label>
      <button type="submit" disabled={!request} data-testid="silence-create">{t('createSilence')}</button>
      <button type="button" onClick={onDone}>{t('closeActions')}</button>
      {problem && <p role="alert" className="error">{problem}</p>}
    </form>
  );
}
