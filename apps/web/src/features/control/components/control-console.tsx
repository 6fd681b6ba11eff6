import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { Alert, AlertEvent } from '@plancia/contracts';
import { LanguageSwitch } from '../../../components/language-switch.js';
import type { AlertDescriber } from '../alert-describer.js';
import { useControlText } from '../control-messages.js';
import { useDeepLink } from '../hooks/use-deep-link.js';
import type { SilenceMatch } from '../lifecycle-contract.js';
import { matchOf } from '../silence-draft.js';
import { HistoryPanel } from './history-panel.js';
import { OpenAlerts } from './open-alerts.js';
import { SilencesPanel } from './silences-panel.js';
import { StatsPanel } from './stats-panel.js';
import '../control.css';

interface Props {
  /** The open alerts as the board's socket has them: live, and only those in the viewer's reach. */
  alerts: readonly Alert[];
  loaded: boolean;
  describe: AlertDescriber;
  /** Where the answer to an action goes at once (the same event arrives over the socket). */
  onEvent(event: AlertEvent): void;
  /** What the app places in the header: the connection badge. */
  children?: ReactNode;
  /** Panels the app adds after the console's own (the shift log, from its own feature). */
  panels?: ReactNode;
}

/** `/control`: the open alerts to act on, the silences, the history and MTTA/MTTR. */
export function ControlConsole({ alerts, loaded, describe, onEvent, children, panels }: Props) {
  const t = useControlText();
  useDeepLink();
  const [draft, setDraft] = useState<SilenceMatch | null>(null);
  const silence = useCallback((alert: Alert) => setDraft(matchOf(alert)), []);
  // A silence opened from an alert's actions: bring its form into view.
  useEffect(() => {
    if (draft) document.getElementById('silences')?.scrollIntoView({ block: 'start' });
  }, [draft]);
  return (
    <div className="control-console">
      <a className="skip-link" href="#open">{t('open')}</a>
      <header className="control-header">
        <h1>{t('title')}</h1>
        <a href="/">{t('back')}</a>
        <LanguageSwitch />
        {children}
      </header>
      <nav aria-label={t('sections')} className="control-nav">
        <a href="#open">{t('open')}</a> <a href="#silences">{t('silences')}</a> <a href="#history">{t('history')}</a>{' '}
        <a href="#stats">{t('stats')}</a>
      </nav>
      <main className="control-main">
        <OpenAlerts alerts={alerts} loaded={loaded} describe={describe} onEvent={onEvent} onSilence={silence} />
        <SilencesPanel draft={draft} onDraft={setDraft} />
        <HistoryPanel describe={describe} />
        <StatsPanel />
        {panels}
      </main>
    </div>
  );
}
