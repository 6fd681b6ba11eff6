import { useI18n } from '../../../lib/i18n/use-i18n.js';
import { useConnectionStore } from '../stores/connection-store.js';
import { viewRefusal } from '../refusal.js';

/** The view asked for (e.g. a TV link's `?queues=`) is outside the signed-in user's scope: say which, not an empty board. */
export function RefusedBanner() {
  const refusal = useConnectionStore((s) => viewRefusal(s.error)?.names.join(', ') ?? null);
  const kind = useConnectionStore((s) => viewRefusal(s.error)?.kind ?? null);
  const { t } = useI18n();
  if (refusal === null) return null;
  return (
    <div className="stale-banner" role="alert" data-testid="refused-banner">
      <span aria-hidden="true">⛔ </span>
      {t(kind === 'teams' ? 'refusedTeams' : 'refusedQueues', { names: refusal })}
    </div>
  );
}
