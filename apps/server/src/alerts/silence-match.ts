import type { Alert, Silence } from '@plancia/contracts';

/**
 * Whether a silence covers an alert: every field of its match must hold. A queue matches an alert about that queue;
 * a team matches an alert about the team or about one of its queues (by the team the board last saw the queue in).
 */
export function silenceMatches(silence: Silence, alert: Alert, teamOfQueue: (queueId: string) => string | null): boolean {
  const { ruleId, queueId, teamId, severity } = silence.match;
  if (ruleId !== undefined && alert.ruleId !== ruleId) return false;
  if (severity !== undefined && alert.severity !== severity) return false;
  const { kind, id } = alert.scope;
  if (queueId !== undefined && !(kind === 'queue' && id === queueId)) return false;
  if (teamId !== undefined) {
    const team = kind === 'team' ? id : kind === 'queue' && id !== null ? teamOfQueue(id) : null;
    if (team !== teamId) return false;
  }
  return true;
}

/** The first silence in force at `atMs` that covers the alert. */
export function silenceOf(silences: readonly Silence[], alert: Alert, atMs: number, teamOfQueue: (queueId: string) => string | null): Silence | undefined {
  return silences.find((s) => Date.parse(s.startsAt) <= atMs && atMs < Date.parse(s.endsAt) && silenceMatches(s, alert, teamOfQueue));
}

/** Muted: silenced now, or snoozed until after `atMs`. */
export function isMutedBy(silences: readonly Silence[], alert: Alert, atMs: number, teamOfQueue: (queueId: string) => string | null): boolean {
  if (alert.snoozedUntil && Date.parse(alert.snoozedUntil) > atMs) return true;
  return silenceOf(silences, alert, atMs, teamOfQueue) !== undefined;
}
