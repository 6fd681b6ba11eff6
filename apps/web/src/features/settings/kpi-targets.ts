import { KPI_DEFINITIONS, type KpiName, type KpiTarget, type QueueConfig } from '@plancia/contracts';

export type KpiTargetKey = keyof KpiTarget;

/** A KPI's value as the form shows it: shares in percent (to a tenth), scores and seconds as they are. */
export function shownKpi(name: KpiName, stored: number | undefined): number {
  if (stored === undefined) return Number.NaN;
  return KPI_DEFINITIONS[name].unit === 'fraction' ? Math.round(stored * 1000) / 10 : stored;
}

/** The inverse of `shownKpi`. */
export function storedKpi(name: KpiName, shown: number): number {
  return KPI_DEFINITIONS[name].unit === 'fraction' ? shown / 100 : shown;
}

/**
 * The queue with one KPI figure typed in (`shown` in the form's units; NaN for an emptied field). A KPI with neither
 * figure left goes, and so does an empty `kpiTargets`: the queue then takes the defaults for it.
 */
export function withKpiEdit(queue: QueueConfig, name: KpiName, key: KpiTargetKey, shown: number): QueueConfig {
  const { [name]: current, ...others } = queue.kpiTargets ?? {};
  const { [key]: _, ...kept } = current ?? {};
  const next = (Number.isNaN(shown) ? kept : { ...kept, [key]: storedKpi(name, shown) }) as Partial<KpiTarget>;
  const targets = Object.keys(next).length > 0 ? { ...others, [name]: next as KpiTarget } : others;
  const { kpiTargets: __, ...rest } = queue;
  return Object.keys(targets).length > 0 ? { ...rest, kpiTargets: targets } : rest;
}

/** The repeat window typed in; emptied, the queue goes back to the whole day. */
export function withRepeatWindow(queue: QueueConfig, minutes: number): QueueConfig {
  const { repeatWindowMinutes: _, ...rest } = queue;
  return Number.isNaN(minutes) ? rest : { ...rest, repeatWindowMinutes: minutes };
}

/** The form's errors for fields shown in percent are given in percent: the factor per KPI field. */
export function kpiPercentFields(): Record<string, number> {
  const fields: Record<string, number> = {};
  for (const [name, { unit }] of Object.entries(KPI_DEFINITIONS)) {
    if (unit !== 'fraction') continue;
    fields[`/kpiTargets/${name}/target`] = 100;
    fields[`/kpiTargets/${name}/critical`] = 100;
  }
  return fields;
}
