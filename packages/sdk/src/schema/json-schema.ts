import type { ArrayDef, ObjectDef, RecordDef, Shape } from './containers.js';
import type { PipeDef, UnionDef, WrapperDef } from './combinators.js';
import type { StringDef, ValuesDef } from './primitives.js';
import type { AnySchema, CheckDef } from './schema.js';
import type { Primitive } from './issues.js';

/**
 * A JSON Schema (draft 7) of what a schema outputs, read from its description: types, keys,
 * formats, patterns, bounds and lengths. Refinements and transforms have no JSON Schema and are
 * left out (a transform's output is `{}`), so a value matching the JSON Schema must still be
 * parsed with the schema. Used on servers (the OpenAI response format); browsers never load it.
 */

/** A JSON value. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

type JsonObject = { [key: string]: JsonValue };

const CHECK_KEYWORDS: Record<string, [string, string]> = {
  // kind: [keyword for strings, keyword for arrays]
  min_length: ['minLength', 'minItems'],
  max_length: ['maxLength', 'maxItems'],
};

function applyChecks(json: JsonObject, checks: readonly { def: CheckDef }[]): JsonObject {
  for (const { def } of checks) {
    const keywords = CHECK_KEYWORDS[def.kind];
    if (keywords && 'value' in def) json[keywords[json['type'] === 'array' ? 1 : 0]] = def.value;
    else if (def.kind === 'int') json['type'] = 'integer';
    else if (def.kind === 'gte') json['minimum'] = def.value;
    else if (def.kind === 'gt') json['exclusiveMinimum'] = def.value;
    else if (def.kind === 'lte') json['maximum'] = def.value;
    else if (def.kind === 'regex') json['pattern'] = def.pattern.source;
  }
  return json;
}

function valuesSchema(values: readonly Primitive[]): JsonObject {
  const types = [...new Set(values.map((value) => (value === null ? 'null' : typeof value)))];
  return {
    ...(types.length === 1 && { type: types[0] === 'number' ? 'number' : (types[0] as string) }),
    ...(values.length === 1 ? { const: values[0] ?? null } : { enum: [...values] }),
  };
}

function describe(schema: AnySchema): JsonObject {
  const def = schema.def;
  let json: JsonObject;
  switch (def.type) {
    case 'string': {
      const format = (def as StringDef).format;
      json = { type: 'string', ...(format && { format }) };
      break;
    }
    case 'number':
    case 'boolean':
      json = { type: def.type };
      break;
    case 'enum':
    case 'literal':
      json = valuesSchema((def as ValuesDef<readonly Primitive[]>).values);
      break;
    case 'object': {
      const { shape } = def as ObjectDef<Shape>;
      const properties: JsonObject = {};
      const required: string[] = [];
      for (const [key, property] of Object.entries(shape)) {
        properties[key] = describe(property);
        if (property.def.type !== 'optional') required.push(key);
      }
      json = { type: 'object', properties, required, additionalProperties: false };
      break;
    }
    case 'record':
      json = {
        type: 'object',
        additionalProperties: describe((def as RecordDef<AnySchema>).value),
      };
      break;
    case 'array':
      json = { type: 'array', items: describe((def as ArrayDef<AnySchema>).element) };
      break;
    case 'optional':
    case 'default':
      json = describe((def as WrapperDef<string, AnySchema>).inner);
      break;
    case 'nullable':
      json = { anyOf: [describe((def as WrapperDef<string, AnySchema>).inner), { type: 'null' }] };
      break;
    case 'union':
      json = { anyOf: (def as UnionDef<readonly AnySchema[]>).options.map(describe) };
      break;
    case 'pipe':
      json = describe((def as PipeDef<AnySchema, AnySchema>).out);
      break;
    default:
      json = {};
  }
  return applyChecks(json, def.checks ?? []);
}

/**
 * The JSON Schema (draft 7) of what `schema` outputs.
 *
 * @example
 * toJsonSchema(s.object({ from: s.string().check(s.regex(/^[A-Z]{3,4}$/)) }));
 * // { type: 'object', properties: { from: { type: 'string', pattern: '^[A-Z]{3,4}$' } }, … }
 */
export function toJsonSchema(schema: AnySchema): JsonObject {
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...describe(schema) };
}
