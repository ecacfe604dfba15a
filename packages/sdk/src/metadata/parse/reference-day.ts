import * as s from '../../schema/index.js';
import { ParseOptionsSchema, type ParseOptions } from '../schemas.js';
import { dateInTimeZone } from './calendar.js';

/** The options a parse runs with, checked and with defaults applied. */
export interface ParseSettings {
  /** "Today" in the broker's time zone, `YYYY-MM-DD`. */
  readonly today: string;
  /** The broker's IANA time zone the day was read in. */
  readonly timeZone: string;
  readonly numericDateOrder: 'month_first' | 'day_first';
  /** False when the order is the default, so an ambiguous `03/04` is flagged. */
  readonly numericDateOrderWasSet: boolean;
  /** The broker's recent airport codes, most recent first. */
  readonly recentAirports: readonly string[];
}

/**
 * Checks the parse options and works out "today": a `YYYY-MM-DD` reference is that day as is; an
 * instant (a `Date` or an ISO date-time) is read in `timeZone` (default: the runtime's zone), so
 * 23:30 in New York on Dec 31 is still Dec 31 there. Throws a TypeError saying what to fix when
 * an option is malformed (a programmer error, not a broker's).
 */
export function parseSettings(options: ParseOptions): ParseSettings {
  const parsed = ParseOptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new TypeError(
      `parseFlightRequest: invalid options: ${s.prettifyIssues(parsed.error.issues)}`,
    );
  }
  const { referenceDate, timeZone, numericDateOrder, recentAirports } = parsed.data;
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- some runtimes report no time zone.
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  let today: string;
  if (typeof referenceDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(referenceDate))
    today = referenceDate;
  else
    today = dateInTimeZone(
      referenceDate === undefined ? new Date() : new Date(referenceDate),
      zone,
    );
  return {
    today,
    timeZone: zone,
    numericDateOrder: numericDateOrder ?? 'month_first',
    numericDateOrderWasSet: numericDateOrder !== undefined,
    recentAirports: recentAirports ?? [],
  };
}
