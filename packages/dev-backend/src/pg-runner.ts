import pg from 'pg';
import type { SqlScriptRunner } from './migrate.js';

/** A `SqlScriptRunner` over one node-postgres client. */
export function pgScriptRunner(client: pg.ClientBase): SqlScriptRunner {
  return {
    async runScript(sql) {
      try {
        await client.query(sql);
      } catch (error) {
        // A failed script inside `begin` leaves the connection in an aborted transaction.
        await client.query('rollback').catch(() => undefined);
        throw error;
      }
    },
    async query<Row>(sql: string, params?: unknown[]) {
      const result = await client.query(sql, params);
      return result.rows as Row[];
    },
  };
}
