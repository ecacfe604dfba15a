/**
 * The SDK's validator: small, tree-shakable schema functions in the style of `zod/mini`, whose
 * schemas implement Standard Schema v1 and offer `parse` / `safeParse`. Import as a namespace:
 *
 * @example
 * import * as s from './schema/index.js';
 * const LegSchema = s.object({ from: s.string().check(s.regex(/^[A-Z]{3,4}$/)), date: s.nullable(s.isoDate()) });
 * type Leg = s.Infer<typeof LegSchema>;
 */
export {
  Schema,
  SchemaError,
  prettifyIssues,
  type AnySchema,
  type Check,
  type CheckDef,
  type Infer,
  type Input,
  type Output,
  type ParseContext,
  type SafeParseResult,
  type SchemaDef,
  type StandardSchemaV1,
} from './schema.js';
export type { Issue, IssueCode, PathKey, Primitive } from './issues.js';
export {
  boolean,
  date,
  enumOf as enum,
  isoDate,
  isoDateTime,
  literal,
  number,
  string,
  unknown,
  uuid,
  type EnumSchema,
  type StringDef,
  type ValuesDef,
} from './primitives.js';
export {
  gte,
  int,
  lte,
  maxLength,
  minLength,
  nonnegative,
  positive,
  refine,
  regex,
  superRefine,
  type RefinementContext,
} from './checks.js';
export {
  array,
  extend,
  looseObject,
  object,
  omit,
  record,
  strictObject,
  type ArrayDef,
  type ObjectDef,
  type ObjectSchema,
  type RecordDef,
  type Shape,
  type UnknownKeys,
} from './containers.js';
export {
  discriminatedUnion,
  nullable,
  optional,
  pipe,
  transform,
  union,
  withDefault,
  type PipeDef,
  type UnionDef,
  type WrapperDef,
} from './combinators.js';
