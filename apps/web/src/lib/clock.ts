import { useClockStore } from '../stores/clock-store.js';

/** Starts the board's one-second clock; returns a function that stops it. */
export function startClock(): () => void {
  const timer = setInterval(() => useClockStore.setState({ now: Date.now() }), 1000);
  return () => clearInterval(timer);
}
