import type { ReactNode } from 'react';
import { Figure } from '../../components/figure.js';
import { useClockStore } from '../../stores/clock-store.js';
import { useAlertsStore } from '../../features/alerts/stores/alerts-store.js';
import { ConnectionBadge } from '../../features/connection/components/connection-badge.js';
import { useI18n } from '../../lib/i18n/use-i18n.js';
import { STATUS_ICON, worstStatus } from '../../features/queues/service-level.js';
import { useQueuesStore } from '../../stores/queues-store.js';
import { useWindowStore } from '../../stores/window-store.js';
import { useCentreStore } from '../../stores/centre-store.js';
import { ScopedTotals } from './scoped-totals.js';

const Total = ({ label, value, testId }: { label: string; value: string; testId?: string }) => (
  <Figure className="total" label={label} testId={testId}>{value}</Figure>
);

/** The centre in one line: totals, the time in Rome, whether the board is live, how many alerts are open. */
export function CentreHeader({ children }: { children?: ReactNode }) {
  const centre = useCentreStore((s) => s.centre);
  // A snapshot came without `centre`: this user's reach is part of the installation, not all of it.
  const scoped = useCentreStore((s) => s.generatedAt !== null && s.centre === null);
  const window = useWindowStore((s) => s.window);
  const now = useClockStore((s) => s.now);
  const alertCount = useAlertsStore((s) => Object.keys(s.active).length);
  const status = useQueuesStore((s) => worstStatus(s.order.map((id) => s.byId[id]!.status)));
  const { t, fmt } = useI18n();
  const metrics = centre?.windows[window];
  const agents = centre?.live.agents;
  return (
    <header className="centre-header">
      <div className="centre-header__title">
        <h1>{t('appTitle')}</h1>
        <time className="clock" data-testid="clock">{fmt.clock(now)}</time>
        <ConnectionBadge />
        <a className={`badge ${alertCount > 0 ? 'badge--alerts' : ''}`} href="#alerts" data-testid="alert-count">
          {t('activeAlerts')}: {alertCount}
        </a>
      </div>
      <dl className="centre-header__totals" aria-label={t('centre')}>
        {scoped ? <ScopedTotals /> : (
          <>
          <div className={`total total--caption total--${status}`} data-testid="centre-status" data-status={status}>
            <dt>{t('total')}</dt><dd><span className="total__icon" aria-hidden="true">{STATUS_ICON[status]}</span> {t('centre')}</dd>
          </div>
          <Total label={t('serviceLevel')} value={fmt.percent(metrics?.serviceLevel ?? null)} testId="centre-service-level" />
          <Total label={t('waiting')} value={fmt.integer(centre?.live.waiting ?? 0)} testId="centre-waiting" />
          <Total label={t('offered')} value={fmt.integer(metrics?.offered ?? 0)} />
          <Total label={t('answered')} value={fmt.integer(metrics?.answered ?? 0)} />
          <Total label={t('abandonRate')} value={fmt.percent(metrics?.abandonRate ?? null)} />
          <Total label={t('available')} value={fmt.integer(agents?.available ?? 0)} />
          <Total label={t('onContact')} value={fmt.integer(agents?.on_contact ?? 0)} />
          <Total label={t('notReady')} value={fmt.integer(agents?.not_ready ?? 0)} />
          </>
        )}
      </dl>
      {children && <div className="centre-header__controls">{children}</div>}
    </header>
  );
}
