import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * How the SDK parses: with `zod/mini` (a third of classic zod's size in a browser bundle), whose
 * schemas ship without messages. Classic zod installs its English messages when imported; this
 * gives the SDK's parses the same English messages ("Too big: expected number to be <=200"), so
 * `validation` and `bad_response` errors read as they always have, without touching zod's global
 * configuration: a host that configured a locale or an error map (`z.config(...)`) gets its own.
 */
let english: z.core.$ZodErrorMap | undefined;

function messageOf(issue: z.core.$ZodRawIssue): string | undefined {
  const config = z.config();
  if (config.customError || config.localeError) return undefined;
  english ??= en().localeError;
  const message = english(issue);
  return typeof message === 'string' ? message : message?.message;
}

/** Parses `input` with `schema` (classic or mini), with zod's English messages. */
export function safeParse<Schema extends z.core.$ZodType>(
  schema: Schema,
  input: unknown,
): z.core.util.SafeParseResult<z.output<Schema>> {
  return z.safeParse(schema, input, { error: messageOf });
}

/** Parses `input` with `schema`, throwing zod's error (with English messages) when it fails. */
export function parse<Schema extends z.core.$ZodType>(
  schema: Schema,
  input: unknown,
): z.output<Schema> {
  return z.parse(schema, input, { error: messageOf });
}
