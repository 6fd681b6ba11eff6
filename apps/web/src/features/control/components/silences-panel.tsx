import { useEffect, useState } from 'react';
import { useLocaleStore } from '../../../lib/i18n/locale-store.js';
import { useControlText } from '../control-messages.js';
import { dateTime } from '../date-time.js';
import { problemText } from '../remote.js';
import type { SilenceMatch } from '../lifecycle-contract.js';
import { useSilencesStore } from '../stores/silences-store.js';
import { SilenceForm } from './silence-form.js';

const matchText = (match: SilenceMatch) => Object.entries(match).map(([k, v]) => `${k}=${String(v)}`).join(', ');

/** The active silences in reach, each with a button that ends it, and the form for a new one. */
export function SilencesPanel({ draft, onDraft }: { draft: SilenceMatch | null; onDraft(match: SilenceMatch | null): void }) {
  const t = useControlText();
  const locale = useLocaleStore((s) => s.locale);
  const { silences, load, remove } = useSilencesStore();
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => void load(), [load]);
  const end = async (id: string) => {
    const failure = await remove(id);
    setProblem(failure ? problemText(failure, t) : null);
  };
  return (
    <section id="silences" className="panel" aria-labelledby="silences-title">
      <h2 id="silences-title">{t('silences')}</h2>
      {draft ? <SilenceForm key={JSON.stringify(draft)} initial={draft} onDone={() => onDraft(null)} />
        : <button type="button" onClick={() => onDraft({})} data-testid="silence-new">{t('silenceTitle')}</button>}
      {silences.status === 'failed' && <p role="alert" className="error">{problemText(silences.problem, t)}</p>}
      {silences.status === 'ready' && (silences.data.length === 0 ? <p className="muted">{t('noSilences')}</p> : (
        <ul className="control-silences" data-testid="silences">
          {silences.data.map((s) => (
            <li key={s.id}>
              <strong>{matchText(s.match)}</strong> — {s.reason} <span className="muted">({t('silenceBy', { name: s.createdBy, time: dateTime(s.endsAt, locale) })})</span>{' '}
              <button type="button" onClick={() => void end(s.id)}>{t('removeSilence')}</button>
            </li>
          ))}
        </ul>
      ))}
      {problem && <p role="alert" className="error">{problem}</p>}
    </section>
  );
}
