import type { Alert, AlertEvent, AlertRule, Comparison } from '@plancia/contracts';

/** One entity a rule watches, with the metric's current value (null: no data). */
export interface AlertTarget {
  id: string | null;
  value: number | null;
}

interface Track {
  pendingSince: number | null;
  alert: Alert | null;
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

/** Resolves when the value is back past the clear threshold (hysteresis), or simply no longer holds without one. */
function cleared(rule: AlertRule, value: number | null): boolean {
  if (value === null) return true;
  if (rule.clearThreshold === undefined) return !holds(rule.comparison, value, rule.threshold);
  return rule.comparison.startsWith('l') ? value >= rule.clearThreshold : value <= rule.clearThreshold;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** Threshold rules with `forSeconds` and hysteresis; raised → acknowledged → resolved. */
export class AlertEngine {
  private readonly tracks = new Map<string, Track>();
  private events: AlertEvent[] = [];

  evaluate(rules: readonly AlertRule[], targetsOf: (rule: AlertRule) => AlertTarget[], nowMs: number): void {
    const seen = new Set<string>();
    for (const rule of rules) {
      for (const target of targetsOf(rule)) {
        const key = `${rule.id}|${target.id ?? ''}`;
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

  acknowledge(alertId: string, by: string, note: string | null, nowMs: number): AlertEvent | null {
    for (const track of this.tracks.values()) {
      const alert = track.alert;
      if (!alert || alert.id !== alertId) continue;
      track.alert = { ...alert, state: 'acknowledged', acknowledgedAt: iso(nowMs), acknowledgedBy: by, note };
      return this.emit('acknowledged', track.alert);
    }
    return null;
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

  private step(rule: AlertRule, target: AlertTarget, key: string, nowMs: number): void {
    let track = this.tracks.get(key);
    if (!track) {
      track = { pendingSince: null, alert: null };
      this.tracks.set(key, track);
    }
    if (track.alert) {
      if (cleared(rule, target.value)) this.resolve(track, target.value, nowMs);
      else if (track.alert.value !== target.value) track.alert = { ...track.alert, value: target.value };
      return;
    }
    if (!holds(rule.comparison, target.value, rule.threshold)) {
      track.pendingSince = null;
      return;
    }
    track.pendingSince ??= nowMs;
    if (nowMs - track.pendingSince < rule.forSeconds * 1000) return;
    const scopeId = target.id;
    track.alert = {
      id: `${rule.id}:${scopeId ?? 'centre'}:${iso(nowMs)}`, ruleId: rule.id, ruleName: rule.name, metric: rule.metric,
      scope: { kind: rule.scope.kind, id: scopeId }, window: rule.window, severity: rule.severity, state: 'raised',
      value: target.value, threshold: rule.threshold, raisedAt: iso(nowMs), acknowledgedAt: null, acknowledgedBy: null,
      note: null, resolvedAt: null,
    };
    this.emit('raised', track.alert);
  }

  private resolve(track: Track, value: number | null, nowMs: number): void {
    const alert = track.alert!;
    track.alert = null;
    track.pendingSince = null;
    this.emit('resolved', { ...alert, state: 'resolved', value, resolvedAt: iso(nowMs) });
  }

  private emit(kind: AlertEvent['kind'], alert: Alert): AlertEvent {
    const event = { kind, alert };
    this.events.push(event);
    return event;
  }
}
