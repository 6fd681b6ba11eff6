import type { AgentSnapshot } from '@plancia/contracts';

/** What the table shows of an agent's day, the current state's time counted on to the board's clock. */
export interface TodayShown {
  answered: number;
  /** offers not taken: missed and rejected */
  missed: number;
  aht: number | null;
  talk: number;
  wrapUp: number;
  idle: number;
  notReady: number;
  notReadyByReason: Record<string, number>;
  occupancy: number | null;
}

/**
 * The engine counts the current state up to `today.asOf` and sends nothing while the agent stays in it: the board
 * adds the time since `asOf` to that state's figure (talk, wrap-up, idle or not-ready by reason) and recomputes
 * occupancy, so every row ticks with the board's clock. Null when the server sent no figures for the agent.
 */
export function tickedToday(agent: AgentSnapshot, nowMs: number): TodayShown | null {
  const today = agent.today;
  if (!today) return null;
  const running = Math.max(0, nowMs - Date.parse(today.asOf)) / 1000;
  const on = (state: AgentSnapshot['state']) => (agent.state === state ? running : 0);
  const talk = today.talk + on('on_contact');
  const wrapUp = today.wrapUp + on('wrap_up');
  const idle = today.idle + on('available');
  const notReadyByReason = { ...today.notReadyByReason };
  if (agent.state === 'not_ready' && running > 0) {
    const reason = agent.reason ?? '';
    notReadyByReason[reason] = (notReadyByReason[reason] ?? 0) + running;
  }
  const busy = talk + wrapUp;
  return {
    answered: today.answered, missed: today.missed + today.rejected, aht: today.aht, talk, wrapUp, idle,
    notReady: today.notReady + on('not_ready'), notReadyByReason, occupancy: busy + idle > 0 ? busy / (busy + idle) : null,
  };
}
