import type { ContactChannelName } from './events.js';
import type { AlertRule, AsyncTarget, BusinessCalendar, EngineSettings, QueueConfig } from './config.js';

export const DEFAULT_CALENDAR_ID = 'default';

export const DEFAULT_SETTINGS: EngineSettings = {
  timeZone: 'Europe/Rome',
  dayResetTime: '00:00',
  graceSeconds: 120,
  staleContactSeconds: 4 * 3600,
  notReadyAlertSeconds: 15 * 60,
};

const officeDay = [{ start: '09:00', end: '18:00' }];

/** Mon–Fri 09:00–18:00 Europe/Rome with the Italian public holidays. */
export const DEFAULT_CALENDAR: BusinessCalendar = {
  id: DEFAULT_CALENDAR_ID,
  name: 'Lun–Ven 09–18',
  timeZone: 'Europe/Rome',
  weekly: { mon: officeDay, tue: officeDay, wed: officeDay, thu: officeDay, fri: officeDay, sat: [], sun: [] },
  italianHolidays: true,
  closures: [],
};

const HOUR = 3600;

/** Common practice: chat and messaging 60 s; email 8 business hours; resolution 48 h, urgent 8 h. */
export const DEFAULT_FIRST_RESPONSE: AsyncTarget[] = [
  { channel: 'chat', seconds: 60, businessHours: false },
  { channel: 'messaging', seconds: 60, businessHours: false },
  { seconds: 8 * HOUR, businessHours: true },
];
export const DEFAULT_RESOLUTION: AsyncTarget[] = [
  { priority: 'urgent', seconds: 8 * HOUR, businessHours: true },
  { seconds: 48 * HOUR, businessHours: true },
];

/** The settings of a queue seen in events but never configured. */
export function defaultQueueConfig(queueId: string, channel?: ContactChannelName): QueueConfig {
  return {
    queueId,
    name: queueId,
    ...(channel ? { channel } : {}),
    serviceLevel: { thresholdSeconds: 20, target: 0.8, shortAbandonSeconds: 5, abandonPolicy: 'ignore' },
    rollingMinutes: 15,
    intervalMinutes: 30,
    firstResponse: DEFAULT_FIRST_RESPONSE,
    resolution: DEFAULT_RESOLUTION,
    calendarId: DEFAULT_CALENDAR_ID,
    // No colours: a queue on defaults has no bands of its own, they follow its target (bands.ts).
  };
}

/** Alert rules seeded for every queue; ids are derived so that seeding twice changes nothing. */
export function defaultQueueAlertRules(queue: QueueConfig): AlertRule[] {
  const { queueId } = queue;
  const { target, thresholdSeconds } = queue.serviceLevel;
  const scope = { kind: 'queue' as const, id: queueId };
  const rule = (suffix: string, r: Omit<AlertRule, 'id' | 'scope' | 'enabled'>): AlertRule => ({
    id: `${queueId}:${suffix}`, scope, enabled: true, ...r,
  });
  return [
    rule('sl-warning', { name: 'Service level below target', metric: 'serviceLevel', window: 'rolling', comparison: 'lt', threshold: target, clearThreshold: target, forSeconds: 0, severity: 'warning' }),
    rule('sl-critical', { name: 'Service level 10 points below target', metric: 'serviceLevel', window: 'rolling', comparison: 'lt', threshold: Math.max(0, target - 0.1), clearThreshold: Math.max(0, target - 0.05), forSeconds: 0, severity: 'critical' }),
    rule('longest-wait', { name: 'Longest wait above 2 × T', metric: 'longestWaitSeconds', window: 'live', comparison: 'gt', threshold: 2 * thresholdSeconds, clearThreshold: thresholdSeconds, forSeconds: 0, severity: 'critical' }),
    // Callers waiting while none of the queue's own agents is available: agents of other queues do not answer them.
    rule('queue-unstaffed', { name: 'Callers waiting with no agent available', metric: 'waitingWithNoneAvailable', window: 'live', comparison: 'gt', threshold: 0, forSeconds: 30, severity: 'critical' }),
    rule('chat-first-response', { name: 'Chat first response over 60 s', metric: 'chatFirstResponseSeconds', window: 'live', comparison: 'gt', threshold: 60, forSeconds: 0, severity: 'warning' }),
    rule('tickets-breached', { name: 'Tickets past their deadline', metric: 'ticketsBreached', window: 'live', comparison: 'gt', threshold: 0, forSeconds: 0, severity: 'warning' }),
    rule('csat-low', { name: 'CSAT below 90 %', metric: 'csat', window: 'today', comparison: 'lt', threshold: 0.9, clearThreshold: 0.92, forSeconds: 0, severity: 'warning' }),
  ];
}

/** Centre-wide rules seeded once. */
export function defaultCentreAlertRules(settings: EngineSettings = DEFAULT_SETTINGS): AlertRule[] {
  return [
    {
      id: 'centre:agent-not-ready', name: 'Agent not ready too long', metric: 'agentNotReadySeconds',
      scope: { kind: 'agent' }, window: 'live', comparison: 'gt', threshold: settings.notReadyAlertSeconds,
      forSeconds: 0, severity: 'warning', enabled: true,
    },
  ];
}
