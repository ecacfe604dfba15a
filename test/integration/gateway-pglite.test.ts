// The same gateway over PGlite (the embedded default of `npm start`), driven with supabase-js:
// start-up migrations, persistence, response shapes, the error contract, and above all the role
// allow-list — PGlite's session user is a superuser, so it is the only thing keeping RLS in force.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SupabaseClient } from '@supabase/supabase-js';
import {
  createDevBackend,
  createPgliteExecutor,
  mintToken,
  prepareDatabase,
  type DevBackend,
} from '../../packages/dev-backend/src/index.js';
import {
  contractFixtureSql,
  FIXTURE_SCHEMA,
  randomJwtSecret,
  supabaseFor,
} from '../support/backend.js';

const ANN = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c01';
const BOB = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c02';

describe('dev-backend gateway over PGlite', () => {
  const jwtSecret = randomJwtSecret();
  let dataDir: string;
  let backend: DevBackend | undefined;
  let ann: SupabaseClient;

  const start = async (): Promise<DevBackend> => {
    backend = await createDevBackend({
      pgliteDir: dataDir,
      exposedSchemas: ['chat', FIXTURE_SCHEMA],
      jwtSecret,
    });
    ann = supabaseFor(backend.url, backend.anonKey, backend.tokenFor(ANN, 'ann@broker.test'));
    return backend;
  };

  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'gateway-pglite-'));
    // First start: initialise the folder, apply the shim and every migration, add the fixture.
    const executor = await createPgliteExecutor({ dataDir });
    try {
      const report = await prepareDatabase(executor, { seed: false });
      assert.ok(report.migrationsApplied.length > 0, 'the migrations ran on PGlite');
      const admin = await executor.admin();
      try {
        await admin.runScript(contractFixtureSql);
      } finally {
        await admin.release();
      }
    } finally {
      await executor.close();
    }
    await start();
  });

  after(async () => {
    await backend?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('reopens the persisted folder without re-applying migrations', () => {
    assert.equal(backend?.kind, 'pglite');
    assert.deepEqual(backend?.setup.migrationsApplied, []);
  });

  it('answers every response shape', async () => {
    const fixture = ann.schema(FIXTURE_SCHEMA);
    assert.deepEqual(
      (await fixture.rpc('list_numbers', { n: 3 }, { count: 'exact' })).data,
      [1, 2, 3],
    );
    assert.equal(
      (await fixture.rpc('list_numbers', { n: 3 }, { head: true, count: 'exact' })).count,
      3,
    );
    assert.equal((await fixture.rpc('add', { a: 1 }, { get: true })).data, 11);
    assert.deepEqual((await fixture.rpc('make_pair', { label: 'legs', amount: 2 })).data, {
      label: 'legs',
      amount: 2,
    });
    assert.equal((await fixture.rpc('touch')).status, 204);
    const who = await fixture.rpc('whoami');
    assert.equal(who.data?.role, 'authenticated');
    assert.equal(who.data?.sub, ANN);
    assert.equal(who.data?.read_only, 'on');
  });

  it('keeps row-level security, grants and read-only transactions in force', async () => {
    const fixture = ann.schema(FIXTURE_SCHEMA);
    const bob = supabaseFor(backend!.url, backend!.anonKey, backend!.tokenFor(BOB)).schema(
      FIXTURE_SCHEMA,
    );
    assert.equal((await bob.rpc('add_note', { body: 'bob: private' })).error, null);
    const mine = await fixture.rpc('list_notes');
    assert.deepEqual(
      mine.data?.map((note: { body: string }) => note.body),
      ['touched'],
    );
    const planted = await fixture.rpc('add_note_for', { owner: BOB, body: 'planted' });
    assert.equal(planted.status, 403);
    assert.equal(planted.error?.code, '42501');
    const anon = supabaseFor(backend!.url, backend!.anonKey).schema(FIXTURE_SCHEMA);
    assert.equal((await anon.rpc('add', { a: 1 })).status, 401);
    assert.equal((await fixture.rpc('purge_notes')).status, 403);
    const viaGet = await fixture.rpc('add_note', { body: 'via GET' }, { get: true });
    assert.equal(viaGet.status, 405);
    assert.equal(viaGet.error?.code, '25006');
    assert.equal((await fixture.rpc('sneaky_write')).status, 405);
  });

  it('refuses the superuser and unknown roles even though PGlite’s own session is a superuser', async () => {
    for (const role of ['postgres', 'pg_read_all_data']) {
      const client = supabaseFor(
        backend!.url,
        backend!.anonKey,
        mintToken({ role, sub: ANN }, jwtSecret),
      );
      const { error, status } = await client.schema(FIXTURE_SCHEMA).rpc('purge_notes');
      assert.equal(status, 403, role);
      assert.equal(error?.code, '42501');
    }
    const ghost = supabaseFor(
      backend!.url,
      backend!.anonKey,
      mintToken({ role: 'ghost' }, jwtSecret),
    );
    assert.equal((await ghost.schema(FIXTURE_SCHEMA).rpc('list_numbers', { n: 1 })).status, 401);
    const service = supabaseFor(backend!.url, backend!.serviceRoleKey);
    const everyone = await service.schema(FIXTURE_SCHEMA).rpc('list_notes');
    assert.equal(everyone.data?.length, 2, 'nothing was purged by the refused calls');
  });

  it('maps domain errors and rolls back failed calls', async () => {
    const fixture = ann.schema(FIXTURE_SCHEMA);
    const domain = await fixture.rpc('pause_session', { reason: 'won' });
    assert.equal(domain.status, 400);
    assert.deepEqual(domain.error, {
      code: 'P0001',
      message: 'Cannot pause a completed session',
      details: 'reason: won',
      hint: 'invalid_transition',
    });
    const conflict = await fixture.rpc('update_with_version', { expected: 1 });
    assert.equal(conflict.status, 409);
    assert.equal(conflict.error?.code, 'PT409');
    assert.equal((await fixture.rpc('add_note_then_fail', { body: 'half-done' })).status, 400);
    const notes = await fixture.rpc('list_notes');
    assert.ok(!notes.data?.some((note: { body: string }) => note.body === 'half-done'));
    const unknown = await fixture.rpc('no_such_function');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.error?.code, 'PGRST202');
    const expired = supabaseFor(
      backend!.url,
      backend!.anonKey,
      backend!.tokenFor(ANN, undefined, -3600),
    );
    assert.equal((await expired.schema(FIXTURE_SCHEMA).rpc('list_notes')).error?.code, 'PGRST303');
  });

  it('serializes concurrent requests on the single connection', async () => {
    const fixture = ann.schema(FIXTURE_SCHEMA);
    const bodies = Array.from({ length: 12 }, (_, index) => `parallel ${index}`);
    const results = await Promise.all([
      ...bodies.map((body) => fixture.rpc('add_note', { body })),
      // Failing calls in the middle must not leave the shared connection in an aborted transaction.
      fixture.rpc('add_note_then_fail', { body: 'parallel failure' }),
      fixture.rpc('pause_session', { reason: 'parallel' }),
    ]);
    assert.deepEqual(
      results.map((result) => result.status),
      [...bodies.map(() => 200), 400, 400],
    );
    const listed = await fixture.rpc('list_notes', {}, { count: 'exact' });
    assert.equal(listed.count, 13);
  });

  it('refuses to open a folder another backend is serving', async () => {
    await assert.rejects(
      createDevBackend({ pgliteDir: dataDir, exposedSchemas: [FIXTURE_SCHEMA], jwtSecret }),
      /is in use by process/,
    );
    // The refused start changed nothing: the running backend still answers.
    assert.equal((await ann.schema(FIXTURE_SCHEMA).rpc('add', { a: 1 })).data, 11);
  });

  it('keeps the data across a restart', async () => {
    await backend!.close();
    backend = undefined;
    await start();
    const listed = await ann.schema(FIXTURE_SCHEMA).rpc('list_notes', {}, { count: 'exact' });
    assert.equal(listed.count, 13);
  });
});
