/** Erlang C probability that a contact waits, for `agents` servers and `erlangs` offered load. */
export function erlangC(agents: number, erlangs: number): number {
  if (erlangs >= agents) return 1;
  let erlangB = 1;
  for (let k = 1; k <= agents; k++) erlangB = (erlangs * erlangB) / (k + erlangs * erlangB);
  return (agents * erlangB) / (agents - erlangs * (1 - erlangB));
}

/** Share of contacts answered within `thresholdSeconds` (Erlang C, no abandonment). */
export function erlangServiceLevel(agents: number, erlangs: number, handleSeconds: number, thresholdSeconds: number): number {
  if (erlangs >= agents) return 0;
  return 1 - erlangC(agents, erlangs) * Math.exp((-(agents - erlangs) * thresholdSeconds) / handleSeconds);
}

/** The highest arrival rate (contacts per second) that `agents` can take while meeting `target`. */
export function sustainableRate(agents: number, handleSeconds: number, thresholdSeconds: number, target: number): number {
  if (agents <= 0) return 0;
  let low = 0;
  let high = agents;
  for (let step = 0; step < 40; step++) {
    const middle = (low + high) / 2;
    if (erlangServiceLevel(agents, middle, handleSeconds, thresholdSeconds) >= target) low = middle;
    else high = middle;
  }
  return low / handleSeconds;
}

/** The fewest agents that take `ratePerSecond` while meeting `target`. */
export function agentsNeeded(ratePerSecond: number, handleSeconds: number, thresholdSeconds: number, target: number): number {
  const erlangs = ratePerSecond * handleSeconds;
  let agents = Math.max(1, Math.ceil(erlangs));
  while (erlangServiceLevel(agents, erlangs, handleSeconds, thresholdSeconds) < target) agents++;
  return agents;
}
