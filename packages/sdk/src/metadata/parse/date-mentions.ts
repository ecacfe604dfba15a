import { calendarDate } from './calendar.js';
import {
  isShouting,
  recognize,
  type Claims,
  type DateExpression,
  type DateToken,
} from './tokens.js';
import {
  COUNT_PATTERN,
  FULL_WEEKDAY_PATTERN,
  MONTH_PATTERN,
  WEEKDAY_PATTERN,
  countValue,
  monthNumber,
  weekdayNumber,
} from './words.js';

/** Weekday abbreviations standing alone (`OPF → TEB Mon`). */
const SHORT_WEEKDAY_PATTERN = '(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)';

/**
 * Whether an abbreviated weekday is one: `SUN` and `MON` in capitals are airport codes (Sun
 * Valley, Mount Cook) unless the whole text shouts; a lower-case `sat` or `sun` is a word unless
 * `on`, `this` or `next` stands before it. Full names always are.
 */
function isWeekdayWord(word: string, prefix: string, shouting: boolean): boolean {
  if (word.length > 4 && !/^(?:tues|thurs?)$/i.test(word)) return true;
  if (/^[A-Z]+$/.test(word) && !shouting) return false;
  if (/^(?:sat|sun)$/.test(word) && !prefix) return false;
  return true;
}

/** How to read `03/04` when both numbers could be the month. */
export type NumericDateOrder = 'month_first' | 'day_first';

const ORDINAL = '(?:st|nd|rd|th)?';
const WEEKDAY_PREFIX = `(?:(${WEEKDAY_PATTERN}),?\\s+)?`;
const YEAR_SUFFIX = '(?:,?\\s+(20\\d{2})\\b(?!\\s*(?:hrs?|h|l|lt|local)\\b))?';
/** A count followed by these words is passengers, not a day: `Dec 12-15 pax` is no range. */
const NOT_PASSENGERS =
  '(?!\\s*(?:pax|passengers?|people|persons?|guests?|adults?|ppl|seats?)\\b(?!\\s*[:=]?\\s*\\d))';
const RANGE_DASH = '\\s*(?:-|–|—|to|through|thru|until|till)\\s*';

function dateToken(
  shouting: boolean,
  match: RegExpExecArray,
  expression: DateExpression,
  weekday: string | undefined,
  extra: Partial<Pick<DateToken, 'range' | 'ambiguity'>> = {},
): DateToken {
  let start = match.index;
  let text = match[0];
  let statedWeekday = weekday ? weekdayNumber(weekday) : null;
  // `HPN to SUN Dec 22`: a weekday abbreviation in capitals is an airport code (Sun Valley).
  if (weekday && !shouting && /^[A-Z]{3}$/.test(weekday) && text.startsWith(weekday)) {
    const skip = text.length - text.slice(weekday.length).replace(/^[,.]?\s+/, '').length;
    start += skip;
    text = text.slice(skip);
    statedWeekday = null;
  }
  return {
    type: 'date',
    start,
    end: match.index + match[0].length,
    text,
    expression,
    statedWeekday,
    range: extra.range ?? false,
    ambiguity: extra.ambiguity ?? null,
  };
}

/** A month and day, with a year when written; invalid when the day can't exist in that month. */
function monthDay(month: number, day: number, year: number | null, text: string): DateExpression {
  if (year !== null) {
    return calendarDate(year, month, day)
      ? { kind: 'absolute', year, month, day }
      : { kind: 'invalid', reason: `${text.trim()} is not a date` };
  }
  // Feb 29 exists in leap years; any other impossible day never does.
  return calendarDate(2024, month, day)
    ? { kind: 'month_day', month, day }
    : { kind: 'invalid', reason: `${text.trim()} is not a date` };
}

function yearOf(value: string | undefined): number | null {
  if (!value) return null;
  const year = Number(value);
  return value.length === 2 ? 2000 + year : year;
}

