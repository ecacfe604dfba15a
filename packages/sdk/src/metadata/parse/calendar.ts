/**
 * Calendar arithmetic on `YYYY-MM-DD` strings. Days are counted on a UTC clock so daylight-saving
 * changes never shift a date; only "what day is it now" needs the broker's time zone.
 */

const MS_PER_DAY = 86_400_000;

/** `YYYY-MM-DD` for a year, month (1–12) and day, or null when that day does not exist. */
export function calendarDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

function toUtc(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** Year, month (1–12) and day of a `YYYY-MM-DD` date. */
export function dateParts(iso: string): { year: number; month: number; day: number } {
  const date = toUtc(iso);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The date `days` days after (or before, when negative) `iso`. */
export function addDays(iso: string, days: number): string {
  return new Date(toUtc(iso).getTime() + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / MS_PER_DAY);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(iso: string): number {
  return toUtc(iso).getUTCDay();
}

/**
 * The calendar date at `instant` in `timeZone` (an IANA name such as `America/New_York`).
 * Throws a RangeError naming the bad zone when the runtime does not know it.
 */
export function dateInTimeZone(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (type: string): number => Number(parts.find((part) => part.type === type)?.value);
  const date = calendarDate(get('year'), get('month'), get('day'));
  if (!date) throw new RangeError(`Could not read the date in time zone ${timeZone}`);
  return date;
}

/** True when the runtime knows the IANA time zone. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The first `month`/`day` on or after `onOrAfter` (Dec 28 + "Jan 3" → next year's Jan 3).
 * Null when that day never exists (Apr 31); Feb 29 waits for the next leap year.
 */
export function nextMonthDay(month: number, day: number, onOrAfter: string): string | null {
  const { year } = dateParts(onOrAfter);
  for (let candidateYear = year; candidateYear <= year + 8; candidateYear += 1) {
    const candidate = calendarDate(candidateYear, month, day);
    if (candidate && candidate >= onOrAfter) return candidate;
  }
  return null;
}

/**
 * The first day numbered `day` on or after `onOrAfter` ("on the 15th"); months too short for
 * it are skipped (the 31st after Apr 10 is May 31). Null when `day` is not 1–31.
 */
export function nextDayOfMonth(day: number, onOrAfter: string): string | null {
  if (day < 1 || day > 31) return null;
  const { year, month } = dateParts(onOrAfter);
  for (let offset = 0; offset < 13; offset += 1) {
    const monthIndex = month - 1 + offset;
    const candidate = calendarDate(year + Math.floor(monthIndex / 12), (monthIndex % 12) + 1, day);
    if (candidate && candidate >= onOrAfter) return candidate;
  }
  return null;
}

/** The first `weekday` (0 = Sunday) on or after `from`, or strictly after it when `strict`. */
export function nextWeekday(weekday: number, from: string, strict: boolean): string {
  let offset = (weekday - weekdayOf(from) + 7) % 7;
  if (offset === 0 && strict) offset = 7;
  return addDays(from, offset);
}
