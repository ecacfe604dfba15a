import type { PathKey } from './issues.js';
import { report, type Check, type CheckDef, type ParseContext } from './schema.js';

/**
 * Checks to add to a schema with `.check(...)`: lengths, bounds, patterns, integers and
 * refinements. Each takes an optional message that replaces the English default.
 */

type Sized = string | readonly unknown[];

const sizeOrigin = (value: Sized): string => (typeof value === 'string' ? 'string' : 'array');

function length(kind: 'min_length' | 'max_length', limit: number, message?: string): Check<Sized> {
  const tooLong = (value: Sized) => value.length > limit;
  const fails = kind === 'max_length' ? tooLong : (value: Sized) => value.length < limit;
  const reportOn = (value: Sized, ctx: ParseContext, fatal?: boolean) =>
    report(
      ctx,
      {
        code: kind === 'max_length' ? 'too_big' : 'too_small',
        origin: sizeOrigin(value),
        limit,
        inclusive: true,
      },
      message,
      undefined,
      fatal,
    );
  return {
    def: { kind, value: limit },
    run(value, ctx) {
      if (fails(value)) reportOn(value, ctx);
    },
    // An oversized list fails before its items are parsed, and nothing else is said about it.
    ...(kind === 'max_length' && {
      cap(input: unknown, ctx: ParseContext) {
        const over = Array.isArray(input) && tooLong(input);
        if (over) reportOn(input, ctx, true);
        return over;
      },
    }),
  };
}

/** At least `limit` characters (a string) or items (an array). */
export const minLength = (limit: number, message?: string): Check<Sized> =>
  length('min_length', limit, message);

/** At most `limit` characters (a string) or items (an array). */
export const maxLength = (limit: number, message?: string): Check<Sized> =>
  length('max_length', limit, message);

/** A string matching `pattern`. */
export const regex = (pattern: RegExp, message?: string): Check<string> => ({
  def: { kind: 'regex', pattern },
  run(value, ctx) {
    pattern.lastIndex = 0;
    if (!pattern.test(value))
      report(ctx, { code: 'invalid_format', format: 'regex', pattern }, message);
  },
});

function bound(kind: 'gte' | 'gt' | 'lte', limit: number, message?: string): Check<number> {
  const big = kind === 'lte';
  const inclusive = kind !== 'gt';
  return {
    def: { kind, value: limit },
    run(value, ctx) {
      const ok = big ? value <= limit : inclusive ? value >= limit : value > limit;
      if (!ok)
        report(
          ctx,
          { code: big ? 'too_big' : 'too_small', origin: 'number', limit, inclusive },
          message,
        );
    },
  };
}

/** A number ≥ `limit`. */
export const gte = (limit: number, message?: string): Check<number> => bound('gte', limit, message);
/** A number ≤ `limit`. */
export const lte = (limit: number, message?: string): Check<number> => bound('lte', limit, message);
/** A number > 0. */
export const positive = (message?: string): Check<number> => bound('gt', 0, message);
/** A number ≥ 0. */
export const nonnegative = (message?: string): Check<number> => bound('gte', 0, message);

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
