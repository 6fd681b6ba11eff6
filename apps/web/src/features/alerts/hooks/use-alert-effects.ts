import { useEffect } from 'react';
import { beep, enableAudio } from '../../../lib/beep.js';
import { useLocaleStore } from '../../../lib/i18n/locale-store.js';
import { alertName, alertScope } from '../alert-texts.js';
import { useAlertSettingsStore } from '../stores/alert-settings-store.js';
import { useAlertsStore } from '../stores/alerts-store.js';

/**
 * Sound remembered from an earlier visit: browsers start audio only after a gesture on the page, so the first click
 * or key press anywhere brings it back.
 */
function useRememberedSound(): void {
  useEffect(() => {
    if (!useAlertSettingsStore.getState().sound) return;
    const resume = () => void enableAudio();
    resume();
    const events = ['pointerdown', 'keydown'] as const;
    for (const name of events) globalThis.addEventListener(name, resume, { once: true });
    return () => { for (const name of events) globalThis.removeEventListener(name, resume); };
  }, []);
}

/** Sounds and notifies once for each critical alert raised while the board is open. */
export function useAlertEffects(): void {
  useRememberedSound();
  useEffect(() => {
    const announced = new Set(Object.keys(useAlertsStore.getState().fresh));
    return useAlertsStore.subscribe(({ fresh, active }) => {
      const added = Object.keys(fresh).filter((id) => !announced.has(id));
      if (added.length === 0) return;
      for (const id of added) announced.add(id);
      const { sound, notifications } = useAlertSettingsStore.getState();
      if (sound) beep();
      if (notifications && globalThis.Notification?.permission === 'granted') {
        const { locale } = useLocaleStore.getState();
        for (const id of added) {
          const alert = active[id];
          if (alert) new Notification(`Plancia: ${alertName(alert, locale)}`, { body: alertScope(alert, locale), tag: id });
        }
      }
    });
  }, []);
}
