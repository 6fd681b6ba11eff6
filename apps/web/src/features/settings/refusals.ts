import { KPI_DEFINITIONS, type KpiName, type QueueConfig } from '@plancia/contracts';
import { shownKpi } from './kpi-targets.js';
import type { RefusedField } from './settings-api.js';
import type { SettingsText } from './settings-messages.js';

const isKpi = (name: string): name is KpiName => name in KPI_DEFINITIONS;

/**
 * The server's refusals of a queue, by the field they name, in the page's language: a KPI's critical value on the good
 * side of its target says which side it must be on; any other refusal quotes the server.
 */
export function queueRefusals(refused: readonly RefusedField[], draft: QueueConfig, t: SettingsText): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const { path, message } of refused) {
    const kpi = /^\/kpiTargets\/(\w+)\/critical$/.exec(path)?.[1];
    if (kpi && isKpi(kpi)) {
      const side = KPI_DEFINITIONS[kpi].direction === 'atMost' ? t('atOrAbove') : t('atOrBelow');
      texts[path] ??= t('criticalGoodSide', { side, target: shownKpi(kpi, draft.kpiTargets?.[kpi]?.target) });
    } else {
      texts[path] ??= t('refused', { message });
    }
  }
  return texts;
}
