import type { Primitive } from './issues.js';
import { report, Schema, type SchemaDef } from './schema.js';

/** Schemas of single values: strings (and string formats), numbers, booleans, dates, enums. */

/** A string schema's description; `format` names a string format (`uuid`, `date`, `date-time`). */
export interface StringDef extends SchemaDef {
  readonly type: 'string';
  readonly format?: string;
}

/** A schema accepting a value of one `typeof`, or reporting `expected`. */
function typed<T, Def extends SchemaDef>(
  def: Def,
  accepts: (value: unknown) => boolean,
  expected: string,
): Schema<T, T, Def> {
  return new Schema(def, (value, ctx) => {
    if (!accepts(value)) report(ctx, { code: 'invalid_type', expected, input: value });
    return value as T;
  });
}

/** Any string. */
export const string = (): Schema<string, string, StringDef> =>
  typed({ type: 'string' }, (value) => typeof value === 'string', 'string');

/** A finite number (not NaN, not ±Infinity). */
export const number = (): Schema<number, number, { readonly type: 'number' }> =>
  typed({ type: 'number' }, Number.isFinite, 'number');

/** `true` or `false`. */
export const boolean = (): Schema<boolean, boolean, { readonly type: 'boolean' }> =>
  typed({ type: 'boolean' }, (value) => typeof value === 'boolean', 'boolean');

/** A valid `Date` (not `new Date('nonsense')`), returned as is. */
export const date = (): Schema<Date, Date, { readonly type: 'date' }> =>
  typed(
    { type: 'date' },
    (value) => value instanceof Date && !Number.isNaN(value.getTime()),
    'date',
  );

/** Anything, unchanged. */
export const unknown = (): Schema<unknown, unknown, { readonly type: 'unknown' }> =>
  new Schema({ type: 'unknown' }, (value) => value);

/** An enum or literal schema's description: the values it accepts. */
export interface ValuesDef<Values extends readonly Primitive[]> extends SchemaDef {
  readonly type: 'enum' | 'literal';
  readonly values: Values;
}

/** A schema of one of a few values, with the values it accepts as `options`. */
export type EnumSchema<Values extends readonly Primitive[]> = Schema<
  Values[number],
  Values[number],
  ValuesDef<Values>
> & { readonly options: Values };

function oneOf<const Values extends readonly Primitive[]>(
  type: 'enum' | 'literal',
  values: Values,
): EnumSchema<Values> {
  const accepted = new Set<unknown>(values);
  const schema = new Schema({ type, values }, (value, ctx) => {
    if (!accepted.has(value)) report(ctx, { code: 'invalid_value', values });
    return value as Values[number];
  });
  return Object.assign(schema, { options: values });
}

/**
 * One of the given values.
 *
 * @example
 * const TripTypeSchema = s.enum(['one_way', 'round_trip', 'multi_leg']);
 */
export const enumOf = <const Values extends readonly [Primitive, ...Primitive[]]>(
  values: Values,
): EnumSchema<Values> => oneOf('enum', values);

/** Exactly `value`. */
export const literal = <const Value extends Primitive>(value: Value): EnumSchema<[Value]> =>
  oneOf('literal', [value]);

/** A string format: the type issue and the format issue both carry `message` when given. */
function format(
  name: string,
  noun: string,
  pattern: RegExp,
  message?: string,
): Schema<string, string, StringDef> {
  return new Schema({ type: 'string', format: name }, (value, ctx) => {
    if (typeof value !== 'string')
      report(ctx, { code: 'invalid_type', expected: 'string', input: value }, message);
    else if (!pattern.test(value)) report(ctx, { code: 'invalid_format', format: noun }, message);
    return value as string;
  });
}

// The patterns are zod 4's (MIT), so the same strings pass: any RFC 9562 version and variant,
// plus the nil and max UUIDs; dates that exist (leap years included); RFC 3339 date-times.
const UUID =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
const DATE =
  '(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))';

/** A UUID (`8-4-4-4-12` hex digits). */
export const uuid = (message?: string): Schema<string, string, StringDef> =>
  format('uuid', 'UUID', UUID, message);

/** A calendar date `YYYY-MM-DD` that exists. */
export const isoDate = (message?: string): Schema<string, string, StringDef> =>
  format('date', 'ISO date', new RegExp(`^${DATE}$`), message);

/**
 * An ISO 8601 date-time with seconds and a time zone: `Z` or an offset (`+01:00`), fractions of
 * a second allowed: `2026-12-12T09:30:00Z`, `2026-12-12T09:30:00.5-05:00`.
 */
export const isoDateTime = (message?: string): Schema<string, string, StringDef> =>
  format(
    'date-time',
    'ISO datetime',
    new RegExp(
      `^${DATE}T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$`,
    ),
    message,
  );
