import { create } from 'zustand';
import type { AgentProfile, AlertRule, BusinessCalendar } from '@plancia/contracts';
import { settingsApi, type QueueEntry } from '../settings-api.js';

const TOKEN_KEY = 'plancia.token';

interface SettingsState {
  token: string;
  queues: QueueEntry[];
  calendars: BusinessCalendar[];
  rules: AlertRule[];
  agents: AgentProfile[];
  loadFailed: boolean;
  setToken(token: string): void;
  load(): Promise<void>;
}

/** The configuration as the server has it; forms reload it after every save so versions stay current. */
export const useSettingsStore = create<SettingsState>()((set, get) => ({
  token: globalThis.localStorage?.getItem(TOKEN_KEY) ?? '',
  queues: [],
  calendars: [],
  rules: [],
  agents: [],
  loadFailed: false,
  setToken: (token) => {
    globalThis.localStorage?.setItem(TOKEN_KEY, token);
    set({ token });
  },
  load: async () => {
    const { token } = get();
    try {
      const [queues, calendars, rules, agents] = await Promise.all([
        settingsApi.queues(token), settingsApi.calendars(token), settingsApi.rules(token), settingsApi.agents(token),
      ]);
      set({ queues, calendars, rules, agents, loadFailed: false });
    } catch {
      set({ loadFailed: true });
    }
  },
}));
