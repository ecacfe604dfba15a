// Locale-aware formatting for the elements, through Intl only. One `Formatter` per locale is
// cached: building Intl objects is far costlier than using them, and a sidebar renders many cards.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30.4375 * DAY;
const YEAR = 365.25 * DAY;

/** Most items a count badge shows before it reads "99+". */
export const COUNT_CAP = 99;

/** Short for cards ("5 min ago", "12 Dec"); long for accessible names ("5 minutes ago", "12 December"). */
export type FormatLength = 'short' | 'long';

/** `YYYY-MM-DD` → midnight UTC of that calendar day, or `null` when it isn't such a date. */
export function parseCalendarDate(date: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [, year, month, day] = match;
  const time = Date.UTC(Number(year), Number(month) - 1, Number(day));
  return Number.isNaN(time) ? null : time;
}

/**
 * Formats numbers, counts, calendar dates and relative times for one locale (`undefined`: the
 * viewer's, as the browser reports it).
 */
export class Formatter {
  private static readonly cache = new Map<string, Formatter>();

  /** The formatter for `locale`, built once. An invalid locale tag falls back to the viewer's. */
  static for(locale: string | undefined): Formatter {
    const key = locale ?? '';
    let formatter = Formatter.cache.get(key);
    if (!formatter) {
      formatter = new Formatter(Formatter.supported(locale));
      Formatter.cache.set(key, formatter);
    }
    return formatter;
  }

  private static supported(locale: string | undefined): string | undefined {
    if (!locale) return undefined;
    try {
      return Intl.getCanonicalLocales(locale)[0];
    } catch {
      return undefined;
    }
  }

  private readonly numbers: Intl.NumberFormat;
  private readonly relative: Record<FormatLength, Intl.RelativeTimeFormat>;
  private readonly dates = new Map<string, Intl.DateTimeFormat>();

  private constructor(readonly locale: string | undefined) {
    this.numbers = new Intl.NumberFormat(locale);
    this.relative = {
      short: new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' }),
      long: new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' }),
    };
  }

  /** `1234` → "1,234" (en) / "1.234" (de). */
  number(value: number): string {
    return this.numbers.format(value);
  }

  /** A count for a badge: the number, or "99+" past {@link COUNT_CAP}. */
  count(value: number): string {
    return value > COUNT_CAP ? `${this.numbers.format(COUNT_CAP)}+` : this.numbers.format(value);
  }

  /**
   * A flight leg's calendar date (`YYYY-MM-DD`), e.g. "12 Dec" / "Dec 12" / "12. Dez.". The year
   * is added when it isn't the current one. Calendar dates have no time zone: they are shown as
   * written, whatever the viewer's zone.
   */
  calendarDate(date: string, now: number, length: FormatLength): string {
    const time = parseCalendarDate(date);
    if (time === null) return date;
    return this.calendarFormat(length, !this.isCurrentYear(time, now)).format(time);
  }

  /** Two calendar dates as one range, compacted by the locale: "12 – 15 Dec", "12.–15. Dez.". */
  calendarRange(from: string, to: string, now: number, length: FormatLength): string {
    const start = parseCalendarDate(from);
    const end = parseCalendarDate(to);
    if (start === null || end === null) return [from, to].join(' – ');
    const withYear = !this.isCurrentYear(start, now) || !this.isCurrentYear(end, now);
    const format = this.calendarFormat(length, withYear);
    return start === end ? format.format(start) : format.formatRange(start, end);
  }

  /**
   * How long ago (or ahead) `time` is from `now`: "now", "5 min ago", "yesterday", "3 wk. ago".
   * Rounds toward zero, like a person would: 5 min 50 s ago is "5 min ago".
   */
  relativeTime(time: number, now: number, length: FormatLength): string {
    if (Number.isNaN(time)) return '';
    const elapsed = time - now;
    const distance = Math.abs(elapsed);
    const format = this.relative[length];
    if (distance < MINUTE) return format.format(0, 'second');
    if (distance < HOUR) return format.format(Math.trunc(elapsed / MINUTE), 'minute');
    if (distance < DAY) return format.format(Math.trunc(elapsed / HOUR), 'hour');
    if (distance < WEEK) return format.format(Math.trunc(elapsed / DAY), 'day');
    if (distance < MONTH) return format.format(Math.trunc(elapsed / WEEK), 'week');
    if (distance < YEAR) return format.format(Math.trunc(elapsed / MONTH), 'month');
    return format.format(Math.trunc(elapsed / YEAR), 'year');
  }

  /** A full date and time in the viewer's zone, for tooltips: "Tuesday, 1 December 2026 at 11:55". */
  dateTime(time: number): string {
    if (Number.isNaN(time)) return '';
    return this.dateFormat('datetime', { dateStyle: 'full', timeStyle: 'short' }).format(time);
  }

  private isCurrentYear(utcTime: number, now: number): boolean {
    return new Date(utcTime).getUTCFullYear() === new Date(now).getFullYear();
  }

  private calendarFormat(length: FormatLength, withYear: boolean): Intl.DateTimeFormat {
    return this.dateFormat(`calendar-${length}-${withYear}`, {
      day: 'numeric',
      month: length,
      ...(withYear ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    });
  }

  private dateFormat(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    let format = this.dates.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(this.locale, options);
      this.dates.set(key, format);
    }
    return format;
  }
}
