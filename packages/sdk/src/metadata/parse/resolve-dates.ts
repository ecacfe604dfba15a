import type { MetadataIssue } from '../schemas.js';
import {
  addDays,
  calendarDate,
  daysBetween,
  nextDayOfMonth,
  nextMonthDay,
  nextWeekday,
  weekdayOf,
} from './calendar.js';
import type { DateToken } from './tokens.js';

/** A later leg's yearless date rolls past the leg before it only within this many days. */
const MAX_ROLL_FORWARD_DAYS = 183;

/** A yearless date this many days in the past or fewer is flagged when read as next year's. */
const RECENTLY_PASSED_DAYS = 31;

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `next Friday` said this many days or fewer before the coming Friday may mean either Friday. */
const NEXT_WEEKDAY_AMBIGUOUS_DAYS = 2;

/** A date placed on the calendar, or null with the issue explaining why. */
export interface ResolvedDate {
  readonly date: string | null;
  readonly issues: MetadataIssue[];
  /** The dates the broker may have meant, when the text reads more than one way. */
  readonly choices?: readonly string[];
}

function issue(code: MetadataIssue['code'], message: string, token: DateToken): MetadataIssue {
  return { code, message, text: token.text.trim() };
}

/**
 * Places one date mention on the calendar. `today` is the reference date in the broker's time
 * zone; `previous` is the date of the leg before, if any. Rules:
 * - a month and day without a year is its next occurrence from today (Dec 28 + "Jan 3" → next
 *   year), flagged `ambiguous_date` when that skips a day passed less than a month ago (Dec 28 +
 *   "Dec 27" → next year's, probably a typo); on a later leg it may roll past the previous leg's date, but only by up to six
 *   months, so "Dec 15, back Dec 12" is a return before departure, not a trip a year long;
 * - "the 15th" is the next 15th from the previous leg's date (or today);
 * - "Friday" is the next Friday on or after the previous leg's date (or today); "next Friday"
 *   is the first Friday after today; "today", "tomorrow", "in 3 days" count from today;
 * - "same day" is the previous leg's date;
 * - a date with an explicit year before today is refused (`date_in_past`).
 */
export function resolveDate(
  token: DateToken,
  today: string,
  previous: string | null,
): ResolvedDate {
  const expression = token.expression;
  const issues: MetadataIssue[] = [];
  let date: string | null = null;
  switch (expression.kind) {
    case 'invalid':
      return { date: null, issues: [issue('invalid_date', `${expression.reason}.`, token)] };
    case 'absolute':
      date = calendarDate(expression.year, expression.month, expression.day);
      if (date && date < today) {
        return {
          date: null,
          issues: [issue('date_in_past', `${date} is before today (${today}).`, token)],
        };
      }
      break;
    case 'month_day': {
      date = nextMonthDay(expression.month, expression.day, today);
      const thisYear = calendarDate(Number(today.slice(0, 4)), expression.month, expression.day);
      if (
        !previous &&
        date &&
        thisYear &&
        thisYear < today &&
        daysBetween(thisYear, today) <= RECENTLY_PASSED_DAYS
      ) {
        issues.push(
          issue('ambiguous_date', `${token.text.trim()} has just passed; read as ${date}.`, token),
        );
      }
      if (date && previous && date < previous) {
        const rolled = nextMonthDay(expression.month, expression.day, previous);
        if (rolled && daysBetween(previous, rolled) <= MAX_ROLL_FORWARD_DAYS) date = rolled;
      }
      break;
    }
    case 'day_of_month':
      date = nextDayOfMonth(expression.day, previous && previous > today ? previous : today);
      break;
    case 'relative_days':
      date = addDays(today, expression.days);
      break;
    case 'weekday': {
      if (!expression.next) {
        date = nextWeekday(
          expression.weekday,
          previous && previous > today ? previous : today,
          false,
        );
        break;
      }
      date = nextWeekday(expression.weekday, today, true);
      // `next Thursday` on a Tuesday: this week's (in two days) or the week after's?
      if (daysBetween(today, date) <= NEXT_WEEKDAY_AMBIGUOUS_DAYS) {
        const later = addDays(date, 7);
        return {
          date: null,
          issues: [
            issue(
              'ambiguous_date',
              `${token.text.trim()}: ${date} or ${later}? Say the date.`,
              token,
            ),
          ],
          choices: [date, later],
        };
      }
      break;
    }
    case 'weekend': {
      // `this weekend` on a Sunday is today; otherwise the coming Saturday (or the one after it
      // for `next weekend`, read the same way as `next Saturday`).
      const saturday = weekdayOf(today) === 0 ? today : nextWeekday(6, today, false);
      date = expression.next ? nextWeekday(6, today, true) : saturday;
      break;
    }
    case 'same_day':
      date = previous;
      if (!date) {
        return {
          date: null,
          issues: [issue('unassigned_date', '"Same day" follows no dated leg.', token)],
        };
      }
      break;
  }
  if (!date)
    return {
      date: null,
      issues: [issue('invalid_date', `${token.text.trim()} is not a date.`, token)],
    };
  if (token.statedWeekday !== null && weekdayOf(date) !== token.statedWeekday) {
    return {
      date: null,
      issues: [
        issue(
          'weekday_mismatch',
          `${token.text.trim()}: ${date} is a ${WEEKDAYS[weekdayOf(date)]}, not a ${WEEKDAYS[token.statedWeekday]}.`,
          token,
        ),
      ],
    };
  }
  if (token.ambiguity) {
    issues.push(
      issue(
        'ambiguous_date',
        `${token.ambiguity} as ${date}; check the order of day and month.`,
        token,
      ),
    );
  }
  return { date, issues };
}
