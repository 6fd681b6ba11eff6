import type { AsyncTarget } from '@plancia/contracts';
import type { Calendar } from '../calendar/business-calendar.js';

/** A clock is at risk once this share of its allowed time is used. */
export const AT_RISK_FRACTION = 0.8;
/** What a ticket is taken to be when its event does not say. */
export const DEFAULT_TICKET_CHANNEL = 'email';
export const DEFAULT_TICKET_PRIORITY = 'normal';

/**
 * The target that applies to a channel and priority: the most specific match wins — channel and priority,
 * then channel alone, then priority alone, then a generic entry; among equally specific entries the first listed.
 * Channel ranks above priority because it decides the kind of conversation (a chat is answered in seconds).
 */
export function chooseTarget(targets: readonly AsyncTarget[], channel: string, priority: string): AsyncTarget | undefined {
  let best: AsyncTarget | undefined;
  let bestRank = -1;
  for (const target of targets) {
    if (target.channel !== undefined && target.channel !== channel) continue;
    if (target.priority !== undefined && target.priority !== priority) continue;
    const rank = (target.channel !== undefined ? 2 : 0) + (target.priority !== undefined ? 1 : 0);
    if (rank > bestRank) {
      best = target;
      bestRank = rank;
    }
  }
  return best;
}

export interface Deadline {
  /** When AT_RISK_FRACTION of the allowed time has been used. */
  riskMs: number;
  /** The last instant that still meets the target. */
  dueMs: number;
}

/** A target's deadline from a start: on the business calendar when it says so, on the wall clock otherwise. */
export function deadlineOf(target: AsyncTarget, startMs: number, calendar: () => Calendar): Deadline {
  if (!target.businessHours) {
    return { riskMs: startMs + target.seconds * 1000 * AT_RISK_FRACTION, dueMs: startMs + target.seconds * 1000 };
  }
  const cal = calendar();
  return {
    riskMs: cal.addBusinessSeconds(startMs, target.seconds * AT_RISK_FRACTION),
    dueMs: cal.addBusinessSeconds(startMs, target.seconds),
  };
}
