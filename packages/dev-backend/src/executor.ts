import type { SqlScriptRunner } from './migrate.js';

/**
 * What the HTTP layer needs from a database, implemented over a node-postgres pool
 * (`pg-executor.ts`) and over PGlite (`pglite-executor.ts`), so both serve the same contract.
 */

/** Runs parameterised queries inside one open transaction. Parameters are passed as text. */
export interface SqlSession {
  query<Row>(sql: string, params?: readonly (string | null)[]): Promise<Row[]>;
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
