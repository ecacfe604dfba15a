import type { DirectoryAirport } from '../airports/airport-directory.js';

/** Where a piece of the broker's text is: `[start, end)` in UTF-16 units, and the text itself. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A date as written, before it is placed on the calendar. */
export type DateExpression =
  | {
      readonly kind: 'absolute';
      readonly year: number;
      readonly month: number;
      readonly day: number;
    }
  | { readonly kind: 'month_day'; readonly month: number; readonly day: number }
  | { readonly kind: 'day_of_month'; readonly day: number }
  | { readonly kind: 'relative_days'; readonly days: number }
  | { readonly kind: 'weekday'; readonly weekday: number; readonly next: boolean }
  | { readonly kind: 'weekend'; readonly next: boolean }
  | { readonly kind: 'same_day' }
  | { readonly kind: 'invalid'; readonly reason: string };

/** A date mention: the expression, a weekday written beside it, and how it was read. */
export interface DateToken extends Span {
  readonly type: 'date';
  readonly expression: DateExpression;
  /** `Fri` in `Fri Dec 12`: checked against the date (0 = Sunday). */
  readonly statedWeekday: number | null;
  /** True for both dates of a range (`Dec 12-15`). */
  readonly range: boolean;
  /** Set when a numeric date could be read both ways (`03/04`). */
  readonly ambiguity: string | null;
}

/** A time mention: `HH:MM`, or null with the issue that explains why. */
export interface TimeToken extends Span {
  readonly type: 'time';
  readonly time: string | null;
  readonly problem: 'invalid_time' | 'ambiguous_time' | 'imprecise_time' | null;
}

/** A passenger count: a total (`6 pax`) or a part to add up (`4 adults`, `2 kids`). */
export interface PassengerToken extends Span {
  readonly type: 'passengers';
  readonly count: number;
  readonly role: 'total' | 'part';
}

/** Words about the shape of the trip. */
export interface CueToken extends Span {
  readonly type: 'cue';
  readonly cue: 'one_way' | 'round_trip' | 'return' | 'multi_leg';
}

/** Route connectors: `to`, `from`, `via`, `then`, and the symbols `-`, `–`, `→`, `>`, `/`. */
export interface LinkToken extends Span {
  readonly type: 'link';
  readonly link: 'to' | 'from' | 'via' | 'then';
  /** True for a symbol (`-`, `→`), false for a word (`to`). */
  readonly symbol: boolean;
}

/** Any other word. */
export interface WordToken extends Span {
  readonly type: 'word';
}

/** Punctuation and line breaks: they end a route chain. */
export interface PunctuationToken extends Span {
  readonly type: 'punctuation';
}

/** An airport mention: resolved, ambiguous (several candidates) or unknown to the table. */
export interface AirportToken extends Span {
  readonly type: 'airport';
  readonly airport: DirectoryAirport | null;
  readonly candidates: readonly DirectoryAirport[];
  /** How the broker wrote it. */
  readonly writtenAs: 'iata' | 'icao' | 'name';
  readonly status: 'resolved' | 'assumed' | 'ambiguous' | 'unknown';
}

/** Every kind of token the parser reads. */
export type Token =
  | DateToken
  | TimeToken
  | PassengerToken
  | CueToken
  | LinkToken
  | WordToken
  | PunctuationToken
  | AirportToken;

/**
 * Parts of the text already claimed by a recognizer. Recognizers run from the most specific
 * (`2026-12-15`) to the least (`the 15th`), and a later one never reads what an earlier one took.
 */
export class Claims {
  private readonly taken: boolean[];

  constructor(readonly text: string) {
    this.taken = new Array<boolean>(text.length).fill(false);
  }

  /** True when no character of `[start, end)` is claimed yet. */
  isFree(start: number, end: number): boolean {
    for (let index = start; index < end; index += 1) if (this.taken[index]) return false;
    return true;
  }

  /** Claims `[start, end)`. */
  claim(start: number, end: number): void {
    for (let index = start; index < end; index += 1) this.taken[index] = true;
  }

  /** The unclaimed runs of text, in order. */
  freeRuns(): Span[] {
    const runs: Span[] = [];
    let start = -1;
    for (let index = 0; index <= this.text.length; index += 1) {
      const free = index < this.text.length && !this.taken[index];
      if (free && start < 0) start = index;
      if (!free && start >= 0) {
        runs.push({ start, end: index, text: this.text.slice(start, index) });
        start = -1;
      }
    }
    return runs;
  }
}

/**
 * Runs `pattern` (global) over the text and hands each match whose span is still free to
 * `accept`, which returns the tokens to keep or null to leave the text alone. The tokens' spans
 * are claimed (a token may cover less than the match: `SUN Dec 22` keeps `SUN` for the airport).
 */
export function recognize<T extends Span>(
  claims: Claims,
  pattern: RegExp,
  accept: (match: RegExpExecArray) => T[] | null,
): T[] {
  const found: T[] = [];
  for (const match of claims.text.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    if (!claims.isFree(start, end)) continue;
    const tokens = accept(match);
    if (!tokens) continue;
    for (const token of tokens) claims.claim(token.start, token.end);
    found.push(...tokens);
  }
  return found;
}

/** True when the text is written in capitals throughout (then capitals say nothing). */
export function isShouting(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 12 && letters === letters.toUpperCase();
}
