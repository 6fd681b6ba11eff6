import { useMemo, useState, type ReactNode } from 'react';
import type { AgentSnapshot } from '@plancia/contracts';
import type { MessageKey } from '../../../lib/i18n/messages.js';
import { useI18n } from '../../../lib/i18n/use-i18n.js';
import { DEFAULT_AGENT_SORT, sortAgents, type AgentSort, type AgentSortKey } from '../agent-sort.js';
import { STATE_TEXT } from '../state-text.js';
import { useAgentsStore } from '../../../stores/agents-store.js';
import { useAgentDetail } from '../hooks/use-agent-detail.js';
import { AgentRow } from './agent-row.js';

const COLUMNS: { key: AgentSortKey; label: MessageKey }[] = [
  { key: 'name', label: 'agent' }, { key: 'state', label: 'state' }, { key: 'reason', label: 'reason' },
  { key: 'timeInState', label: 'timeInState' }, { key: 'teamId', label: 'team' },
];

/** The arrow points the way the column's values grow: ▲ smallest on top (ascending), ▼ largest on top. */
const ARROW = { ascending: '▲', descending: '▼' } as const;

/** A column of row actions a page may add (its heading and each row's cell); keep it stable: rows are memoised. */
export interface AgentRowActions {
  label: string;
  render(agent: AgentSnapshot): ReactNode;
}

/** Every agent in view, sortable by any column with the keyboard or the mouse; `range` shows one TV page of them. */
export function AgentGrid({ range, rowActions }: { range?: { from: number; to: number }; rowActions?: AgentRowActions }) {
  const byId = useAgentsStore((s) => s.byId);
  const { t } = useI18n();
  const [sort, setSort] = useState<AgentSort>(DEFAULT_AGENT_SORT);
  const detail = useAgentDetail();
  const agents = useMemo(() => sortAgents(Object.values(byId), sort, (state) => t(STATE_TEXT[state])), [byId, sort, t]);
  const shown = range ? agents.slice(range.from, range.to) : agents;
  const toggle = (key: AgentSortKey) => setSort((s) => ({ key, descending: s.key === key ? !s.descending : false }));
  const direction = sort.descending ? 'descending' : 'ascending';
  if (detail === 'off' && agents.length === 0) return <AgentDetailOff />;
  return (
    <section className="panel" aria-labelledby="agents-title">
      <h2 id="agents-title">
        {t('agents')} ({range ? t('shownOf', { from: range.from + 1, to: range.to, total: agents.length }) : agents.length})
      </h2>
      <table className="agent-grid" data-testid="agent-grid">
        <thead>
          <tr>
            {COLUMNS.map(({ key, label }) => (
              <th key={key} scope="col" aria-sort={sort.key === key ? direction : 'none'} data-column={key}>
                <button type="button" onClick={() => toggle(key)} aria-label={t('sortBy', { column: t(label) })}>
                  {t(label)} {sort.key === key && <span aria-hidden="true" data-testid="sort-arrow">{ARROW[direction]}</span>}
                </button>
              </th>
            ))}
            {rowActions && <th scope="col">{rowActions.label}</th>}
          </tr>
        </thead>
        <tbody>{shown.map((agent) => <AgentRow key={agent.agentId} agent={agent} {...(rowActions ? { actions: rowActions.render } : {})} />)}</tbody>
      </table>
    </section>
  );
}

/** With agent detail off the server sends no agent at all: the panel says why instead of showing an empty table. */
function AgentDetailOff() {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby="agents-title">
      <h2 id="agents-title">{t('agents')}</h2>
      <p className="agent-detail-off" data-testid="agent-detail-off">{t('agentDetailOff')}</p>
    </section>
  );
}
