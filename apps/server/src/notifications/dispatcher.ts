import { randomUUID } from 'node:crypto';
import { DEFAULT_TENANT, type Alert, type AlertEvent, type NotificationPolicy } from '@plancia/contracts';
import { Calendar } from '@plancia/engine';
import type { OutboxEntry, OutboxGroup, Store, TenantRecord } from '@plancia/store';
import { alertUrl, type MessagePayload } from './messages.js';
import { DEFAULT_REPEAT_MINUTES, groupingOn, planTransition, type PlannedMessage, type QuietCalendar, type Transition } from './routing.js';

/** True when a silence or a snooze covers the alert at that instant (fastify.alertMutes.isMuted). */
export type IsMuted = (alert: Alert, atMs: number) => boolean;
export const NEVER_MUTED: IsMuted = () => false;

/** The tenant that owns an alert's queue or team; the default tenant owns the rest. */
export function tenantOfAlert(alert: Alert, tenants: readonly Pick<TenantRecord, 'id' | 'queues' | 'teams'>[]): string {
  const { kind, id } = alert.scope;
  if (id === null) return DEFAULT_TENANT;
  const owner = tenants.find((tenant) => tenant.id !== DEFAULT_TENANT
    && ((kind === 'queue' && tenant.queues.includes(id)) || (kind === 'team' && tenant.teams.includes(id))));
  return owner?.id ?? DEFAULT_TENANT;
}

const TRANSITIONS = new Set<string>(['raised', 'acknowledged', 'resolved']);

export const quietCalendar = (calendar: Calendar): QuietCalendar => ({
  isOpen: (ms) => calendar.isOpen(ms),
  // The first opening millisecond after ms, as the instant one millisecond of opening time has passed, less it.
  nextOpen: (ms) => (calendar.isOpen(ms) ? ms : calendar.addBusinessSeconds(ms, 0.001) - 1),
});

/**
 * A message's group when the policy groups: the transition's own message is timed by the store against the group's
 * earlier ones (in the transition's transaction); a repeat follows its raise's message; an escalation keeps its time.
 */
function groupOf(policy: NotificationPolicy, transition: Transition, message: PlannedMessage, atMs: number): OutboxGroup {
  const held = message.heldUntilMs === undefined ? {} : { notBeforeMs: message.heldUntilMs };
  if (message.kind === transition) {
    const timing = { transition, atMs, waitMs: (policy.groupWaitSeconds ?? 0) * 1000, intervalMs: (policy.groupIntervalSeconds ?? 0) * 1000, ...held };
    return { key: message.groupKey, timing };
  }
  if (message.kind === 'repeat') return { key: message.groupKey, afterRaiseMs: (policy.repeatIntervalMinutes ?? DEFAULT_REPEAT_MINUTES) * 60_000, ...held };
  return { key: message.groupKey };
}

/**
 * Turns each alert transition into the deliveries it owes and records both in one transaction (the live state's
 * recordAlert sink), so a recorded transition is never a lost notification.
 */
export class NotificationDispatcher {
  constructor(
    private readonly store: Store,
    private readonly publicUrl: string,
    private readonly isMuted: IsMuted = NEVER_MUTED,
  ) {}

  async record(event: AlertEvent, atMs: number): Promise<void> {
    const deliveries = TRANSITIONS.has(event.kind) ? await this.plan(event.kind as Transition, event.alert, atMs) : [];
    await this.store.alerts.record(event, deliveries);
  }

  async plan(transition: Transition, alert: Alert, atMs: number): Promise<OutboxEntry[]> {
    const tenantId = tenantOfAlert(alert, await this.store.tenants.list());
    const policy = (await this.store.notifications.policy(tenantId)) as NotificationPolicy | undefined;
    if (!policy || this.isMuted(alert, atMs)) return [];
    const calendar = await this.calendarOf(policy);
    const repeatMs = (policy.repeatIntervalMinutes ?? DEFAULT_REPEAT_MINUTES) * 60_000;
    return planTransition(policy, transition, alert, atMs, calendar).map((message) => {
      const payload: MessagePayload = {
        event: message.kind === 'repeat' || message.kind === 'escalation' ? 'raised' : message.kind,
        ...(message.kind === 'repeat' || message.kind === 'escalation' ? { reminder: message.kind } : {}),
        ...(message.kind === 'repeat' ? { repeatMs } : {}),
        alert, language: policy.language ?? 'it', url: alertUrl(this.publicUrl, alert.id),
      };
      return {
        id: `msg_${randomUUID()}`, tenantId, channelId: message.channelId, alertId: alert.id, kind: message.kind, payload,
        dueAtMs: message.dueAtMs, onlyUnacknowledged: message.onlyUnacknowledged,
        ...(groupingOn(policy) ? { group: groupOf(policy, transition, message, atMs) } : {}),
      };
    });
  }

  private async calendarOf(policy: NotificationPolicy): Promise<QuietCalendar | undefined> {
    if (!policy.quietHours) return undefined;
    const stored = await this.store.config.table('calendars').get(policy.quietHours.calendarId);
    return stored ? quietCalendar(new Calendar(stored.value)) : undefined;
  }
}
