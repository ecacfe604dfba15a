import { randomBytes } from 'node:crypto';
import {
  createClient,
  type SupabaseClient,
  type WebSocketLikeConstructor,
} from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket from 'ws';
import {
  createDevBackend,
  type DevBackend,
  type DevBackendOptions,
} from '../../packages/dev-backend/src/index.js';
import { createTestDatabase } from './db.js';

/**
 * Helpers for driving the local backend with the real supabase-js client, and the fixture
 * schema the gateway contract tests call (independent of the real `chat` schema).
 */

/** A fresh random HS256 secret, so a suite's tokens are valid only against its own backend. */
export function randomJwtSecret(): string {
  return randomBytes(32).toString('hex');
}

/**
 * A supabase-js client for a backend. `accessToken` (a user token) is sent as the bearer token;
 * without it the client sends the key, as a browser does before anyone logs in.
 */
export function supabaseFor(url: string, key: string, accessToken?: string): SupabaseClient {
  return createClient(url, key, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    // Node 20 has no global WebSocket; supabase-js needs one even when realtime is unused.
    // (ws's constructor is wider than the structural type realtime-js declares.)
    realtime: { transport: WebSocket as unknown as WebSocketLikeConstructor },
    ...(accessToken === undefined ? {} : { accessToken: async () => accessToken }),
  });
}

/** The schema the contract tests expose besides `chat`. */
export const FIXTURE_SCHEMA = 'contract_fixture';

/**
 * One function per response shape and per error of the contract. Applied as a superuser;
 * the gateway then calls it as anon / authenticated / service_role.
 */
export const contractFixtureSql = `
create schema contract_fixture;
grant usage on schema contract_fixture to anon, authenticated, service_role;

create table contract_fixture.notes (
  id bigint generated always as identity primary key,
  owner uuid not null default auth.uid(),
  body text not null unique
);
alter table contract_fixture.notes enable row level security;
create policy notes_owner on contract_fixture.notes for all to authenticated
  using (owner = auth.uid()) with check (owner = auth.uid());
grant select, insert on contract_fixture.notes to authenticated;
grant select, insert, delete on contract_fixture.notes to service_role;

create type contract_fixture.pair as (label text, amount int);

-- set-returning, scalar elements; the only function anon may call
create function contract_fixture.list_numbers(n int) returns setof int
language sql stable as $$ select generate_series(1, n) $$;

-- set-returning, rows
create function contract_fixture.list_notes() returns setof contract_fixture.notes
language sql stable as $$ select * from contract_fixture.notes order by id $$;

-- scalar with a default argument
create function contract_fixture.add(a int, b int default 10) returns int
language sql immutable as $$ select a + b $$;

-- jsonb and array arguments
create function contract_fixture.echo(payload jsonb, tags text[] default '{}') returns jsonb
language sql immutable as $$
  select jsonb_build_object('payload', payload, 'tags', to_jsonb(tags), 'tag_count', cardinality(tags))
$$;
create function contract_fixture.tag_count(tags text[]) returns int
language sql immutable as $$ select cardinality(tags) $$;

-- composite
create function contract_fixture.make_pair(label text, amount int) returns contract_fixture.pair
language sql immutable as $$ select row(label, amount)::contract_fixture.pair $$;

-- a record described by OUT parameters: what the request looks like from SQL
create function contract_fixture.whoami(
  out role text, out sub text, out email text, out method text, out path text,
  out client_info text, out first_schema text, out timeout text, out read_only text
) language sql stable as $$
  select current_user::text, auth.uid()::text, auth.email(),
         current_setting('request.method', true), current_setting('request.path', true),
         current_setting('request.headers', true)::json ->> 'x-client-info',
         (current_schemas(false))[1], current_setting('statement_timeout'),
         current_setting('transaction_read_only')
$$;

-- writes
create function contract_fixture.add_note(body text) returns contract_fixture.notes
language sql volatile as $$ insert into contract_fixture.notes (body) values (body) returning * $$;

create function contract_fixture.touch() returns void
language plpgsql volatile as $$ begin insert into contract_fixture.notes (body) values ('touched'); end $$;


-- declared STABLE but writes (through a volatile function): only the read-only transaction stops it
create function contract_fixture.sneaky_write() returns bigint
language sql stable as $$ select (contract_fixture.add_note('sneaky')).id $$;

-- a row owned by someone else: row-level security refuses it (42501)
create function contract_fixture.add_note_for(owner uuid, body text) returns contract_fixture.notes
language sql volatile as $$ insert into contract_fixture.notes (owner, body) values (owner, body) returning * $$;

-- domain errors
create function contract_fixture.pause_session(reason text) returns void
language plpgsql volatile as $$
begin
  raise exception 'Cannot pause a completed session'
    using detail = 'reason: ' || reason, hint = 'invalid_transition';
end $$;

create function contract_fixture.update_with_version(expected int) returns void
language plpgsql volatile as $$
begin
  raise sqlstate 'PT409' using message = 'The session was changed by someone else',
    detail = format('expected version %s, found %s', expected, expected + 1), hint = 'version_conflict';
end $$;

-- writes, then fails: nothing may remain
create function contract_fixture.add_note_then_fail(body text) returns void
language plpgsql volatile as $$
begin
  insert into contract_fixture.notes (body) values (body);
  raise exception 'failed after writing' using hint = 'rolled_back';
end $$;

-- service role only
create function contract_fixture.purge_notes() returns int
language sql volatile as $$ with gone as (delete from contract_fixture.notes returning 1) select count(*)::int from gone $$;

create function contract_fixture.slow(seconds float8) returns text
language sql volatile as $$ select pg_sleep(seconds)::text $$;

revoke execute on all functions in schema contract_fixture from public;
grant execute on function contract_fixture.list_numbers(int) to anon;
grant execute on all functions in schema contract_fixture to authenticated, service_role;
revoke execute on function contract_fixture.purge_notes() from authenticated;
`;

