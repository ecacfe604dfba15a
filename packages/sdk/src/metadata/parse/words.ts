/** Month names and abbreviations → month number (1–12). */
const MONTHS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^jan(uary)?$/, 1],
  [/^feb(ruary)?$/, 2],
  [/^mar(ch)?$/, 3],
  [/^apr(il)?$/, 4],
  [/^may$/, 5],
  [/^june?$/, 6],
  [/^july?$/, 7],
  [/^aug(ust)?$/, 8],
  [/^sept?(ember)?$/, 9],
  [/^oct(ober)?$/, 10],
  [/^nov(ember)?$/, 11],
  [/^dec(ember)?$/, 12],
];

/** Regex source matching a month name or abbreviation (with an optional dot). */
export const MONTH_PATTERN =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

/** Regex source matching a weekday name or abbreviation (with an optional dot). */
export const WEEKDAY_PATTERN =
  '(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\\.?';

/** Regex source matching a full weekday name only (a bare `Sun` is too often something else). */
export const FULL_WEEKDAY_PATTERN = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';

/** Month number (1–12) of a month name, or null. */
export function monthNumber(word: string): number | null {
  const key = word.toLowerCase().replace(/\.$/, '');
  for (const [pattern, month] of MONTHS) if (pattern.test(key)) return month;
  return null;
}

/** Weekday number (0 = Sunday) of a weekday name or abbreviation, or null. */
export function weekdayNumber(word: string): number | null {
  const key = word.toLowerCase().replace(/\.$/, '').slice(0, 3);
  const index = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].indexOf(key);
  return index >= 0 ? index : null;
}

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
] as const;

/** Regex source matching digits or a number word from zero to twenty. */
export const COUNT_PATTERN = `(?:\\d{1,4}|${NUMBER_WORDS.join('|')})`;

/** The value of digits or a number word (`six` → 6), or null. */
export function countValue(word: string): number | null {
  if (/^\d+$/.test(word)) return Number(word);
  const index = (NUMBER_WORDS as readonly string[]).indexOf(word.toLowerCase());
  return index >= 0 ? index : null;
}
