import { useCallback, useEffect, useState } from 'react';
import type { UserSummary } from '@plancia/contracts';
import { useSettingsText } from '../settings-messages.js';
import { useSettingsStore } from '../stores/settings-store.js';
import { usersApi } from '../users-api.js';
import { DeleteButton } from './delete-button.js';
import { UserEditForm } from './user-edit-form.js';
import { UserForm } from './user-form.js';

/** Local users of the administrator's tenant: who they are, their role and, for an agent, the ACD agent they are. */
export function UsersSection() {
  const t = useSettingsText();
  const token = useSettingsStore((s) => s.token);
  const [users, setUsers] = useState<UserSummary[]>([]);
  const [status, setStatus] = useState('');
  // The user whose access is being changed, its form open under the list.
  const [editing, setEditing] = useState<UserSummary | null>(null);
  // The reason the list did not load, put in words at render (the text function changes every render).
  const [loadError, setLoadError] = useState<string | null>(null);
  const load = useCallback(() => usersApi.list(token).then(
    (list) => { setUsers(list); setLoadError(null); },
    (error: Error) => setLoadError(error.message),
  ), [token]);
  useEffect(() => void load(), [load]);
  const remove = async (username: string) => {
    const outcome = await usersApi.remove(username, token).then(() => t('deleted', { id: username }), (error: Error) => t('deleteError', { message: error.message }));
    await load();
    setStatus(outcome);
  };
  return (
    <section aria-labelledby="settings-users" data-testid="section-users">
      <h2 id="settings-users">{t('users')}</h2>
      <p>{t('usersHint')}</p>
      {loadError && <p role="alert">{t('loadUsersError', { message: loadError })}</p>}
      <table className="settings-users">
        <thead>
          <tr><th scope="col">{t('username')}</th><th scope="col">{t('role')}</th><th scope="col">{t('agentId')}</th><th scope="col">{t('actions')}</th></tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.username} data-testid="user-row" data-role={user.role}>
              <td>{user.username}</td>
              <td>{t(`role_${user.role}`)}</td>
              <td data-testid="user-agent-id">{user.agentId ?? '—'}</td>
              <td>
                <button type="button" onClick={() => setEditing(user)}>{t('edit')}</button>
                <DeleteButton id={user.username} label={t('delete')} onConfirm={() => void remove(user.username)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && (
        <UserEditForm
          key={editing.username}
          user={editing}
          onSaved={async (username) => { setEditing(null); await load(); setStatus(t('updated', { id: username })); }}
          onCancel={() => setEditing(null)}
        />
      )}
      <UserForm onCreated={async (username) => { await load(); setStatus(t('created', { id: username })); }} />
      <p role="status" aria-live="polite" data-testid="section-status">{status}</p>
    </section>
  );
}
