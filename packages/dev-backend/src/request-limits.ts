import { GatewayError } from './errors.js';

/**
 * Limits on what one request may carry, checked before any parsing or database work so that a
 * hostile request costs the gateway little and always ends in a 4xx. PostgREST leans on its
 * reverse proxy and on PostgreSQL for these; the local gateway has neither in front of it.
 */

/** Default cap on an RPC body (bytes), enforced while the body streams in. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** JSON nested deeper than this is refused: PostgreSQL's jsonb parser and V8 both have stack limits. */
export const MAX_JSON_DEPTH = 64;

/** PostgreSQL truncates identifiers at 63 bytes: a longer argument name can never be a parameter. */
export const MAX_ARGUMENT_NAME_LENGTH = 63;

/** Argument names echoed in an error message at most (the rest are counted, not repeated). */
export const MAX_ECHOED_ARGUMENT_NAMES = 20;

/**
 * True when `text` nests arrays/objects deeper than `limit`. A linear scan that skips strings,
 * so it is safe to run on any input before `JSON.parse` (which would otherwise recurse on it).
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c /* \ */) index += 1;
      else if (code === 0x22 /* " */) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b /* [ */ || code === 0x7b /* { */) {
      depth += 1;
      if (depth > limit) return true;
    } else if (code === 0x5d /* ] */ || code === 0x7d /* } */) {
      depth -= 1;
    }
  }
  return false;
}

/** 400 PGRST102 for a JSON text nested deeper than {@link MAX_JSON_DEPTH}. */
export function refuseDeepJson(text: string, where: string): void {
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    throw new GatewayError(400, {
      code: 'PGRST102',
      message: `The ${where} is nested deeper than ${MAX_JSON_DEPTH} levels`,
    });
  }
}

/** A name as it may appear in an error message: never longer than a PostgreSQL identifier. */
export function echoedName(name: string): string {
  return name.length <= MAX_ARGUMENT_NAME_LENGTH
    ? name
    : `${name.slice(0, MAX_ARGUMENT_NAME_LENGTH)}…`;
}

/**
 * True when the names can't all be parameters of any function (too long, or too many to list):
 * the gateway then skips the "Perhaps you meant" search, whose cost grows with the input.
 */
export function namesAreOversized(names: readonly string[], functionName: string): boolean {
  return (
    functionName.length > MAX_ARGUMENT_NAME_LENGTH ||
    names.length > MAX_ECHOED_ARGUMENT_NAMES ||
    names.some((name) => name.length > MAX_ARGUMENT_NAME_LENGTH)
  );
}
