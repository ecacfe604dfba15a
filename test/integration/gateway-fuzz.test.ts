// Property-based tests (fast-check) of the local gateway over real PostgreSQL with the seed:
// generated arguments, headers, bodies and paths thrown at every RPC of `chat`. Properties:
// never a 5xx; an error answer writes nothing (the database's fingerprint is unchanged); and the
// server keeps answering a probe call while a batch runs.
//
// Runs per property: FUZZ_RUNS (default 60, about a minute for the file). Heavier runs by hand:
//   FUZZ_RUNS=2000 bash test/harness/with-postgres.sh node --conditions=@chat-sessions/source \
//     --import tsx --test test/integration/gateway-fuzz.test.ts
// A failure prints fast-check's seed and path; FUZZ_SEED=<seed> replays it.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import pg from 'pg';
import {
  createDevBackend,
  mintToken,
  type DevBackend,
} from '../../packages/dev-backend/src/index.js';
import { randomJwtSecret } from '../support/backend.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { raw, type RawAnswer } from '../support/raw-http.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const AVA = '11111111-1111-4111-8111-111111111111';
const AVA_SESSION = 'a0000000-0000-4000-8000-000000000002';
/** A probe gets this long to answer: a liveness bound, not a performance one. */
const PROBE_TIMEOUT_MS = 30_000;

interface Routine {
  name: string;
  params: Array<{ name: string; type: string }>;
}

/** Values for a parameter: plausible for its type most of the time, anything JSON otherwise. */
function valueFor(type: string): fc.Arbitrary<unknown> {
  const text = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom('', ' ', '\u0000', '\u202egpj.exe', 'a'.repeat(5000), "'; drop table x; --"),
  );
  const typed: Record<string, fc.Arbitrary<unknown>> = {
    uuid: fc.oneof(fc.uuid(), fc.constantFrom(AVA_SESSION, AVA, randomUUID()), text),
    text,
    integer: fc.oneof(fc.integer(), fc.constantFrom(2 ** 31, -(2 ** 53), 1e308), text),
    bigint: fc.oneof(fc.bigInt().map(String), fc.integer(), text),
    boolean: fc.oneof(fc.boolean(), text),
    jsonb: fc.jsonValue({ maxDepth: 4 }),
    'text[]': fc.oneof(fc.array(text, { maxLength: 5 }), text),
    interval: fc.oneof(fc.constantFrom('1 day', '-5 years', 'forever', '1e400 seconds'), text),
    'timestamp with time zone': fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      text,
    ),
  };
  return fc.oneof(
    { weight: 4, arbitrary: typed[type] ?? text },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}

