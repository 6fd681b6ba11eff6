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
const keyOf = (ruleId: string, scopeId: string | null): string => `${ruleId}|${scopeId ?? ''}`;

function scopeOf(rule: AlertRule, target: AlertTarget): Alert['scope'] {
  return target.name === undefined ? { kind: rule.scope.kind, id: target.id } : { kind: rule.scope.kind, id: target.id, name: target.name };
}

/** Threshold rules with `forSeconds` and hysteresis; raised → acknowledged → resolved. */
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

  acknowledge(alertId: string, by: string, note: string | null, nowMs: number): AlertEvent | null {
    for (const track of this.tracks.values()) {
      const alert = track.alert;
      if (!alert || alert.id !== alertId) continue;
      track.alert = { ...alert, state: 'acknowledged', acknowledgedAt: iso(nowMs), acknowledgedBy: by, note };
      this.updated.delete(alertId);
      return this.emit('acknowledged', track.alert);
    }
    return null;
  }

  /**
   * Takes back alerts that were open when the server stopped, before the replay evaluates anything: the replay then
   * keeps them (id, raise time, acknowledgement) while their condition holds and resolves them when it no longer does,
   * instead of raising them again.
   */
  restore(open: readonly Alert[]): void {
    for (const alert of open) this.tracks.set(keyOf(alert.ruleId, alert.scope.id), { pendingSince: null, alert, clearedSince: null });
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
    if (!track) {
      track = { pendingSince: null, alert: null };
      this.tracks.set(key, track);
    }
    const value = figureOf(rule, target.value);
    if (track.alert) {
      const clearedSince = track.clearedSince;
      delete track.clearedSince;
      if (cleared(rule, value)) this.resolve(track, value, clearedSince ?? nowMs);
      else this.update(track, track.alert, value, scopeOf(rule, target), thresholdsOf(rule));
      return;
    }
    if (!holds(rule.comparison, value, thresholdOf(rule))) {
      track.pendingSince = null;
      return;
    }
    track.pendingSince ??= nowMs;
    if (nowMs - track.pendingSince < rule.forSeconds * 1000) return;
    track.alert = {
      id: `${rule.id}:${target.id ?? 'centre'}:${iso(nowMs)}`, ruleId: rule.id, ruleName: rule.name, metric: rule.metric,
      scope: scopeOf(rule, target), window: rule.window, severity: rule.severity, state: 'raised',
      value, ...thresholdsOf(rule), raisedAt: iso(nowMs), acknowledgedAt: null, acknowledgedBy: null,
      note: null, resolvedAt: null,
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

  private resolve(track: Track, value: number | null, atMs: number): void {
    const alert = track.alert!;
    track.alert = null;
    track.pendingSince = null;
    this.updated.delete(alert.id);
    this.emit('resolved', { ...alert, state: 'resolved', value, resolvedAt: iso(atMs) });
  }

  private emit(kind: AlertEvent['kind'], alert: Alert): AlertEvent {
    const event = { kind, alert };
    this.events.push(event);
    return event;
  }
}
