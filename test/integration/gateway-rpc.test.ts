// The local backend's RPC contract, driven with the real supabase-js over real PostgreSQL:
// response shapes, arguments, GET/HEAD, counts, request settings, profiles, CORS, static files.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { messagesSent } from '../support/pg-messages.js';
import type { SupabaseClient } from '@supabase/supabase-js';
import {
  FIXTURE_SCHEMA,
  randomJwtSecret,
  startContractBackend,
  supabaseFor,
  type ContractBackend,
} from '../support/backend.js';

const ANN = '0b7f6a52-3c1d-4b1e-9a57-1a2b3c4d5e01';
const BOB = '0b7f6a52-3c1d-4b1e-9a57-1a2b3c4d5e02';

describe('dev-backend gateway: RPC contract over PostgreSQL', () => {
  let contract: ContractBackend;
  let staticDir: string;
  let ann: SupabaseClient;
  let bob: SupabaseClient;
  let anon: SupabaseClient;

  before(async () => {
    staticDir = await mkdtemp(path.join(tmpdir(), 'gateway-static-'));
    await mkdir(path.join(staticDir, 'app'));
    await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>demo</title>');
    await writeFile(path.join(staticDir, 'app', 'main.js'), 'export const answer = 42;\n');
    await writeFile(path.join(staticDir, 'app', 'theme.css'), ':root { --chat-radius: 4px; }\n');
    contract = await startContractBackend(randomJwtSecret(), { staticDir });
    const { backend } = contract;
    ann = supabaseFor(backend.url, backend.anonKey, backend.tokenFor(ANN, 'ann@broker.test'));
    bob = supabaseFor(backend.url, backend.anonKey, backend.tokenFor(BOB, 'bob@broker.test'));
    anon = supabaseFor(backend.url, backend.anonKey);
  });

  after(async () => {
    await contract?.close();
    if (staticDir) await rm(staticDir, { recursive: true, force: true });
  });

  describe('response shapes', () => {
    it('answers a set-returning function of scalars with a JSON array', async () => {
      const { data, error, status } = await ann
        .schema(FIXTURE_SCHEMA)
        .rpc('list_numbers', { n: 4 });
      assert.equal(error, null);
      assert.equal(status, 200);
      assert.deepEqual(data, [1, 2, 3, 4]);
    });

    it('answers an empty set with an empty array', async () => {
      const { data, error } = await ann.schema(FIXTURE_SCHEMA).rpc('list_numbers', { n: 0 });
      assert.equal(error, null);
      assert.deepEqual(data, []);
    });

    it('answers a set of rows with an array of objects, each seen through row-level security', async () => {
      const fixture = ann.schema(FIXTURE_SCHEMA);
      assert.equal((await fixture.rpc('add_note', { body: 'ann: TEB-VNY' })).error, null);
      assert.equal(
        (await bob.schema(FIXTURE_SCHEMA).rpc('add_note', { body: 'bob: LAX-JFK' })).error,
        null,
      );
      const { data, error } = await fixture.rpc('list_notes');
      assert.equal(error, null);
      assert.ok(Array.isArray(data));
      assert.deepEqual(
        data.map((note: { owner: string; body: string }) => [note.owner, note.body]),
        [[ANN, 'ann: TEB-VNY']],
      );
    });

    it('answers a scalar function with the bare value, applying omitted defaults', async () => {
      const fixture = ann.schema(FIXTURE_SCHEMA);
      assert.deepEqual(
        await fixture.rpc('add', { a: 2 }).then((r) => [r.data, r.status]),
        [12, 200],
      );
      assert.equal((await fixture.rpc('add', { a: 2, b: 3 })).data, 5);
    });

    it('answers a composite-returning function with an object', async () => {
      const { data, error } = await ann
        .schema(FIXTURE_SCHEMA)
        .rpc('make_pair', { label: 'pax', amount: 6 });
      assert.equal(error, null);
      assert.deepEqual(data, { label: 'pax', amount: 6 });
    });

    it('answers a void function with 204 and no body', async () => {
      const response = await fetch(`${contract.backend.url}/rest/v1/rpc/touch`, {
        method: 'POST',
        headers: {
          apikey: contract.backend.anonKey,
          Authorization: `Bearer ${contract.backend.tokenFor(ANN)}`,
          'Content-Profile': FIXTURE_SCHEMA,
          'Content-Type': 'application/json',
        },
        body: '{}',
      });
      assert.equal(response.status, 204);
      assert.equal(await response.text(), '');
      const rows = await contract.adminQuery<{ owner: string }>(
        "select owner from contract_fixture.notes where body = 'touched'",
      );
      assert.deepEqual(rows, [{ owner: ANN }]);
      const viaClient = await ann.schema(FIXTURE_SCHEMA).rpc('touch');
      // supabase-js reports a 204 as data null; a second touch hits the unique body: 23505 → 409.
      assert.equal(viaClient.status, 409);
      assert.equal(viaClient.error?.code, '23505');
    });

    it('passes jsonb and array arguments with their JSON types intact', async () => {
      const payload = { legs: [{ from: 'TEB', to: 'VNY' }], passengers: 6, note: 'quote "ASAP"' };
      const { data, error } = await ann
        .schema(FIXTURE_SCHEMA)
        .rpc('echo', { payload, tags: ['charter', 'say "hi"', 'back\\slash', 'a,b'] });
      assert.equal(error, null);
      assert.deepEqual(data, {
        payload,
        tags: ['charter', 'say "hi"', 'back\\slash', 'a,b'],
        tag_count: 4,
      });
    });

    it('answers .single() with the one row, and 406 PGRST116 when there is not exactly one', async () => {
      const fixture = ann.schema(FIXTURE_SCHEMA);
      const one = await fixture.rpc('list_numbers', { n: 1 }).single();
      assert.equal(one.error, null);
      assert.equal(one.data, 1);
      const two = await fixture.rpc('list_numbers', { n: 2 }).single();
      assert.equal(two.status, 406);
      assert.equal(two.error?.code, 'PGRST116');
    });
  });

  describe('GET, HEAD and counts', () => {
    it('takes query-string arguments on GET, arrays included', async () => {
      const fixture = ann.schema(FIXTURE_SCHEMA);
      const numbers = await fixture.rpc('list_numbers', { n: 3 }, { get: true });
      assert.equal(numbers.error, null);
      assert.deepEqual(numbers.data, [1, 2, 3]);
      const tags = await fixture.rpc('tag_count', { tags: ['a', 'b', 'c'] }, { get: true });
      assert.equal(tags.error, null);
      assert.equal(tags.data, 3);
    });

    it('answers Prefer: count=exact in Content-Range', async () => {
      const fixture = ann.schema(FIXTURE_SCHEMA);
      const counted = await fixture.rpc('list_numbers', { n: 5 }, { count: 'exact' });
      assert.equal(counted.count, 5);
      assert.deepEqual(counted.data, [1, 2, 3, 4, 5]);
      const empty = await fixture.rpc('list_numbers', { n: 0 }, { count: 'exact' });
      assert.equal(empty.count, 0);

      const response = await fetch(
        `${contract.backend.url}/rest/v1/rpc/list_numbers?n=5&limit=2&offset=1`,
        {
          headers: {
            apikey: contract.backend.anonKey,
            'Accept-Profile': FIXTURE_SCHEMA,
            Prefer: 'count=exact',
          },
        },
      );
      assert.equal(response.headers.get('content-range'), '1-2/5');
      assert.deepEqual(await response.json(), [2, 3]);
      const none = await fetch(`${contract.backend.url}/rest/v1/rpc/list_numbers?n=0`, {
        headers: {
          apikey: contract.backend.anonKey,
          'Accept-Profile': FIXTURE_SCHEMA,
          Prefer: 'count=exact',
        },
      });
      assert.equal(none.headers.get('content-range'), '*/0');
    });

    it('answers HEAD with the count and no body', async () => {
      const { data, count, error, status } = await ann
        .schema(FIXTURE_SCHEMA)
        .rpc('list_numbers', { n: 7 }, { head: true, count: 'exact' });
      assert.equal(error, null);
      assert.equal(status, 200);
      assert.equal(count, 7);
      assert.equal(data, null);
    });

    it('answers HEAD with object arguments (sent as POST, Prefer: return=minimal) with the count and no body', async () => {
      const { data, count, error, status } = await ann
        .schema(FIXTURE_SCHEMA)
        .rpc('echo', { payload: { passengers: 6 } }, { head: true, count: 'exact' });
      assert.equal(error, null);
      assert.equal(status, 204);
      assert.equal(count, 1);
      assert.equal(data, null);
    });

    it('runs GET and STABLE functions read-only, POSTed VOLATILE ones read-write', async () => {
      const fixture = ann.schema(FIXTURE_SCHEMA);
      assert.equal((await fixture.rpc('whoami', {}, { get: true })).data?.read_only, 'on');
      assert.equal((await fixture.rpc('whoami')).data?.read_only, 'on');
      const written = await fixture.rpc('add_note', { body: 'read-write proof' });
      assert.equal(written.error, null);
      assert.equal(written.data?.body, 'read-write proof');
    });
  });

  describe('round trips', () => {
    it('sends a call, its request settings and the commit to the database in one message', async () => {
      // Every message the gateway's connections send while one request is served (the backend runs
      // in this process; the count is exact, not a timing).
      const sent = await messagesSent(async () => {
        const { data, error } = await ann.schema(FIXTURE_SCHEMA).rpc('list_numbers', { n: 2 });
        assert.equal(error, null);
        assert.deepEqual(data, [1, 2]);
        const volatile = await ann.schema('chat').rpc('session_counts');
        assert.equal(volatile.error, null);
      });
      assert.equal(sent.length, 2, sent.join('\n---\n'));
      for (const message of sent) {
        assert.match(message, /^begin isolation level read committed/);
        assert.match(message, /set_config\('role'::text, 'authenticated'::text, true\)/);
        assert.match(message, /;\ncommit$/);
      }
    });
  });

  describe('request settings', () => {
    it('runs as the token’s role with its claims, method, path, headers and search path', async () => {
      const { data, error } = await ann.schema(FIXTURE_SCHEMA).rpc('whoami', {}, { get: true });
      assert.equal(error, null);
      assert.equal(data.role, 'authenticated');
      assert.equal(data.sub, ANN);
      assert.equal(data.email, 'ann@broker.test');
      assert.equal(data.method, 'GET');
      assert.equal(data.path, '/rpc/whoami');
      assert.match(data.client_info, /^supabase-js\//);
      assert.equal(data.first_schema, FIXTURE_SCHEMA);
    });

    it('runs as anon with the anon key, and as service_role with the service key', async () => {
      const anonNumbers = await anon.schema(FIXTURE_SCHEMA).rpc('list_numbers', { n: 2 });
      assert.deepEqual(anonNumbers.data, [1, 2]);
      const service = supabaseFor(contract.backend.url, contract.backend.serviceRoleKey);
      const { data } = await service.schema(FIXTURE_SCHEMA).rpc('whoami');
      assert.equal(data.role, 'service_role');
      assert.equal(data.sub, null);
    });

    it('runs with no token at all as anon (request.jwt.claims carries the role)', async () => {
      const response = await fetch(`${contract.backend.url}/rest/v1/rpc/list_numbers?n=1`, {
        headers: { 'Accept-Profile': FIXTURE_SCHEMA },
      });
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), [1]);
    });

    it('applies the role’s own settings, statement_timeout included, and reloads them on demand', async () => {
      const fixture = ann.schema(FIXTURE_SCHEMA);
      assert.equal((await fixture.rpc('whoami')).data?.timeout, '8s');
      const db = (await contract.adminQuery<{ db: string }>('select current_database() as db'))[0]
        ?.db;
      assert.ok(db);
      await contract.adminQuery(
        `alter role authenticated in database "${db}" set statement_timeout = '300ms'`,
      );
      await contract.backend.reloadSchema();
      assert.equal((await fixture.rpc('whoami')).data?.timeout, '300ms');
      const slow = await fixture.rpc('slow', { seconds: 2 });
      assert.equal(slow.status, 500);
      assert.equal(slow.error?.code, '57014');
      assert.match(slow.error?.message ?? '', /statement timeout/);
      await contract.adminQuery(
        `alter role authenticated in database "${db}" reset statement_timeout`,
      );
      await contract.backend.reloadSchema();
      assert.equal((await fixture.rpc('whoami')).data?.timeout, '8s');
    });

    it('reloads the schema cache on NOTIFY pgrst', async () => {
      const fixture = ann.schema(FIXTURE_SCHEMA);
      await contract.adminQuery(
        `create function contract_fixture.late_answer() returns int language sql immutable as $$ select 42 $$;
         grant execute on function contract_fixture.late_answer() to authenticated`,
      );
      assert.equal((await fixture.rpc('late_answer')).data, 42);
      // Same name and arguments, now set-returning: only a reload can know the new shape.
      await contract.adminQuery(
        `drop function contract_fixture.late_answer();
         create function contract_fixture.late_answer() returns setof int language sql immutable as $$ select 42 $$;
         grant execute on function contract_fixture.late_answer() to authenticated`,
      );
      assert.equal(
        (await fixture.rpc('late_answer')).data,
        42,
        'still the cached shape before the NOTIFY',
      );
      await contract.adminQuery(`notify pgrst, 'reload schema'`);
      let answer: unknown;
      for (let attempt = 0; attempt < 50 && !Array.isArray(answer); attempt += 1) {
        answer = (await fixture.rpc('late_answer')).data;
        if (!Array.isArray(answer)) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.deepEqual(answer, [42]);
    });
  });

  describe('HTTP surface', () => {
    it('answers an unknown profile with 406 PGRST106, listing the exposed schemas', async () => {
      const { error, status } = await ann.schema('billing').rpc('list_numbers', { n: 1 });
      assert.equal(status, 406);
      assert.deepEqual(error, {
        code: 'PGRST106',
        message: 'Invalid schema: billing',
        details: null,
        hint: `Only the following schemas are exposed: chat, ${FIXTURE_SCHEMA}`,
      });
    });

    it('uses the first exposed schema when no profile is sent', async () => {
      const response = await fetch(`${contract.backend.url}/rest/v1/rpc/list_numbers`, {
        method: 'POST',
        headers: { apikey: contract.backend.anonKey, 'Content-Type': 'application/json' },
        body: JSON.stringify({ n: 1 }),
      });
      assert.equal(response.status, 404);
      const body = (await response.json()) as { code: string; message: string };
      assert.equal(body.code, 'PGRST202');
      assert.match(body.message, /^Could not find the function chat\.list_numbers\(n\)/);
    });

    // Table endpoints themselves are served (test/support/table-contract.ts); an unknown one
    // is PostgREST's PGRST205.
    it('answers an unknown table endpoint and the root with 404', async () => {
      const table = await ann.schema('chat').from('no_such_table').select('*');
      assert.equal(table.status, 404);
      assert.equal(table.error?.code, 'PGRST205');
      const root = await fetch(`${contract.backend.url}/rest/v1/`, {
        headers: { apikey: contract.backend.anonKey },
      });
      assert.equal(root.status, 404);
    });

    it('refuses other methods on RPC with 405', async () => {
      const response = await fetch(`${contract.backend.url}/rest/v1/rpc/list_numbers`, {
        method: 'PATCH',
        headers: { 'Content-Profile': FIXTURE_SCHEMA, 'Content-Type': 'application/json' },
        body: '{}',
      });
      assert.equal(response.status, 405);
      assert.equal(((await response.json()) as { code: string }).code, 'PGRST101');
    });

    it('answers a CORS preflight allowing every header supabase-js sends', async () => {
      const response = await fetch(`${contract.backend.url}/rest/v1/rpc/list_numbers`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://crm.example',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers':
            'authorization,apikey,x-client-info,content-profile,content-type,prefer',
        },
      });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('access-control-allow-origin'), 'https://crm.example');
      const allowed = (response.headers.get('access-control-allow-headers') ?? '').split(/,\s*/);
      for (const name of [
        'authorization',
        'apikey',
        'x-client-info',
        'content-profile',
        'accept-profile',
        'prefer',
      ]) {
        assert.ok(allowed.includes(name), `${name} is allowed`);
      }
      assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
      const call = await fetch(`${contract.backend.url}/rest/v1/rpc/list_numbers?n=1`, {
        headers: { Origin: 'https://crm.example', 'Accept-Profile': FIXTURE_SCHEMA },
      });
      assert.equal(call.headers.get('access-control-allow-origin'), 'https://crm.example');
      assert.match(call.headers.get('access-control-expose-headers') ?? '', /Content-Range/);
    });

    it('serves the static folder with content types, and never outside it', async () => {
      const { url } = contract.backend;
      const index = await fetch(`${url}/`);
      assert.equal(index.status, 200);
      assert.equal(index.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.match(await index.text(), /<title>demo<\/title>/);
      const script = await fetch(`${url}/app/main.js`);
      assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
      assert.equal(await script.text(), 'export const answer = 42;\n');
      const css = await fetch(`${url}/app/theme.css`);
      assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
      assert.equal((await fetch(`${url}/missing.js`)).status, 404);
      for (const escape of [
        '/..%2f..%2fetc%2fpasswd',
        '/app/%2e%2e/%2e%2e/package.json',
        '/%2e%2e%5cpackage.json',
      ]) {
        const response = await fetch(`${url}${escape}`);
        assert.ok([403, 404].includes(response.status), `${escape} → ${response.status}`);
        assert.doesNotMatch(await response.text(), /root:|"name"/);
      }
    });
  });
});
