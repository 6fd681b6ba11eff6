import { useMemo, useState, type ReactNode } from 'react';
import type { AgentSnapshot } from '@plancia/contracts';
import type { MessageKey } from '../../../lib/i18n/messages.js';
import { useI18n } from '../../../lib/i18n/use-i18n.js';
import { DEFAULT_AGENT_SORT, PAGE_ORDER_SORT, sortAgents, TODAY_SORT_KEYS, type AgentSort, type AgentSortKey, type TodaySortKey } from '../agent-sort.js';
import { useTodayText } from '../agent-today-messages.js';
import { useClockStore } from '../../../stores/clock-store.js';
import { STATE_TEXT } from '../state-text.js';
import { useAgentsStore } from '../../../stores/agents-store.js';
import { useAgentDetail } from '../hooks/use-agent-detail.js';
import { AgentRow } from './agent-row.js';

const COLUMNS: { key: AgentSortKey; label: MessageKey }[] = [
  { key: 'name', label: 'agent' }, { key: 'state', label: 'state' }, { key: 'reason', label: 'reason' },
  { key: 'timeInState', label: 'timeInState' }, { key: 'teamId', label: 'team' },
];

/** The agent's day: every figure at the desk; on a TV page the few read across a room. */
const TODAY_COLUMNS: readonly TodaySortKey[] = TODAY_SORT_KEYS;
const TV_TODAY_COLUMNS: readonly TodaySortKey[] = ['answered', 'aht', 'notReady', 'occupancy'];
const isToday = (key: AgentSortKey): key is TodaySortKey => (TODAY_SORT_KEYS as readonly string[]).includes(key);

/** The arrow points the way the column's values grow: ▲ smallest on top (ascending), ▼ largest on top. */
const ARROW = { ascending: '▲', descending: '▼' } as const;

/** A column of row actions a page may add (its heading and each row's cell); keep it stable: rows are memoised. */
export interface AgentRowActions {
  label: string;
  render(agent: AgentSnapshot): ReactNode;
}

/**
 * Every agent in view, sortable by any column with the keyboard or the mouse; `range` shows one TV page of them. A
 * board sent one page of its agents (a TV) holds just that page: it shows them all, in the order they are paged in.
 */
export function AgentGrid({ range, rowActions }: { range?: { from: number; to: number }; rowActions?: AgentRowActions }) {
  const byId = useAgentsStore((s) => s.byId);
  const page = useAgentsStore((s) => s.page);
  const { t } = useI18n();
  const tt = useTodayText();
  const [sort, setSort] = useState<AgentSort>(page ? PAGE_ORDER_SORT : DEFAULT_AGENT_SORT);
  const [compact, setCompact] = useState(false);
  const detail = useAgentDetail();
  // Figures of the day tick: sorted by one, the order follows the clock; otherwise the clock does not re-sort.
  const sortNow = useClockStore((s) => (isToday(sort.key) ? s.now : 0));
  const agents = useMemo(() => sortAgents(Object.values(byId), sort, (state) => t(STATE_TEXT[state]), sortNow || Date.now()), [byId, sort, t, sortNow]);
  const today = range ? TV_TODAY_COLUMNS : TODAY_COLUMNS;
  const headers: { key: AgentSortKey; text: string }[] = [
    ...COLUMNS.map(({ key, label }) => ({ key, text: t(label) })),
    ...today.map((key) => ({ key, text: tt(key) })),
  ];
  // Until the page asked for arrives, the rows held are another page's.
  const holdsRange = page?.offset === range?.from && page?.limit === (range ? range.to - range.from : undefined);
  const shown = !range ? agents : page ? (holdsRange ? agents : []) : agents.slice(range.from, range.to);
  const total = page?.total ?? agents.length;
  const toggle = (key: AgentSortKey) => setSort((s) => ({ key, descending: s.key === key ? !s.descending : false }));
  const direction = sort.descending ? 'descending' : 'ascending';
  if (detail === 'off' && total === 0) return <AgentDetailOff />;
  return (
    <section className="panel" aria-labelledby="agents-title">
      <h2 id="agents-title">
        {t('agents')} ({range ? t('shownOf', { from: range.from + 1, to: range.to, total }) : total})
      </h2>
      {!range && (
        <button type="button" className="agent-grid__compact" aria-pressed={compact} title={tt('compactHint')} onClick={() => setCompact(!compact)} data-testid="agent-grid-compact">
          {tt('compact')}
        </button>
      )}
      <table className={`agent-grid${compact ? ' agent-grid--compact' : ''}`} data-testid="agent-grid">
        <thead>
          <tr>
            {headers.map(({ key, text }) => (
              <th key={key} scope="col" aria-sort={sort.key === key ? direction : 'none'} data-column={key} className={isToday(key) ? 'agent__today' : undefined}>
                <button type="button" onClick={() => toggle(key)} aria-label={t('sortBy', { column: text })} title={key === 'missed' ? tt('missedHint') : undefined}>
                  {text} {sort.key === key && <span aria-hidden="true" data-testid="sort-arrow">{ARROW[direction]}</span>}
                </button>
              </th>
            ))}
            {rowActions && <th scope="col">{rowActions.label}</th>}
          </tr>
        </thead>
        <tbody>{shown.map((agent) => <AgentRow key={agent.agentId} agent={agent} today={today} {...(rowActions ? { actions: rowActions.render } : {})} />)}</tbody>
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
