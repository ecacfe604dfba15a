import { GatewayError } from './errors.js';
import { quoteIdent } from './request-settings.js';
import { arrayLiteral } from './rpc-call.js';

/**
 * PostgREST's query-string grammar for table endpoints (`/rest/v1/<table>?select=…&col=eq.1`),
 * the part this schema's clients use: `select` (columns, `alias:column`, `*`), horizontal
 * filters (`eq neq gt gte lt lte like ilike is in`, `not.` before any of them, `or=(…)` and
 * `and=(…)` groups), `order`, `limit`, `offset`, `columns`, `on_conflict`. Anything else
 * (embedded resources, full-text search, JSON paths) is refused with PGRST100 rather than
 * silently ignored. Values are always bound parameters; names are always quoted identifiers.
 */

/** Query parameters that are not filters. */
const RESERVED = new Set(['select', 'order', 'limit', 'offset', 'columns', 'on_conflict']);

const COMPARISONS: Record<string, string> = {
  eq: '=',
  neq: '<>',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
  like: 'like',
  ilike: 'ilike',
};

/** SQL built from a request: text with `$n` placeholders, and their values. */
export interface SqlParts {
  sql: string;
  params: (string | null)[];
}

/** A parsed table request, ready to be turned into SQL. */
export interface TableQuery {
  /** The select list over the alias `pgrst_t` (or the CTE row), e.g. `pgrst_t."id" as "id"`. */
  projection: string;
  /** `where` conditions over `pgrst_t`, or '' when there is no filter. */
  where: string;
  /** `order by …`, or ''. */
  orderBy: string;
  limit: number | undefined;
  offset: number;
  /** `columns=` of a bulk insert, when given. */
  columns: string[] | undefined;
  /** `on_conflict=` columns of an upsert, when given. */
  onConflict: string[] | undefined;
}

function parseError(message: string, details: string | null = null): GatewayError {
  return new GatewayError(400, { code: 'PGRST100', message, details });
}

const NAME = /^[A-Za-z_][A-Za-z0-9_$]*$/;

/** A column name as written in the query string; refuses paths, casts and embedded resources. */
function columnName(raw: string, what: string): string {
  const name = raw.trim();
  if (!NAME.test(name)) {
    throw parseError(
      `"failed to parse ${what} (${raw})"`,
      'Only plain column names are served here',
    );
  }
  return name;
}

function parseSelect(raw: string | null, alias: string): string {
  if (raw === null || raw.trim() === '' || raw.trim() === '*') return `${alias}.*`;
  return raw
    .split(',')
    .map((item) => {
      if (item.trim() === '*') return `${alias}.*`;
      const [first, second, ...rest] = item.split(':');
      if (rest.length > 0 || (second !== undefined && second.trim() === '')) {
        throw parseError(`"failed to parse select parameter (${raw})"`);
      }
      const column = columnName(second ?? first ?? '', 'select parameter');
      const label = second === undefined ? column : columnName(first ?? '', 'select parameter');
      return `${alias}.${quoteIdent(column)} as ${quoteIdent(label)}`;
    })
    .join(', ');
}

function parseOrder(raw: string | null, alias: string): string {
  if (raw === null || raw.trim() === '') return '';
  const terms = raw.split(',').map((term) => {
    const [column, ...modifiers] = term.split('.');
    let sql = `${alias}.${quoteIdent(columnName(column ?? '', 'order parameter'))}`;
    for (const modifier of modifiers) {
      if (modifier === 'asc' || modifier === 'desc') sql += ` ${modifier}`;
      else if (modifier === 'nullsfirst') sql += ' nulls first';
      else if (modifier === 'nullslast') sql += ' nulls last';
      else throw parseError(`"failed to parse order (${raw})"`);
    }
    return sql;
  });
  return `order by ${terms.join(', ')}`;
}

function parseCount(name: string, raw: string | null): number | undefined {
  if (raw === null) return undefined;
  if (!/^\d+$/.test(raw)) throw parseError(`"failed to parse ${name} parameter (${raw})"`);
  return Number(raw);
}

/** Splits at commas outside parentheses and double quotes. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\\' && quoted) index += 1;
    else if (char === '"') quoted = !quoted;
    else if (!quoted && char === '(') depth += 1;
    else if (!quoted && char === ')') depth -= 1;
    else if (!quoted && depth === 0 && char === ',') {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function unquote(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    return trimmed.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return value;
}

/** Builds conditions, collecting their bound values. */
class FilterBuilder {
  readonly params: (string | null)[] = [];

