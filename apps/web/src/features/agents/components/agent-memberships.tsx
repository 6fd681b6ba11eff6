import type { AgentSnapshot } from '@plancia/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.js';
import { differingMemberships } from '../memberships.js';
import { STATE_TEXT } from '../state-text.js';

/** Under the row's reason: each queue where the agent is otherwise (a pause in that queue only), with its reason. */
export function AgentMemberships({ agent }: { agent: AgentSnapshot }) {
  const { t } = useI18n();
  const differing = differingMemberships(agent);
  if (differing.length === 0) return null;
  return (
    <ul className="agent__memberships" data-testid="agent-memberships">
      {differing.map((m) => (
        <li key={m.queueId} data-testid="agent-membership">
          {m.queueId}: {t(STATE_TEXT[m.state])}{m.reason ? ` (${m.reason})` : ''}
        </li>
      ))}
    </ul>
  );
}
