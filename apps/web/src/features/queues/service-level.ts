import type { ColourBands, QueueStatus } from '@plancia/contracts';

/** How a service level stands in the queue's colour bands; the tile shows it by colour, icon, pattern and words. */
export type ServiceLevelStatus = 'ok' | 'warn' | 'bad' | 'none';

/** Compared in tenths of a percent: 0.8 − 0.1 in floating point is just over 0.7, and 70 % must not fall under 70 %. */
const permille = (fraction: number) => Math.round(fraction * 1000);

/** Red under `redBelow`, amber under `amberBelow`, green otherwise; red wins when a queue sets red above amber. */
export function serviceLevelStatus(serviceLevel: number | null, bands: ColourBands): ServiceLevelStatus {
  if (serviceLevel === null) return 'none';
  const value = permille(serviceLevel);
  if (value < permille(bands.redBelow)) return 'bad';
  return value < permille(bands.amberBelow) ? 'warn' : 'ok';
}

export const STATUS_ICON: Record<ServiceLevelStatus, string> = { ok: '✔', warn: '▲', bad: '✖', none: '○' };
export const STATUS_TEXT = { ok: 'slOk', warn: 'slWarn', bad: 'slBad', none: 'slNone' } as const;

const LEVEL_STATUS: Record<QueueStatus['level'], ServiceLevelStatus> = { ok: 'ok', warning: 'warn', critical: 'bad' };
const RANK: Record<ServiceLevelStatus, number> = { none: 0, ok: 1, warn: 2, bad: 3 };

/**
 * What a tile shows: the queue's status from the server (its rolling band and every open alert on it), or the band
 * of the window on screen when that one is worse. A green service level never hides a failing queue.
 */
export function tileStatus(status: QueueStatus, shown: ServiceLevelStatus): ServiceLevelStatus {
  const fromServer = status.level === 'ok' && status.band === 'none' ? 'none' : LEVEL_STATUS[status.level];
  return RANK[shown] > RANK[fromServer] ? shown : fromServer;
}

/** The worst of several queues' statuses (the header's total for the queues in view). */
export function worstStatus(statuses: readonly QueueStatus[]): ServiceLevelStatus {
  let worst: ServiceLevelStatus = 'none';
  for (const status of statuses) worst = tileStatus(status, worst);
  return worst;
}
