import { useI18n } from '../../../lib/i18n/use-i18n.js';
import { useConnectionStore } from '../stores/connection-store.js';

const ICON = { live: '●', connecting: '◌', offline: '✖' } as const;
const TEXT = { live: 'connLive', connecting: 'connConnecting', offline: 'connOffline' } as const;

export function ConnectionBadge() {
  const status = useConnectionStore((s) => s.status);
  const { t } = useI18n();
  return (
    <span className={`badge badge--${status}`} role="status" data-testid="connection-state" data-status={status}>
      <span aria-hidden="true">{ICON[status]} </span>{t(TEXT[status])}
    </span>
  );
}