/**
 * Finds and claims every date in the text, most specific patterns first: ranges (`Dec 12-15`,
 * `12–15 Dec`), ISO dates, month names either way round, numeric dates (`12/15`, `15.12.2026`),
 * then relative ones (`today`, `tomorrow`, `next Friday`, `in 3 days`, `same day`) and bare days
 * (`on the 15th`).
 */
export function recognizeDates(
  claims: Claims,
  order: NumericDateOrder,
  orderWasSet: boolean,
): DateToken[] {
  const shouting = isShouting(claims.text);
  const tokens: DateToken[] = [];
  const flags = 'giu';

  // Dec 12-15 / December 12 to 15, 2026
  tokens.push(
    ...recognize(
      claims,
      new RegExp(
        `\\b${WEEKDAY_PREFIX}(${MONTH_PATTERN})\\s*(\\d{1,2})${ORDINAL}${RANGE_DASH}(\\d{1,2})${ORDINAL}\\b${NOT_PASSENGERS}${YEAR_SUFFIX}`,
        flags,
      ),
      (match) => {
        const month = monthNumber(match[2] ?? '');
        if (!month) return null;
        const year = yearOf(match[5]);
        const first = dateToken(
          shouting,
          match,
          monthDay(month, Number(match[3]), year, match[0]),
          match[1],
          { range: true },
        );
        const second = dateToken(
          shouting,
          match,
          monthDay(month, Number(match[4]), year, match[0]),
          undefined,
          { range: true },
        );
        return [first, { ...second, start: first.start, text: first.text }];
      },
    ),
  );
  // 12-15 Dec / 12th to 15th of December
  tokens.push(
    ...recognize(
      claims,
      new RegExp(
        `\\b(\\d{1,2})${ORDINAL}${RANGE_DASH}(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?(${MONTH_PATTERN})(?![a-z])${YEAR_SUFFIX}`,
        flags,
      ),
      (match) => {
        const month = monthNumber(match[3] ?? '');
        if (!month) return null;
        const year = yearOf(match[4]);
        return [
          dateToken(shouting, match, monthDay(month, Number(match[1]), year, match[0]), undefined, {
            range: true,
          }),
          dateToken(shouting, match, monthDay(month, Number(match[2]), year, match[0]), undefined, {
            range: true,
          }),
        ];
      },
    ),
  );
  // 2026-12-15
  tokens.push(
    ...recognize(claims, /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g, (match) => {
      const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
      return [dateToken(shouting, match, monthDay(month, day, year, match[0]), undefined)];
    }),
  );
  // Fri, Dec 12th 2026 / Dec. 12
  tokens.push(
    ...recognize(
      claims,
      new RegExp(
        `\\b${WEEKDAY_PREFIX}(${MONTH_PATTERN})\\s*(\\d{1,2})${ORDINAL}\\b(?![:.]\\d)${NOT_PASSENGERS}${YEAR_SUFFIX}`,
        flags,
      ),
      (match) => {
        const month = monthNumber(match[2] ?? '');
        if (!month) return null;
        return [
          dateToken(
            shouting,
            match,
            monthDay(month, Number(match[3]), yearOf(match[4]), match[0]),
            match[1],
          ),
        ];
      },
    ),
  );
  // Fri 15 December 2026 / the 15th of Dec
  tokens.push(
    ...recognize(
      claims,
      new RegExp(
        `\\b${WEEKDAY_PREFIX}(?:the\\s+)?(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?(${MONTH_PATTERN})(?![a-z])${YEAR_SUFFIX}`,
        flags,
      ),
      (match) => {
        const month = monthNumber(match[3] ?? '');
        if (!month) return null;
        return [
          dateToken(
            shouting,
            match,
            monthDay(month, Number(match[2]), yearOf(match[4]), match[0]),
            match[1],
          ),
        ];
      },
    ),
  );
  // 12/15, 12/15/26, 15/12/2026
  tokens.push(
    ...recognize(
      claims,
      new RegExp(
        `(?<![\\w/])${WEEKDAY_PREFIX}(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?(?![\\w/])`,
        flags,
      ),
      (match) => {
        const first = Number(match[2]);
        const second = Number(match[3]);
        const year = yearOf(match[4]);
        let month = order === 'month_first' ? first : second;
        let day = order === 'month_first' ? second : first;
        let ambiguity: string | null = null;
        if (month > 12 && day <= 12) [month, day] = [day, month];
        else if (first <= 12 && second <= 12 && first !== second && !orderWasSet) {
          ambiguity = `${match[0].trim()} read ${order === 'month_first' ? 'month first' : 'day first'}`;
        }
        return [
          dateToken(shouting, match, monthDay(month, day, year, match[0]), match[1], { ambiguity }),
        ];
      },
    ),
  );
  // 15.12.2026 (day first, as written in Europe)
  tokens.push(
    ...recognize(claims, /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/g, (match) => [
      dateToken(
        shouting,
        match,
        monthDay(Number(match[2]), Number(match[1]), Number(match[3]), match[0]),
        undefined,
      ),
    ]),
  );
  // same day (a return on the day of the leg before)
  tokens.push(
    ...recognize(claims, /\bsame[\s-]day\b/gi, (match) => [
      dateToken(shouting, match, { kind: 'same_day' }, undefined),
    ]),
  );
  // today, tonight, tomorrow, the day after tomorrow
  tokens.push(
    ...recognize(
      claims,
      /\b(?:the\s+)?(day\s+after\s+tomorrow|today|tonight|tomorrow|tmrw|tmr)\b/gi,
      (match) => {
        const word = (match[1] ?? '').toLowerCase();
        const days = word.startsWith('day') ? 2 : word === 'today' || word === 'tonight' ? 0 : 1;
        return [dateToken(shouting, match, { kind: 'relative_days', days }, undefined)];
      },
    ),
  );
  // in 3 days
  tokens.push(
    ...recognize(claims, new RegExp(`\\bin\\s+(${COUNT_PATTERN})\\s+days?\\b`, flags), (match) => {
      const days = countValue(match[1] ?? '');
      return days === null
        ? null
        : [dateToken(shouting, match, { kind: 'relative_days', days }, undefined)];
    }),
  );
  // this weekend, next weekend
  tokens.push(
    ...recognize(claims, /\b(this|next|the|coming)\s+weekend\b/gi, (match) => [
      dateToken(
        shouting,
        match,
        { kind: 'weekend', next: (match[1] ?? '').toLowerCase() === 'next' },
        undefined,
      ),
    ]),
  );
  // next Friday, this Sunday, Friday, Mon, on Thu
  tokens.push(
    ...recognize(
      claims,
      new RegExp(
        `\\b(?:(next|this|coming|on)\\s+)?(${FULL_WEEKDAY_PATTERN}|${SHORT_WEEKDAY_PATTERN})\\b\\.?`,
        flags,
      ),
      (match) => {
        const word = match[2] ?? '';
        const weekday = weekdayNumber(word);
        if (weekday === null) return null;
        const prefix = (match[1] ?? '').toLowerCase();
        if (!isWeekdayWord(word, prefix, shouting)) return null;
        // `Sun Valley`: an abbreviation opening a capitalized name is part of that name.
        const following = claims.text.slice(match.index + match[0].length);
        if (word.length <= 4 && !prefix && /^\s+\p{Lu}\p{Ll}/u.test(following)) return null;
        const next = prefix === 'next';
        return [dateToken(shouting, match, { kind: 'weekday', weekday, next }, undefined)];
      },
    ),
  );
  // on the 15th, the 3rd, 15th
  tokens.push(
    ...recognize(
      claims,
      /\b(?:(?:on\s+)?the\s+(\d{1,2})(st|nd|rd|th)?|(\d{1,2})(st|nd|rd|th))\b(?!\s*(?:pax|passengers?|people|of\s+us)\b)/gi,
      (match) => {
        const day = Number(match[1] ?? match[3]);
        const expression: DateExpression =
          day >= 1 && day <= 31
            ? { kind: 'day_of_month', day }
            : { kind: 'invalid', reason: `${match[0].trim()} is not a day of the month` };
        return [dateToken(shouting, match, expression, undefined)];
      },
    ),
  );
  return tokens;
}
