import { useMemo } from 'react';
import { alertName, alertScope, clearingText } from '../features/alerts/alert-texts.js';
import { alertFigures } from '../features/alerts/alert-value.js';
import { useAlertsStore } from '../features/alerts/stores/alerts-store.js';
import { ConnectionBadge } from '../features/connection/components/connection-badge.js';
import type { AlertDescriber } from '../features/control/alert-describer.js';
import { ControlConsole } from '../features/control/components/control-console.js';
import { setBearer } from '../features/control/control-api.js';
import { ShiftLogPanel } from '../features/shift-log/components/shift-log-panel.js';
import { setBearer as setShiftLogBearer } from '../features/shift-log/shift-log-api.js';
import { CallbacksPanel } from '../features/callbacks/components/callbacks-panel.js';
import { boardParams } from '../lib/board-params.js';
import { useI18n } from '../lib/i18n/use-i18n.js';
import { useCentreStore } from '../stores/centre-store.js';
import { applyAlert } from './board-sync.js';

// The console and the shift log call the API with the board's token, if it was opened with one (a session cookie goes
// by itself).
const { token } = boardParams(window.location.search);
setBearer(token);
setShiftLogBearer(token);

/** The alerts feature's wording, lent to the console so an alert reads the same on both. */
function useAlertDescriber(): AlertDescriber {
  const { t, fmt, locale } = useI18n();
  return useMemo(() => ({
    name: (alert) => alertName(alert, locale),
    scope: (alert) => alertScope(alert, locale),
    figures: (alert) => {
      const figures = alertFigures(alert, fmt);
      return figures.clearing ? clearingText(figures.value, figures.threshold, locale) : t('value', { value: figures.value, threshold: figures.threshold });
    },
  }), [t, fmt, locale]);
}

/** `/control`: the console over the live alerts the board's socket keeps, with the callback worklist and the shift's log beside it. */
export function ControlPage() {
  const active = useAlertsStore((s) => s.active);
  const alerts = useMemo(() => Object.values(active), [active]);
  const loaded = useCentreStore((s) => s.generatedAt !== null);
  const describe = useAlertDescriber();
  return (
    <ControlConsole alerts={alerts} loaded={loaded} describe={describe} onEvent={applyAlert} panels={<><CallbacksPanel /><ShiftLogPanel /></>}>
      <ConnectionBadge />
    </ControlConsole>
  );
}
