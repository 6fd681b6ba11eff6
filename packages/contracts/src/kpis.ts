import { Type, type Static } from '@sinclair/typebox';
import type { WindowMetrics } from './snapshot.js';

/**
 * The figures the source documents give targets for, beyond the service level. Each has one direction: `atLeast`
 * (met at or above the target), `atMost` (met at or below it) or `above` (met strictly above it: NPS "> +30").
 * Shares are fractions 0–1, NPS runs −100…+100, CES is the 1–7 scale's mean, times are seconds.
 */
export const KPI_DEFINITIONS = {
  aht: { direction: 'atMost', unit: 'seconds', min: 0, max: 86_400 },
  occupancy: { direction: 'atMost', unit: 'fraction', min: 0, max: 1 },
  waitP90: { direction: 'atMost', unit: 'seconds', min: 0, max: 86_400 },
  csat: { direction: 'atLeast', unit: 'fraction', min: 0, max: 1 },
  nps: { direction: 'above', unit: 'score', min: -100, max: 100 },
  ces: { direction: 'atMost', unit: 'score', min: 1, max: 7 },
  fcr: { direction: 'atLeast', unit: 'fraction', min: 0, max: 1 },
  repeatRate: { direction: 'atMost', unit: 'fraction', min: 0, max: 1 },
  ticketSla: { direction: 'atLeast', unit: 'fraction', min: 0, max: 1 },
} as const;
export type KpiName = keyof typeof KPI_DEFINITIONS;
export const KPI_NAMES = Object.keys(KPI_DEFINITIONS) as KpiName[];
export type KpiBand = 'ok' | 'warning' | 'critical' | 'none';

const targetOf = (name: KpiName) => {
  const { min, max } = KPI_DEFINITIONS[name];
  return Type.Object(
    {
      target: Type.Number({ minimum: min, maximum: max, description: 'met at this value or on its good side' }),
      critical: Type.Optional(Type.Number({ minimum: min, maximum: max, description: 'critical past this value, on the bad side of the target; absent: never critical, only a warning' })),
    },
    { additionalProperties: false },
  );
};

export type KpiTarget = Static<ReturnType<typeof targetOf>>;

/** A queue's own targets: any left out take the defaults (DEFAULT_KPI_TARGETS), a KPI without either has no band. */
export const KpiTargets = Type.Object(
  {
    aht: Type.Optional(targetOf('aht')),
    occupancy: Type.Optional(targetOf('occupancy')),
    waitP90: Type.Optional(targetOf('waitP90')),
    csat: Type.Optional(targetOf('csat')),
    nps: Type.Optional(targetOf('nps')),
    ces: Type.Optional(targetOf('ces')),
    fcr: Type.Optional(targetOf('fcr')),
    repeatRate: Type.Optional(targetOf('repeatRate')),
    ticketSla: Type.Optional(targetOf('ticketSla')),
  },
  { additionalProperties: false },
);
export type KpiTargets = Static<typeof KpiTargets>;

/** The targets quoted in Italian practice and the SLA attainment goal (see docs/metrics.md). */
export const DEFAULT_KPI_TARGETS: KpiTargets = {
  csat: { target: 0.9 },
  nps: { target: 30 },
  ces: { target: 2 },
  fcr: { target: 0.7 },
  repeatRate: { target: 0.15 },
  ticketSla: { target: 0.9, critical: 0.85 },
};

/** A queue's targets in force: its own over the defaults, KPI by KPI. */
export function kpiTargetsOf(own: KpiTargets | undefined): KpiTargets {
  return { ...DEFAULT_KPI_TARGETS, ...own };
}

/** As the board shows it: shares in tenths of a percent, scores to one decimal, times in whole seconds (a clock rounds down). */
function shown(name: KpiName, value: number): number {
  switch (KPI_DEFINITIONS[name].unit) {
    case 'fraction': return Math.round(value * 1000);
    case 'score': return Math.round(value * 10);
    case 'seconds': return Math.floor(value);
  }
}

/** `a` is on the good side of `b` for this KPI (ties are good except for `above`). */
function meets(name: KpiName, a: number, b: number): boolean {
  switch (KPI_DEFINITIONS[name].direction) {
    case 'atLeast': return a >= b;
    case 'atMost': return a <= b;
    case 'above': return a > b;
  }
}

/** Ok when the value meets the target; critical when it is past `critical` on the bad side; warning between; none without a value or target. */
export function kpiBand(name: KpiName, value: number | null | undefined, target: KpiTarget | undefined): KpiBand {
  if (value === null || value === undefined || !target) return 'none';
  const v = shown(name, value);
  if (meets(name, v, shown(name, target.target))) return 'ok';
  if (target.critical === undefined) return 'warning';
  const c = shown(name, target.critical);
  // `above` (NPS): critical strictly under its critical value, like the shares' "under 85 %".
  const critical = KPI_DEFINITIONS[name].direction === 'atMost' ? v > c : v < c;
  return critical ? 'critical' : 'warning';
}

/** A critical value on the good side of its target would make a met target critical: refused, naming the field. */
export function kpiTargetProblems(targets: KpiTargets | undefined): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  for (const name of KPI_NAMES) {
    const t = targets?.[name];
    if (t?.critical === undefined) continue;
    const good = KPI_DEFINITIONS[name].direction === 'atMost' ? t.critical < t.target : t.critical > t.target;
    if (good) problems.push({ path: `/${name}/critical`, message: `must be on the bad side of the target ${t.target} (${KPI_DEFINITIONS[name].direction === 'atMost' ? 'at or above' : 'at or below'} it)` });
  }
  return problems;
}

/**
 * The figure a KPI tile shows from one window: ticket SLA attainment is every deadline met (first responses and
 * resolutions) over every deadline reached; repeat contacts are absent in intervals stored before they were counted.
 */
export function kpiValue(name: KpiName, w: WindowMetrics): number | null {
  switch (name) {
    case 'aht': return w.aht;
    case 'occupancy': return w.occupancy;
    case 'waitP90': return w.waitP90;
    case 'csat': return w.surveys.csat;
    case 'nps': return w.surveys.nps;
    case 'ces': return w.surveys.cesMean;
    case 'fcr': return w.surveys.fcr;
    case 'repeatRate': return w.repeats?.rate ?? null;
    case 'ticketSla': {
      const { firstResponses, firstResponsesInTarget, solved, solvedInTarget } = w.tickets;
      const reached = firstResponses + solved;
      return reached > 0 ? (firstResponsesInTarget + solvedInTarget) / reached : null;
    }
  }
}
