import { alertFigure, type Alert, type AlertEvent, type AlertRule, type Comparison } from '@plancia/contracts';

/** One entity a rule watches, with the metric's current value (null: no data). */
export interface AlertTarget {
  id: string | null;
  /** What the board calls the entity (a queue's or an agent's name), when it has one. */
  name?: string;
  value: number | null;
}

/** The targets of a rule; `only` narrows a rule without a scope id to one entity. */
export type TargetsOf = (rule: AlertRule, only?: string | null) => AlertTarget[];

interface Track {
  pendingSince: number | null;
  alert: Alert | null;
  /**
   * A restored alert while the replay runs: since when its condition has stood cleared (null: it holds). Undefined
   * once the alert has been judged by a full evaluation.
   */
  clearedSince?: number | null;
  /**
   * The last alert of this rule and scope was resolved by hand while its condition still held: nothing is raised
   * again until the condition has cleared once (then it is raised anew, as a new alert, when it returns).
   */
  awaitingClear?: true;
}

/** What a person does to an open alert, by name, at an instant. */
export interface AlertAction {
  by: string;
  nowMs: number;
}

function holds(comparison: Comparison, value: number | null, threshold: number): boolean {
  if (value === null) return false;
  switch (comparison) {
    case 'lt': return value < threshold;
    case 'lte': return value <= threshold;
    case 'gt': return value > threshold;
    case 'gte': return value >= threshold;
  }
}

/** The value as the board shows it: conditions compare figures, so what is shown always crosses what is shown. */
const figureOf = (rule: AlertRule, value: number | null): number | null => (value === null ? null : alertFigure(rule.metric, value));

const thresholdOf = (rule: AlertRule): number => alertFigure(rule.metric, rule.threshold);

type Thresholds = Pick<Alert, 'comparison' | 'threshold' | 'clearThreshold'>;

/** The comparison, the threshold and, with hysteresis, the clear threshold, as shown. */
function thresholdsOf(rule: AlertRule): Thresholds {
  const { comparison } = rule;
  const threshold = thresholdOf(rule);
  return rule.clearThreshold === undefined ? { comparison, threshold } : { comparison, threshold, clearThreshold: alertFigure(rule.metric, rule.clearThreshold) };
}

