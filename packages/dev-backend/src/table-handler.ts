import { GatewayError } from './errors.js';
import type { SqlSession } from './executor.js';
import { quoteIdent } from './request-settings.js';
import { parseTableQuery, type TableQuery } from './table-query.js';

/**
 * Table endpoints (`/rest/v1/<table>`) as PostgREST serves them on a Supabase project: GET/HEAD
 * read, POST inserts (upserts with `Prefer: resolution=…`), PATCH updates, DELETE deletes, all
 * inside the request's transaction under the caller's role, so grants, row-level security and
 * triggers decide, as they do in production. The local gateway serves them so that tests
 * exercise every path a deployed project exposes, not only `/rpc`.
 */

/** What the table handler needs from the HTTP request. */
export interface TableRequest {
  method: string;
  schema: string;
  table: string;
  query: URLSearchParams;
  body: string;
  /** `Prefer` tokens, trimmed. */
  prefer: readonly string[];
  /** Accept: application/vnd.pgrst.object+json (`.single()`). */
  single: boolean;
}

/** The answer, before it becomes an HTTP response. */
export interface TableResponse {
  status: number;
  headers: Record<string, string>;
  body?: string;
}

const ALIAS = 'pgrst_t';

/** The table a path names (`sessions` of `/sessions`), or 404 PGRST125 for a malformed path. */
export function tableName(path: string): string {
  const invalid = new GatewayError(404, {
    code: 'PGRST125',
    message: 'Invalid path specified in request URL',
  });
  if (path.includes('/')) throw invalid;
  try {
    return decodeURIComponent(path);
  } catch {
    throw invalid;
  }
}
const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** A table's or view's kind, columns and primary key. */
export interface Relation {
  kind: string;
  columns: string[];
  primaryKey: string[];
}

/**
 * Relations described so far, by `schema.table`, kept until the schema cache reloads (the
 * caller clears it then). Only found relations are kept; a write naming a column the kept one
 * lacks describes it again (the table may have changed), as an unknown function reloads.
 */
export type RelationCache = Map<string, Relation>;

/** The relation's kind, columns and primary key, or 404 PGRST205 as PostgREST answers. */
async function describeRelation(
  session: SqlSession,
  schema: string,
  table: string,
): Promise<Relation> {
  const [row] = await session.query<{
    kind: string;
    columns: string[];
    primary_key: string[] | null;
  }>(
    `select c.relkind::text as kind,
            array(select a.attname::text from pg_attribute a
                  where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped order by a.attnum) as columns,
            array(select a.attname::text from pg_index i
                  join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey)
                  where i.indrelid = c.oid and i.indisprimary) as primary_key
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = $1::text and c.relname = $2::text and c.relkind in ('r', 'p', 'v', 'm', 'f')`,
    [schema, table],
  );
  if (!row) {
    throw new GatewayError(404, {
      code: 'PGRST205',
      message: `Could not find the table '${schema}.${table}' in the schema cache`,
    });
  }
  return { kind: row.kind, columns: row.columns, primaryKey: row.primary_key ?? [] };
}

function parseBody(body: string): unknown {
  try {
    return JSON.parse(body.trim() === '' ? '{}' : body);
  } catch (error) {
    throw new GatewayError(400, {
      code: 'PGRST102',
      message: 'Empty or invalid json',
      details: error instanceof Error ? error.message : null,
    });
  }
}

/** The columns a write names: `columns=`, else the keys of the (first) object, all real ones. */
function writeColumns(
  payload: unknown,
  query: TableQuery,
  relation: Relation,
  request: TableRequest,
): string[] {
  const rows = Array.isArray(payload) ? payload : [payload];
  if (rows.some((row) => typeof row !== 'object' || row === null || Array.isArray(row))) {
    throw new GatewayError(400, {
      code: 'PGRST102',
      message: 'All object keys must match',
      details: 'The body must be a JSON object or an array of objects',
    });
  }
  const objects = rows as Record<string, unknown>[];
  let columns = query.columns;
  if (columns === undefined) {
    columns = Object.keys(objects[0] ?? {});
    const expected = [...columns].sort().join(',');
    if (objects.some((row) => Object.keys(row).sort().join(',') !== expected)) {
      throw new GatewayError(400, { code: 'PGRST102', message: 'All object keys must match' });
    }
  }
  for (const column of columns) {
    if (!relation.columns.includes(column)) {
      throw new GatewayError(400, {
        code: 'PGRST204',
        message: `Could not find the '${column}' column of '${request.table}' in the schema cache`,
      });
    }
  }
  return columns;
}

