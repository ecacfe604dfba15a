import { GatewayError } from './errors.js';
import { sqlLiteral } from './sql-literals.js';
import type { SqlSession } from './executor.js';
import { ALLOWED_ROLES, type RequestIdentity } from './request-auth.js';
import type { RoleSetting } from './schema-cache.js';

/** What a request exposes to SQL through transaction-local settings. */
export interface RequestSettings {
  identity: RequestIdentity;
  /** `request.method`: GET, HEAD or POST. */
  method: string;
  /** `request.path`, as PostgREST sees it (behind the `/rest/v1` prefix), e.g. `/rpc/list_sessions`. */
  path: string;
  /** `request.headers`, names lowercased. */
  headers: Record<string, string | string[] | undefined>;
  /** The schema the request targets, first on the search path. */
  schema: string;
  /** Schemas searched after it (Supabase: public, extensions). */
  extraSearchPath: readonly string[];
  /** The role's own settings (e.g. statement_timeout) from the schema cache. */
  roleSettings: readonly RoleSetting[];
}

export function quoteIdent(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

/**
 * Refuses any role outside the allow-list with the error PostgreSQL would give `authenticator`
 * for it: 401 when the role does not exist, 403 when it exists but may not be used. The check
 * comes before any `SET ROLE`, so PGlite (whose session user is a superuser) never switches to it.
 */
async function refuseRole(session: SqlSession, role: string): Promise<never> {
  const rows = await session.query<{ exists: boolean }>(
    'select exists (select 1 from pg_roles where rolname = $1::text) as exists',
    [role],
  );
  if (rows[0]?.exists) {
    throw new GatewayError(403, {
      code: '42501',
      message: `permission denied to set role "${role}"`,
    });
  }
  throw new GatewayError(
    401,
    { code: '22023', message: `role "${role}" does not exist` },
    { 'WWW-Authenticate': 'Bearer' },
  );
}

/**
 * Makes the open transaction act for the request, as PostgREST does before calling a function:
 * `search_path`, `role` (SET LOCAL ROLE), `request.jwt.claims`, `request.method`, `request.path`,
 * `request.headers`, then the role's own settings, all local to the transaction.
 */
export async function applyRequestSettings(
  session: SqlSession,
  settings: RequestSettings,
): Promise<void> {
  const { role } = settings.identity;
  if (!ALLOWED_ROLES.has(role)) await refuseRole(session, role);

  const searchPath = [settings.schema, ...settings.extraSearchPath].map(quoteIdent).join(', ');
  const pairs: [string, string][] = [
    ['search_path', searchPath],
    ['role', role],
    ['request.jwt.claims', JSON.stringify(settings.identity.claims)],
    ['request.method', settings.method],
    ['request.path', settings.path],
    ['request.headers', JSON.stringify(settings.headers)],
    ...settings.roleSettings.map((setting): [string, string] => [setting.name, setting.value]),
  ];
  // Sent with the call itself (see SqlSession.defer); select-list items are evaluated in order,
  // so the role comes before its settings.
  const calls = pairs.map(
    ([name, value]) => `set_config(${sqlLiteral(name)}::text, ${sqlLiteral(value)}::text, true)`,
  );
  session.defer(`select ${calls.join(', ')}`);
}
