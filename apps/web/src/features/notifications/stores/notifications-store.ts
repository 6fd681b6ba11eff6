import { create } from 'zustand';
import type { BusinessCalendar, DeliveryState, NotificationPolicy } from '@plancia/contracts';
import { notificationsApi, type NotificationChannel, type NotificationDelivery } from '../notifications-api.js';

interface NotificationsState {
  token: string;
  channels: NotificationChannel[];
  policy: NotificationPolicy | null;
  calendars: BusinessCalendar[];
  deliveries: NotificationDelivery[];
  deliveryState: DeliveryState | '';
  loadError: string | null;
  setToken(token: string): void;
  setDeliveryState(state: DeliveryState | ''): void;
  load(): Promise<void>;
  loadDeliveries(): Promise<void>;
}

/** The tenant's channels, policy and deliveries as the server has them; every form reloads after a save. */
export const useNotificationsStore = create<NotificationsState>()((set, get) => ({
  token: '',
  channels: [],
  policy: null,
  calendars: [],
  deliveries: [],
  deliveryState: '',
  loadError: null,
  setToken: (token) => set({ token }),
  setDeliveryState: (deliveryState) => {
    set({ deliveryState });
    void get().loadDeliveries();
  },
  load: async () => {
    const { token } = get();
    try {
      const [channels, policy, calendars] = await Promise.all([
        notificationsApi.channels(token), notificationsApi.policy(token), notificationsApi.calendars(token).catch(() => []),
      ]);
      set({ channels, policy, calendars, loadError: null });
      await get().loadDeliveries();
    } catch (error) {
      set({ loadError: (error as Error).message });
    }
  },
  loadDeliveries: async () => {
    const { token, deliveryState } = get();
    try {
      set({ deliveries: await notificationsApi.deliveries(deliveryState || undefined, token) });
    } catch (error) {
      set({ loadError: (error as Error).message });
    }
  },
}));
