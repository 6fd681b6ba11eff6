import { create } from 'zustand';

const SOUND_KEY = 'plancia.alerts.sound';
const NOTIFICATIONS_KEY = 'plancia.alerts.notifications';

const remembered = (key: string): boolean | null => {
  const value = globalThis.localStorage?.getItem(key);
  return value === 'on' ? true : value === 'off' ? false : null;
};
const remember = (key: string, on: boolean) => globalThis.localStorage?.setItem(key, on ? 'on' : 'off');
const notificationsAllowed = () => globalThis.Notification?.permission === 'granted';

interface AlertSettings {
  sound: boolean;
  notifications: boolean;
  setSound(on: boolean): void;
  setNotifications(on: boolean): void;
}

/** What this screen does when a critical alert is raised, besides flashing; remembered across reloads. */
export const useAlertSettingsStore = create<AlertSettings>()((set) => ({
  sound: remembered(SOUND_KEY) ?? false,
  // Without a choice made on this screen, notifications follow the browser's permission.
  notifications: (remembered(NOTIFICATIONS_KEY) ?? true) && notificationsAllowed(),
  setSound: (on) => {
    remember(SOUND_KEY, on);
    set({ sound: on });
  },
  setNotifications: (on) => {
    remember(NOTIFICATIONS_KEY, on);
    set({ notifications: on && notificationsAllowed() });
  },
}));
