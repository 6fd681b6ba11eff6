import { useState } from 'react';
import type { AlertEvent, AlertRule } from '@plancia/contracts';
import { settingsApi } from '../settings-api.js';
import { useSettingsText } from '../settings-messages.js';
import { useSettingsStore } from '../stores/settings-store.js';

/** When the rule would have raised and resolved over the last hour, as the server's replay of the journal says. */
export function RulePreview({ rule }: { rule: AlertRule }) {
  const t = useSettingsText();
  const token = useSettingsStore((s) => s.token);
  const [transitions, setTransitions] = useState<AlertEvent[] | null>(null);
  const time = (iso: string | null) => (iso ? new Date(iso).toLocaleTimeString() : '');
  return (
    <div>
      <button type="button" onClick={() => void settingsApi.preview(rule, token).then(setTransitions)}>{t('preview')}</button>
      {transitions && (
        <ul aria-live="polite" data-testid="rule-preview">
          {transitions.length === 0 && <li>{t('previewNone')}</li>}
          {transitions.map((e) => (
            <li key={`${e.alert.id}-${e.kind}`}>
              {e.alert.scope.id ?? e.alert.scope.kind}: {e.kind === 'raised' ? t('previewRaised', { time: time(e.alert.raisedAt) }) : t('previewResolved', { time: time(e.alert.resolvedAt) })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