interface PageRow {
  total: number | null;
  page_count: number;
  body: string;
  first: string | null;
}

/** Wraps a data-changing or reading CTE into one row: the page as JSON and its counts. */
function pageSql(source: string, query: TableQuery, withTotal: boolean, paged: boolean): string {
  const limit = paged && query.limit !== undefined ? `limit ${query.limit}` : '';
  const offset = paged && query.offset > 0 ? `offset ${query.offset}` : '';
  return `with pgrst_source as (${source})
    select ${withTotal ? '(select count(*)::int from pgrst_source)' : 'null::int'} as total,
           count(*)::int as page_count,
           coalesce(json_agg(pgrst_page), '[]'::json)::text as body,
           (json_agg(pgrst_page) -> 0)::text as first
    from (select ${query.projection} from pgrst_source ${ALIAS} ${paged ? query.orderBy : ''} ${limit} ${offset}) pgrst_page`;
}

function requireFilter(method: string, query: TableQuery): void {
  // Supabase loads pg-safeupdate for PostgREST: an UPDATE or DELETE needs a WHERE clause.
  if (query.where === '') {
    const verb = method === 'PATCH' ? 'UPDATE' : 'DELETE';
    throw new GatewayError(400, { code: '21000', message: `${verb} requires a WHERE clause` });
  }
}

/** Builds the statement of a request and its parameters. */
function buildStatement(
  request: TableRequest,
  relation: Relation,
  withTotal: boolean,
): { sql: string; params: (string | null)[]; empty: boolean } {
  const target = `${quoteIdent(request.schema)}.${quoteIdent(request.table)}`;
  const isWrite = request.method === 'POST' || request.method === 'PATCH';
  const query = parseTableQuery(request.query, ALIAS, isWrite ? 2 : 1);
  const where = query.where === '' ? '' : `where ${query.where}`;

  if (request.method === 'GET' || request.method === 'HEAD') {
    const source = `select ${ALIAS}.* from ${target} ${ALIAS} ${where}`;
    return { sql: pageSql(source, query, withTotal, true), params: query.params, empty: false };
  }
  if (request.method === 'DELETE') {
    requireFilter(request.method, query);
    const source = `delete from ${target} as ${ALIAS} ${where} returning ${ALIAS}.*`;
    return { sql: pageSql(source, query, false, false), params: query.params, empty: false };
  }

  const payload = parseBody(request.body);
  const columns = writeColumns(payload, query, relation, request);
  const list = columns.map(quoteIdent).join(', ');
  // The body goes to SQL as written (json_populate_record* decode it as PostgREST does).
  const json = request.body;
  if (request.method === 'PATCH') {
    requireFilter(request.method, query);
    if (Array.isArray(payload)) {
      throw new GatewayError(400, { code: 'PGRST102', message: 'A PATCH body is one JSON object' });
    }
    if (columns.length === 0) return { sql: '', params: [], empty: true };
    const assignments = columns.map((c) => `${quoteIdent(c)} = pgrst_body.${quoteIdent(c)}`);
    const source = `update ${target} as ${ALIAS} set ${assignments.join(', ')}
      from (select * from json_populate_record(null::${target}, $1::json)) pgrst_body
      ${where} returning ${ALIAS}.*`;
    return {
      sql: pageSql(source, query, false, false),
      params: [json, ...query.params],
      empty: false,
    };
  }

  // POST: insert, or upsert with `Prefer: resolution=merge-duplicates | ignore-duplicates`.
  if (query.where !== '') {
    throw new GatewayError(400, { code: 'PGRST100', message: 'Filters are not allowed on insert' });
  }
  if (Array.isArray(payload) && payload.length === 0) return { sql: '', params: [], empty: true };
  if (columns.length === 0) {
    // `{}`: one row of defaults, as PostgREST inserts it.
    if (Array.isArray(payload) && payload.length > 1) {
      throw new GatewayError(400, { code: 'PGRST102', message: 'All object keys must match' });
    }
    const source = `insert into ${target} as ${ALIAS} default values returning ${ALIAS}.*`;
    return { sql: pageSql(source, query, false, false), params: query.params, empty: false };
  }
  let conflict = '';
  const merge = request.prefer.includes('resolution=merge-duplicates');
  const ignore = request.prefer.includes('resolution=ignore-duplicates');
  if (merge || ignore) {
    const keys = query.onConflict ?? relation.primaryKey;
    const updates = columns
      .filter((c) => !keys.includes(c))
      .map((c) => `${quoteIdent(c)} = excluded.${quoteIdent(c)}`);
    conflict =
      `on conflict (${keys.map(quoteIdent).join(', ')}) ` +
      (ignore || updates.length === 0 ? 'do nothing' : `do update set ${updates.join(', ')}`);
  }
  const source = `insert into ${target} as ${ALIAS} (${list})
    select ${list} from json_populate_recordset(null::${target}, $1::json)
    ${conflict} returning ${ALIAS}.*`;
  const rows = Array.isArray(payload) ? json : `[${json}]`;
  return {
    sql: pageSql(source, query, false, false),
    params: [rows, ...query.params],
    empty: false,
  };
}