describe('gateway fuzz: every chat RPC, generated input', () => {
  let db: TestDatabase;
  let backend: DevBackend;
  let admin: pg.Client;
  let routines: Routine[];
  let secret: string;
  let tokens: fc.Arbitrary<string | undefined>;

  before(async () => {
    db = await createTestDatabase('fuzz');
    secret = randomJwtSecret();
    backend = await createDevBackend({ databaseUrl: db.adminUrl, jwtSecret: secret, seed: true });
    admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    const { rows } = await admin.query<{ name: string; names: string[]; types: string[] }>(
      `select p.proname as name,
              coalesce(p.proargnames[1:p.pronargs], '{}') as names,
              array(select format_type(t, null) from unnest(p.proargtypes) t) as types
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'chat' order by 1`,
    );
    routines = rows.map((row) => ({
      name: row.name,
      params: row.names.map((name, index) => ({ name, type: row.types[index] ?? 'text' })),
    }));
    assert.ok(routines.length >= 15, `found ${routines.length} functions in chat`);
    const now = Math.floor(Date.now() / 1000);
    tokens = fc.constantFrom(
      undefined,
      backend.tokenFor(AVA, 'ava.morgan@skyline-charter.example'),
      backend.tokenFor(randomUUID()),
      backend.anonKey,
      backend.serviceRoleKey,
      mintToken({ role: 'authenticated', sub: AVA }, randomJwtSecret()),
      mintToken({ role: 'authenticated', sub: AVA, expiresIn: -3600 }, secret),
      mintToken({ role: 'postgres' }, secret),
      mintToken({ role: 'authenticated', sub: 'not-a-uuid' }, secret),
      mintToken({ role: 'authenticated', claims: { nbf: now + 3600 } }, secret),
      'garbage',
      'a.b.c',
    );
  });

  after(async () => {
    await admin?.end();
    await backend?.close();
    await db?.drop();
  });

  /** Every row count and every broker's clock: any write moves one of them. */
  async function fingerprint(): Promise<string> {
    const { rows } = await admin.query<{ print: string }>(
      `select concat_ws('|',
         (select count(*) from chat.sessions), (select count(*) from chat.messages),
         (select count(*) from chat.operator_threads), (select count(*) from chat.tombstones),
         (select count(*) from auth.users),
         (select string_agg(owner_id || ':' || clock, ',' order by owner_id) from chat.owner_state),
         (select md5(string_agg(id || ':' || version || ':' || status, ',' order by id))
            from chat.sessions)) as print`,
    );
    return rows[0]?.print ?? '';
  }

  /** Runs `property` while probing the server; every probe must answer. */
  async function whileProbing(property: () => Promise<void>): Promise<void> {
    let running = true;
    let answered = 0;
    const probeToken = backend.tokenFor(AVA);
    const probes = (async () => {
      while (running) {
        const response = await raw(backend.url, {
          path: '/rest/v1/rpc/session_counts',
          headers: { authorization: `Bearer ${probeToken}`, 'accept-profile': 'chat' },
          timeoutMs: PROBE_TIMEOUT_MS,
        });
        assert.equal(response.status, 200);
        answered += 1;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    try {
      await property();
    } finally {
      running = false;
      await probes;
    }
    assert.ok(answered > 0, 'a probe answered while the batch ran');
  }

  function assertClean(answer: RawAnswer, before: string, after: string, what: string): void {
    assert.ok(answer.status < 500, `${what} → ${answer.status}: ${answer.body.slice(0, 300)}`);
    if (answer.status >= 400) {
      assert.equal(after, before, `${what} → ${answer.status} wrote to the database`);
      const body = JSON.parse(answer.body) as Record<string, unknown>;
      assert.ok(typeof body.code === 'string' && typeof body.message === 'string', what);
    }
  }

  it('named arguments (POST body and GET query) to every function: no 5xx, no write on error', async () => {
    const call = fc.constantFrom(...routines).chain((routine) =>
      fc.record({
        routine: fc.constant(routine),
        args: fc.record(Object.fromEntries(routine.params.map((p) => [p.name, valueFor(p.type)])), {
          requiredKeys: [],
        }),
        extra: fc.dictionary(fc.string({ maxLength: 70 }), fc.jsonValue({ maxDepth: 2 }), {
          maxKeys: 2,
        }),
        method: fc.constantFrom('POST', 'GET'),
        token: tokens,
      }),
    );
    await whileProbing(() =>
      fc.assert(
        fc.asyncProperty(call, async ({ routine, args, extra, method, token }) => {
          const values = { ...extra, ...args };
          const headers: Record<string, string> = {
            'content-profile': 'chat',
            'accept-profile': 'chat',
            'content-type': 'application/json',
            ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
          };
          const query = new URLSearchParams(
            Object.entries(values).map(([k, v]) => [
              k,
              typeof v === 'string' ? v : JSON.stringify(v),
            ]),
          );
          const before = await fingerprint();
          const answer = await raw(backend.url, {
            method,
            path: `/rest/v1/rpc/${routine.name}${method === 'GET' ? `?${query}` : ''}`,
            headers,
            ...(method === 'POST' ? { body: JSON.stringify(values) } : {}),
          });
          assertClean(answer, before, await fingerprint(), `${method} ${routine.name}`);
        }),
        {
          numRuns: RUNS,
          includeErrorInReport: true,
          ...(SEED === undefined ? {} : { seed: SEED }),
        },
      ),
    );
  });

  it('raw bodies, paths and headers: no 5xx, no write on error', async () => {
    const body = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.jsonValue({ maxDepth: 6 }).map((value) => JSON.stringify(value)),
      fc.integer({ min: 60, max: 3000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
      fc.constantFrom('{', '{"p_id": }', 'null', '[]', '"text"', '{"__proto__": {"x": 1}}'),
    );
    const name = fc.oneof(
      fc.constantFrom(...routines.map((routine) => routine.name)),
      fc.string({ maxLength: 30 }).map((text) => encodeURIComponent(text)),
      fc.constantFrom('%', '%zz', '..%2f', 'a/b', '%00', 'list_sessions%2'),
    );
    const headerValue = fc.oneof(
      fc.string({ maxLength: 60 }).map((text) => text.replace(/[^\x20-\x7e]/g, '')),
      fc.constantFrom(
        'count=exact',
        'return=minimal, count=planned',
        'application/vnd.pgrst.object+json',
        'chat',
        'public',
        'pg_catalog',
        'bytes=5-1',
        'Bearer',
        'Bearer ',
      ),
    );
    const request = fc.record({
      method: fc.constantFrom('GET', 'HEAD', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'),
      name,
      body,
      query: fc
        .string({ maxLength: 60 })
        .map((text) => encodeURIComponent(text).replace(/%3D/g, '=')),
      token: tokens,
      headers: fc.dictionary(
        fc.constantFrom(
          'prefer',
          'accept',
          'content-type',
          'accept-profile',
          'content-profile',
          'apikey',
          'range',
          'origin',
          'cookie',
        ),
        headerValue,
      ),
    });
    await whileProbing(() =>
      fc.assert(
        fc.asyncProperty(request, async ({ method, name, body, query, token, headers }) => {
          const before = await fingerprint();
          const answer = await raw(backend.url, {
            method,
            path: `/rest/v1/rpc/${name}?${query}`,
            headers: {
              ...headers,
              ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
            },
            ...(method === 'GET' || method === 'HEAD' ? {} : { body }),
          });
          assert.ok(
            answer.status < 500,
            `${method} ${name} → ${answer.status}: ${answer.body.slice(0, 300)}`,
          );
          if (answer.status >= 400)
            assert.equal(await fingerprint(), before, `${method} ${name} wrote`);
        }),
        {
          numRuns: RUNS,
          includeErrorInReport: true,
          ...(SEED === undefined ? {} : { seed: SEED }),
        },
      ),
    );
  });
});
