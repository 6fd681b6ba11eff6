import { create } from 'zustand';
import type { Alert, AlertEvent } from '@plancia/contracts';

const RECENTLY_RESOLVED = 20;

interface AlertsState {
  /** Raised or acknowledged alerts by id. */
  active: Record<string, Alert>;
  /** The last resolved alerts, newest first. */
  resolved: Alert[];
  /** Ids of critical alerts raised while this board was watching: they flash until acknowledged. */
  fresh: Record<string, true>;
  replace(alerts: readonly Alert[]): void;
  apply(event: AlertEvent): void;
}

export const useAlertsStore = create<AlertsState>()((set) => ({
  active: {},
  resolved: [],
  fresh: {},
  replace: (alerts) =>
    set((state) => {
      const active = Object.fromEntries(alerts.filter((a) => a.state !== 'resolved').map((a) => [a.id, a]));
      const fresh = Object.fromEntries(Object.keys(state.fresh).filter((id) => active[id]?.state === 'raised').map((id) => [id, true as const]));
      return { active, fresh };
    }),
  apply: ({ kind, alert }) =>
    set((state) => {
      const active = { ...state.active };
      const fresh = { ...state.fresh };
      if (kind === 'resolved') {
        delete active[alert.id];
        delete fresh[alert.id];
        return { active, fresh, resolved: [alert, ...state.resolved.filter((a) => a.id !== alert.id)].slice(0, RECENTLY_RESOLVED) };
      }
      // A raise of an alert this board already holds (a replayed or repeated event) is not news: no flash, no sound.
      const news = kind === 'raised' && alert.severity === 'critical' && !state.active[alert.id];
      active[alert.id] = alert;
      if (news) fresh[alert.id] = true;
      // Only taking it in hand (acknowledge, or assign, which implies it) stops the flashing; a new value (`updated`)
      // is the same alert still open.
      else if (kind === 'acknowledged' || kind === 'assigned') delete fresh[alert.id];
      return { active, fresh };
    }),
}));
