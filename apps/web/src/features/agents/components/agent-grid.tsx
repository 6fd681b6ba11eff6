import { useMemo, useState } from 'react';
import type { MessageKey } from '../../i18n/messages.js';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { sortAgents, type AgentSortKey } from '../long-state.js';
import { useAgentsStore } from '../stores/agents-store.js';
import { AgentRow } from './agent-row.js';

const COLUMNS: { key: AgentSortKey; label: MessageKey }[] = [
  { key: 'name', label: 'agent' }, { key: 'state', label: 'state' }, { key: 'reason', label: 'reason' },
  { key: 'since', label: 'timeInState' }, { key: 'teamId', label: 'team' },
];

/** Every agent in view, sortable by any column with the keyboard or the mouse. */
export function AgentGrid() {
  const byId = useAgentsStore((s) => s.byId);
  const { t } = useI18n();
  const [sort, setSort] = useState<{ key: AgentSortKey; descending: boolean }>({ key: 'since', descending: false });
  const agents = useMemo(() => sortAgents(Object.values(byId), sort.key, sort.descending), [byId, sort]);
  const toggle = (key: AgentSortKey) => setSort((s) => ({ key, descending: s.key === key ? !s.descending : false }));
  return (
    <section className="panel" aria-labelledby="agents-title">
      <h2 id="agents-title">{t('agents')} ({agents.length})</h2>
      <table className="agent-grid" data-testid="agent-grid">
        <thead>
          <tr>
            {COLUMNS.map(({ key, label }) => (
              <th key={key} scope="col" aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                <button type="button" onClick={() => toggle(key)} aria-label={t('sortBy', { column: t(label) })}>
                  {t(label)} {sort.key === key ? (sort.descending ? '▼' : '▲') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{agents.map((agent) => <AgentRow key={agent.agentId} agent={agent} />)}</tbody>
      </table>
    </section>
  );
}
