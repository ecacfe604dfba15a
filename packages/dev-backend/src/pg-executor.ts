import pg from 'pg';
import { connectionError, isPostgresError } from './errors.js';
import type { AdminSession, Executor, SqlSession, TransactionOptions } from './executor.js';
import { pgScriptRunner } from './pg-runner.js';

/** Options of {@link createPgExecutor}. */
export interface PgExecutorOptions {
  /** Any URL of the database (its user is used for setup only; requests log in as authenticator). */
  databaseUrl: string;
  /** Password of the `authenticator` role (default: env AUTHENTICATOR_PASSWORD, else 'authenticator'). */
  authenticatorPassword?: string;
  /** Pool size (default 10). */
  maxConnections?: number;
}

/** The same database URL, logged in as another role. */
export function withCredentials(databaseUrl: string, user: string, password: string): string {
  const url = new URL(databaseUrl);
  url.username = encodeURIComponent(user);
  url.password = encodeURIComponent(password);
  return url.toString();
}

function sessionOf(client: pg.PoolClient | pg.Client): SqlSession {
  return {
    async query<Row>(sql: string, params: readonly (string | null)[] = []) {
      try {
        const result = await client.query(sql, [...params]);
        return result.rows as Row[];
      } catch (error) {
        // Anything that is not a server error means the connection itself failed.
        throw isPostgresError(error) ? error : connectionError(error);
      }
    },
  };
}

/**
 * An {@link Executor} over PostgreSQL: a pool of connections logged in as `authenticator`, the
 * role PostgREST uses, so `SET ROLE` can only reach the roles granted to it.
 */
export function createPgExecutor(options: PgExecutorOptions): Executor {
  const password =
    options.authenticatorPassword ?? process.env.AUTHENTICATOR_PASSWORD ?? 'authenticator';
  const authenticatorUrl = withCredentials(options.databaseUrl, 'authenticator', password);
  const pool = new pg.Pool({
    connectionString: authenticatorUrl,
    max: options.maxConnections ?? 10,
    application_name: 'chat-sessions-dev-backend',
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  let listener: pg.Client | undefined;

  return {
    kind: 'postgres',

    async transaction<T>(
      txOptions: TransactionOptions,
      work: (session: SqlSession) => Promise<T>,
    ): Promise<T> {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw connectionError(error);
      }
      const session = sessionOf(client);
      let discard = false;
      try {
        await session.query(
          `begin isolation level read committed ${txOptions.readOnly ? 'read only' : 'read write'}`,
        );
        const result = await work(session);
        await session.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {
          discard = true;
        });
        throw error;
      } finally {
        client.release(discard);
      }
    },

    async onSchemaReload(callback) {
      if (!listener) {
        listener = new pg.Client({
          connectionString: authenticatorUrl,
          application_name: 'chat-sessions-dev-backend listener',
        });
        listener.on('error', () => undefined);
        await listener.connect();
        await listener.query('listen pgrst');
      }
      listener.on('notification', (message) => {
        if (
          message.channel === 'pgrst' &&
          (message.payload === 'reload schema' || !message.payload)
        )
          callback();
      });
    },

    async admin(): Promise<AdminSession> {
      const client = new pg.Client({ connectionString: options.databaseUrl });
      await client.connect();
      return { ...pgScriptRunner(client), release: () => client.end() };
    },

    async close() {
      await listener?.end().catch(() => undefined);
      await pool.end();
    },
  };
}
