import type { Alert } from '@plancia/contracts';

const secondsBetween = (from: string, to: string | null | undefined): number | null =>
  to ? Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000) : null;

/** When someone first took the alert in hand: an acknowledgement, or an assignment (which implies one). */
export function firstTakenAt(alert: Alert): string | null {
  const times = [alert.acknowledgedAt, alert.assignedAt].filter((t): t is string => typeof t === 'string');
  return times.sort()[0] ?? null;
}

/** Seconds from raise to first acknowledgement (the A of MTTA) and to resolution (the R of MTTR); null: not yet. */
export function alertDurations(alert: Alert): { toAcknowledge: number | null; toResolve: number | null } {
  return { toAcknowledge: secondsBetween(alert.raisedAt, firstTakenAt(alert)), toResolve: secondsBetween(alert.raisedAt, alert.resolvedAt) };
}

/** How long an open alert has been open at `nowMs`, in seconds. */
export const openFor = (alert: Alert, nowMs: number): number => Math.max(0, (nowMs - Date.parse(alert.raisedAt)) / 1000);
