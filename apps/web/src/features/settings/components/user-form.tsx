import { useId, useState } from 'react';
import { PASSWORD_LIMITS, type UserRole } from '@plancia/contracts';
import { useSettingsText } from '../settings-messages.js';
import { useSettingsStore } from '../stores/settings-store.js';
import { useUserSubmit } from '../hooks/use-user-submit.js';
import { usersApi } from '../users-api.js';
import { SelectField } from './select-field.js';
import { TextField } from './text-field.js';

const ROLES: readonly UserRole[] = ['viewer', 'agent', 'supervisor', 'admin'];

/**
 * A new local user. The agent id is asked for the role agent only; the server checks the rest and its refusal is shown
 * beside the field it names (`agentId: required for the role agent`), or under the form when it names none.
 */
export function UserForm({ onCreated }: { onCreated(username: string): Promise<void> }) {
  const t = useSettingsText();
  const token = useSettingsStore((s) => s.token);
  // The agents with a stored profile, offered for the agent id (any other id the events use may be typed).
  const profiles = useSettingsStore((s) => s.agents);
  const listId = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<UserRole>('viewer');
  const [agentId, setAgentId] = useState('');
  const { refusal, busy, fieldError, submit } = useUserSubmit();

  // An empty agent id is left out, so the server names what is missing rather than a too-short string.
  const create = submit(async () => {
    const linked = role === 'agent' && agentId.trim() !== '' ? { agentId: agentId.trim() } : {};
    await usersApi.create({ username: username.trim(), password, role, ...linked }, token);
    setUsername('');
    setPassword('');
    setAgentId('');
    await onCreated(username.trim());
  });

  const named = new Set(['username', 'password', 'role', 'agentId']);
  return (
    <form className="settings-card" onSubmit={(e) => void create(e)} aria-label={t('newUser')} data-testid="user-form">
      <h3>{t('newUser')}</h3>
      <TextField label={t('username')} value={username} error={fieldError('username')} onChange={setUsername} testId="user-username" />
      <label className="settings-field">
        <span>{t('password')}</span>
        <input type="password" value={password} minLength={PASSWORD_LIMITS.minLength} autoComplete="new-password" data-testid="user-password" onChange={(e) => setPassword(e.target.value)} />
        {fieldError('password') && <span role="alert" className="settings-error">{fieldError('password')}</span>}
      </label>
      <SelectField<UserRole> label={t('role')} value={role} options={ROLES} text={(r) => t(`role_${r}`)} onChange={setRole} />
      {role === 'agent' && <TextField label={t('agentIdRequired')} value={agentId} error={fieldError('agentId')} onChange={setAgentId} testId="user-agent-id-input" list={listId} />}
      <datalist id={listId}>{profiles.map((p) => <option key={p.agentId} value={p.agentId}>{p.name}</option>)}</datalist>
      <button type="submit" disabled={busy || username.trim() === ''}>{t('add')}</button>
      {refusal && !named.has(refusal.field ?? '') && <p role="alert">{t('refused', { message: refusal.message })}</p>}
    </form>
  );
}
