import type { SqlScriptRunner } from './migrate.js';

/**
 * What the HTTP layer needs from a database, implemented over a node-postgres pool
 * (`pg-executor.ts`) and over PGlite (`pglite-executor.ts`), so both serve the same contract.
 */

/** Runs parameterised queries inside one open transaction. Parameters are passed as text. */
export interface SqlSession {
  query<Row>(
    sql: string,
    params?: readonly (string | null)[],
    options?: QueryOptions,
  ): Promise<Row[]>;
  /**
   * Queues a statement without parameters (the request's `set_config` calls) to reach the
   * database with the next query, in the same round trip.
   */
  defer(sql: string): void;
}

/** How one query is sent. */
export interface QueryOptions {
  /**
   * The transaction's last statement: it goes to the database in one round trip with the
   * opening `begin`, whatever was deferred and the closing `commit` (as PostgREST sends a
   * request's settings and call together), its parameters inlined as quoted literals
   * (`sql-literals.ts`: placeholders inside quoted names and literals are left alone).
   */
  final?: boolean;
}

/** How a request's transaction is opened. */
export interface TransactionOptions {
  /** `READ ONLY`: GET/HEAD requests and STABLE/IMMUTABLE functions. */
  readOnly: boolean;
}

/** A database the gateway can serve requests from. */
export interface Executor {
  /** `postgres` (a pool logged in as `authenticator`) or `pglite` (one embedded connection). */
  readonly kind: 'postgres' | 'pglite';
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws
   * (the error is rethrown). Errors that mean the database is unreachable become PGRST000.
   */
  transaction<T>(
    options: TransactionOptions,
    work: (session: SqlSession) => Promise<T>,
  ): Promise<T>;
  /** Calls `listener` when someone runs `NOTIFY pgrst, 'reload schema'` (as with PostgREST). */
  onSchemaReload(listener: () => void): Promise<void>;
  /** Migration access with full privileges (the superuser URL, or PGlite's own session). */
  admin(): Promise<AdminSession>;
  close(): Promise<void>;
}

/** A privileged script runner for setup (shim, migrations, seed); release it when done. */
export interface AdminSession extends SqlScriptRunner {
  release(): Promise<void>;
}
