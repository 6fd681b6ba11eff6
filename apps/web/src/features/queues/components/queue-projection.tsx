import type { QueueSnapshot } from '@plancia/contracts';
import { Figure } from '../../../components/figure.js';
import { useI18n } from '../../../lib/i18n/use-i18n.js';
import { useQueueText } from '../queue-messages.js';

/**
 * What it takes to recover, for a queue that is not ok: the interval's and the day's service level at the present
 * pace, the answers within T needed, the wait a new caller faces and the agents Erlang C asks for.
 */
export function QueueProjection({ queue }: { queue: QueueSnapshot }) {
  const { fmt } = useI18n();
  const q = useQueueText();
  const p = queue.projection;
  if (!p) return null;
  const answers = p.answersNeeded === null ? q('answersImpossible') : p.answersNeeded === 0 ? q('answersNone') : fmt.integer(p.answersNeeded);
  const needed = p.agentsNeeded === null ? '—' : fmt.integer(p.agentsNeeded);
  const short = p.agentsNeeded !== null && p.agentsStaffed < p.agentsNeeded;
  return (
    <section className="tile__projection" aria-label={q('projection')} data-testid="projection">
      <h4>{q('projection')} <span className="muted">({q('atPresentPace')})</span></h4>
      <dl className="tile__stats">
        <Figure className="stat" label={q('slAtIntervalEnd', { time: fmt.time(Date.parse(p.intervalEnd)) })} testId="projection-interval">{fmt.percent(p.serviceLevelAtIntervalEnd)}</Figure>
        <Figure className="stat" label={q('slAtDayEnd')} testId="projection-day">{fmt.percent(p.serviceLevelAtDayEnd)}</Figure>
        <Figure className="stat" label={q('answersNeeded')} testId="answers-needed">{answers}</Figure>
        <Figure className="stat" label={q('ewt')} testId="ewt">{fmt.duration(p.ewtSeconds)}</Figure>
        <Figure className={`stat${short ? ' bad' : ''}`} label={q('agentsNeeded')} testId="agents-needed">{short ? '✖ ' : ''}{needed} / {fmt.integer(p.agentsStaffed)}</Figure>
      </dl>
    </section>
  );
}
