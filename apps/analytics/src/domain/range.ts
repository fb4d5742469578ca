import { analyticsLimits, type AnalyticsSummaryQuery, type ListAnalyticsEventsQuery } from '@shoplane/contracts';
import { dayOf } from './event-log.js';
import { InvalidRangeError } from './errors.js';
import type { DayRange, EventLogFilter } from './ports.js';

const dayMs = 86_400_000;
/** Timestamps in the contract have four-digit years; a default range reaching back past year 0 starts there. */
const earliest = Date.parse('0000-01-01T00:00:00.000Z');
const timestampAt = (epochMs: number) => new Date(Math.max(earliest, epochMs)).toISOString();

/** The UTC day `days` after (or before, when negative) `day`. */
export function addDays(day: string, days: number): string {
  return timestampAt(Date.parse(`${day}T00:00:00.000Z`) + days * dayMs).slice(0, 10);
}

/** Days from `from` to `to`, both counted. */
export function daysIn(range: DayRange): number {
  return Math.round((Date.parse(`${range.to}T00:00:00.000Z`) - Date.parse(`${range.from}T00:00:00.000Z`)) / dayMs) + 1;
}

/** The months (`YYYY-MM`) a range of days or timestamps touches, oldest first. */
export function monthsOf(range: { from: string; to: string }): string[] {
  const monthNumber = (text: string) => Number(text.slice(0, 4)) * 12 + Number(text.slice(5, 7)) - 1;
  const months: string[] = [];
  for (let month = monthNumber(range.from); month <= monthNumber(range.to); month++) {
    months.push(`${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

function checked(range: DayRange): DayRange {
  if (range.from > range.to) throw new InvalidRangeError(`The range starts on ${range.from}, after it ends on ${range.to}.`);
  const days = daysIn(range);
  if (days > analyticsLimits.maxRangeDays) throw new InvalidRangeError(`The range spans ${days} days; at most ${analyticsLimits.maxRangeDays} are read at once.`);
  return range;
}

/** The days a summary covers: by default the last 30 days up to today (UTC), at most 366. */
export function summaryRange(query: Pick<AnalyticsSummaryQuery, 'from' | 'to'>, now: Date): DayRange {
  const to = query.to ?? dayOf(now.toISOString());
  return checked({ from: query.from ?? addDays(to, 1 - analyticsLimits.defaultSummaryDays), to });
}

/**
 * What the listing reads. With a type or a user it has an index partition of its own,
 * however long its history; the whole log is read month by month, so its range is
 * bounded: by default the 31 days up to `to`, at most 366.
 */
export function listingFilter(query: Pick<ListAnalyticsEventsQuery, 'type' | 'userId' | 'from' | 'to'>, now: Date): EventLogFilter {
  // In the stored form (milliseconds, `Z`), so that bounds compare with the entries' keys as times do.
  const to = timestampAt(query.to === undefined ? now.getTime() : Date.parse(query.to));
  const narrowed = query.type !== undefined || query.userId !== undefined;
  const given = query.from === undefined ? undefined : timestampAt(Date.parse(query.from));
  const from = given ?? (narrowed ? undefined : timestampAt(Date.parse(to) - analyticsLimits.defaultListingDays * dayMs));
  if (from !== undefined && from > to) throw new InvalidRangeError(`The range starts at ${from}, after it ends at ${to}.`);
  if (from !== undefined && !narrowed) checked({ from: dayOf(from), to: dayOf(to) });
  return { ...(query.type ? { type: query.type } : {}), ...(query.userId ? { userId: query.userId } : {}), ...(from ? { from } : {}), to };
}
