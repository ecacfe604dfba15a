import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { demoTokens, type DemoTokens } from './demo-tokens.js';
import type { Executor } from './executor.js';
import { createGatewayServer, type CorsOrigins } from './http-server.js';
import { DEFAULT_DEV_JWT_SECRET } from './jwt.js';
import { repositoryRoot } from './migrate.js';
import { createPgExecutor } from './pg-executor.js';
import { createPgliteExecutor } from './pglite-executor.js';
import { createRestHandler } from './rest-handler.js';
import { SchemaCache } from './schema-cache.js';
import { prepareDatabase, type SetupReport } from './setup.js';
import { createStaticMounts, type StaticFileOptions } from './static-files.js';
import { createDemoRoutes } from './demo-routes.js';

/** Options of {@link createDevBackend}. */
export interface DevBackendOptions {
  /** A PostgreSQL URL (its user runs the migrations; requests log in as `authenticator`). Omit for PGlite. */
  databaseUrl?: string;
  /** PGlite's data folder when there is no `databaseUrl` (default `<repo>/.data/pglite`). */
  pgliteDir?: string;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Schemas clients may target with Accept-Profile / Content-Profile; the first is the default. */
  exposedSchemas?: string[];
  /** Searched after the target schema (default `public, extensions`, as Supabase configures PostgREST). */
  extraSearchPath?: string[];
  /**
   * HS256 secret for tokens (default: the public secret of Supabase's local stack, which anyone
   * can sign with: refused when `host` is not a loopback address).
   */
  jwtSecret?: string;
  /**
   * Origins whose pages may call the server from another origin (CORS), or `'*'` for any.
   * Default none: only pages the server serves itself (same-origin) can read its answers.
   */
  corsOrigins?: CorsOrigins;
  /** Largest `/rest/v1` request body in bytes (default 1 MiB; 413 beyond). */
  maxBodyBytes?: number;
  /** Serve dotfiles or `*.map` source maps from the static folders (default neither). */
  staticFiles?: StaticFileOptions;
  /** A folder served at `/` (a demo page). */
  staticDir?: string;
  /** More folders served under URL prefixes, e.g. `{ '/dist/': 'dist' }` (with `staticDir` at `/`). */
  staticMounts?: Record<string, string>;
  /** Apply the auth shim and pending migrations at start (default true). */
  migrate?: boolean;
  /** Load `supabase/seed.sql` once per database (default false). */
  seed?: boolean;
  /** Told each setup step as it starts (the first start on PGlite takes seconds). */
  onProgress?: (step: string) => void;
  /**
   * Mount the development-only demo routes (`/demo-api/session`, `/config`, `/events`,
   * `/operator-reply`, `/reset`; see demo-routes.ts), which demand the demo page's own session
   * and, on a loopback `host`, a loopback `Host` header. Default false. Never for a real
   * deployment: the CLI mounts them only over PGlite on loopback unless `--demo` says otherwise.
   */
  demo?: boolean;
  /** A fetch-style metadata handler mounted at `/metadata/parse` (e.g. createMetadataHandler()). */
  metadataHandler?: (request: Request) => Promise<Response>;
}

/** A running local backend. */
export interface DevBackend {
  /** Base URL to give `createClient` (the API is under `/rest/v1`). */
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  /** An access token for a logged-in user. */
  tokenFor: DemoTokens['tokenFor'];
  /** `postgres` or `pglite`. */
  kind: Executor['kind'];
  /** What the start applied. */
  setup: SetupReport;
  /** Reads the functions and role settings again (as `NOTIFY pgrst, 'reload schema'` does). */
  reloadSchema(): Promise<void>;
  /** Stops the server and closes the database. */
  close(): Promise<void>;
}

/** True for an address only this machine can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopbackAddress(host: string): boolean {
  return /^(localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])$/i.test(host);
}

/** Where `npm start` keeps its embedded database. */
export const defaultPgliteDir = path.join(repositoryRoot, '.data/pglite');

/**
 * Starts the local backend: a PostgREST-compatible RPC gateway over PostgreSQL (`databaseUrl`)
 * or PGlite, plus demo tokens and an optional static file server.
 *
 * @example
 * const backend = await createDevBackend({ databaseUrl: process.env.DATABASE_URL });
 * const supabase = createClient(backend.url, backend.anonKey, {
 *   accessToken: async () => backend.tokenFor(userId),
 * });
 * // … supabase.schema('chat').rpc('list_sessions', { … })
 * await backend.close();
 */
