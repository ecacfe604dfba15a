import { randomBytes, randomUUID } from 'node:crypto';
import {
  createClient,
  type SupabaseClient,
  type WebSocketLikeConstructor,
} from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket from 'ws';
import { createDevBackend, type DevBackend } from '../../../dev-backend/src/index.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/db.js';
import {
  createChatSessions,
  type ChatSessionsClient,
  type ChatSessionsOptions,
} from '../../src/index.js';

/**
 * The world an SDK test runs in: a private copy of the migrated database, the local gateway
 * over it, and real supabase-js clients signed in as demo brokers. Superuser access is for
 * setup (creating users) and for assertions that must see past row-level security.
 */
export interface SdkWorld {
  backend: DevBackend;
  database: TestDatabase;
  /** Superuser queries: setup and assertions only, never the code under test. */
  adminQuery<Row extends Record<string, unknown> = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
  ): Promise<Row[]>;
  /** A new broker (a row in auth.users) with a signed-in supabase-js client and SDK client. */
  createBroker(options?: BrokerOptions): Promise<Broker>;
  /** A supabase-js client with the service-role key (server side only). */
  serviceSupabase(fetchImpl?: typeof fetch): SupabaseClient;
  /** A supabase-js client with only the anon key (nobody signed in). */
  anonSupabase(): SupabaseClient;
  /** A supabase-js client sending `token` as the user's access token. */
  userSupabase(token: string, fetchImpl?: typeof fetch): SupabaseClient;
  close(): Promise<void>;
}

/** Options of {@link SdkWorld.createBroker}. */
export interface BrokerOptions {
  email?: string;
  /** A fetch to put between supabase-js and the gateway (fault injection). */
  fetch?: typeof fetch;
  /** Options for the SDK client besides `supabase`. */
  sdk?: Omit<ChatSessionsOptions, 'supabase'>;
}

/** A signed-in broker. */
export interface Broker {
  userId: string;
  email: string;
  token: string;
  supabase: SupabaseClient;
  chat: ChatSessionsClient;
  /** Another supabase-js + SDK client for the same broker (a second device), optionally with its own fetch. */
  device(options?: Omit<BrokerOptions, 'email'>): {
    supabase: SupabaseClient;
    chat: ChatSessionsClient;
  };
}

/** Retries that keep tests fast: 4 attempts, tiny delays. */
export const FAST_RETRY = { attempts: 4, baseDelayMs: 5, maxDelayMs: 20 } as const;

function supabaseClient(
  url: string,
  key: string,
  accessToken: string | undefined,
  fetchImpl?: typeof fetch,
): SupabaseClient {
  return createClient(url, key, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as unknown as WebSocketLikeConstructor },
    ...(fetchImpl ? { global: { fetch: fetchImpl } } : {}),
    ...(accessToken === undefined ? {} : { accessToken: async () => accessToken }),
  });
}

/** Starts a world; call `close()` in `after`. */
export async function startWorld(prefix = 'sdk'): Promise<SdkWorld> {
  const database = await createTestDatabase(prefix);
  const admin = new pg.Client({ connectionString: database.adminUrl });
  await admin.connect();
  let backend: DevBackend;
  try {
    backend = await createDevBackend({
      databaseUrl: database.adminUrl,
      exposedSchemas: ['chat'],
      jwtSecret: randomBytes(32).toString('hex'),
      // The harness applied the shim and migrations to the template this database clones.
      migrate: false,
    });
  } catch (error) {
    await admin.end();
    await database.drop();
    throw error;
  }
  const world: SdkWorld = {
    backend,
    database,
    async adminQuery(sql, params) {
      return (await admin.query(sql, params)).rows;
    },
    async createBroker(options = {}) {
      const userId = randomUUID();
      const email = options.email ?? `broker-${userId.slice(0, 8)}@example.test`;
      await admin.query('insert into auth.users (id, email) values ($1, $2)', [userId, email]);
      const token = backend.tokenFor(userId, email);
      const device = (deviceOptions: Omit<BrokerOptions, 'email'> = {}) => {
        const supabase = supabaseClient(backend.url, backend.anonKey, token, deviceOptions.fetch);
        return {
          supabase,
          chat: createChatSessions({ retry: FAST_RETRY, ...deviceOptions.sdk, supabase }),
        };
      };
      const first = device(options);
      return { userId, email, token, ...first, device };
    },
    serviceSupabase(fetchImpl) {
      return supabaseClient(backend.url, backend.serviceRoleKey, undefined, fetchImpl);
    },
    anonSupabase() {
      return supabaseClient(backend.url, backend.anonKey, undefined);
    },
    userSupabase(token, fetchImpl) {
      return supabaseClient(backend.url, backend.anonKey, token, fetchImpl);
    },
    async close() {
      await backend.close();
      await admin.end();
      await database.drop();
    },
  };
  return world;
}
