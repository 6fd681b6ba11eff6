import { useEffect } from 'react';
import { beep } from '../../../lib/beep.js';
import { useAlertSettingsStore } from '../stores/alert-settings-store.js';
import { useAlertsStore } from '../stores/alerts-store.js';

/** Sounds and notifies once for each critical alert raised while the board is open. */
export function useAlertEffects(): void {
  useEffect(() => {
    const announced = new Set(Object.keys(useAlertsStore.getState().fresh));
    return useAlertsStore.subscribe(({ fresh, active }) => {
      const added = Object.keys(fresh).filter((id) => !announced.has(id));
      if (added.length === 0) return;
      for (const id of added) announced.add(id);
      const { sound, notifications } = useAlertSettingsStore.getState();
      if (sound) beep();
      if (notifications && globalThis.Notification?.permission === 'granted') {
        for (const id of added) {
          const alert = active[id];
          if (alert) new Notification(`Plancia: ${alert.ruleName}`, { body: `${alert.scope.kind} ${alert.scope.id ?? ''}`.trim(), tag: id });
        }
      }
    });
  }, []);
}
