import { DEFAULT_CALENDAR, type AgentProfile, type AlertRule, type BusinessCalendar } from '@plancia/contracts';

/** What a new entry starts from on the settings page, before the supervisor edits it. */
export const newEntry = {
  /** An empty body: the server lays it over the queue defaults. */
  queue: () => ({}),
  calendar: (id: string): BusinessCalendar => ({ ...DEFAULT_CALENDAR, id, name: id }),
  /** Disabled until edited: a rule added by name alone should not raise anything on its own. */
  rule: (id: string): AlertRule => ({
    id, name: id, metric: 'waiting', scope: { kind: 'centre' }, window: 'live', comparison: 'gt', threshold: 10,
    forSeconds: 0, severity: 'warning', enabled: false,
  }),
  agent: (id: string): AgentProfile => ({ agentId: id, name: id }),
};
