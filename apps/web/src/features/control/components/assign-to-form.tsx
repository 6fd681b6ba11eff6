import { useState } from 'react';
import { useControlText } from '../control-messages.js';
import { useAssignees } from '../hooks/use-assignees.js';
import { Labelled } from './labelled.js';

interface Props {
  alertId: string;
  busy: boolean;
  onAssign(to: string): void;
}

/**
 * "Assign to": a choice among the people the server says may hold this alert; where it offers nobody (no accounts on
 * the installation) a name typed by hand.
 */
export function AssignToForm({ alertId, busy, onAssign }: Props) {
  const t = useControlText();
  const assignees = useAssignees(alertId);
  const [chosen, setChosen] = useState('');
  return (
    <form className="control-actions__row" onSubmit={(e) => {
      e.preventDefault();
      if (chosen.trim() !== '') onAssign(chosen.trim());
    }}>
      <Labelled label={t('assignTo')}>{(id) => assignees ? (
        <select id={id} value={chosen} required onChange={(e) => setChosen(e.target.value)} data-testid="action-assignee">
          <option value="">{t('chooseAssignee')}</option>
          {assignees.map((a) => <option key={a.username} value={a.username}>{`${a.username} (${t(a.role)})`}</option>)}
        </select>
      ) : (
        <input id={id} value={chosen} maxLength={64} required autoComplete="off" placeholder={t('assignee')}
          onChange={(e) => setChosen(e.target.value)} data-testid="action-assignee" />
      )}</Labelled>
      <button type="submit" disabled={busy} data-testid="action-assign">{t('assign')}</button>
    </form>
  );
}
