/** How arrivals vary over the day: `office` follows an Italian office-hours curve, `flat` stays at the peak rate. */
export type DailyProfile = 'office' | 'flat';

/**
 * Arrival multiplier by local hour on a weekday, peak (mid-morning) = 1: a sharp morning peak after 9, the lunch
 * dip, a smaller afternoon hump, and a trickle at night. Points are interpolated linearly.
 */
const OFFICE_CURVE: readonly (readonly [number, number])[] = [
  [0, 0.02], [7, 0.03], [8, 0.3], [9, 0.8], [10, 1], [11, 0.95], [12, 0.75], [13, 0.45], [14, 0.7],
  [15, 0.8], [16, 0.75], [17, 0.6], [18, 0.3], [19, 0.12], [21, 0.04], [24, 0.02],
];

/** Saturday is a half day, Sunday nearly closed (index = day of week, Sunday first). */
const WEEKDAY_FACTOR = [0.15, 1, 1, 1, 1, 1, 0.4];

const HOUR_MS = 3_600_000;

/** Wall-clock reading of an instant in a time zone; offsets are cached by UTC hour since they change on hours. */
export class LocalClock {
  private readonly offsets = new Map<number, number>();
  private readonly format: Intl.DateTimeFormat;

  constructor(timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
    });
  }

  /** The local time as if it were UTC: read it with getUTCHours() and getUTCDay(). */
  local(timeMs: number): Date {
    const hour = Math.floor(timeMs / HOUR_MS);
    let offset = this.offsets.get(hour);
    if (offset === undefined) {
      offset = this.offsetAt(hour * HOUR_MS);
      this.offsets.set(hour, offset);
    }
    return new Date(timeMs + offset);
  }

  private offsetAt(timeMs: number): number {
    const parts = Object.fromEntries(this.format.formatToParts(new Date(timeMs)).map((p) => [p.type, Number(p.value)]));
    const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
    return asUtc - timeMs;
  }
}

export function profileMultiplier(profile: DailyProfile, clock: LocalClock, timeMs: number): number {
  if (profile === 'flat') return 1;
  const local = clock.local(timeMs);
  const hour = local.getUTCHours() + local.getUTCMinutes() / 60;
  return interpolate(hour) * WEEKDAY_FACTOR[local.getUTCDay()]!;
}

function interpolate(hour: number): number {
  for (let i = 1; i < OFFICE_CURVE.length; i++) {
    const [h1, m1] = OFFICE_CURVE[i]!;
    if (hour <= h1) {
      const [h0, m0] = OFFICE_CURVE[i - 1]!;
      return m0 + ((m1 - m0) * (hour - h0)) / (h1 - h0);
    }
  }
  return OFFICE_CURVE[OFFICE_CURVE.length - 1]![1];
}
