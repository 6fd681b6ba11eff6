import { create } from 'zustand';
import type { WindowName } from '@plancia/contracts';

export type MetricWindow = Exclude<WindowName, 'live'>;
export const METRIC_WINDOWS: readonly MetricWindow[] = ['rolling', 'interval', 'today'];
const KEY = 'plancia.window';

function initialWindow(): MetricWindow {
  const saved = globalThis.localStorage?.getItem(KEY);
  return METRIC_WINDOWS.find((w) => w === saved) ?? 'rolling';
}

/** Which window the tiles count over; remembered on this screen. */
export const useWindowStore = create<{ window: MetricWindow; select(window: MetricWindow): void }>()((set) => ({
  window: initialWindow(),
  select: (window) => {
    globalThis.localStorage?.setItem(KEY, window);
    set({ window });
  },
}));
