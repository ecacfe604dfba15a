import { GatewayError } from './errors.js';
import { echoedName, MAX_ECHOED_ARGUMENT_NAMES, namesAreOversized } from './request-limits.js';
import type { Routine, SchemaSnapshot } from './schema-cache.js';

/**
 * Choosing the function a request calls, by name and by the set of argument names, as PostgREST
 * does: every given argument must be a parameter, every parameter without a default must be
 * given; a POSTed JSON body may instead go whole to a single unnamed json/jsonb parameter.
 */

/** The function a request resolved to, and how its arguments are passed. */
export interface ResolvedCall {
  routine: Routine;
  /** True when the whole body goes to the function's single unnamed json/jsonb parameter. */
  wholeBody: boolean;
}

function acceptsNamedArguments(routine: Routine, argumentNames: ReadonlySet<string>): boolean {
  const names = new Set(routine.params.map((param) => param.name));
  for (const name of argumentNames) if (!names.has(name)) return false;
  return routine.params.every((param) => param.hasDefault || argumentNames.has(param.name));
}

function takesWholeBody(routine: Routine): boolean {
  const [only] = routine.params;
  return routine.params.length === 1 && only !== undefined && only.name === '' && only.isJson;
}

/** Resolves a call or throws PGRST202 (no such function) / PGRST203 (ambiguous overloads). */
export function resolveRoutine(
  snapshot: SchemaSnapshot,
  schema: string,
  name: string,
  argumentNames: ReadonlySet<string>,
  isJsonPost: boolean,
): ResolvedCall {
  const overloads = snapshot.routines.get(`${schema}.${name}`) ?? [];
  const matches = overloads.filter((routine) => acceptsNamedArguments(routine, argumentNames));
  if (matches.length === 1 && matches[0]) return { routine: matches[0], wholeBody: false };
  if (matches.length > 1) throw ambiguous(matches);
  if (isJsonPost) {
    const bodyTaker = overloads.find(takesWholeBody);
    if (bodyTaker) return { routine: bodyTaker, wholeBody: true };
  }
  throw notFound(snapshot, schema, name, argumentNames, isJsonPost, overloads);
}

function ambiguous(matches: Routine[]): GatewayError {
  const signatures = matches.map(
    (routine) =>
      `${routine.schema}.${routine.name}(${routine.params.map((param) => `${param.name} => ${param.type}`).join(', ')})`,
  );
  return new GatewayError(300, {
    code: 'PGRST203',
    message: `Could not choose the best candidate function between: ${signatures.join(', ')}`,
    hint: 'Try renaming the parameters or the function itself in the database so function overloading can be resolved',
  });
}

function notFound(
  snapshot: SchemaSnapshot,
  schema: string,
  name: string,
  argumentNames: ReadonlySet<string>,
  isJsonPost: boolean,
  overloads: Routine[],
): GatewayError {
  const keys = [...argumentNames].sort();
  const oversized = namesAreOversized(keys, name);
  // Names are echoed cut to an identifier's length and at most a score of them, so an error
  // is never larger than a page however large the request was.
  const shown = keys.slice(0, MAX_ECHOED_ARGUMENT_NAMES).map(echoedName);
  if (keys.length > shown.length) shown.push(`… ${keys.length - shown.length} more`);
  const qualified = `${schema}.${echoedName(name)}`;
  const withParams =
    keys.length === 0
      ? ' without parameters'
      : ` with parameter${keys.length > 1 ? 's' : ''} ${shown.join(', ')}`;
  return new GatewayError(404, {
    code: 'PGRST202',
    message: `Could not find the function ${qualified}${keys.length === 0 ? ' without parameters' : `(${shown.join(', ')})`} in the schema cache`,
    details: `Searched for the function ${qualified}${withParams}${
      isJsonPost ? ' or with a single unnamed json/jsonb parameter' : ''
    }, but no matches were found in the schema cache.`,
    // The similarity search costs (input × candidates): only for input a human could have typed.
    hint: oversized ? null : suggestion(snapshot, schema, name, keys, overloads),
  });
}

/** "Perhaps you meant …": the closest function name, or the closest parameter list of an overload. */
function suggestion(
  snapshot: SchemaSnapshot,
  schema: string,
  name: string,
  keys: string[],
  overloads: Routine[],
): string | null {
  const prefix = `Perhaps you meant to call the function ${schema}.`;
  if (overloads.length > 0) {
    const wanted = `(${keys.join(', ')})`;
    const lists = overloads.map(
      (routine) =>
        `(${routine.params
          .map((param) => param.name)
          .sort()
          .join(', ')})`,
    );
    const best = closest(wanted, lists, 0.33);
    return best === undefined ? null : `${prefix}${name}${best}`;
  }
  const names = [...snapshot.routines.values()]
    .flat()
    .filter((routine) => routine.schema === schema)
    .map((routine) => routine.name);
  const best = closest(name, names, 0.75);
  return best === undefined ? null : `${prefix}${best}`;
}

function closest(
  target: string,
  candidates: string[],
  minimumSimilarity: number,
): string | undefined {
  let best: string | undefined;
  let bestScore = minimumSimilarity;
  for (const candidate of new Set(candidates)) {
    const score = similarity(target, candidate);
    if (score >= bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** 1 − normalised Levenshtein distance. */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j] ?? 0;
      const left = previous[j - 1] ?? 0;
      previous[j] = Math.min(above + 1, left + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return 1 - (previous[b.length] ?? 0) / Math.max(a.length, b.length);
}
