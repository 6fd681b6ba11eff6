import { TZDate } from '@date-fns/tz';
import type { BusinessCalendar, OpeningSpan } from '@plancia/contracts';
import { civilDateOf, dayNumberOfLocalMs, isoDateOf, monthDayOf, weekdayOf } from './civil-day.js';
import { italianHolidays } from './italian-holidays.js';
import { calendarProblems, minutesOf } from '../config-problems.js';

/** Index = Date#getDay (0 = Sunday). */
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
/** Per-date spans are cached; the cache is dropped whole when it grows past this many dates. */
const CACHE_LIMIT = 4_096;

type MinuteSpan = readonly [start: number, end: number];

/** One weekday's spans in minutes after local midnight, sorted and merged (calendarProblems has vetted them). */
function minuteSpans(spans: readonly OpeningSpan[]): MinuteSpan[] {
  const parsed = spans.map((span): MinuteSpan => [minutesOf(span.start), minutesOf(span.end)]);
  parsed.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of parsed) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * A business-hours calendar: weekly opening spans in local wall time of an IANA zone, minus holidays and closures.
 * Times are epoch milliseconds; durations are seconds. Spans follow the wall clock, so a day with a DST change
 * keeps its 09:00–18:00 opening (nine hours either way) and a 24-hour opening lasts 23 or 25 hours that day.
 */
export class Calendar {
  readonly id: string;
  readonly timeZone: string;
  private readonly weekly: readonly MinuteSpan[][];
  private readonly italian: boolean;
  private readonly patronSaintDay: string | undefined;
  private readonly closures: ReadonlySet<string>;
  private readonly everOpen: boolean;
  private readonly holidaysByYear = new Map<number, ReadonlySet<string>>();
  /** Local day number → flat [start0, end0, start1, end1, …] epoch ms, sorted and disjoint. */
  private readonly spansByDay = new Map<number, readonly number[]>();
  /** Local day number → epoch ms of its local midnight: resolving an instant's date needs no Intl call. */
  private readonly midnights = new Map<number, number>();

  constructor(cal: BusinessCalendar) {
    const problems = calendarProblems(cal);
    if (problems.length > 0) {
      throw new RangeError(`calendar ${cal.id}: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
    }
    this.id = cal.id;
    this.timeZone = cal.timeZone;
    this.weekly = WEEKDAYS.map((name) => minuteSpans(cal.weekly[name]));
    this.everOpen = this.weekly.some((spans) => spans.length > 0);
    this.italian = cal.italianHolidays;
    this.patronSaintDay = cal.patronSaintDay;
    this.closures = new Set(cal.closures);
  }

  isOpen(ms: number): boolean {
    const spans = this.spansOfDay(this.localDay(ms));
    for (let i = 0; i < spans.length; i += 2) {
      if (ms >= spans[i]! && ms < spans[i + 1]!) return true;
    }
    return false;
  }

  /** The instant at which `seconds` of opening time have elapsed since `startMs`; Infinity if the calendar never opens. */
  addBusinessSeconds(startMs: number, seconds: number): number {
    if (!Number.isFinite(startMs)) throw new RangeError(`startMs must be a finite instant (got ${startMs})`);
    if (!(seconds >= 0)) throw new RangeError(`seconds must be zero or more (got ${seconds})`);
    let remaining = seconds * 1000;
    if (remaining === 0) return startMs;
    if (!this.everOpen) return Number.POSITIVE_INFINITY;
    // Terminates: some weekday has opening time and holidays and closures are finitely many per year.
    for (let day = this.localDay(startMs); ; day += 1) {
      const spans = this.spansOfDay(day);
      for (let i = 0; i < spans.length; i += 2) {
        const from = Math.max(spans[i]!, startMs);
        const available = spans[i + 1]! - from;
        if (available <= 0) continue;
        if (remaining <= available) return from + remaining;
        remaining -= available;
      }
    }
  }

  /** Opening time between two instants in seconds; negative when `bMs` is before `aMs`. */
  businessSecondsBetween(aMs: number, bMs: number): number {
    if (bMs < aMs) return -this.businessSecondsBetween(bMs, aMs);
    let total = 0;
    const lastDay = this.localDay(bMs);
    for (let day = this.localDay(aMs); day <= lastDay; day += 1) {
      const spans = this.spansOfDay(day);
      for (let i = 0; i < spans.length; i += 2) {
        const overlap = Math.min(spans[i + 1]!, bMs) - Math.max(spans[i]!, aMs);
        if (overlap > 0) total += overlap;
      }
    }
    return total / 1000;
  }

  /** Whether a local date is a holiday or a closure (whatever its weekly hours). */
  isClosedDate(dayNumber: number): boolean {
    const date = civilDateOf(dayNumber);
    const monthDay = monthDayOf(date);
    return (
      this.closures.has(isoDateOf(date)) ||
      monthDay === this.patronSaintDay ||
      (this.italian && this.holidaysOf(date.year).has(monthDay))
    );
  }

  /** The local day number (days since 1970-01-01 on the zone's wall calendar) of an instant. */
  localDay(ms: number): number {
    // Start from the UTC date and step by the cached local midnights: offsets are within a day, so one step at most.
    let day = dayNumberOfLocalMs(ms);
    while (ms < this.startOfDay(day)) day -= 1;
    while (ms >= this.startOfDay(day + 1)) day += 1;
    return day;
  }

  /** The instant of a local date's midnight (the first instant of that date where midnight is skipped by DST). */
  private startOfDay(dayNumber: number): number {
    const cached = this.midnights.get(dayNumber);
    if (cached !== undefined) return cached;
    if (this.midnights.size >= CACHE_LIMIT) this.midnights.clear();
    const { year, month, day } = civilDateOf(dayNumber);
    const start = new TZDate(year, month - 1, day, this.timeZone).getTime();
    this.midnights.set(dayNumber, start);
    return start;
  }

  private spansOfDay(dayNumber: number): readonly number[] {
    const cached = this.spansByDay.get(dayNumber);
    if (cached) return cached;
    if (this.spansByDay.size >= CACHE_LIMIT) this.spansByDay.clear();
    const spans = this.isClosedDate(dayNumber) ? [] : this.instantsOf(dayNumber);
    this.spansByDay.set(dayNumber, spans);
    return spans;
  }

  /** A date's weekly spans as instants. A wall time skipped by DST moves forward with the zone's offset. */
  private instantsOf(dayNumber: number): number[] {
    const { year, month, day } = civilDateOf(dayNumber);
    const at = (minutes: number) => new TZDate(year, month - 1, day, 0, minutes, this.timeZone).getTime();
    const flat: number[] = [];
    for (const [startMin, endMin] of this.weekly[weekdayOf(dayNumber)]!) {
      const start = Math.max(at(startMin), flat[flat.length - 1] ?? Number.NEGATIVE_INFINITY);
      const end = at(endMin);
      if (end > start) flat.push(start, end);
    }
    return flat;
  }

  private holidaysOf(year: number): ReadonlySet<string> {
    let set = this.holidaysByYear.get(year);
    if (!set) {
      set = new Set(italianHolidays(year));
      this.holidaysByYear.set(year, set);
    }
    return set;
  }
}