export async function createDevBackend(options: DevBackendOptions = {}): Promise<DevBackend> {
  const exposedSchemas = options.exposedSchemas ?? ['chat'];
  if (exposedSchemas.length === 0)
    throw new Error('createDevBackend: exposedSchemas must name at least one schema');
  const jwtSecret = options.jwtSecret ?? DEFAULT_DEV_JWT_SECRET;
  const host = options.host ?? '127.0.0.1';
  if (jwtSecret === DEFAULT_DEV_JWT_SECRET && !isLoopbackAddress(host)) {
    throw new Error(
      `createDevBackend: refusing to listen on ${host} with the public development JWT secret ` +
        '(anyone can sign a service_role token with it); set jwtSecret (JWT_SECRET)',
    );
  }

  const executor = options.databaseUrl
    ? createPgExecutor({ databaseUrl: options.databaseUrl })
    : await createPgliteExecutor({ dataDir: options.pgliteDir ?? defaultPgliteDir });
  let server: ReturnType<typeof createGatewayServer> | undefined;
  try {
    const setup =
      options.migrate === false
        ? { migrationsApplied: [], seeded: false }
        : await prepareDatabase(executor, {
            seed: options.seed ?? false,
            ...(options.onProgress ? { onProgress: options.onProgress } : {}),
          });
    const schemaCache = new SchemaCache(executor, exposedSchemas);
    await schemaCache.reload();
    await executor.onSchemaReload(() => {
      schemaCache
        .reload()
        .catch((error: unknown) => console.error('[dev-backend] schema reload failed', error));
    });

    const handleRest = createRestHandler({
      executor,
      schemaCache,
      exposedSchemas,
      extraSearchPath: options.extraSearchPath ?? ['public', 'extensions'],
      jwtSecret,
    });
    const tokens = demoTokens(jwtSecret);
    const extra =
      options.demo || options.metadataHandler
        ? createDemoRoutes({
            handleRest,
            executor,
            tokens,
            jwtSecret,
            demo: options.demo ?? false,
            demoHosts: isLoopbackAddress(host) ? 'loopback' : 'any',
            ...(options.metadataHandler ? { metadataHandler: options.metadataHandler } : {}),
          })
        : undefined;
    server = createGatewayServer({
      handleRest,
      ...(options.corsOrigins ? { corsOrigins: options.corsOrigins } : {}),
      ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
      ...(extra ? { handleExtra: extra.handle } : {}),
      ...(options.staticDir || options.staticMounts
        ? {
            serveStatic: createStaticMounts(
              {
                ...(options.staticDir ? { '/': options.staticDir } : {}),
                ...options.staticMounts,
              },
              options.staticFiles,
            ),
          }
        : {}),
    });
    const listening = server;
    await new Promise<void>((resolve, reject) => {
      listening.once('error', reject);
      listening.listen(options.port ?? 0, host, () => resolve());
    });
    const address = listening.address() as AddressInfo;
    const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

    return {
      url: `http://${urlHost}:${address.port}`,
      anonKey: tokens.anonKey,
      serviceRoleKey: tokens.serviceRoleKey,
      tokenFor: tokens.tokenFor,
      kind: executor.kind,
      setup,
      async reloadSchema() {
        await schemaCache.reload();
      },
      async close() {
        await new Promise<void>((resolve) => {
          listening.close(() => resolve());
          listening.closeAllConnections();
        });
        await executor.close();
      },
    };
  } catch (error) {
    server?.close();
    await executor.close().catch(() => undefined);
    throw error;
  }
}

export {
  mintToken,
  signJwt,
  verifyJwt,
  DEFAULT_DEV_JWT_SECRET,
  type JwtClaims,
  type MintTokenOptions,
} from './jwt.js';
export { demoTokens, type DemoTokens } from './demo-tokens.js';
export { GatewayError, httpStatusForSqlState, type ErrorBody } from './errors.js';
export type { Executor, SqlSession, TransactionOptions } from './executor.js';
export { createPgExecutor, type PgExecutorOptions } from './pg-executor.js';
export {
  createPgliteExecutor,
  pgliteScriptRunner,
  type PgliteExecutorOptions,
} from './pglite-executor.js';
export {
  createRestHandler,
  type RestHandlerOptions,
  type RestRequest,
  type RestResponse,
} from './rest-handler.js';
export {
  createStaticFileServer,
  createStaticMounts,
  contentTypeFor,
  type StaticFileOptions,
} from './static-files.js';
export type { CorsOrigins } from './http-server.js';
export { prepareDatabase, type SetupReport } from './setup.js';
export { applyAuthShim, applyMigrations, applySeed, type SqlScriptRunner } from './migrate.js';
export { pgScriptRunner } from './pg-runner.js';
export {
  createDemoRoutes,
  type DemoBroker,
  type DemoRoutes,
  type DemoRoutesOptions,
} from './demo-routes.js';
export { resetDemoData } from './demo-reset.js';
export { DEMO_SESSION_COOKIE } from './demo-session.js';
