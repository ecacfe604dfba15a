import type { Executor, SqlSession } from './executor.js';
import { ALLOWED_ROLES } from './request-auth.js';

/**
 * What the gateway knows about the database, read from the catalogs once and kept until it is
 * reloaded (on `NOTIFY pgrst, 'reload schema'`, after migrations, or on a call naming a function
 * the cache does not know), as PostgREST keeps its schema cache.
 */

/** One input parameter of a function. */
export interface RoutineParam {
  /** The parameter's name; '' for an unnamed parameter. */
  name: string;
  /** The type as SQL can spell it in a cast (`format_type`), e.g. `text[]`, `chat.session_status`. */
  type: string;
  /** True for array types: a JSON array argument becomes an array literal. */
  isArray: boolean;
  /** True for json and jsonb: the argument is passed as JSON text. */
  isJson: boolean;
  /** True when the parameter has a default, so a call may omit it. */
  hasDefault: boolean;
}

/** A function callable through `/rpc`. */
export interface Routine {
  schema: string;
  name: string;
  params: RoutineParam[];
  /** `i` IMMUTABLE, `s` STABLE, `v` VOLATILE. */
  volatility: 'i' | 's' | 'v';
  /** Set-returning (`returns setof` / `returns table`): answered as a JSON array. */
  returnsSet: boolean;
  /** Returns rows (a composite type, or a record described by OUT/TABLE parameters): objects. */
  returnsRow: boolean;
  /** Returns void: answered 204 with no body. */
  returnsVoid: boolean;
}

/** One setting a role carries (`alter role … set name = value`), applied per request. */
export interface RoleSetting {
  name: string;
  value: string;
}

/** A snapshot of the catalogs. */
export interface SchemaSnapshot {
  /** Functions by `schema.name`, overloads together. */
  routines: Map<string, Routine[]>;
  /** Settings of each allowed role (database-specific ones override global ones). */
  roleSettings: Map<string, RoleSetting[]>;
}

interface RoutineRow {
  schema: string;
  name: string;
  volatility: 'i' | 's' | 'v';
  returns_set: boolean;
  return_type: string;
  return_typtype: string;
  arg_count: number;
  default_count: number;
  arg_names: string[] | null;
  arg_modes: string[] | null;
  arg_types: { type: string; category: string }[];
}

const routinesSql = `
  select coalesce(json_agg(json_build_object(
    'schema', n.nspname,
    'name', p.proname,
    'volatility', p.provolatile,
    'returns_set', p.proretset,
    'return_type', format_type(p.prorettype, null),
    'return_typtype', rt.typtype,
    'arg_count', p.pronargs,
    'default_count', p.pronargdefaults,
    'arg_names', p.proargnames,
    'arg_modes', p.proargmodes,
    'arg_types', (
      select coalesce(json_agg(json_build_object('type', format_type(a.oid, null), 'category', t.typcategory)
                               order by a.ord), '[]'::json)
      from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality as a(oid, ord)
      join pg_type t on t.oid = a.oid
    )
  )), '[]'::json)::text as routines
  from pg_proc p
  join pg_namespace n on n.oid = p.pronamespace
  join pg_type rt on rt.oid = p.prorettype
  where n.nspname = any(string_to_array($1::text, ','))
    and p.prokind = 'f'
`;

// Only settings a role may set for itself (context 'user') or custom dotted ones, minus PostgREST's.
const roleSettingsSql = `
  select coalesce(json_agg(json_build_object('role', r.rolname, 'name', c.name, 'value', c.value,
                                             'db_specific', s.setdatabase <> 0)
                           order by s.setdatabase), '[]'::json)::text as settings
  from pg_db_role_setting s
  join pg_roles r on r.oid = s.setrole
  cross join lateral (
    select split_part(cfg, '=', 1) as name, substr(cfg, strpos(cfg, '=') + 1) as value
    from unnest(s.setconfig) as cfg
  ) c
  where r.rolname = any(string_to_array($1::text, ','))
    and s.setdatabase in (0, (select oid from pg_database where datname = current_database()))
    and (c.name like '%.%' and c.name not like 'pgrst.%'
         or exists (select 1 from pg_settings ps where ps.name = c.name and ps.context = 'user'))
`;

function toRoutine(row: RoutineRow): Routine {
  const names = row.arg_names ?? [];
  const modes = row.arg_modes ?? row.arg_types.map(() => 'i');
  const inputs: Omit<RoutineParam, 'hasDefault'>[] = [];
  let hasOutputs = false;
  row.arg_types.forEach((arg, index) => {
    const mode = modes[index] ?? 'i';
    if (mode === 'o' || mode === 't') {
      hasOutputs = true;
      return;
    }
    if (mode === 'b') hasOutputs = true;
    inputs.push({
      name: names[index] ?? '',
      type: arg.type,
      isArray: arg.category === 'A',
      isJson: arg.type === 'json' || arg.type === 'jsonb',
    });
  });
  // Defaults belong to the last `default_count` input parameters.
  const firstDefault = inputs.length - row.default_count;
  return {
    schema: row.schema,
    name: row.name,
    params: inputs.map((param, index) => ({ ...param, hasDefault: index >= firstDefault })),
    volatility: row.volatility,
    returnsSet: row.returns_set,
    returnsRow: row.return_typtype === 'c' || (row.return_type === 'record' && hasOutputs),
    returnsVoid: row.return_type === 'void',
  };
}

/** Reads the functions of the exposed schemas and the allowed roles' settings. */
export async function loadSchemaSnapshot(
  session: SqlSession,
  exposedSchemas: readonly string[],
): Promise<SchemaSnapshot> {
  const [routineResult] = await session.query<{ routines: string }>(routinesSql, [
    exposedSchemas.join(','),
  ]);
  const [settingsResult] = await session.query<{ settings: string }>(roleSettingsSql, [
    [...ALLOWED_ROLES].join(','),
  ]);
  const routines = new Map<string, Routine[]>();
  for (const row of JSON.parse(routineResult?.routines ?? '[]') as RoutineRow[]) {
    const routine = toRoutine(row);
    const key = `${routine.schema}.${routine.name}`;
    routines.set(key, [...(routines.get(key) ?? []), routine]);
  }
  const roleSettings = new Map<string, RoleSetting[]>();
  const settingRows = JSON.parse(settingsResult?.settings ?? '[]') as {
    role: string;
    name: string;
    value: string;
  }[];
  // Rows come global first, so a database-specific value replaces the global one.
  for (const { role, name, value } of settingRows) {
    const others = (roleSettings.get(role) ?? []).filter((setting) => setting.name !== name);
    roleSettings.set(role, [...others, { name, value }]);
  }
  return { routines, roleSettings };
}

/** The schema cache: a snapshot plus the means to reload it. */
export class SchemaCache {
  private snapshot: SchemaSnapshot | undefined;
  private loading: Promise<SchemaSnapshot> | undefined;

  constructor(
    private readonly executor: Executor,
    private readonly exposedSchemas: readonly string[],
  ) {}

  /** The current snapshot, loading it on first use. */
  async get(): Promise<SchemaSnapshot> {
    return this.snapshot ?? this.reload();
  }

  /** Reads the catalogs again. Concurrent callers share one reload. */
  reload(): Promise<SchemaSnapshot> {
    this.loading ??= this.executor
      .transaction({ readOnly: true }, (session) =>
        loadSchemaSnapshot(session, this.exposedSchemas),
      )
      .then((snapshot) => {
        this.snapshot = snapshot;
        return snapshot;
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }
}
