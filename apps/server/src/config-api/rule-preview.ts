import { DEFAULT_SETTINGS, type AlertEvent, type AlertRule, type ConfigDocument, type TimedEvent } from '@plancia/contracts';
import { createEngine } from '@plancia/engine';
import type { JournalRepository } from '@plancia/store';

export const PREVIEW_SPAN_MS = 60 * 60_000;
export const PREVIEW_STEP_MS = 10_000;

/**
 * When a candidate rule would have raised and resolved over the last hour: the journal is replayed into a scratch
 * engine that has only this rule, ticking every 10 s, so the answer is what the engine would have done, not a guess.
 */
export async function previewRule(
  rule: AlertRule, config: ConfigDocument, journal: JournalRepository, nowMs: number,
): Promise<AlertEvent[]> {
  const startMs = nowMs - PREVIEW_SPAN_MS;
  const engine = createEngine({ ...config, settings: config.settings ?? DEFAULT_SETTINGS, alertRules: [{ ...rule, enabled: true }] }, startMs);
  const events: TimedEvent[] = [];
  await journal.readSince(engine.replayFrom(startMs), (chunk) => { events.push(...chunk); });
  events.sort((a, b) => a.timeMs - b.timeMs);

  let next = 0;
  const applyUntil = (t: number) => {
    const from = next;
    while (next < events.length && events[next]!.timeMs <= t) next += 1;
    if (next > from) engine.apply(events.slice(from, next), t);
  };
  applyUntil(startMs);
  engine.tick(startMs);
  // What was already true an hour ago is context, not a transition of the preview.
  engine.drainAlertEvents();
  const transitions: AlertEvent[] = [];
  for (let t = startMs + PREVIEW_STEP_MS; t <= nowMs; t += PREVIEW_STEP_MS) {
    applyUntil(t);
    engine.tick(t);
    transitions.push(...engine.drainAlertEvents().filter((e) => e.kind !== 'acknowledged'));
  }
  return transitions;
}
