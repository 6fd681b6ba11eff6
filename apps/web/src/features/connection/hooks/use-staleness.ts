import { useClockStore } from '../../../stores/clock-store.js';
import { useConnectionStore } from '../stores/connection-store.js';

/** Past this silence the board says its data is stale, even if the connection looks open. */
export const STALE_AFTER_MS = 5000;

/** Whether the data shown may be out of date, and since when (the last moment it was known fresh). */
export function useStaleness(): { stale: boolean; since: number | null } {
  const now = useClockStore((s) => s.now);
  const { status, lastMessageAt } = useConnectionStore();
  const silent = lastMessageAt === null || Math.max(now, Date.now()) - lastMessageAt > STALE_AFTER_MS;
  return { stale: status !== 'live' || silent, since: lastMessageAt };
}