  constructor(
    private readonly alias: string,
    private readonly firstParam: number,
  ) {}

  private bind(value: string | null): string {
    this.params.push(value);
    return `$${this.firstParam + this.params.length - 1}`;
  }

  /** `column` and `op.value` (`not.eq.1`, `in.(1,2)`, `is.null`, …) → one condition. */
  condition(column: string, operation: string): string {
    const target = `${this.alias}.${quoteIdent(columnName(column, 'filter'))}`;
    const dot = operation.indexOf('.');
    if (dot < 0) throw parseError(`"failed to parse filter (${operation})"`);
    let operator = operation.slice(0, dot);
    let value = operation.slice(dot + 1);
    let negate = false;
    if (operator === 'not') {
      negate = true;
      const next = value.indexOf('.');
      if (next < 0) throw parseError(`"failed to parse filter (${operation})"`);
      operator = value.slice(0, next);
      value = value.slice(next + 1);
    }
    let sql: string;
    const comparison = COMPARISONS[operator];
    if (comparison !== undefined) {
      const bound =
        operator === 'like' || operator === 'ilike' ? value.replaceAll('*', '%') : value;
      sql = `${target} ${comparison} ${this.bind(bound)}`;
    } else if (operator === 'is') {
      const keyword = { null: 'null', true: 'true', false: 'false', unknown: 'unknown' }[value];
      if (keyword === undefined) throw parseError(`"failed to parse filter (${operation})"`);
      sql = `${target} is ${keyword}`;
    } else if (operator === 'in') {
      if (!value.startsWith('(') || !value.endsWith(')')) {
        throw parseError(`"failed to parse filter (${operation})"`);
      }
      const inner = value.slice(1, -1);
      const items = inner === '' ? [] : splitTopLevel(inner).map(unquote);
      sql = `${target} = any(${this.bind(arrayLiteral(items))})`;
    } else {
      throw parseError(
        `"failed to parse filter (${operation})"`,
        `Unsupported operator "${operator}"`,
      );
    }
    return negate ? `not (${sql})` : sql;
  }

  /** `(a.eq.1,b.gt.2,and(c.is.null,d.lt.3))` joined with `and`/`or`. */
  group(joiner: 'and' | 'or', text: string, negate: boolean): string {
    if (!text.startsWith('(') || !text.endsWith(')')) {
      throw parseError(`"failed to parse logic tree (${text})"`);
    }
    const parts = splitTopLevel(text.slice(1, -1)).map((part) => {
      const nested = /^(not\.)?(and|or)(\(.*\))$/s.exec(part);
      if (nested) {
        return this.group(nested[2] as 'and' | 'or', nested[3] ?? '', nested[1] !== undefined);
      }
      const dot = part.indexOf('.');
      if (dot < 0) throw parseError(`"failed to parse logic tree (${text})"`);
      return this.condition(part.slice(0, dot), part.slice(dot + 1));
    });
    const sql = `(${parts.join(` ${joiner} `)})`;
    return negate ? `not ${sql}` : sql;
  }
}

function parseColumnList(raw: string | null, what: string): string[] | undefined {
  if (raw === null) return undefined;
  return raw.split(',').map((name) => columnName(unquote(name), what));
}

/**
 * Parses the query string of a table request. Filter values are bound from `$firstParam` on
 * (a write binds its JSON body as `$1` first).
 */
export function parseTableQuery(
  query: URLSearchParams,
  alias: string,
  firstParam: number,
): TableQuery & { params: (string | null)[] } {
  const filters = new FilterBuilder(alias, firstParam);
  const conditions: string[] = [];
  for (const [key, value] of query) {
    if (RESERVED.has(key)) continue;
    const logic = /^(not\.)?(and|or)$/.exec(key);
    if (logic) {
      conditions.push(filters.group(logic[2] as 'and' | 'or', value, logic[1] !== undefined));
    } else {
      conditions.push(filters.condition(key, value));
    }
  }
  return {
    projection: parseSelect(query.get('select'), alias),
    where: conditions.join(' and '),
    orderBy: parseOrder(query.get('order'), alias),
    limit: parseCount('limit', query.get('limit')),
    offset: parseCount('offset', query.get('offset')) ?? 0,
    columns: parseColumnList(query.get('columns'), 'columns parameter'),
    onConflict: parseColumnList(query.get('on_conflict'), 'on_conflict parameter'),
    params: filters.params,
  };
}
