import type { PathKey } from './issues.js';
import { report, type Check, type CheckDef, type ParseContext } from './schema.js';

/**
 * Checks to add to a schema with `.check(...)`: lengths, bounds, patterns, integers and
 * refinements. Each takes an optional message that replaces the English default.
 */

type Sized = string | readonly unknown[];

/**
 * A size or a bound: `measure(value)` must stay at or under (`big`) or at or over `limit`, or
 * strictly so unless `inclusive`. A maximum length is also a size cap for lists.
 */
function limited<T>(
  kind: 'min_length' | 'max_length' | 'gte' | 'gt' | 'lte',
  limit: number,
  message: string | undefined,
  measure: (value: T) => number,
  origin: (value: T) => string,
): Check<T> {
  const big = kind === 'max_length' || kind === 'lte';
  const inclusive = kind !== 'gt';
  const fails = (value: T): boolean => {
    const size = measure(value);
    return big ? size > limit : inclusive ? size < limit : size <= limit;
  };
  const say = (value: T, ctx: ParseContext, fatal?: boolean): void =>
    report(
      ctx,
      { code: big ? 'too_big' : 'too_small', origin: origin(value), limit, inclusive },
      message,
      undefined,
      fatal,
    );
  return {
    def: { kind, value: limit },
    run(value, ctx) {
      if (fails(value)) say(value, ctx);
    },
    // An oversized list fails before its items are parsed, and nothing else is said about it.
    ...(kind === 'max_length' && {
      cap(input: unknown, ctx: ParseContext) {
        const over = Array.isArray(input) && fails(input as T);
        if (over) say(input as T, ctx, true);
        return over;
      },
    }),
  };
}

const length = (value: Sized): number => value.length;
const sizeOrigin = (value: Sized): string => (typeof value === 'string' ? 'string' : 'array');
const identity = (value: number): number => value;
const numberOrigin = (): string => 'number';

/** At least `limit` characters (a string) or items (an array). */
export const minLength = (limit: number, message?: string): Check<Sized> =>
  limited('min_length', limit, message, length, sizeOrigin);

/** At most `limit` characters (a string) or items (an array). */
export const maxLength = (limit: number, message?: string): Check<Sized> =>
  limited('max_length', limit, message, length, sizeOrigin);

/** A string matching `pattern`. */
export const regex = (pattern: RegExp, message?: string): Check<string> => ({
  def: { kind: 'regex', pattern },
  run(value, ctx) {
    pattern.lastIndex = 0;
    if (!pattern.test(value))
      report(ctx, { code: 'invalid_format', format: 'regex', pattern }, message);
  },
});

/** A number ≥ `limit`. */
export const gte = (limit: number, message?: string): Check<number> =>
  limited('gte', limit, message, identity, numberOrigin);
/** A number ≤ `limit`. */
export const lte = (limit: number, message?: string): Check<number> =>
  limited('lte', limit, message, identity, numberOrigin);
/** A number > 0. */
export const positive = (message?: string): Check<number> =>
  limited('gt', 0, message, identity, numberOrigin);
/** A number ≥ 0. */
export const nonnegative = (message?: string): Check<number> => gte(0, message);

/** A safe integer. Anything else stops the value's later checks. */
export const int = (message?: string): Check<number> => ({
  def: { kind: 'int' },
  run(value, ctx) {
    if (!Number.isInteger(value)) {
      report(ctx, { code: 'invalid_type', expected: 'int', input: value }, message);
    } else if (!Number.isSafeInteger(value)) {
      const big = value > 0;
      report(
        ctx,
        {
          code: big ? 'too_big' : 'too_small',
          origin: 'int',
          limit: big ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER,
          inclusive: true,
        },
        message,
      );
    }
  },
});

/** What a refinement is told to report a problem with. */
export interface RefinementContext {
  /** Reports a problem at the value's path plus `path`. */
  addIssue(issue: { message: string; path?: readonly PathKey[] }): void;
}

const REFINE: CheckDef = { kind: 'refine' };

/**
 * A rule of your own: `predicate` returns false when the value breaks it. `path` points the
 * issue at a part of the value (`['afterSeq']`).
 */
export const refine = <T>(
  predicate: (value: T) => boolean,
  message: string,
  path?: readonly PathKey[],
): Check<T> => ({
  def: REFINE,
  run(value, ctx) {
    if (!predicate(value)) report(ctx, { code: 'custom' }, message, path);
  },
});

/** A rule of your own that reports any number of issues, each with its own path. */
export const superRefine = <T>(rule: (value: T, ctx: RefinementContext) => void): Check<T> => ({
  def: REFINE,
  run(value, ctx) {
    rule(value, {
      addIssue: ({ message, path }) => report(ctx, { code: 'custom' }, message, path),
    });
  },
});