/** Resolves when the value is back past the clear threshold (hysteresis), or simply no longer holds without one. */
function cleared(rule: AlertRule, value: number | null): boolean {
  if (value === null) return true;
  if (rule.clearThreshold === undefined) return !holds(rule.comparison, value, thresholdOf(rule));
  const clear = alertFigure(rule.metric, rule.clearThreshold);
  return rule.comparison.startsWith('l') ? value >= clear : value <= clear;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const commentsOf = (alert: Alert): NonNullable<Alert['comments']> => alert.comments ?? [];
const keyOf = (ruleId: string, scopeId: string | null): string => `${ruleId}|${scopeId ?? ''}`;

function scopeOf(rule: AlertRule, target: AlertTarget): Alert['scope'] {
  return target.name === undefined ? { kind: rule.scope.kind, id: target.id } : { kind: rule.scope.kind, id: target.id, name: target.name };
}

const ORDER: Record<Alert['state'], number> = { raised: 0, acknowledged: 1, assigned: 2, resolved: 3 };
/** The later of two states: the lifecycle only moves forward (acknowledging an assigned alert leaves it assigned). */
const forward = (from: Alert['state'], to: Alert['state']): Alert['state'] => (ORDER[to] > ORDER[from] ? to : from);

/** The lifecycle fields of a new alert. */
const fresh = (): Pick<Alert, 'assignedTo' | 'assignedAt' | 'resolvedBy' | 'resolutionNote' | 'comments' | 'snoozedUntil'> => ({
  assignedTo: null, assignedAt: null, resolvedBy: null, resolutionNote: null, comments: [], snoozedUntil: null,
});

/**
 * Threshold rules with `forSeconds` and hysteresis; raised → acknowledged → assigned → resolved, with comments and a
 * snooze on the way. Resolved by itself when the condition clears, or by hand: a hand-resolved alert whose condition
 * still holds is not raised again until the condition has cleared and returned (then as a new alert).
 */
export class AlertEngine {
  private readonly tracks = new Map<string, Track>();
  private events: AlertEvent[] = [];
  /** Open alerts whose value or scope name moved since the last drain, by id. */
  private updated = new Map<string, Alert>();

  evaluate(rules: readonly AlertRule[], targetsOf: TargetsOf, nowMs: number): void {
    const seen = new Set<string>();
    for (const rule of rules) {
      for (const target of targetsOf(rule)) {
        const key = keyOf(rule.id, target.id);
        seen.add(key);
        this.step(rule, target, key, nowMs);
      }
    }
    for (const [key, track] of this.tracks) {
      if (seen.has(key)) continue;
      if (track.alert) this.resolve(track, null, nowMs);
      this.tracks.delete(key);
    }
  }

  /**
   * While the journal is replayed: notes, for each restored alert raised by `nowMs`, whether its condition holds now,
   * so the full evaluation after the replay resolves one that cleared at the instant it cleared, not at the restart.
   */
  observeRestored(rules: readonly AlertRule[], targetsOf: TargetsOf, nowMs: number): void {
    for (const track of this.tracks.values()) {
      const alert = track.alert;
      if (!alert || track.clearedSince === undefined || Date.parse(alert.raisedAt) > nowMs) continue;
      const rule = rules.find((r) => r.id === alert.ruleId);
      const target = rule && targetsOf(rule, alert.scope.id).find((t) => t.id === alert.scope.id);
      if (!rule || !target) continue;
      if (!cleared(rule, figureOf(rule, target.value))) track.clearedSince = null;
      else track.clearedSince ??= nowMs;
    }
  }

  /** The earliest raise time of the restored alerts still to be judged; null when there are none. */
  restoredSince(): number | null {
    let earliest: number | null = null;
    for (const { alert, clearedSince } of this.tracks.values()) {
      if (!alert || clearedSince === undefined) continue;
      const at = Date.parse(alert.raisedAt);
      if (earliest === null || at < earliest) earliest = at;
    }
    return earliest;
  }

  /** The first acknowledgement's time stays (MTTA); a later one changes who and the note, never the state back. */
  acknowledge(alertId: string, by: string, note: string | null, nowMs: number): AlertEvent | null {
    return this.change(alertId, 'acknowledged', (alert) => ({
      ...alert, state: forward(alert.state, 'acknowledged'), acknowledgedAt: alert.acknowledgedAt ?? iso(nowMs), acknowledgedBy: by, note,
    }));
  }

  /** Assigns to `to`; acknowledges too (by the one who assigns) when nobody has yet. The note becomes a comment. */
  assign(alertId: string, to: string, note: string | null, { by, nowMs }: AlertAction): AlertEvent | null {
    return this.change(alertId, 'assigned', (alert) => ({
      ...alert,
      state: forward(alert.state, 'assigned'),
      acknowledgedAt: alert.acknowledgedAt ?? iso(nowMs),
      acknowledgedBy: alert.acknowledgedBy ?? by,
      assignedTo: to,
      assignedAt: iso(nowMs),
      comments: note === null ? commentsOf(alert) : [...commentsOf(alert), { at: iso(nowMs), by, text: note }],
    }));
  }

  comment(alertId: string, text: string, { by, nowMs }: AlertAction): AlertEvent | null {
    return this.change(alertId, 'commented', (alert) => ({ ...alert, comments: [...commentsOf(alert), { at: iso(nowMs), by, text }] }));
  }

  /** Holds notifications until `untilMs` (the server checks the bounds); the board keeps showing the alert. */
  snooze(alertId: string, untilMs: number, { by, nowMs }: AlertAction): AlertEvent | null {
    const text = `snoozed until ${iso(untilMs)}`;
    return this.change(alertId, 'snoozed', (alert) => ({ ...alert, snoozedUntil: iso(untilMs), comments: [...commentsOf(alert), { at: iso(nowMs), by, text }] }));
  }

  /**
   * Resolved by hand. If the condition still holds, the same rule and scope raise nothing more until it has cleared
   * once: closing an alert is a person's decision that this occurrence is dealt with, not a request to hear it again
   * at the next tick.
   */
  resolveByHand(alertId: string, note: string | null, { by, nowMs }: AlertAction): AlertEvent | null {
    for (const track of this.tracks.values()) {
      const alert = track.alert;
      if (!alert || alert.id !== alertId) continue;
      track.awaitingClear = true;
      // Returned, not queued (see change).
      return this.resolve(track, alert.value, nowMs, { resolvedBy: by, resolutionNote: note }, false);
    }
    return null;
  }

  /**
   * Takes back alerts that were open when the server stopped, before the replay evaluates anything: the replay then
   * keeps them (id, raise time, acknowledgement) while their condition holds and resolves them when it no longer does,
   * instead of raising them again.
   */
  restore(open: readonly Alert[], handResolved: readonly Alert[] = []): void {
    // Over a restored checkpoint the store has the last word: an alert it no longer holds open closed after the
    // checkpoint was taken (its transition is recorded already).
    const stillOpen = new Set(open.map((alert) => alert.id));
    for (const track of this.tracks.values()) if (track.alert && !stillOpen.has(track.alert.id)) track.alert = null;
    for (const alert of handResolved) this.tracks.set(keyOf(alert.ruleId, alert.scope.id), { pendingSince: null, alert: null, awaitingClear: true });
    for (const alert of open) this.tracks.set(keyOf(alert.ruleId, alert.scope.id), { pendingSince: null, alert: { ...fresh(), ...alert }, clearedSince: null });
  }

  active(): Alert[] {
    const list: Alert[] = [];
    for (const track of this.tracks.values()) if (track.alert) list.push(track.alert);
    return list.sort((a, b) => (a.raisedAt < b.raisedAt ? -1 : a.raisedAt > b.raisedAt ? 1 : a.id < b.id ? -1 : 1));
  }

  drain(): AlertEvent[] {
    const out = this.events;
    this.events = [];
    return out;
  }

  /** Open alerts whose shown value or scope name changed since the previous call (not transitions: nothing to record). */
  drainUpdates(): Alert[] {
    const out = [...this.updated.values()];
    this.updated = new Map();
    return out;
  }

  private step(rule: AlertRule, target: AlertTarget, key: string, nowMs: number): void {
    let track = this.tracks.get(key);
    const value = figureOf(rule, target.value);
    if (!track) {
      // A track only once its condition holds: most (rule, scope) pairs hold nothing most of the day (one per agent).
      if (!holds(rule.comparison, value, thresholdOf(rule))) return;
      track = { pendingSince: null, alert: null };
      this.tracks.set(key, track);
    }
    if (track.alert) {
      const clearedSince = track.clearedSince;
      delete track.clearedSince;
      if (cleared(rule, value)) this.resolve(track, value, clearedSince ?? nowMs);
      else this.update(track, track.alert, value, scopeOf(rule, target), thresholdsOf(rule));
      return;
    }
    if (track.awaitingClear) {
      if (!cleared(rule, value)) return;
      delete track.awaitingClear;
    }
    if (!holds(rule.comparison, value, thresholdOf(rule))) {
      this.tracks.delete(key); // nothing pending, open or awaited: as if never tracked
      return;
    }
    track.pendingSince ??= nowMs;
    if (nowMs - track.pendingSince < rule.forSeconds * 1000) return;
    track.alert = {
      id: `${rule.id}:${target.id ?? 'centre'}:${iso(nowMs)}`, ruleId: rule.id, ruleName: rule.name, metric: rule.metric,
      scope: scopeOf(rule, target), window: rule.window, severity: rule.severity, state: 'raised',
      value, ...thresholdsOf(rule), raisedAt: iso(nowMs), acknowledgedAt: null, acknowledgedBy: null,
      note: null, resolvedAt: null, ...fresh(),
    };
    this.emit('raised', track.alert);
  }

  private update(track: Track, alert: Alert, value: number | null, scope: Alert['scope'], thresholds: Thresholds): void {
    if (alert.value === value && alert.scope.name === scope.name && alert.threshold === thresholds.threshold
      && alert.clearThreshold === thresholds.clearThreshold && alert.comparison === thresholds.comparison) return;
    const { clearThreshold: _dropped, ...rest } = alert;
    track.alert = { ...rest, value, scope, ...thresholds };
    this.updated.set(alert.id, track.alert);
  }

  private resolve(
    track: Track, value: number | null, atMs: number,
    by: Pick<Alert, 'resolvedBy' | 'resolutionNote'> = { resolvedBy: null, resolutionNote: null }, queued = true,
  ): AlertEvent {
    const alert = track.alert!;
    track.alert = null;
    track.pendingSince = null;
    this.updated.delete(alert.id);
    const resolved: Alert = { ...alert, state: 'resolved', value, resolvedAt: iso(atMs), ...by };
    return queued ? this.emit('resolved', resolved) : { kind: 'resolved', alert: resolved };
  }

  /** Applies a person's change to the open alert with that id; null when no open alert has it. */
  private change(alertId: string, kind: AlertEvent['kind'], next: (alert: Alert) => Alert): AlertEvent | null {
    for (const track of this.tracks.values()) {
      const alert = track.alert;
      if (!alert || alert.id !== alertId) continue;
      track.alert = next(alert);
      this.updated.delete(alertId);
      // Returned, not queued for drain(): the caller publishes it at once, and a second copy at the next tick would
      // reach boards and the history twice.
      return { kind, alert: track.alert };
    }
    return null;
  }

  private emit(kind: AlertEvent['kind'], alert: Alert): AlertEvent {
    const event = { kind, alert };
    this.events.push(event);
    return event;
  }
}
