import { memo, type ReactNode } from 'react';
import { Figure } from '../../../components/figure.js';
import { useI18n } from '../../../lib/i18n/use-i18n.js';
import { STATUS_ICON, STATUS_TEXT, serviceLevelStatus, tileStatus } from '../service-level.js';
import { useQueuesStore } from '../../../stores/queues-store.js';
import { useWindowStore } from '../../../stores/window-store.js';
import { showsProjection, type ProjectionSpan } from '../projection-shown.js';
import { LongestWait } from './longest-wait.js';
import { QueueProjection } from './queue-projection.js';

const Stat = (props: { label: string; children: ReactNode; testId?: string }) => <Figure className="stat" {...props} />;

/**
 * One queue at a glance: service level against target, who waits and for how long, and who can answer. `span` is set
 * on a page of fixed cells (a TV): a tile with the projection takes two of them, or leaves it out ('none').
 */
export const QueueTile = memo(function QueueTile({ queueId, span }: { queueId: string; span?: ProjectionSpan }) {
  const queue = useQueuesStore((s) => s.byId[queueId]);
  const window = useWindowStore((s) => s.window);
  const { t, fmt } = useI18n();
  if (!queue) return null;
  const metrics = queue.windows[window];
  const { live } = queue;
  const band = serviceLevelStatus(metrics.serviceLevel, queue.colours);
  const status = tileStatus(queue.status, band);
  const headingId = `queue-${queueId}`;
  const projected = showsProjection(queue, window) && span !== 'none';
  const spanClass = projected && span ? ` tile--span-${span}` : '';
  return (
    <article className={`tile tile--${status}${spanClass}`} aria-labelledby={headingId} data-testid={`queue-tile-${queueId}`} data-status={status} data-sl-status={band}>
      <header className="tile__head">
        <h3 id={headingId}>{queue.name}</h3>
        {queue.channel && <span className="tag">{queue.channel}</span>}
      </header>
      <div className="tile__sl">
        <span className="tile__icon" aria-hidden="true">{STATUS_ICON[status]}</span>
        <span className="tile__big" data-testid="service-level">{fmt.percent(metrics.serviceLevel)}</span>
        <span className="tile__sl-text">
          {t('serviceLevel')}: <strong>{t(STATUS_TEXT[band])}</strong> ({t('target', { value: fmt.percent(queue.serviceLevelTarget) })})
        </span>
        {queue.status.alerts.length > 0 && (
          <span className="tile__sl-text tile__reasons" data-testid="status-alerts">
            {t('openAlertsOnQueue')}: {queue.status.alerts.map((a) => `${a.severity === 'critical' ? '✖' : '▲'} ${a.ruleName}`).join(', ')}
          </span>
        )}
      </div>
      <dl className="tile__stats">
        <Stat label={t('waiting')} testId="waiting">{fmt.integer(live.waiting)}</Stat>
        <Stat label={t('longestWait')} testId="longest-wait"><LongestWait since={live.longestWaitSince} /></Stat>
        <Stat label={t('asa')}>{fmt.duration(metrics.asa)}</Stat>
        <Stat label={t('abandonRate')}>{fmt.percent(metrics.abandonRate)}</Stat>
        <Stat label={t('offered')} testId="offered">{fmt.integer(metrics.offered)}</Stat>
        <Stat label={t('answered')}>{fmt.integer(metrics.answered)}</Stat>
      </dl>
      {projected && <QueueProjection queue={queue} />}
      <dl className="tile__agents" aria-label={t('agents')}>
        <Stat label={t('available')} testId="available">{live.agents.available}</Stat>
        <Stat label={t('onContact')}>{live.agents.on_contact}</Stat>
        <Stat label={t('wrapUp')}>{live.agents.wrap_up}</Stat>
        <Stat label={t('notReady')}>{live.agents.not_ready}</Stat>
      </dl>
    </article>
  );
});