function contentRange(offset: number, count: number, total: number | null): string {
  const size = total === null ? '*' : String(total);
  return count === 0 ? `*/${size}` : `${offset}-${offset + count - 1}/${size}`;
}

/**
 * Serves one table request inside the open transaction (role and request settings already
 * applied): one round trip when `relations` knows the table. A `single` request that does not hit exactly one row throws 406 PGRST116, which
 * rolls a write back, as PostgREST does.
 */
export async function serveTable(
  session: SqlSession,
  request: TableRequest,
  relations?: RelationCache,
): Promise<TableResponse> {
  if (!['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'].includes(request.method)) {
    throw new GatewayError(405, {
      code: 'PGRST117',
      message: `Unsupported HTTP method: ${request.method}`,
    });
  }
  const withTotal = request.prefer.some((token) => /^count=(exact|planned|estimated)$/.test(token));
  const key = `${request.schema}.${request.table}`;
  const describe = async (): Promise<Relation> => {
    const found = await describeRelation(session, request.schema, request.table);
    relations?.set(key, found);
    return found;
  };
  const known = relations?.get(key);
  let statement: ReturnType<typeof buildStatement>;
  try {
    statement = buildStatement(request, known ?? (await describe()), withTotal);
  } catch (error) {
    if (!known || !(error instanceof GatewayError) || error.body.code !== 'PGRST204') throw error;
    statement = buildStatement(request, await describe(), withTotal);
  }
  const read = request.method === 'GET' || request.method === 'HEAD';
  const offset = read ? Number(request.query.get('offset') ?? 0) : 0;

  let page: PageRow = { total: withTotal ? 0 : null, page_count: 0, body: '[]', first: null };
  if (!statement.empty) {
    // The request's last statement: with the settings and the commit in one message, unless
    // `single` may still have to roll it back (406 below).
    const [row] = await session.query<PageRow>(statement.sql, statement.params, {
      final: !request.single,
    });
    if (!row) throw new Error('the table query returned no row');
    page = row;
  }
  if (request.single && page.page_count !== 1) {
    throw new GatewayError(406, {
      code: 'PGRST116',
      message: 'JSON object requested, multiple (or no) rows returned',
      details: `The result contains ${page.page_count} rows`,
    });
  }

  const body = request.single ? (page.first ?? 'null') : page.body;
  const json = { 'Content-Type': JSON_CONTENT_TYPE };
  if (read) {
    const partial = page.total !== null && offset + page.page_count < page.total;
    return {
      status: partial ? 206 : 200,
      headers: { ...json, 'Content-Range': contentRange(offset, page.page_count, page.total) },
      body,
    };
  }
  const representation = request.prefer.includes('return=representation');
  const range = request.method === 'POST' ? '*/*' : contentRange(0, page.page_count, null);
  const created = request.method === 'POST' ? 201 : 200;
  if (!representation) {
    return { status: request.method === 'POST' ? 201 : 204, headers: { 'Content-Range': range } };
  }
  return {
    status: created,
    headers: { ...json, 'Content-Range': range, 'Preference-Applied': 'return=representation' },
    body,
  };
}
