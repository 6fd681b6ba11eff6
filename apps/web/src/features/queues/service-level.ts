/** How a service level stands against its target; the tile shows it by colour, icon, pattern and words. */
export type ServiceLevelStatus = 'ok' | 'warn' | 'bad' | 'none';

/** Within this many points under the target a queue is amber, further down red. */
export const AMBER_MARGIN = 0.1;

export function serviceLevelStatus(serviceLevel: number | null, target: number): ServiceLevelStatus {
  if (serviceLevel === null) return 'none';
  if (serviceLevel >= target) return 'ok';
  // In tenths of a percent: 0.8 − 0.1 in floating point is just over 0.7, and 70 % must still be amber.
  const shortfall = Math.round((target - serviceLevel) * 1000);
  return shortfall <= Math.round(AMBER_MARGIN * 1000) ? 'warn' : 'bad';
}

export const STATUS_ICON: Record<ServiceLevelStatus, string> = { ok: '✔', warn: '▲', bad: '✖', none: '○' };
export const STATUS_TEXT = { ok: 'slOk', warn: 'slWarn', bad: 'slBad', none: 'slNone' } as const;
