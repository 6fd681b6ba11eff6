import type { Alert, ColourBands, QueueStatus } from '@plancia/contracts';

type Level = QueueStatus['level'];
const RANK: Record<Level, number> = { ok: 0, warning: 1, critical: 2 };
const BAND_LEVEL: Record<QueueStatus['band'], Level> = { green: 'ok', none: 'ok', amber: 'warning', red: 'critical' };

/** Compared in tenths of a percent: 0.8 − 0.1 in floating point is just over 0.7, and 70 % must not fall under 70 %. */
const permille = (fraction: number): number => Math.round(fraction * 1000);

/** Red under `redBelow`, amber under `amberBelow`, green otherwise; red wins when a queue sets red above amber. */
export function serviceLevelBand(serviceLevel: number | null, bands: ColourBands): QueueStatus['band'] {
  if (serviceLevel === null) return 'none';
  const value = permille(serviceLevel);
  if (value < permille(bands.redBelow)) return 'red';
  return value < permille(bands.amberBelow) ? 'amber' : 'green';
}

/** The worst of the band and every open alert on the queue: a green service level never hides a failing queue. */
export function queueStatus(serviceLevel: number | null, bands: ColourBands, openAlerts: readonly Alert[]): QueueStatus {
  const band = serviceLevelBand(serviceLevel, bands);
  let level = BAND_LEVEL[band];
  for (const alert of openAlerts) if (RANK[alert.severity] > RANK[level]) level = alert.severity;
  return { level, band, alerts: openAlerts.map(({ id, ruleName, severity }) => ({ id, ruleName, severity })) };
}
