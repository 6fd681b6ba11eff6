import { useState } from 'react';
import type { UserRole, UserSummary } from '@plancia/contracts';
import { useSettingsText } from '../settings-messages.js';
import { useSettingsStore } from '../stores/settings-store.js';
import { useUserSubmit } from '../hooks/use-user-submit.js';
import { usersApi } from '../users-api.js';
import { SelectField } from './select-field.js';
import { TextField } from './text-field.js';

const ROLES: readonly UserRole[] = ['viewer', 'agent', 'supervisor', 'admin'];
const names = (text: string) => text.split(',').map((name) => name.trim()).filter((name) => name !== '');

interface Props {
  user: UserSummary;
  onSaved(username: string): Promise<void>;
  onCancel(): void;
}

/**
 * An existing user's access: role, scope, tenant and, for an agent, the agent id. The server checks it as it checks a
 * new user and ends the user's sessions when it changes; a refusal is shown beside the field it names.
 */
export function UserEditForm({ user, onSaved, onCancel }: Props) {
  const t = useSettingsText();
  const token = useSettingsStore((s) => s.token);
  const [role, setRole] = useState<UserRole>(user.role);
  const [queues, setQueues] = useState(user.scope.queues.join(', '));
  const [teams, setTeams] = useState(user.scope.teams.join(', '));
  const [tenant, setTenant] = useState(user.tenant);
  const [agentId, setAgentId] = useState(user.agentId ?? '');
  const { refusal, busy, fieldError, submit } = useUserSubmit();

  // An empty agent id is left out, so the server names what is missing rather than a too-short string.
  const save = submit(async () => {
    const linked = role === 'agent' && agentId.trim() !== '' ? { agentId: agentId.trim() } : {};
    const scope = { queues: names(queues), teams: names(teams) };
    await usersApi.update(user.username, { role, scope, tenant: tenant.trim(), ...linked }, token);
    await onSaved(user.username);
  });

  const named = new Set(['role', 'scope', 'tenant', 'agentId']);
  const title = t('editUser', { id: user.username });
  return (
    <form className="settings-card" onSubmit={(e) => void save(e)} aria-label={title} data-testid="user-edit-form">
      <h3>{title}</h3>
      <SelectField<UserRole> label={t('role')} value={role} options={ROLES} text={(r) => t(`role_${r}`)} onChange={setRole} />
      {fieldError('role') && <p role="alert" className="settings-error">{fieldError('role')}</p>}
      <TextField label={t('scopeQueues')} value={queues} error={fieldError('scope')} onChange={setQueues} testId="user-edit-queues" />
      <TextField label={t('scopeTeams')} value={teams} error={undefined} onChange={setTeams} testId="user-edit-teams" />
      <TextField label={t('tenant')} value={tenant} error={fieldError('tenant')} onChange={setTenant} testId="user-edit-tenant" />
      {role === 'agent' && <TextField label={t('agentIdRequired')} value={agentId} error={fieldError('agentId')} onChange={setAgentId} testId="user-edit-agent-id" />}
      <button type="submit" disabled={busy}>{t('save')}</button>
      <button type="button" onClick={onCancel}>{t('cancel')}</button>
      {refusal && !named.has(refusal.field ?? '') && <p role="alert">{t('refused', { message: refusal.message })}</p>}
    </form>
  );
}
