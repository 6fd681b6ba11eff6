import type { AgentSnapshot } from '@plancia/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.js';
import type { TodaySortKey } from '../agent-sort.js';
import { useTodayText } from '../agent-today-messages.js';
import { tickedToday, type TodayShown } from '../agent-today.js';

/** The row's cells of the agent's day, one per column shown, ticking with the board's clock. */
export function AgentTodayCells({ agent, columns, now }: { agent: AgentSnapshot; columns: readonly TodaySortKey[]; now: number }) {
  const { fmt } = useI18n();
  const tt = useTodayText();
  const day = tickedToday(agent, now);
  const show = (key: TodaySortKey, d: TodayShown): string => {
    switch (key) {
      case 'answered': case 'missed': return fmt.integer(d[key]);
      case 'occupancy': return fmt.percent(d.occupancy);
      default: return fmt.duration(d[key]);
    }
  };
  const reasons = (d: TodayShown) => Object.entries(d.notReadyByReason)
    .map(([reason, seconds]) => `${reason || tt('noReason')} ${fmt.duration(seconds)}`).join(', ');
  return (
    <>
      {columns.map((key) => (
        <td
          key={key} className="agent__today" data-today={key}
          title={day && key === 'notReady' && day.notReady > 0 ? tt('notReadyHint', { reasons: reasons(day) }) : undefined}
        >
          {day ? show(key, day) : '—'}
        </td>
      ))}
    </>
  );
}
