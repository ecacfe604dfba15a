import pg from 'pg';
import { connectionError, isPostgresError } from './errors.js';
import type {
  AdminSession,
  Executor,
  QueryOptions,
  SqlSession,
  TransactionOptions,
} from './executor.js';
import { inlineParameters } from './sql-literals.js';
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

async function send<Row>(
  client: pg.PoolClient | pg.Client,
  sql: string,
  params?: readonly (string | null)[],
): Promise<pg.QueryResult<Row & pg.QueryResultRow>[]> {
  try {
    const result = await (params
      ? client.query<Row & pg.QueryResultRow>(sql, [...params])
      : client.query<Row & pg.QueryResultRow>(sql));
    // Several statements in one simple query answer with one result each.
    return Array.isArray(result) ? (result as pg.QueryResult<Row & pg.QueryResultRow>[]) : [result];
  } catch (error) {
    // Anything that is not a server error means the connection itself failed.
    if (error instanceof Error && isPostgresError(error)) throw error;
    throw connectionError(error);
  }
}

/**
 * A request's transaction on one connection, sent in as few round trips as the work allows:
 * `begin` and deferred statements wait for the next query; a `final` query takes them, itself
 * and the `commit` in one simple-protocol message, so a request is one round trip.
 */
class PgTransaction implements SqlSession {
  private readonly pending: string[];
  private begun = false;
  private committed = false;

  constructor(
    private readonly client: pg.PoolClient,
    begin: string,
  ) {
    this.pending = [begin];
  }

  defer(sql: string): void {
    this.pending.push(sql);
  }

  async query<Row>(
    sql: string,
    params: readonly (string | null)[] = [],
    options: QueryOptions = {},
  ): Promise<Row[]> {
    if (this.committed) throw new Error('the transaction was committed by its final query');
    if (options.final) {
      const statements = [...this.pending, inlineParameters(sql, params), 'commit'];
      const at = this.pending.length;
      this.pending.length = 0;
      this.begun = true;
      const results = await send<Row>(this.client, statements.join(';\n'));
      this.committed = true;
      return results[at]?.rows ?? [];
    }
    await this.flush();
    const [result] = await send<Row>(this.client, sql, params);
    return result?.rows ?? [];
  }

  /** Ends the transaction: commits unless a final query already did, or nothing was sent. */
  async commit(): Promise<void> {
    if (this.committed || !this.begun) return;
    await send(this.client, 'commit');
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const statements = this.pending.join(';\n');
    this.pending.length = 0;
    this.begun = true;
    await send(this.client, statements);
  }
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
      const transaction = new PgTransaction(
        client,
        `begin isolation level read committed ${txOptions.readOnly ? 'read only' : 'read write'}`,
      );
      let discard = false;
      try {
        const result = await work(transaction);
        await transaction.commit();
        return result;
      } catch (error) {
        // A failed final query leaves the transaction open and aborted: roll it back.
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
