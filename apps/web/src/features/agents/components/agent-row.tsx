import { memo } from 'react';
import type { AgentSnapshot } from '@plancia/contracts';
import { useClockStore } from '../../../stores/clock-store.js';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { isLongState } from '../long-state.js';

const STATE_TEXT = { available: 'available', on_contact: 'onContact', wrap_up: 'wrapUp', not_ready: 'notReady', offline: 'offline' } as const;
const STATE_ICON = { available: '●', on_contact: '☎', wrap_up: '✎', not_ready: '‖', offline: '○' } as const;

export const AgentRow = memo(function AgentRow({ agent }: { agent: AgentSnapshot }) {
  const now = useClockStore((s) => s.now);
  const { t, fmt } = useI18n();
  const long = isLongState(agent, now);
  return (
    <tr className={`agent agent--${agent.state} ${long ? 'agent--long' : ''}`} data-testid="agent-row">
      <th scope="row">{agent.name}</th>
      <td><span aria-hidden="true">{STATE_ICON[agent.state]} </span>{t(STATE_TEXT[agent.state])}</td>
      <td>{agent.reason ?? ''}</td>
      <td>
        {long && <span aria-hidden="true">⚠ </span>}
        {fmt.duration((now - Date.parse(agent.since)) / 1000)}
        {long && <span className="sr-only"> ({t('longState')})</span>}
      </td>
      <td>{agent.teamId ?? ''}</td>
    </tr>
  );
});
