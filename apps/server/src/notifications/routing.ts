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
  /** The route that sent it here (`root`, `routes/<i>`, `routes/<i>/escalate/<s>`): its group when grouping is on. */
  groupKey: string;
  /** Quiet hours held it: not before this instant. */
  heldUntilMs?: number;
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
  return [...firstChannels(policy, alert).keys()];
}

/** Each first channel with the route that named it first (its group): `routes/<i>`, or `root`. */
export function firstChannels(policy: NotificationPolicy, alert: Alert): Map<string, string> {
  const routes = policy.routes ?? [];
  const taken = new Set(matchingRoutes(policy, alert));
  const groups = new Map<string, string>();
  routes.forEach((route, i) => {
    if (!taken.has(route)) return;
    for (const channelId of route.channels) if (!groups.has(channelId)) groups.set(channelId, `routes/${i}`);
  });
  if (taken.size === 0) for (const channelId of policy.channels) if (!groups.has(channelId)) groups.set(channelId, 'root');
  return groups;
}

/** Grouping is on when the policy sets a group wait or interval; without either every message is about one alert. */
export const groupingOn = (policy: NotificationPolicy) => (policy.groupWaitSeconds ?? 0) > 0 || (policy.groupIntervalSeconds ?? 0) > 0;

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
  const first = firstChannels(policy, alert);
  const routes = policy.routes ?? [];
  const steps = matchingRoutes(policy, alert).flatMap((route) =>
    (route.escalate ?? []).map((step, s) => ({ ...step, groupKey: `routes/${routes.indexOf(route)}/escalate/${s}` })));
  const plan: PlannedMessage[] = [];
  const add = (channelId: string, kind: PlannedMessage['kind'], dueAtMs: number, onlyUnacknowledged: boolean, groupKey: string) => {
    const released = releaseAt(policy, alert, channelId, dueAtMs, calendar);
    plan.push({ channelId, kind, dueAtMs: released, onlyUnacknowledged, groupKey, ...(released !== dueAtMs ? { heldUntilMs: released } : {}) });
  };

  if (transition === 'raised') {
    const repeat = (policy.repeatIntervalMinutes ?? DEFAULT_REPEAT_MINUTES) * MINUTE;
    for (const [channelId, groupKey] of first) {
      add(channelId, 'raised', atMs + wait, false, groupKey);
      if (repeat > 0) add(channelId, 'repeat', atMs + wait + repeat, true, groupKey);
    }
    for (const step of steps) {
      // From the moment Plancia raised it, not the condition's start: nobody could acknowledge before that.
      for (const channelId of step.channels) add(channelId, 'escalation', atMs + step.afterMinutes * MINUTE, true, step.groupKey);
    }
    return plan;
  }
  const earliest = raisedMs + wait + (policy.groupIntervalSeconds ?? 0) * 1000;
  const targets = new Map(first);
  for (const step of steps) {
    if (raisedMs + step.afterMinutes * MINUTE > atMs) continue;
    for (const channelId of step.channels) if (!targets.has(channelId)) targets.set(channelId, step.groupKey);
  }
  for (const [channelId, groupKey] of targets) add(channelId, transition, Math.max(atMs, earliest), false, groupKey);
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
