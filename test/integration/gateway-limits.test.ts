// What one hostile request may cost the local gateway, reproduced from the attack battery: each
// case is now a PostgREST-shaped 4xx, and the server keeps answering other requests meanwhile.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { jwtVerify } from 'jose';
import {
  createDevBackend,
  mintToken,
  type DevBackend,
} from '../../packages/dev-backend/src/index.js';
import {
  FIXTURE_SCHEMA,
  randomJwtSecret,
  startContractBackend,
  type ContractBackend,
} from '../support/backend.js';
import { createTestDatabase } from '../support/db.js';
import { raw, streamUntilAnswered, type RawAnswer } from '../support/raw-http.js';

const ANN = '0b7f6a52-3c1d-4b1e-9a57-1a2b3c4d5e01';

function assertPostgrestError(answer: RawAnswer, status: number, code: string): void {
  assert.equal(answer.status, status, answer.body.slice(0, 300));
  const body = JSON.parse(answer.body) as Record<string, unknown>;
  assert.deepEqual(Object.keys(body).sort(), ['code', 'details', 'hint', 'message']);
  assert.equal(body.code, code);
}

describe('gateway limits: hostile requests end in a 4xx', () => {
  let contract: ContractBackend;
  let url: string;
  let token: string;
  const auth = (): Record<string, string> => ({
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
    'content-profile': 'chat',
    'accept-profile': 'chat',
  });

  before(async () => {
    contract = await startContractBackend(randomJwtSecret());
    url = contract.backend.url;
    token = contract.backend.tokenFor(ANN, 'ann@broker.test');
  });
  after(() => contract?.close());

  function probe(): Promise<RawAnswer> {
    return raw(url, { path: '/rest/v1/rpc/session_counts', headers: auth() });
  }

  it('answers a 10 MB unknown argument name with a small 404, without the hint, and stays responsive', async () => {
    const huge = 'p'.repeat(10 * 1024 * 1024);
    // Over the 1 MiB default, the body is refused before it is parsed…
    const refused = await raw(url, {
      method: 'POST',
      path: '/rest/v1/rpc/session_counts',
      headers: auth(),
      body: JSON.stringify({ [huge]: 1 }),
    });
    assertPostgrestError(refused, 413, 'PGRST102');
    // …and just under it, the name is neither searched for a hint nor echoed in full.
    const almost = 'q'.repeat(1000 * 1000);
    const calls = Array.from({ length: 4 }, () =>
      raw(url, {
        method: 'POST',
        path: '/rest/v1/rpc/session_counts',
        headers: auth(),
        body: JSON.stringify({ [almost]: 1 }),
      }),
    );
    const answered = await probe();
    assert.equal(answered.status, 200, 'a probe call answers while the large requests run');
    for (const answer of await Promise.all(calls)) {
      assertPostgrestError(answer, 404, 'PGRST202');
      const body = JSON.parse(answer.body) as { hint: string | null };
      assert.equal(body.hint, null);
      assert.ok(answer.body.length < 2000, `the 404 is ${answer.body.length} bytes`);
    }
  });

  it('echoes at most a score of argument names', async () => {
    const args = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`arg_${i}`, i]));
    const answer = await raw(url, {
      method: 'POST',
      path: '/rest/v1/rpc/session_counts',
      headers: auth(),
      body: JSON.stringify(args),
    });
    assertPostgrestError(answer, 404, 'PGRST202');
    assert.ok(answer.body.length < 4000, `the 404 is ${answer.body.length} bytes`);
    assert.match(answer.body, /4980 more/);
  });

  it('refuses a declared body over 1 MiB before reading it', async () => {
    const answer = await raw(url, {
      method: 'POST',
      path: '/rest/v1/rpc/session_counts',
      headers: { ...auth(), 'content-length': String(2 * 1024 * 1024) },
    }).catch((error: unknown) => ({ status: -1, headers: {}, body: String(error) }));
    assertPostgrestError(answer, 413, 'PGRST102');
  });

  it('stops a 1 GB chunked upload at the limit: 413, and the rest is never read', async () => {
    const result = await streamUntilAnswered(url, '/rest/v1/rpc/session_counts', 1024 ** 3);
    assert.equal(result.status, 413);
    assert.ok(result.sent < 64 * 1024 * 1024, `the client got to send ${result.sent} bytes`);
    assert.equal((await probe()).status, 200);
  });

  it('refuses JSON nested deeper than 64 levels, in a body or a query argument', async () => {
    const deepBody = `{"payload": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
    assertPostgrestError(
      await raw(url, {
        method: 'POST',
        path: '/rest/v1/rpc/echo',
        headers: { ...auth(), 'content-profile': FIXTURE_SCHEMA },
        body: deepBody,
      }),
      400,
      'PGRST102',
    );
    // The battery's 6,000 levels no longer fit in a request line (Node answers 431); 200 do.
    const battery = encodeURIComponent('['.repeat(6000) + ']'.repeat(6000));
    const tooLong = await raw(url, {
      path: `/rest/v1/rpc/echo?payload=${battery}`,
      headers: { ...auth(), 'accept-profile': FIXTURE_SCHEMA },
    });
    assert.equal(tooLong.status, 431);
    const deepQuery = encodeURIComponent('['.repeat(200) + ']'.repeat(200));
    assertPostgrestError(
      await raw(url, {
        path: `/rest/v1/rpc/echo?payload=${deepQuery}`,
        headers: { ...auth(), 'accept-profile': FIXTURE_SCHEMA },
      }),
      400,
      'PGRST102',
    );
    // 64 levels are fine.
    const fine = await raw(url, {
      method: 'POST',
      path: '/rest/v1/rpc/echo',
      headers: { ...auth(), 'content-profile': FIXTURE_SCHEMA },
      body: `{"payload": ${'['.repeat(63)}${']'.repeat(63)}}`,
    });
    assert.equal(fine.status, 200);
  });

  it('answers a malformed % in the function name with 404 PGRST125', async () => {
    for (const name of ['%', '%zz', 'session_counts%', '%E0%A4%A']) {
      assertPostgrestError(
        await raw(url, { path: `/rest/v1/rpc/${name}`, headers: auth() }),
        404,
        'PGRST125',
      );
    }
  });

  it('grants CORS only to the origins it was given', async () => {
    const foreign = await raw(url, {
      path: '/rest/v1/rpc/session_counts',
      headers: { ...auth(), origin: 'http://localhost:5173' },
    });
    assert.equal(foreign.headers['access-control-allow-origin'], undefined);
    const preflight = await raw(url, {
      method: 'OPTIONS',
      path: '/rest/v1/rpc/session_counts',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    });
    assert.equal(preflight.headers['access-control-allow-origin'], undefined);
    assert.equal(preflight.headers['access-control-allow-methods'], undefined);
  });

  it('signs tokens that jose verifies (HS256)', async () => {
    const secret = randomJwtSecret();
    const minted = mintToken({ role: 'authenticated', sub: ANN }, secret);
    const { payload } = await jwtVerify(minted, new TextEncoder().encode(secret));
    assert.equal(payload.sub, ANN);
  });
});

describe('gateway: CORS off by default, dotfiles and source maps hidden', () => {
  let backend: DevBackend;
  let root: string;
  let drop: () => Promise<void>;

  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'static-policy-'));
    await mkdir(path.join(root, '.git'));
    await writeFile(path.join(root, '.git', 'config'), '[core]');
    await writeFile(path.join(root, '.env'), 'SECRET=1');
    await writeFile(path.join(root, 'app.js'), 'export {};');
    await writeFile(path.join(root, 'app.js.map'), '{"sources":["secret.ts"]}');
    const db = await createTestDatabase('staticpolicy');
    drop = () => db.drop();
    backend = await createDevBackend({
      databaseUrl: db.adminUrl,
      jwtSecret: randomJwtSecret(),
      staticDir: root,
      migrate: false,
    });
  });
  after(async () => {
    await backend?.close();
    await drop?.();
    await rm(root, { recursive: true, force: true });
  });

  it('answers another origin without any CORS grant', async () => {
    const answer = await raw(backend.url, {
      path: '/rest/v1/rpc/session_counts',
      headers: { origin: 'http://127.0.0.1:1', 'accept-profile': 'chat' },
    });
    assert.equal(answer.headers['access-control-allow-origin'], undefined);
  });

  it('serves no dotfile and no source map unless asked', async () => {
    assert.equal((await raw(backend.url, { path: '/app.js' })).status, 200);
    for (const hidden of ['/.env', '/.git/config', '/app.js.map', '/%2eenv']) {
      const answer = await raw(backend.url, { path: hidden });
      assert.equal(answer.status, 404, hidden);
      assert.doesNotMatch(answer.body, /SECRET|core|sources/);
    }
  });
});
