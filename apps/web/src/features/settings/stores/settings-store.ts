import { create } from 'zustand';
import { DEFAULT_SETTINGS, type AgentProfile, type AlertRule, type BusinessCalendar, type EngineSettings } from '@plancia/contracts';
import { settingsApi, type QueueEntry } from '../settings-api.js';

const TOKEN_KEY = 'plancia.token';

interface SettingsState {
  token: string;
  queues: QueueEntry[];
  calendars: BusinessCalendar[];
  rules: AlertRule[];
  agents: AgentProfile[];
  settings: EngineSettings;
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
  settings: DEFAULT_SETTINGS,
  loadFailed: false,
  setToken: (token) => {
    globalThis.localStorage?.setItem(TOKEN_KEY, token);
    set({ token });
  },
  load: async () => {
    const { token } = get();
    try {
      const [queues, calendars, rules, agents, settings] = await Promise.all([
        settingsApi.queues(token), settingsApi.calendars(token), settingsApi.rules(token), settingsApi.agents(token),
        settingsApi.settings(token),
      ]);
      set({ queues, calendars, rules, agents, settings: { ...DEFAULT_SETTINGS, ...settings }, loadFailed: false });
    } catch {
      set({ loadFailed: true });
    }
  },
}));
