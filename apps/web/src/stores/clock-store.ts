import { create } from 'zustand';

/** One clock for the whole board, advanced every second from src/lib/clock.ts, so timers tick together. */
export const useClockStore = create<{ now: number }>()(() => ({ now: Date.now() }));
