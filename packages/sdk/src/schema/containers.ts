import {
  report,
  Schema,
  type AnySchema,
  type Input,
  type Output,
  type ParseContext,
  type SchemaDef,
} from './schema.js';

/** Schemas of objects, records and arrays. */

/** The schemas of an object's keys. */
export type Shape = { readonly [key: string]: AnySchema };

/** What an object does with keys its shape does not name: drop them, refuse them, keep them. */
export type UnknownKeys = 'strip' | 'strict' | 'loose';

/** An object schema's description. */
export interface ObjectDef<
  S extends Shape,
  Keys extends UnknownKeys = UnknownKeys,
> extends SchemaDef {
  readonly type: 'object';
  readonly shape: S;
  readonly unknownKeys: Keys;
}

type Flatten<T> = { [K in keyof T]: T[K] } & {};
type Side = 'input' | 'output';
type Value<S extends AnySchema, W extends Side> = W extends 'input' ? Input<S> : Output<S>;
/** Keys whose schema lets the value be undefined are optional. */
type OptionalKeys<S extends Shape, W extends Side> = {
  [K in keyof S]: undefined extends Value<S[K], W> ? K : never;
}[keyof S];
type ObjectOf<S extends Shape, W extends Side> = Flatten<
  { [K in Exclude<keyof S, OptionalKeys<S, W>>]: Value<S[K], W> } & {
    [K in OptionalKeys<S, W>]?: Value<S[K], W>;
  }
>;
type Extra<Keys extends UnknownKeys> = Keys extends 'loose' ? { [key: string]: unknown } : unknown;

/** The schema of an object with the given keys. */
export type ObjectSchema<S extends Shape, Keys extends UnknownKeys = 'strip'> = Schema<
  ObjectOf<S, 'output'> & Extra<Keys>,
  ObjectOf<S, 'input'> & Extra<Keys>,
  ObjectDef<S, Keys>
>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Runs `schema` on `value` at `key` of the current path. */
function at<T>(
  schema: Schema<T, unknown>,
  value: unknown,
  key: string | number,
  ctx: ParseContext,
): T {
  ctx.path.push(key);
  const output = schema['~run'](value, ctx);
  ctx.path.pop();
  ctx.halted = false;
  return output;
}

function objectOf<S extends Shape, Keys extends UnknownKeys>(
  shape: S,
  unknownKeys: Keys,
): ObjectSchema<S, Keys> {
  const known = new Set(Object.keys(shape));
  return new Schema({ type: 'object', shape, unknownKeys }, (value, ctx) => {
    if (!isObject(value)) {
      report(ctx, { code: 'invalid_type', expected: 'object', input: value });
      return value as never;
    }
    const output: Record<string, unknown> = {};
    for (const key of known) {
      const schema = shape[key] as AnySchema;
      const present = key in value;
      // An absent optional key is left out, not set to undefined.
      if (!present && schema.def.type === 'optional') continue;
      const parsed = at(schema, value[key], key, ctx);
      if (present || parsed !== undefined) output[key] = parsed;
    }
    if (unknownKeys !== 'strip') {
      const unknown: string[] = [];
      for (const key in value) {
        if (known.has(key)) continue;
        if (unknownKeys === 'strict') unknown.push(key);
        else if (key !== '__proto__') output[key] = value[key];
      }
      if (unknown.length) report(ctx, { code: 'unrecognized_keys', keys: unknown });
    }
    return output as never;
  });
}

/** An object with these keys; other keys are dropped from the output. */
export const object = <const S extends Shape>(shape: S): ObjectSchema<S> =>
  objectOf(shape, 'strip');

/** An object with these keys and no others (an unknown key is an issue). */
export const strictObject = <const S extends Shape>(shape: S): ObjectSchema<S, 'strict'> =>
  objectOf(shape, 'strict');

/** An object with at least these keys; other keys are kept as they are. */
export const looseObject = <const S extends Shape>(shape: S): ObjectSchema<S, 'loose'> =>
  objectOf(shape, 'loose');

/** The object schema with more keys (or keys replaced), same unknown-key policy, no checks. */
export const extend = <S extends Shape, Keys extends UnknownKeys, const More extends Shape>(
  schema: Schema<unknown, unknown, ObjectDef<S, Keys>>,
  shape: More,
): ObjectSchema<Flatten<Omit<S, keyof More> & More>, Keys> =>
  objectOf<Flatten<Omit<S, keyof More> & More>, Keys>(
    { ...schema.def.shape, ...shape },
    schema.def.unknownKeys,
  );

/** The object schema without some keys, same unknown-key policy, no checks. */
export const omit = <S extends Shape, Keys extends UnknownKeys, const K extends keyof S & string>(
  schema: Schema<unknown, unknown, ObjectDef<S, Keys>>,
  keys: readonly K[],
): ObjectSchema<Flatten<Omit<S, K>>, Keys> => {
  const omitted = new Set<string>(keys);
  const shape = Object.fromEntries(
    Object.entries(schema.def.shape).filter(([key]) => !omitted.has(key)),
  );
  return objectOf(shape as Flatten<Omit<S, K>>, schema.def.unknownKeys);
};

/** A plain object's prototype is Object's or null (no Date, Map or class instance). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const { constructor } = value;
  if (typeof constructor !== 'function') return true;
  const prototype: unknown = constructor.prototype;
  return isObject(prototype) && Object.hasOwn(prototype, 'isPrototypeOf');
}

/** A record schema's description. */
export interface RecordDef<V extends AnySchema> extends SchemaDef {
  readonly type: 'record';
  readonly value: V;
}

/** A plain object whose string keys hold values of `value`. */
export const record = <V extends AnySchema>(
  value: V,
): Schema<Record<string, Output<V>>, Record<string, Input<V>>, RecordDef<V>> =>
  new Schema({ type: 'record', value }, (input, ctx) => {
    if (!isPlainObject(input)) {
      report(ctx, { code: 'invalid_type', expected: 'record', input });
      return input as never;
    }
    const output: Record<string, Output<V>> = {};
    for (const key of Object.keys(input)) {
      if (key !== '__proto__') output[key] = at(value, input[key], key, ctx);
    }
    return output;
  });

/** An array schema's description. */
export interface ArrayDef<E extends AnySchema> extends SchemaDef {
  readonly type: 'array';
  readonly element: E;
}

/** An array of `element`s. */
export const array = <E extends AnySchema>(
  element: E,
): Schema<Output<E>[], Input<E>[], ArrayDef<E>> =>
  new Schema({ type: 'array', element }, (input, ctx) => {
    if (!Array.isArray(input)) {
      report(ctx, { code: 'invalid_type', expected: 'array', input });
      return input as never;
    }
    // Array.from visits holes (as undefined), as a `for` loop over the indexes would.
    return Array.from(input, (item, index) => at(element, item, index, ctx) as Output<E>);
  });