/** Raises any SQLSTATE, to drive every row of the status mapping through HTTP. */
export const raiseSqlStateFixtureSql = `
create function contract_fixture.raise_sqlstate(code text) returns void
language plpgsql volatile as $$
begin
  raise exception using errcode = code, message = 'raised ' || code, detail = 'detail of ' || code, hint = 'hint of ' || code;
end $$;
revoke execute on function contract_fixture.raise_sqlstate(text) from public;
grant execute on function contract_fixture.raise_sqlstate(text) to authenticated;
`;

/** A running backend over a private PostgreSQL database holding the contract fixture. */
export interface ContractBackend {
  backend: DevBackend;
  /** Runs SQL as a superuser on the backend's database (setup and assertions only). */
  adminQuery<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

/**
 * Clones the migrated `chat` database, adds the contract fixture, and starts the gateway over it
 * with `chat` and `contract_fixture` exposed.
 */
export async function startContractBackend(
  jwtSecret: string,
  options: Pick<DevBackendOptions, 'staticDir'> = {},
): Promise<ContractBackend> {
  const database = await createTestDatabase('gw');
  const admin = new pg.Client({ connectionString: database.adminUrl });
  await admin.connect();
  try {
    await admin.query(contractFixtureSql);
    await admin.query(raiseSqlStateFixtureSql);
    const backend = await createDevBackend({
      databaseUrl: database.adminUrl,
      exposedSchemas: ['chat', FIXTURE_SCHEMA],
      jwtSecret,
      // The harness already applied the shim and migrations to the template this database clones.
      migrate: false,
      // CORS is opt-in: the contract tests call as a page of another origin would.
      corsOrigins: ['https://crm.example'],
      ...options,
    });
    return {
      backend,
      async adminQuery<Row>(sql: string, params?: unknown[]) {
        return (await admin.query(sql, params)).rows as Row[];
      },
      async close() {
        await backend.close();
        await admin.end();
        await database.drop();
      },
    };
  } catch (error) {
    await admin.end();
    await database.drop();
    throw error;
  }
}
