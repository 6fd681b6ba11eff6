import { memo, type ReactNode } from 'react';
import type { AgentSnapshot } from '@plancia/contracts';
import { useClockStore } from '../../../stores/clock-store.js';
import { useI18n } from '../../../lib/i18n/use-i18n.js';
import { isLongState } from '../long-state.js';
import { STATE_ICON, STATE_TEXT } from '../state-text.js';
import { AgentMemberships } from './agent-memberships.js';
import type { TodaySortKey } from '../agent-sort.js';
import { AgentTodayCells } from './agent-today-cells.js';

const NO_TODAY: readonly TodaySortKey[] = [];

export const AgentRow = memo(function AgentRow({ agent, today = NO_TODAY, actions }: { agent: AgentSnapshot; today?: readonly TodaySortKey[]; actions?: (agent: AgentSnapshot) => ReactNode }) {
  const now = useClockStore((s) => s.now);
  const { t, fmt } = useI18n();
  const long = isLongState(agent, now);
  return (
    <tr className={`agent agent--${agent.state} ${long ? 'agent--long' : ''}`} data-testid="agent-row">
      <th scope="row">
        {agent.name}
        {agent.conflicts > 0 && (
          <span className="agent__conflicts" title={t('agentConflicts', { n: agent.conflicts })} data-testid="agent-conflicts">
            <span aria-hidden="true"> ⚡{agent.conflicts}</span>
            <span className="sr-only"> ({t('agentConflicts', { n: agent.conflicts })})</span>
          </span>
        )}
      </th>
      <td><span aria-hidden="true">{STATE_ICON[agent.state]} </span>{t(STATE_TEXT[agent.state])}</td>
      <td>{agent.reason ?? ''}<AgentMemberships agent={agent} /></td>
      <td>
        {long && <span aria-hidden="true">⚠ </span>}
        {fmt.duration((now - Date.parse(agent.since)) / 1000)}
        {long && <span className="sr-only"> ({t('longState')})</span>}
      </td>
      <td>{agent.teamId ?? ''}</td>
      <AgentTodayCells agent={agent} columns={today} now={now} />
      {actions && <td>{actions(agent)}</td>}
    </tr>
  );
});
