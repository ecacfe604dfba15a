import type { Primitive } from './issues.js';
import type { ObjectDef, Shape } from './containers.js';
import {
  failedFrom,
  report,
  Schema,
  type AnySchema,
  type Input,
  type Output,
  type SchemaDef,
} from './schema.js';

/** Schemas made of other schemas: optional, nullable, defaults, unions, pipes, transforms. */

/** The description of a schema wrapping another one. */
export interface WrapperDef<Type extends string, S extends AnySchema> extends SchemaDef {
  readonly type: Type;
  readonly inner: S;
}

/** `undefined`, or a value of `inner`. As an object's key: the key may be absent. */
export const optional = <S extends AnySchema>(
  inner: S,
): Schema<Output<S> | undefined, Input<S> | undefined, WrapperDef<'optional', S>> =>
  new Schema({ type: 'optional', inner }, (value, ctx) =>
    value === undefined ? undefined : inner['~run'](value, ctx),
  );

/** `null`, or a value of `inner`. */
export const nullable = <S extends AnySchema>(
  inner: S,
): Schema<Output<S> | null, Input<S> | null, WrapperDef<'nullable', S>> =>
  new Schema({ type: 'nullable', inner }, (value, ctx) =>
    value === null ? null : inner['~run'](value, ctx),
  );

/** A value of `inner`; `undefined` (an absent key) becomes `value`, which is not parsed. */
export const withDefault = <S extends AnySchema>(
  inner: S,
  value: Exclude<Output<S>, undefined>,
): Schema<Exclude<Output<S>, undefined>, Input<S> | undefined, WrapperDef<'default', S>> =>
  new Schema({ type: 'default', inner }, (input, ctx) =>
    input === undefined ? value : (inner['~run'](input, ctx) as Exclude<Output<S>, undefined>),
  );

/** A union schema's description; `discriminator` names the key that picks the option. */
export interface UnionDef<Options extends readonly AnySchema[]> extends SchemaDef {
  readonly type: 'union';
  readonly options: Options;
  readonly discriminator?: string;
}

type UnionSchema<Options extends readonly AnySchema[]> = Schema<
  Output<Options[number]>,
  Input<Options[number]>,
  UnionDef<Options>
>;

/**
 * A value of the first option that accepts it. When none does: the issues of the one option
 * that failed only its checks (a string of the wrong format), else one `invalid_union` issue.
 */
export const union = <const Options extends readonly [AnySchema, ...AnySchema[]]>(
  options: Options,
): UnionSchema<Options> =>
  new Schema({ type: 'union', options }, (value, ctx) => {
    const start = ctx.issues.length;
    const near: { output: unknown; issues: typeof ctx.issues }[] = [];
    for (const option of options) {
      const output = option['~run'](value, ctx);
      if (ctx.issues.length === start) return output;
      const failed = failedFrom(ctx, start);
      ctx.halted = false;
      const issues = ctx.issues.splice(start);
      if (!failed) near.push({ output, issues });
    }
    if (near.length === 1 && near[0]) {
      ctx.issues.push(...near[0].issues);
      return near[0].output;
    }
    report(ctx, { code: 'invalid_union' });
    return value;
  });

/** An object schema, as an option of a discriminated union. */
type ObjectOption = Schema<unknown, unknown, ObjectDef<Shape>>;

/**
 * The object option whose `key` holds the input's value at `key` (each option's key is a
 * literal or an enum). An unknown value is one issue at `key` listing the values expected.
 */
export const discriminatedUnion = <
  const Options extends readonly [ObjectOption, ...ObjectOption[]],
>(
  key: string,
  options: Options,
): UnionSchema<Options> => {
  const byValue = new Map<unknown, ObjectOption>();
  for (const option of options) {
    const values = (option.def.shape[key]?.def as { values?: readonly Primitive[] } | undefined)
      ?.values;
    for (const value of values ?? []) byValue.set(value, option);
  }
  return new Schema({ type: 'union', options, discriminator: key }, (value, ctx) => {
    const option =
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? byValue.get((value as Record<string, unknown>)[key])
        : undefined;
    if (option) return option['~run'](value, ctx);
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      report(ctx, { code: 'invalid_type', expected: 'object', input: value });
    else
      report(
        ctx,
        { code: 'invalid_union', discriminators: [...byValue.keys()] as Primitive[] },
        undefined,
        [key],
      );
    return value;
  });
};

/** A pipe schema's description. */
export interface PipeDef<A extends AnySchema, B extends AnySchema> extends SchemaDef {
  readonly type: 'pipe';
  readonly in: A;
  readonly out: B;
}

/** Parses with `first`, then its output with `then`; any issue of `first` (but an unknown key) stops. */
export const pipe = <
  const A extends AnySchema,
  B extends Schema<unknown, Output<A>> = Schema<unknown, Output<A>>,
>(
  first: A,
  // The union gives a transform's parameter its type from `first` (as zod/mini does).
  then: B | Schema<unknown, Output<A>>,
): Schema<Output<B>, Input<A>, PipeDef<A, B>> =>
  new Schema({ type: 'pipe', in: first, out: then as B }, (value, ctx) => {
    const start = ctx.issues.length;
    const middle = first['~run'](value, ctx);
    if (ctx.issues.slice(start).some((issue) => issue.code !== 'unrecognized_keys')) {
      ctx.halted = true;
      return middle;
    }
    return then['~run'](middle, ctx);
  });

/** Turns a parsed value into another (only ever given values its pipe's first stage accepted). */
export const transform = <I = unknown, O = I>(
  change: (value: I) => O,
): Schema<O, I, { readonly type: 'transform' }> =>
  new Schema({ type: 'transform' }, (value) => change(value as I));
