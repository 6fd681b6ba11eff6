import { create } from 'zustand';

/** What this screen does when a critical alert is raised, besides flashing. */
export const useAlertSettingsStore = create<{ sound: boolean; notifications: boolean }>()(() => ({
  sound: false,
  notifications: globalThis.Notification?.permission === 'granted',
}));
