import type { Alert, NotificationPolicy, NotificationRoute } from '@plancia/contracts';

/** Alertmanager's defaults are 30 s / 5 min / 4 h; here the first message leaves at once unless a wait is set. */
export const DEFAULT_REPEAT_MINUTES = 240;
const MINUTE = 60_000;

/** The transitions that owe a message (an `updated` value owes none). */
export type Transition = 'raised' | 'acknowledged' | 'resolved';

/** When the business calendar of the quiet hours is open (business hours); closed = quiet. */
export interface QuietCalendar {
  isOpen(ms: number): boolean;
  /** The first open instant at or after `ms` (Infinity when it never opens). */
  nextOpen(ms: number): number;
}

/** One message to plan: for a channel, about a transition, due at an instant. */
export interface PlannedMessage {
  channelId: string;
  kind: Transition | 'repeat' | 'escalation';
  dueAtMs: number;
  onlyUnacknowledged: boolean;
}

const queueOf = (alert: Alert) => (alert.scope.kind === 'queue' ? alert.scope.id : null);
const teamOf = (alert: Alert) => (alert.scope.kind === 'team' ? alert.scope.id : null);

export function routeMatches(route: NotificationRoute, alert: Alert): boolean {
  const { severity, queueId, teamId, ruleId } = route.match;
  return (severity === undefined || severity === alert.severity)
    && (queueId === undefined || queueId === queueOf(alert))
    && (teamId === undefined || teamId === teamOf(alert))
    && (ruleId === undefined || ruleId === alert.ruleId);
}

/** The routes that take an alert, in order: the first match stops the walk unless it says `continue`. */
export function matchingRoutes(policy: NotificationPolicy, alert: Alert): NotificationRoute[] {
  const taken: NotificationRoute[] = [];
  for (const route of policy.routes ?? []) {
    if (!routeMatches(route, alert)) continue;
    taken.push(route);
    if (!route.continue) break;
  }
  return taken;
}

/** The channels an alert goes to first: its routes', or the root's when no route took it. */
export function channelsFor(policy: NotificationPolicy, alert: Alert): string[] {
  const routes = matchingRoutes(policy, alert);
  const channels = routes.length === 0 ? policy.channels : routes.flatMap((route) => route.channels);
  return [...new Set(channels)];
}

/**
 * Quiet hours: outside the opening hours of the calendar a warning waits for the next opening; a critical alert
 * and the channels listed in quietHours.channels (an on-call phone) are never held.
 */
export function releaseAt(policy: NotificationPolicy, alert: Alert, channelId: string, dueAtMs: number, calendar: QuietCalendar | undefined): number {
  if (!policy.quietHours || !calendar || alert.severity === 'critical') return dueAtMs;
  if (policy.quietHours.channels?.includes(channelId)) return dueAtMs;
  return calendar.isOpen(dueAtMs) ? dueAtMs : calendar.nextOpen(dueAtMs);
}

/**
 * What one transition owes, with time passed in:
 * - raised: the first channels after groupWaitSeconds; a repeat per channel every repeatIntervalMinutes while the
 *   alert stays open and unacknowledged (the worker chains the next one); each escalation step's channels afterMinutes
 *   after the raise was recorded, again only while unacknowledged;
 * - acknowledged / resolved: the same first channels, and the escalation channels whose afterMinutes have passed
 *   since the alert's raisedAt (those already paged, or nearly: the raise may have been recorded a little later), no sooner than
 *   groupIntervalSeconds after the raise's message (at least the raise wait plus the interval).
 * Quiet hours hold what is not critical until the calendar opens.
 */
export function planTransition(policy: NotificationPolicy, transition: Transition, alert: Alert, atMs: number, calendar?: QuietCalendar): PlannedMessage[] {
  const wait = (policy.groupWaitSeconds ?? 0) * 1000;
  const raisedMs = Date.parse(alert.raisedAt);
  const first = channelsFor(policy, alert);
  const steps = matchingRoutes(policy, alert).flatMap((route) => route.escalate ?? []);
  const plan: PlannedMessage[] = [];
  const add = (channelId: string, kind: PlannedMessage['kind'], dueAtMs: number, onlyUnacknowledged: boolean) =>
    plan.push({ channelId, kind, dueAtMs: releaseAt(policy, alert, channelId, dueAtMs, calendar), onlyUnacknowledged });

  if (transition === 'raised') {
    const repeat = (policy.repeatIntervalMinutes ?? DEFAULT_REPEAT_MINUTES) * MINUTE;
    for (const channelId of first) {
      add(channelId, 'raised', atMs + wait, false);
      if (repeat > 0) add(channelId, 'repeat', atMs + wait + repeat, true);
    }
    for (const step of steps) {
      // From the moment Plancia raised it, not the condition's start: nobody could acknowledge before that.
      for (const channelId of step.channels) add(channelId, 'escalation', atMs + step.afterMinutes * MINUTE, true);
    }
    return plan;
  }
  const earliest = raisedMs + wait + (policy.groupIntervalSeconds ?? 0) * 1000;
  const reached = steps.filter((step) => raisedMs + step.afterMinutes * MINUTE <= atMs).flatMap((step) => step.channels);
  for (const channelId of new Set([...first, ...reached])) add(channelId, transition, Math.max(atMs, earliest), false);
  return plan;
}

/** Every channel id a policy names, with where: refused before storing when one is unknown. */
export function policyChannelRefs(policy: NotificationPolicy): { path: string; id: string }[] {
  const refs = policy.channels.map((id, i) => ({ path: `channels/${i}`, id }));
  (policy.routes ?? []).forEach((route, r) => {
    route.channels.forEach((id, i) => refs.push({ path: `routes/${r}/channels/${i}`, id }));
    (route.escalate ?? []).forEach((step, s) => step.channels.forEach((id, i) => refs.push({ path: `routes/${r}/escalate/${s}/channels/${i}`, id })));
  });
  (policy.quietHours?.channels ?? []).forEach((id, i) => refs.push({ path: `quietHours/channels/${i}`, id }));
  return refs;
}
