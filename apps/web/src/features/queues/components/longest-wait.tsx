import { useClockStore } from '../../../stores/clock-store.js';
import { useI18n } from '../../../lib/i18n/use-i18n.js';

/** The server sends when the oldest waiting contact arrived; the board counts the seconds itself. */
export function LongestWait({ since }: { since: string | null }) {
  const now = useClockStore((s) => s.now);
  const { fmt } = useI18n();
  return <>{since === null ? fmt.duration(null) : fmt.duration((now - Date.parse(since)) / 1000)}</>;
}
