/**
 * What a failed parse reports, and the English sentence of each kind of problem. The sentences
 * are the ones zod's English locale writes ("Too big: expected number to be <=200"), so messages
 * read the same as they did when the SDK validated with zod.
 */

/** A key on the way to a value: an object key or an array index. */
export type PathKey = string | number;

/** What kind of problem an {@link Issue} is. */
export type IssueCode =
  | 'invalid_type'
  | 'invalid_value'
  | 'invalid_format'
  | 'invalid_union'
  | 'too_big'
  | 'too_small'
  | 'unrecognized_keys'
  | 'custom';

/** One problem found in a value: what kind, where (`path`) and what to say (`message`). */
export interface Issue {
  readonly code: IssueCode;
  readonly path: readonly PathKey[];
  readonly message: string;
}

/** A literal value an enum or literal schema accepts. */
export type Primitive = string | number | boolean | null;

/** The facts an issue's English message is built from. */
export type IssueDetails =
  | { code: 'invalid_type'; expected: string; input: unknown }
  | { code: 'invalid_value'; values: readonly Primitive[] }
  | {
      code: 'too_big' | 'too_small';
      /** `string`, `array` (sizes in characters or items), `number` or `int`. */
      origin: string;
      limit: number;
      inclusive: boolean;
    }
  | { code: 'invalid_format'; format: string; pattern?: RegExp }
  | { code: 'unrecognized_keys'; keys: readonly string[] }
  | { code: 'invalid_union'; discriminators?: readonly Primitive[] }
  | { code: 'custom' };

const quote = (value: Primitive): string =>
  typeof value === 'string' ? `"${value}"` : String(value);

/** The type name a message gives a value: `null`, `array`, `NaN`, `Infinity`, `Date`, `string`. */
function typeName(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? 'number' : String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (
    typeof value === 'object' &&
    Object.getPrototypeOf(value) !== Object.prototype &&
    'constructor' in value
  ) {
    const name = (value.constructor as { name?: unknown } | undefined)?.name;
    if (typeof name === 'string') return name;
  }
  return typeof value;
}

/** The English message of an issue, worded as zod's English locale words it. */
export function englishMessage(details: IssueDetails): string {
  switch (details.code) {
    case 'invalid_type':
      return `Invalid input: expected ${details.expected}, received ${typeName(details.input)}`;
    case 'invalid_value':
      return details.values.length === 1
        ? `Invalid input: expected ${quote(details.values[0] ?? null)}`
        : `Invalid option: expected one of ${details.values.map(quote).join('|')}`;
    case 'too_big':
    case 'too_small': {
      const big = details.code === 'too_big';
      const unit =
        details.origin === 'string' ? ' characters' : details.origin === 'array' ? ' items' : '';
      return `Too ${big ? 'big' : 'small'}: expected ${details.origin} to ${unit ? 'have' : 'be'} ${
        big ? '<' : '>'
      }${details.inclusive ? '=' : ''}${details.limit}${unit}`;
    }
    case 'invalid_format':
      return details.pattern
        ? `Invalid string: must match pattern ${String(details.pattern)}`
        : `Invalid ${details.format}`;
    case 'unrecognized_keys':
      return `Unrecognized key${details.keys.length > 1 ? 's' : ''}: ${details.keys
        .map(quote)
        .join(', ')}`;
    case 'invalid_union':
      return details.discriminators
        ? `Invalid discriminator value. Expected ${details.discriminators
            .map((value) => `'${String(value)}'`)
            .join(' | ')}`
        : 'Invalid input';
    default:
      return 'Invalid input';
  }
}
