import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { AdminSession, Executor, SqlSession, TransactionOptions } from './executor.js';
import { lockFolder, type FolderLock } from './folder-lock.js';
import type { SqlScriptRunner } from './migrate.js';
import { Mutex } from './mutex.js';

/** A `SqlScriptRunner` over a PGlite database (for migrations and tests). */
export function pgliteScriptRunner(db: PGlite): SqlScriptRunner {
  return {
    async runScript(sql) {
      try {
        await db.exec(sql);
      } catch (error) {
        // A failed script inside `begin` leaves the connection in an aborted transaction.
        await db.exec('rollback').catch(() => undefined);
        throw error;
      }
    },
    async query<Row>(sql: string, params?: unknown[]) {
      const result = await db.query<Row>(sql, params);
      return result.rows;
    },
  };
}

/** Options of {@link createPgliteExecutor}. */
export interface PgliteExecutorOptions {
  /** Folder holding the database files; created when missing. Omit for an in-memory database. */
  dataDir?: string;
}

/**
 * An {@link Executor} over PGlite. PGlite has one connection whose session user is a superuser,
 * so requests are serialized with a mutex, and only `SET ROLE` to an allowed role (checked by
 * the gateway before any SQL runs) keeps row-level security and grants in force.
 */
export async function createPgliteExecutor(options: PgliteExecutorOptions = {}): Promise<Executor> {
  let folderLock: FolderLock | undefined;
  if (options.dataDir) {
    await mkdir(options.dataDir, { recursive: true });
    folderLock = await lockFolder(options.dataDir);
  }
  // The search's trigram and owner-first GIN indexes (20261203000300_search_indexes.sql); the
  // migrations fall back to walking without them.
  const extensions = { pg_trgm, btree_gin };
  const db = options.dataDir
    ? new PGlite(options.dataDir, { extensions })
    : new PGlite({ extensions });
  try {
    await db.waitReady;
  } catch (error) {
    await folderLock?.release();
    throw error;
  }
  const lock = new Mutex();

  // One connection in process: no round trips to save, so deferred statements simply run
  // before the next query, and a final query is an ordinary one.
  const pending: string[] = [];
  const session: SqlSession = {
    defer(sql) {
      pending.push(sql);
    },
    async query<Row>(sql: string, params: readonly (string | null)[] = []) {
      if (pending.length > 0) await db.exec(pending.splice(0).join(';\n'));
      const result = await db.query<Row>(sql, [...params]);
      return result.rows;
    },
  };

  return {
    kind: 'pglite',

    transaction<T>(txOptions: TransactionOptions, work: (s: SqlSession) => Promise<T>): Promise<T> {
      return lock.run(async () => {
        await db.exec(
          `begin isolation level read committed ${txOptions.readOnly ? 'read only' : 'read write'}`,
        );
        pending.length = 0;
        try {
          const result = await work(session);
          await db.exec('commit');
          return result;
        } catch (error) {
          pending.length = 0;
          await db.exec('rollback').catch(() => undefined);
          throw error;
        }
      });
    },

    async onSchemaReload(callback) {
      await lock.run(() =>
        db.listen('pgrst', (payload) => {
          if (payload === 'reload schema' || payload === '') callback();
        }),
      );
    },

    async admin(): Promise<AdminSession> {
      // Setup holds the connection for its whole run; requests wait.
      let release!: () => void;
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      let acquired!: () => void;
      const ready = new Promise<void>((resolve) => {
        acquired = resolve;
      });
      void lock.run(() => {
        acquired();
        return released;
      });
      await ready;
      return {
        ...pgliteScriptRunner(db),
        release: () => {
          release();
          return Promise.resolve();
        },
      };
    },

    async close() {
      await lock.run(() => db.close());
      await folderLock?.release();
    },
  };
}
