import { GatewayError, gatewayErrorFromPostgres, isPostgresError } from './errors.js';
import type { Executor } from './executor.js';
import { createJwtVerifier } from './jwt.js';
import { identify, type RequestIdentity } from './request-auth.js';
import { echoedName, refuseDeepJson } from './request-limits.js';
import { applyRequestSettings } from './request-settings.js';
import { callRoutine, type CallArguments, type CallResult, type Paging } from './rpc-call.js';
import { resolveRoutine, type ResolvedCall } from './rpc-resolve.js';
import type { SchemaCache } from './schema-cache.js';
import { serveTable, tableName, type RelationCache } from './table-handler.js';

/**
 * The `/rest/v1` part of the gateway: PostgREST's RPC contract, independent of node:http so the
 * same handler serves both executors.
 */

/** An HTTP request below `/rest/v1`. */
export interface RestRequest {
  method: string;
  /** The path below `/rest/v1`, e.g. `/rpc/list_sessions`. */
  path: string;
  query: URLSearchParams;
  /** Header names lowercased (as node:http gives them). */
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** What to answer. HEAD responses carry the headers of the GET but never a body. */
export interface RestResponse {
  status: number;
  headers: Record<string, string>;
  body?: string;
}

/** Configuration shared by every request. */
export interface RestHandlerOptions {
  executor: Executor;
  schemaCache: SchemaCache;
  /** The schemas clients may name in Accept-Profile / Content-Profile; the first is the default. */
  exposedSchemas: readonly string[];
  /** Searched after the target schema, as Supabase configures PostgREST (public, extensions). */
  extraSearchPath: readonly string[];
  jwtSecret: string;
}

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
/** Query parameters PostgREST reserves for itself: never function arguments. */
const RESERVED_QUERY_PARAMETERS = new Set([
  'select',
  'order',
  'limit',
  'offset',
  'columns',
  'on_conflict',
]);

function header(headers: RestRequest['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Answers an error with PostgREST's body and headers. */
export function errorResponse(error: GatewayError): RestResponse {
  return {
    status: error.status,
    headers: { 'Content-Type': JSON_CONTENT_TYPE, ...error.headers },
    body: JSON.stringify(error.body),
  };
}

function chooseSchema(request: RestRequest, exposedSchemas: readonly string[]): string {
  const profileHeader =
    request.method === 'GET' || request.method === 'HEAD' ? 'accept-profile' : 'content-profile';
  const profile = header(request.headers, profileHeader);
  if (profile === undefined || profile === '') return exposedSchemas[0] ?? 'public';
  if (!exposedSchemas.includes(profile)) {
    throw new GatewayError(406, {
      code: 'PGRST106',
      message: `Invalid schema: ${profile}`,
      hint: `Only the following schemas are exposed: ${exposedSchemas.join(', ')}`,
    });
  }
  return profile;
}

function parseArguments(request: RestRequest): CallArguments {
  if (request.method === 'POST') {
    const raw = request.body.trim() === '' ? '{}' : request.body;
    refuseDeepJson(raw, 'request body');
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      throw new GatewayError(400, {
        code: 'PGRST102',
        message: 'Empty or invalid json',
        details: error instanceof Error ? error.message : null,
      });
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new GatewayError(400, {
        code: 'PGRST102',
        message: 'The body of an RPC call must be a JSON object',
      });
    }
    return { kind: 'json', values: parsed as Record<string, unknown>, rawBody: raw };
  }
  const values: Record<string, string> = {};
  for (const [name, value] of request.query) {
    if (RESERVED_QUERY_PARAMETERS.has(name) || Object.hasOwn(values, name)) continue;
    // A value may be cast to json/jsonb: PostgreSQL's parser must never meet a deep one.
    refuseDeepJson(value, `argument ${echoedName(name)}`);
    values[name] = value;
  }
  return { kind: 'query', values };
}

function parsePaging(query: URLSearchParams): Paging {
  const parse = (name: string): number | undefined => {
    const raw = query.get(name);
    if (raw === null) return undefined;
    if (!/^\d+$/.test(raw)) {
      throw new GatewayError(400, {
        code: 'PGRST100',
        message: `"failed to parse ${name} parameter (${raw})"`,
      });
    }
    return Number(raw);
  };
  const limit = parse('limit');
  return { ...(limit === undefined ? {} : { limit }), offset: parse('offset') ?? 0 };
}

/** The `Prefer` tokens the gateway reads; unknown ones are tolerated, as PostgREST does by default. */
interface Preferences {
  /** `count=exact` (planned and estimated are answered exactly too). */
  count: boolean;
  /** `return=minimal`: no body. supabase-js sends it for `rpc(fn, objectArgs, { head: true })`. */
  minimal: boolean;
}

function readPreferences(request: RestRequest): Preferences {
  const tokens = (header(request.headers, 'prefer') ?? '').split(',').map((token) => token.trim());
  return {
    count: tokens.some((token) => /^count=(exact|planned|estimated)$/.test(token)),
    minimal: tokens.includes('return=minimal'),
  };
}

function contentRange(result: Extract<CallResult, { kind: 'json' }>, withCount: boolean): string {
  const total = withCount ? String(result.total) : '*';
  if (result.pageCount === 0) return `*/${total}`;
  return `${result.offset}-${result.offset + result.pageCount - 1}/${total}`;
}

function rpcName(path: string): string | undefined {
  if (!path.startsWith('/rpc/')) return undefined;
  const name = path.slice('/rpc/'.length);
  if (name === '' || name.includes('/')) {
    throw new GatewayError(404, {
      code: 'PGRST125',
      message: 'Invalid path specified in request URL',
    });
  }
  try {
    return decodeURIComponent(name);
  } catch {
    // A malformed escape (`%zz`, a lone `%`) names no function.
    throw new GatewayError(404, {
      code: 'PGRST125',
      message: 'Invalid path specified in request URL',
    });
  }
}

/** Creates the handler of every request below `/rest/v1`. */
export function createRestHandler(
  options: RestHandlerOptions,
): (request: RestRequest) => Promise<RestResponse> {
  const { executor, schemaCache, exposedSchemas, extraSearchPath } = options;
  const verifyToken = createJwtVerifier(options.jwtSecret);
  // Tables described so far, for the schema snapshot they were described under.
  const relations: RelationCache = new Map();
  let relationsOf: unknown;

  async function resolve(schema: string, name: string, args: CallArguments): Promise<ResolvedCall> {
    const names = new Set(Object.keys(args.values));
    const isJsonPost = args.kind === 'json';
    try {
      return resolveRoutine(await schemaCache.get(), schema, name, names, isJsonPost);
    } catch (error) {
      // A function created since the last load (a dev backend's schema changes often): look again once.
      if (!(error instanceof GatewayError) || error.body.code !== 'PGRST202') throw error;
      return resolveRoutine(await schemaCache.reload(), schema, name, names, isJsonPost);
    }
  }

  async function handleRpc(
    request: RestRequest,
    name: string,
    schema: string,
    identity: RequestIdentity,
  ): Promise<RestResponse> {
    if (!['GET', 'HEAD', 'POST'].includes(request.method)) {
      throw new GatewayError(405, {
        code: 'PGRST101',
        message: `Cannot use the ${request.method} method on RPC`,
      });
    }
    const args = parseArguments(request);
    const paging = parsePaging(request.query);
    const resolved = await resolve(schema, name, args);
    const readOnly = request.method !== 'POST' || resolved.routine.volatility !== 'v';
    const single = (header(request.headers, 'accept') ?? '').includes(
      'application/vnd.pgrst.object+json',
    );
    const snapshot = await schemaCache.get();
    const preferences = readPreferences(request);

    let result: CallResult;
    try {
      result = await executor.transaction({ readOnly }, async (session) => {
        await applyRequestSettings(session, {
          identity,
          method: request.method,
          path: request.path,
          headers: request.headers,
          schema,
          extraSearchPath,
          roleSettings: snapshot.roleSettings.get(identity.role) ?? [],
        });
        return callRoutine(session, resolved, args, paging, single, preferences.count);
      });
    } catch (error) {
      if (isPostgresError(error)) throw gatewayErrorFromPostgres(error, identity.role === 'anon');
      throw error;
    }

    if (result.kind === 'void') return { status: 204, headers: {} };
    const range = contentRange(result, preferences.count);
    if (request.method === 'POST' && preferences.minimal) {
      return {
        status: 204,
        headers: { 'Content-Range': range, 'Preference-Applied': 'return=minimal' },
      };
    }
    return {
      status: 200,
      headers: { 'Content-Type': JSON_CONTENT_TYPE, 'Content-Range': range },
      body: result.body,
    };
  }

  // Table endpoints (PostgREST serves them on Supabase too): see table-handler.ts.
  async function handleTable(
    request: RestRequest,
    table: string,
    schema: string,
    identity: RequestIdentity,
  ): Promise<RestResponse> {
    const snapshot = await schemaCache.get();
    if (relationsOf !== snapshot) {
      relations.clear();
      relationsOf = snapshot;
    }
    const readOnly = request.method === 'GET' || request.method === 'HEAD';
    try {
      return await executor.transaction({ readOnly }, async (session) => {
        await applyRequestSettings(session, {
          identity,
          method: request.method,
          path: request.path,
          headers: request.headers,
          schema,
          extraSearchPath,
          roleSettings: snapshot.roleSettings.get(identity.role) ?? [],
        });
        return serveTable(
          session,
          {
            method: request.method,
            schema,
            table,
            query: request.query,
            body: request.body,
            prefer: (header(request.headers, 'prefer') ?? '').split(',').map((t) => t.trim()),
            single: (header(request.headers, 'accept') ?? '').includes(
              'application/vnd.pgrst.object+json',
            ),
          },
          relations,
        );
      });
    } catch (error) {
      if (isPostgresError(error)) throw gatewayErrorFromPostgres(error, identity.role === 'anon');
      throw error;
    }
  }

  return async function handleRest(request: RestRequest): Promise<RestResponse> {
    try {
      const identity = await identify(request.headers, verifyToken);
      const schema = chooseSchema(request, exposedSchemas);
      const name = rpcName(request.path);
      if (name !== undefined) return await handleRpc(request, name, schema, identity);
      const table = request.path.replace(/^\/+|\/+$/g, '');
      if (table === '') {
        throw new GatewayError(404, {
          code: 'PGRST126',
          message: 'Root endpoint metadata is disabled',
        });
      }
      return await handleTable(request, tableName(table), schema, identity);
    } catch (error) {
      if (error instanceof GatewayError) return errorResponse(error);
      console.error('[dev-backend] unexpected error', error);
      return errorResponse(
        new GatewayError(500, {
          code: 'PGRSTX00',
          message: error instanceof Error ? error.message : String(error),
        }),
      );
    }
  };
}
