import * as s from '../../schema/index.js';
import { toJsonSchema, type JsonValue } from '../../schema/json-schema.js';
import { FlightRequestDraftFieldsSchema } from '../schemas.js';

/**
 * What the model fills in: the draft's fields less `confidence`, which is derived from the draft
 * and never self-reported. Its JSON schema is sent as the strict response format, and the model's
 * answer is validated with it (and then with the full draft schema, whose cross-field rules a
 * JSON schema can't express: legs in date order, a leg between two different airports).
 */
// `ambiguities` is left out too (#12): the choices come from our airport table, not the model.
export const ModelDraftSchema = s.omit(FlightRequestDraftFieldsSchema, [
  'confidence',
  'ambiguities',
]);
/** What the model fills in. */
export type ModelDraft = s.Infer<typeof ModelDraftSchema>;

/** JSON Schema keywords OpenAI's strict structured outputs accept; the rest are dropped. */
const SUPPORTED_KEYWORDS = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'anyOf',
  'description',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
]);

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Makes a JSON schema strict the way OpenAI requires: every object closed
 * (`additionalProperties: false`) with every property required (optional fields are already
 * nullable in the draft schema), unsupported keywords dropped (the schema still checks lengths), and a
 * `pattern` dropped where a `format` says the same (`date`).
 */
export function toStrictJsonSchema(schema: JsonValue): JsonValue {
  if (Array.isArray(schema)) return schema.map(toStrictJsonSchema);
  if (!isObject(schema)) return schema;
  const strict: { [key: string]: JsonValue } = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!SUPPORTED_KEYWORDS.has(key)) continue;
    if (key === 'pattern' && 'format' in schema) continue;
    if (key === 'properties' && isObject(value)) {
      strict[key] = Object.fromEntries(
        Object.entries(value).map(([name, property]) => [name, toStrictJsonSchema(property)]),
      );
    } else {
      strict[key] = toStrictJsonSchema(value);
    }
  }
  if (isObject(strict['properties'])) {
    strict['required'] = Object.keys(strict['properties']);
    strict['additionalProperties'] = false;
  }
  return strict;
}

/** The `response_format` sent with every request: the model draft as a strict JSON schema. */
export function draftResponseFormat(): {
  type: 'json_schema';
  json_schema: { name: string; strict: true; schema: { [key: string]: JsonValue } };
} {
  const schema = toStrictJsonSchema(toJsonSchema(ModelDraftSchema));
  if (!isObject(schema)) throw new Error('The draft JSON schema is not an object');
  return {
    type: 'json_schema',
    json_schema: { name: 'flight_request_draft', strict: true, schema },
  };
}
