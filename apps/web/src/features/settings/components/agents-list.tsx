import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AgentProfile } from '@plancia/contracts';
import { useAgentsStore } from '../../../stores/agents-store.js';
import { agentPage } from '../agent-pages.js';
import { useSettingsText } from '../settings-messages.js';
import { useSettingsStore } from '../stores/settings-store.js';
import { AgentForm } from './agent-form.js';

/**
 * Stored profiles first, then agents the board has seen without one (named by their id until given a profile); a page
 * at a time, found by id or name, so that a centre of hundreds of agents is not one endless column.
 */
export function AgentsList({ onDelete }: { onDelete(id: string): void }) {
  const t = useSettingsText();
  const filterId = useId();
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(0);
  const profiles = useSettingsStore((s) => s.agents);
  const seen = useAgentsStore(useShallow((s) => Object.keys(s.byId).sort()));
  const configured = new Set(profiles.map((p) => p.agentId));
  // One list, so an agent saved for the first time keeps its form (and its status line) as it moves up.
  const entries = [
    ...profiles.map((profile) => ({ profile, configured: true })),
    ...seen.filter((id) => !configured.has(id)).map((agentId): { profile: AgentProfile; configured: boolean } => ({ profile: { agentId, name: agentId }, configured: false })),
  ];
  const shown = agentPage(entries, filter, page);
  return (
    <>
      <div className="settings-new">
        <label htmlFor={filterId}>{t('findAgent')}</label>
        <input id={filterId} type="search" value={filter} data-testid="agent-filter" onChange={(e) => { setFilter(e.target.value); setPage(0); }} />
      </div>
      {shown.shown.map(({ profile, configured: stored }) => (
        <AgentForm key={profile.agentId} profile={profile} configured={stored} onDelete={() => onDelete(profile.agentId)} />
      ))}
      <nav className="settings-new" aria-label={t('agentPages')}>
        <button type="button" disabled={shown.page === 0} onClick={() => setPage(shown.page - 1)}>{t('previous')}</button>
        <span role="status" data-testid="agent-page">
          {t('agentRange', { from: shown.total === 0 ? 0 : shown.from + 1, to: shown.from + shown.shown.length, total: shown.total })}
        </span>
        <button type="button" disabled={shown.page >= shown.pages - 1} onClick={() => setPage(shown.page + 1)}>{t('next')}</button>
      </nav>
    </>
  );
}
