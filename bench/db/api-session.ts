import pg from 'pg';
import { databaseUrl } from '../../test/support/db.js';

/**
 * A connection that calls the API the way the gateway does: logged in as `authenticator`, then
 * switched to an API role with the request's JWT claims, so row-level security, grants and
 * `auth.uid()` behave as they do behind PostgREST. The role and claims are set for the whole
 * session (a pooled gateway connection sets them per transaction; the cost is the same for
 * every variant and outside the timed region).
 */
export class ApiSession {
  readonly client: pg.Client;

  private constructor(client: pg.Client) {
    this.client = client;
  }

  /** Connects to `database` of the cluster at `adminUrl` as authenticator, acting as `role` with `claims`. */
  static async open(
    adminUrl: string,
    database: string,
    claims: { role: string; sub?: string },
  ): Promise<ApiSession> {
    const client = new pg.Client({
      connectionString: databaseUrl(adminUrl, database, 'authenticator'),
      password: process.env.AUTHENTICATOR_PASSWORD ?? 'authenticator',
      application_name: `bench-${claims.role}`,
    });
    await client.connect();
    await client.query(`select set_config('request.jwt.claims', $1, false)`, [
      JSON.stringify(claims),
    ]);
    await client.query(`select set_config('role', $1, false)`, [claims.role]);
    const who = await client.query<{ role: string }>('select current_user as role');
    if (who.rows[0]?.role !== claims.role)
      throw new Error(`ApiSession: expected to act as ${claims.role}`);
    return new ApiSession(client);
  }

  /**
   * Runs `statement` once inside the server and returns how long it took there, in
   * milliseconds (clock_timestamp() around the execution: no network, no client parsing).
   * The statement reads its arguments as `$1[1]`, `$1[2]`, … (text).
   */
  async time(statement: string, args: readonly string[]): Promise<number> {
    const result = await this.client.query<{ ms: number }>(
      'select bench.time($1, $2::text[]) as ms',
      [statement, args],
    );
    return result.rows[0]!.ms;
  }

  /** Runs a statement (written for {@link time}) and returns the first column of its first row. */
  async value<T>(statement: string, args: readonly string[] = []): Promise<T> {
    const typed = statement.replaceAll(/\$1(?!\d)/g, '($1::text[])');
    const result = await this.client.query({
      text: typed,
      values: typed === statement ? [] : [args],
      rowMode: 'array',
    });
    return (result.rows[0] as unknown[])[0] as T;
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

/**
 * Installs `bench.time(statement, args)` in the benchmark database (as a superuser): it runs a
 * statement with EXECUTE … USING and returns the elapsed server time in ms. SECURITY INVOKER,
 * so the statement runs as the API role that called it. Parsing and planning the statement are
 * inside the timed region, as they are for every request the gateway sends.
 */
export async function installTimer(admin: pg.Client): Promise<void> {
  await admin.query(`
    create or replace function bench.time(p_statement text, p_args text[]) returns float8
    language plpgsql volatile
    as $$
    declare
      v_start timestamptz;
    begin
      v_start := clock_timestamp();
      execute p_statement using p_args;
      return extract(epoch from clock_timestamp() - v_start) * 1000;
    end;
    $$;
    grant usage on schema bench to authenticated, service_role;
    grant execute on function bench.time(text, text[]) to authenticated, service_role;
  `);
}
