import { useState } from 'react';
import { AgentProfile } from '@plancia/contracts';
import { useLocaleStore } from '../../../lib/i18n/locale-store.js';
import { fieldErrors } from '../field-errors.js';
import { useEntryActions } from '../hooks/use-entry-actions.js';
import { useSettingsText } from '../settings-messages.js';
import { DeleteButton } from './delete-button.js';
import { TextField } from './text-field.js';

interface Props {
  profile: AgentProfile;
  /** Whether the profile is stored, or only the agent was seen on the board. */
  configured: boolean;
  onDelete(): void;
}

/** An agent's display name and team. */
export function AgentForm({ profile, configured, onDelete }: Props) {
  const t = useSettingsText();
  const locale = useLocaleStore((s) => s.locale);
  const { status, save } = useEntryActions('agents');
  const [draft, setDraft] = useState(profile);
  // A save reloads the list: the form takes the stored profile but keeps its status line. Compared by content,
  // since an agent only seen on the board gets a fresh placeholder profile on every render.
  const latest = JSON.stringify(profile);
  const [stored, setStored] = useState(latest);
  if (stored !== latest) {
    setStored(latest);
    setDraft(profile);
  }
  const errors = fieldErrors(AgentProfile, draft, locale);
  const setTeam = (team: string) => {
    const { teamId: _, ...rest } = draft;
    setDraft(team === '' ? rest : { ...rest, teamId: team });
  };
  const id = profile.agentId;

  return (
    <form className="settings-card settings-card--inline" aria-label={id} data-testid={`agent-form-${id}`}
      onSubmit={(e) => { e.preventDefault(); void save(id, configured ? profile : {}, draft); }}>
      <h3>{id}{!configured && <small> ({t('seen')})</small>}</h3>
      <TextField label={t('name')} value={draft.name} error={errors['/name']} onChange={(name) => setDraft({ ...draft, name })} testId="agent-name" />
      <TextField label={t('team')} value={draft.teamId ?? ''} error={errors['/teamId']} onChange={(team) => setTeam(team.trim())} />
      <div className="settings-actions">
        <button type="submit" disabled={Object.keys(errors).length > 0} data-testid="save">{t('save')}</button>
        {configured && <DeleteButton id={id} label={t('delete')} onConfirm={onDelete} />}
      </div>
      <p role="status" aria-live="polite">{status}</p>
    </form>
  );
}
