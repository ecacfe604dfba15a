import { GatewayError } from './errors.js';
import type { SqlSession } from './executor.js';
import { quoteIdent } from './request-settings.js';
import type { ResolvedCall } from './rpc-resolve.js';
import type { RoutineParam } from './schema-cache.js';

/**
 * Calling a resolved function and shaping its result as PostgREST does: set-returning → JSON
 * array, scalar → the value, composite → object, void → no body.
 */

/** Arguments as they arrived: a JSON object (POST) or query-string values (GET/HEAD). */
export type CallArguments =
  | { kind: 'json'; values: Record<string, unknown>; rawBody: string }
  | { kind: 'query'; values: Record<string, string> };

/** Paging of a set-returning result (`limit` / `offset` query parameters). */
export interface Paging {
  limit?: number;
  offset: number;
}

/** The outcome of a call, ready to be written as an HTTP response. */
export type CallResult =
  | { kind: 'void' }
  | {
      kind: 'json';
      /** The response body (JSON text). */
      body: string;
      /**
       * Rows in this response, and rows in the whole result (for `Content-Range`; counted
       * only when asked, else 0).
       */
      pageCount: number;
      total: number;
      offset: number;
    };

/** A PostgreSQL array literal (`{"a","b"}`) for a JSON array, nested arrays included. */
export function arrayLiteral(values: readonly unknown[]): string {
  const elements = values.map((value) => {
    if (value === null || value === undefined) return 'NULL';
    if (Array.isArray(value)) return arrayLiteral(value);
    const text = scalarText(value);
    return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  });
  return `{${elements.join(',')}}`;
}

/** The text a JSON argument is passed as; SQL then casts it to the parameter's type. */
function argumentText(param: RoutineParam, value: unknown): string | null {
  if (param.isJson) return JSON.stringify(value ?? null);
  if (value === null || value === undefined) return null;
  if (param.isArray && Array.isArray(value)) return arrayLiteral(value);
  return scalarText(value);
}

/** A JSON value as text: strings as they are, numbers and booleans printed, objects as JSON. */
function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function buildCall(
  resolved: ResolvedCall,
  args: CallArguments,
): { sql: string; params: (string | null)[] } {
  const { routine } = resolved;
  const target = `${quoteIdent(routine.schema)}.${quoteIdent(routine.name)}`;
  if (resolved.wholeBody) {
    const [param] = routine.params;
    const body = args.kind === 'json' ? args.rawBody : JSON.stringify(args.values);
    return { sql: `${target}($1::text::${param?.type ?? 'jsonb'})`, params: [body] };
  }
  const params: (string | null)[] = [];
  const named: string[] = [];
  for (const param of routine.params) {
    if (!Object.hasOwn(args.values, param.name)) continue; // omitted: the parameter's default applies
    const value = args.values[param.name];
    params.push(args.kind === 'json' ? argumentText(param, value) : (value as string));
    named.push(`${quoteIdent(param.name)} := $${params.length}::text::${param.type}`);
  }
  return { sql: `${target}(${named.join(', ')})`, params };
}

interface SetRow {
  total?: number;
  page_count: number;
  body?: string;
  first?: string | null;
}

/**
 * Calls the function inside the request's transaction. With `single` (Accept:
 * application/vnd.pgrst.object+json) a set must hold exactly one row, else 406 PGRST116.
 * `count` (Prefer: count=…) also counts the whole set, beyond the page.
 *
 * PostgreSQL writes the response body: one JSON text column, passed through as it is. A scalar
 * or composite result is one row (`to_json` of the value); only a set is aggregated, and only
 * a counted set is materialised to count it.
 */
export async function callRoutine(
  session: SqlSession,
  resolved: ResolvedCall,
  args: CallArguments,
  paging: Paging,
  single: boolean,
  count = false,
): Promise<CallResult> {
  const { routine } = resolved;
  const call = buildCall(resolved, args);
  if (routine.returnsVoid) {
    await session.query(`select ${call.sql}`, call.params, { final: true });
    return { kind: 'void' };
  }
  const source = routine.returnsRow
    ? `select _pgrst_call as v from ${call.sql} as _pgrst_call`
    : `select _pgrst_call.v from ${call.sql} as _pgrst_call(v)`;
  if (!routine.returnsSet) {
    // One row whatever the value: a scalar called in the select list (no function scan), a
    // composite in FROM, so a null one is an object of nulls, as PostgREST answers it.
    const [row] = await session.query<{ body: string | null }>(
      routine.returnsRow
        ? `select to_json(_pgrst_call)::text as body from ${call.sql} as _pgrst_call`
        : `select to_json(${call.sql})::text as body`,
      call.params,
      { final: true },
    );
    return { kind: 'json', body: row?.body ?? 'null', pageCount: 1, total: 1, offset: 0 };
  }
  const limit = paging.limit !== undefined ? String(paging.limit) : 'all';
  const { offset } = paging;
  const page = `(select v from ${count ? '_pgrst_rows' : `(${source}) as _pgrst_all`} limit ${limit} offset ${offset}) as _pgrst_page_rows`;
  const shaped = single
    ? `(json_agg(_pgrst_page_rows.v) -> 0)::text as first`
    : `coalesce(json_agg(_pgrst_page_rows.v), '[]'::json)::text as body`;
  const select = `select count(*)::int as page_count, ${shaped}${count ? ', (select count(*)::int from _pgrst_rows) as total' : ''} from ${page}`;
  const [row] = await session.query<SetRow>(
    count ? `with _pgrst_rows as materialized (${source}) ${select}` : select,
    call.params,
    // With `single`, a count other than one rolls the call back (406 below): commit separately.
    { final: !single },
  );
  if (!row) throw new Error('the result query returned no row');
  const total = row.total ?? 0;
  if (single) {
    if (row.page_count !== 1) {
      throw new GatewayError(406, {
        code: 'PGRST116',
        message: 'Cannot coerce the result to a single JSON object',
        details: `The result contains ${row.page_count} rows`,
      });
    }
    return { kind: 'json', body: row.first ?? 'null', pageCount: 1, total, offset };
  }
  return { kind: 'json', body: row.body ?? '[]', pageCount: row.page_count, total, offset };
}
