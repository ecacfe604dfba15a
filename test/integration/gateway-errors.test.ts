// The local backend's error contract, driven with the real supabase-js over real PostgreSQL:
// every status and body PostgREST answers for JWT, role, privilege, domain and database errors.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SupabaseClient } from '@supabase/supabase-js';
import { mintToken, signJwt } from '../../packages/dev-backend/src/index.js';
import {
  FIXTURE_SCHEMA,
  randomJwtSecret,
  startContractBackend,
  supabaseFor,
  type ContractBackend,
} from '../support/backend.js';

const ANN = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e01';
const BOB = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e02';

describe('dev-backend gateway: error contract over PostgreSQL', () => {
  const jwtSecret = randomJwtSecret();
  let contract: ContractBackend;
  let ann: SupabaseClient;
  let anon: SupabaseClient;

  const noteCount = async (body: string): Promise<number> => {
    const rows = await contract.adminQuery<{ n: number }>(
      'select count(*)::int as n from contract_fixture.notes where body = $1',
      [body],
    );
    return rows[0]?.n ?? -1;
  };

  /** A raw POST, so no client-side retry or parsing hides what the gateway answered. */
  const post = (fn: string, body: unknown, token?: string) =>
    fetch(`${contract.backend.url}/rest/v1/rpc/${fn}`, {
      method: 'POST',
      headers: {
        apikey: contract.backend.anonKey,
        ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
        'Content-Profile': FIXTURE_SCHEMA,
        'Content-Type': 'application/json',
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  before(async () => {
    contract = await startContractBackend(jwtSecret);
    ann = supabaseFor(
      contract.backend.url,
      contract.backend.anonKey,
      contract.backend.tokenFor(ANN, 'ann@broker.test'),
    );
    anon = supabaseFor(contract.backend.url, contract.backend.anonKey);
  });

  after(async () => {
    await contract?.close();
  });

  describe('domain errors', () => {
    it('answers RAISE EXCEPTION (P0001) with 400 and the message, detail and hint', async () => {
      const { data, error, status } = await ann
        .schema(FIXTURE_SCHEMA)
        .rpc('pause_session', { reason: 'won' });
      assert.equal(status, 400);
      assert.equal(data, null);
      assert.deepEqual(error, {
        code: 'P0001',
        message: 'Cannot pause a completed session',
        details: 'reason: won',
        hint: 'invalid_transition',
      });
    });

    it('answers SQLSTATE PTxyz with status xyz', async () => {
      const { error, status } = await ann
        .schema(FIXTURE_SCHEMA)
        .rpc('update_with_version', { expected: 3 });
      assert.equal(status, 409);
      assert.deepEqual(error, {
        code: 'PT409',
        message: 'The session was changed by someone else',
        details: 'expected version 3, found 4',
        hint: 'version_conflict',
      });
    });

    it('rolls the whole call back when it fails after writing', async () => {
      const { error, status } = await ann
        .schema(FIXTURE_SCHEMA)
        .rpc('add_note_then_fail', { body: 'half-done' });
      assert.equal(status, 400);
      assert.equal(error?.hint, 'rolled_back');
      assert.equal(await noteCount('half-done'), 0);
      const listed = await ann.schema(FIXTURE_SCHEMA).rpc('list_notes');
      assert.deepEqual(listed.data, []);
    });
  });

  describe('privileges and row-level security', () => {
    it('answers a row-level security violation with 403 42501 and writes nothing', async () => {
      const { error, status } = await ann
        .schema(FIXTURE_SCHEMA)
        .rpc('add_note_for', { owner: BOB, body: 'planted in bob’s list' });
      assert.equal(status, 403);
      assert.equal(error?.code, '42501');
      assert.match(error?.message ?? '', /row-level security policy for table "notes"/);
      assert.equal(await noteCount('planted in bob’s list'), 0);
    });

    it('answers anon calling a function it may not execute with 401 and WWW-Authenticate', async () => {
      const viaClient = await anon.schema(FIXTURE_SCHEMA).rpc('add', { a: 1 });
      assert.equal(viaClient.status, 401);
      assert.deepEqual(viaClient.error, {
        code: '42501',
        message: 'permission denied for function add',
        details: null,
        hint: null,
      });
      const raw = await post('add', { a: 1 });
      assert.equal(raw.status, 401);
      assert.equal(raw.headers.get('www-authenticate'), 'Bearer');
    });

    it('answers authenticated calling a service-role function with 403', async () => {
      const { error, status } = await ann.schema(FIXTURE_SCHEMA).rpc('purge_notes');
      assert.equal(status, 403);
      assert.equal(error?.code, '42501');
      assert.equal(error?.message, 'permission denied for function purge_notes');
      const service = supabaseFor(contract.backend.url, contract.backend.serviceRoleKey);
      const purged = await service.schema(FIXTURE_SCHEMA).rpc('purge_notes');
      assert.equal(purged.error, null);
      assert.equal(typeof purged.data, 'number');
    });

    it('refuses a token for a role outside anon/authenticated/service_role before running anything', async () => {
      const asPostgres = mintToken({ role: 'postgres', sub: ANN }, jwtSecret);
      const refused = await post('purge_notes', {}, asPostgres);
      assert.equal(refused.status, 403);
      assert.deepEqual(await refused.json(), {
        code: '42501',
        message: 'permission denied to set role "postgres"',
        details: null,
        hint: null,
      });
      const asGhost = mintToken({ role: 'ghost' }, jwtSecret);
      const unknown = await post('list_numbers', { n: 1 }, asGhost);
      assert.equal(unknown.status, 401);
      assert.equal(((await unknown.json()) as { code: string }).code, '22023');
    });
  });

  describe('tokens', () => {
    it('answers an expired token with 401 PGRST303', async () => {
      const expired = contract.backend.tokenFor(ANN, 'ann@broker.test', -3600);
      const client = supabaseFor(contract.backend.url, contract.backend.anonKey, expired);
      const { error, status } = await client.schema(FIXTURE_SCHEMA).rpc('list_numbers', { n: 1 });
      assert.equal(status, 401);
      assert.deepEqual(error, {
        code: 'PGRST303',
        message: 'JWT expired',
        details: null,
        hint: null,
      });
      const raw = await post('list_numbers', { n: 1 }, expired);
      assert.equal(
        raw.headers.get('www-authenticate'),
        'Bearer error="invalid_token", error_description="JWT expired"',
      );
    });

    it('answers a token signed with another secret with 401 PGRST301', async () => {
      const forged = mintToken({ role: 'service_role' }, randomJwtSecret());
      const client = supabaseFor(contract.backend.url, contract.backend.anonKey, forged);
      const { error, status } = await client.schema(FIXTURE_SCHEMA).rpc('purge_notes');
      assert.equal(status, 401);
      assert.equal(error?.code, 'PGRST301');
    });

    it('answers a token with a tampered payload, or not a JWT at all, with 401 PGRST301', async () => {
      const genuine = contract.backend.tokenFor(ANN);
      const [header, , signature] = genuine.split('.');
      const payload = Buffer.from(JSON.stringify({ role: 'service_role', sub: ANN })).toString(
        'base64url',
      );
      const tampered = await post('purge_notes', {}, `${header}.${payload}.${signature}`);
      assert.equal(tampered.status, 401);
      assert.equal(((await tampered.json()) as { code: string }).code, 'PGRST301');
      const garbage = await post('list_numbers', { n: 1 }, 'not-a-jwt');
      assert.equal(garbage.status, 401);
      assert.deepEqual(await garbage.json(), {
        code: 'PGRST301',
        message: 'Expected 3 parts in JWT; got 1',
        details: null,
        hint: null,
      });
      const noneAlgorithm = signJwt({ role: 'service_role' }, jwtSecret).replace(
        /^[^.]+/,
        Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url'),
      );
      assert.equal((await post('purge_notes', {}, noneAlgorithm)).status, 401);
    });

    it('uses the apikey header as the token when there is no Authorization header', async () => {
      const response = await fetch(`${contract.backend.url}/rest/v1/rpc/whoami`, {
        headers: { apikey: contract.backend.serviceRoleKey, 'Accept-Profile': FIXTURE_SCHEMA },
      });
      assert.equal(response.status, 200);
      assert.equal(((await response.json()) as { role: string }).role, 'service_role');
    });
  });

  describe('function resolution', () => {
    it('answers an unknown function with 404 PGRST202 as PostgREST words it', async () => {
      const { error, status } = await ann.schema(FIXTURE_SCHEMA).rpc('list_numbrs', { n: 1 });
      assert.equal(status, 404);
      assert.deepEqual(error, {
        code: 'PGRST202',
        message: 'Could not find the function contract_fixture.list_numbrs(n) in the schema cache',
        details:
          'Searched for the function contract_fixture.list_numbrs with parameter n or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.',
        hint: 'Perhaps you meant to call the function contract_fixture.list_numbers',
      });
    });

    it('answers arguments no overload accepts with 404 PGRST202', async () => {
      const fixture = ann.schema(FIXTURE_SCHEMA);
      const extra = await fixture.rpc('add', { a: 1, b: 2, c: 3 });
      assert.equal(extra.status, 404);
      assert.equal(extra.error?.code, 'PGRST202');
      assert.equal(
        extra.error?.message,
        'Could not find the function contract_fixture.add(a, b, c) in the schema cache',
      );
      assert.equal(
        extra.error?.hint,
        'Perhaps you meant to call the function contract_fixture.add(a, b)',
      );
      const missing = await fixture.rpc('add', { b: 2 });
      assert.equal(missing.status, 404);
      const none = await fixture.rpc('make_pair', {}, { get: true });
      assert.equal(none.status, 404);
      assert.equal(
        none.error?.message,
        'Could not find the function contract_fixture.make_pair without parameters in the schema cache',
      );
    });

    it('answers overloads both matching the arguments with 300 PGRST203', async () => {
      await contract.adminQuery(`
        create function contract_fixture.pick(a int) returns text language sql immutable as $$ select 'int' $$;
        create function contract_fixture.pick(a text) returns text language sql immutable as $$ select 'text' $$;
        grant execute on all functions in schema contract_fixture to authenticated`);
      await contract.backend.reloadSchema();
      const { error, status } = await ann.schema(FIXTURE_SCHEMA).rpc('pick', { a: 1 });
      assert.equal(status, 300);
      assert.equal(error?.code, 'PGRST203');
    });

    it('answers a body that is not a JSON object with 400 PGRST102', async () => {
      const token = contract.backend.tokenFor(ANN);
      const broken = await post('add', '{"a": 1', token);
      assert.equal(broken.status, 400);
      assert.equal(((await broken.json()) as { code: string }).code, 'PGRST102');
      assert.equal((await post('add', '[1, 2]', token)).status, 400);
    });

    it('answers an argument of the wrong type with 400 and PostgreSQL’s message', async () => {
      const { error, status } = await ann.schema(FIXTURE_SCHEMA).rpc('add', { a: 'two' });
      assert.equal(status, 400);
      assert.equal(error?.code, '22P02');
      assert.match(error?.message ?? '', /invalid input syntax for type integer: "two"/);
    });
  });

  describe('read-only transactions', () => {
    it('answers GET on a VOLATILE function that writes with 405 (25006), writing nothing', async () => {
      const { error, status } = await ann
        .schema(FIXTURE_SCHEMA)
        .rpc('add_note', { body: 'via GET' }, { get: true });
      assert.equal(status, 405);
      assert.equal(error?.code, '25006');
      assert.equal(await noteCount('via GET'), 0);
    });

    it('runs a POSTed STABLE function read-only, so a write hidden inside it fails with 405', async () => {
      const { error, status } = await ann.schema(FIXTURE_SCHEMA).rpc('sneaky_write');
      assert.equal(status, 405);
      assert.equal(error?.code, '25006');
      assert.equal(await noteCount('sneaky'), 0);
    });
  });

  describe('SQLSTATE → HTTP status, as PostgREST maps it', () => {
    const table: [sqlstate: string, status: number][] = [
      ['23505', 409],
      ['23503', 409],
      ['23502', 400],
      ['42501', 403],
      ['P0001', 400],
      ['P0002', 500],
      ['PT402', 402],
      ['PT422', 422],
      ['42883', 404],
      ['42P01', 404],
      ['25006', 405],
      ['08000', 503],
      ['28000', 403],
      ['0L000', 403],
      ['0P000', 403],
      ['40001', 500],
      ['40P01', 500],
      ['53100', 503],
      ['53400', 500],
      ['54000', 500],
      ['55P03', 500],
      ['57014', 500],
      ['58030', 500],
      ['XX000', 500],
      ['22012', 400],
      ['0A000', 400],
    ];
    for (const [sqlstate, status] of table) {
      it(`${sqlstate} → ${status}`, async () => {
        const response = await post(
          'raise_sqlstate',
          { code: sqlstate },
          contract.backend.tokenFor(ANN),
        );
        assert.equal(response.status, status);
        assert.deepEqual(await response.json(), {
          code: sqlstate,
          message: `raised ${sqlstate}`,
          details: `detail of ${sqlstate}`,
          hint: `hint of ${sqlstate}`,
        });
      });
    }

    it('never answers 503 for an application error (supabase-js would retry it)', async () => {
      for (const sqlstate of ['P0001', 'PT409', '23505', '42501', '22023', 'P0004']) {
        const response = await post(
          'raise_sqlstate',
          { code: sqlstate },
          contract.backend.tokenFor(ANN),
        );
        assert.notEqual(response.status, 503, sqlstate);
        await response.arrayBuffer();
      }
    });
  });
});
