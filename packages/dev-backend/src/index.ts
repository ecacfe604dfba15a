import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { demoTokens, type DemoTokens } from './demo-tokens.js';
import type { Executor } from './executor.js';
import { createGatewayServer } from './http-server.js';
import { DEFAULT_DEV_JWT_SECRET } from './jwt.js';
import { repositoryRoot } from './migrate.js';
import { createPgExecutor } from './pg-executor.js';
import { createPgliteExecutor } from './pglite-executor.js';
import { createRestHandler } from './rest-handler.js';
import { SchemaCache } from './schema-cache.js';
import { prepareDatabase, type SetupReport } from './setup.js';
import { createStaticMounts } from './static-files.js';
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
  /** HS256 secret for tokens (default: the public secret of Supabase's local stack). */
  jwtSecret?: string;
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
   * Mount the development-only demo routes (`/demo-api/config`, `/demo-api/operator-reply`,
   * `/demo-api/reset`; see demo-routes.ts). Default false. Never for a real deployment.
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
            ...(options.metadataHandler ? { metadataHandler: options.metadataHandler } : {}),
          })
        : undefined;
    server = createGatewayServer({
      handleRest,
      ...(extra ? { handleExtra: extra } : {}),
      ...(options.staticDir || options.staticMounts
        ? {
            serveStatic: createStaticMounts({
              ...(options.staticDir ? { '/': options.staticDir } : {}),
              ...options.staticMounts,
            }),
          }
        : {}),
    });
    const listening = server;
    await new Promise<void>((resolve, reject) => {
      listening.once('error', reject);
      listening.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
    const address = listening.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

    return {
      url: `http://${host}:${address.port}`,
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
export { createStaticFileServer, createStaticMounts, contentTypeFor } from './static-files.js';
export { prepareDatabase, type SetupReport } from './setup.js';
export { applyAuthShim, applyMigrations, applySeed, type SqlScriptRunner } from './migrate.js';
export { pgScriptRunner } from './pg-runner.js';
export { createDemoRoutes, type DemoBroker, type DemoRoutesOptions } from './demo-routes.js';
