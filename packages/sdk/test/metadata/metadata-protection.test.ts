// The metadata endpoint's protection: who may call it (the Supabase authorizer, by JWT secret and
// by JWKS), how often (a token bucket per caller), how much model it may spend (a daily budget),
// how much body it reads (streamed, 413 at the limit), how long it waits, and that no text within
// the limit answers 500. The model is a loopback fake OpenAI server; the JWKS a loopback server.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { MAX_TEXT_LENGTH, MetadataExtractionSchema } from '../../src/metadata/index.js';
import {
  createMetadataHandler,
  createSupabaseAuthorizer,
  type MetadataErrorBody,
} from '../../src/metadata/server/index.js';
import { completion, startFakeOpenAI, type FakeOpenAI } from './fake-openai-server.js';

const URL = 'http://host.test/api/session-metadata';
const SECRET = 'a-project-jwt-secret-of-at-least-32-characters';
const ANN = '0b7f6a52-3c1d-4b1e-9a57-1a2b3c4d5e01';
const BOB = '0b7f6a52-3c1d-4b1e-9a57-1a2b3c4d5e02';

async function hsToken(claims: Record<string, unknown>, secret = SECRET): Promise<string> {
  const jwt = new SignJWT({ role: 'authenticated', aud: 'authenticated', ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt();
  if (!('exp' in claims)) jwt.setExpirationTime('1h');
  return jwt.sign(new TextEncoder().encode(secret));
}

function post(
  body: unknown,
  headers: Record<string, string> = {},
  init: Partial<RequestInit> = {},
): Request {
  return new Request(URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });
}

async function codeOf(response: Response): Promise<string> {
  return ((await response.json()) as MetadataErrorBody).error.code;
}

const MODEL_DRAFT = JSON.stringify({
  kind: 'flight_request',
  title: 'x',
  tripType: 'one_way',
  legs: [{ from: 'HPN', to: 'PBI', date: '2026-12-19', time: null }],
  passengers: 4,
  issues: [],
});

describe('metadata endpoint: the Supabase authorizer (JWT secret)', () => {
  const handle = createMetadataHandler({
    authorize: createSupabaseAuthorizer({ jwtSecret: SECRET }),
  });
  const text = { text: 'TEB-VNY Dec 12, 6 pax', referenceDate: '2026-12-01' };

  test("a signed-in user's token → 200", async () => {
    const response = await handle(
      post(text, { authorization: `Bearer ${await hsToken({ sub: ANN })}` }),
    );
    assert.equal(response.status, 200);
    MetadataExtractionSchema.parse(await response.json());
  });

  const refused: Array<[string, () => Promise<Record<string, string>>, number]> = [
    ['no token', async () => ({}), 401],
    ['not a bearer token', async () => ({ authorization: 'Basic YTpi' }), 401],
    ['garbage', async () => ({ authorization: 'Bearer not.a.jwt' }), 401],
    [
      'another secret',
      async () => ({
        authorization: `Bearer ${await hsToken({ sub: ANN }, 'another-secret-of-at-least-32-characters!')}`,
      }),
      401,
    ],
    [
      'expired',
      async () => ({
        authorization: `Bearer ${await hsToken({ sub: ANN, exp: Math.floor(Date.now() / 1000) - 3600 })}`,
      }),
      401,
    ],
    [
      'no exp (valid forever)',
      async () => ({
        authorization: `Bearer ${await new SignJWT({
          sub: ANN,
          role: 'authenticated',
          aud: 'authenticated',
        })
          .setProtectedHeader({ alg: 'HS256' })
          .sign(new TextEncoder().encode(SECRET))}`,
      }),
      401,
    ],
    [
      'another audience',
      async () => ({
        authorization: `Bearer ${await hsToken({ sub: ANN, aud: 'somebody-else' })}`,
      }),
      401,
    ],
    [
      'the anon key',
      async () => ({ authorization: `Bearer ${await hsToken({ role: 'anon', sub: undefined })}` }),
      401,
    ],
    [
      'a service-role token with a subject',
      async () => ({
        authorization: `Bearer ${await hsToken({ sub: ANN, role: 'service_role' })}`,
      }),
      403,
    ],
  ];
  for (const [name, headers, status] of refused) {
    test(`${name} → ${status}`, async () => {
      const response = await handle(post(text, await headers()));
      assert.equal(response.status, status);
      assert.equal(await codeOf(response), status === 401 ? 'unauthenticated' : 'forbidden');
    });
  }

  test('refused callers spend no model call', async () => {
    const upstream = await startFakeOpenAI(() => completion(MODEL_DRAFT));
    try {
      const guarded = createMetadataHandler({
        authorize: createSupabaseAuthorizer({ jwtSecret: SECRET }),
        openai: { apiKey: 'k', baseURL: upstream.baseURL, model: 'm', maxRetries: 0 },
      });
      for (let i = 0; i < 3; i += 1) {
        const response = await guarded(post(text, { origin: 'https://evil.example' }));
        assert.equal(response.status, 401);
      }
      assert.equal(upstream.requests.length, 0);
    } finally {
      await upstream.close();
    }
  });
});

describe('metadata endpoint: the Supabase authorizer (JWKS)', () => {
  let jwksServer: Server;
  let base: string;
  let privateKey: CryptoKey;
  let stranger: CryptoKey;

  before(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    stranger = (await generateKeyPair('ES256')).privateKey;
    const jwk: JWK = {
      ...(await exportJWK(pair.publicKey)),
      kid: 'key-1',
      alg: 'ES256',
      use: 'sig',
    };
    jwksServer = createServer((request, response) => {
      if (request.url !== '/auth/v1/.well-known/jwks.json') {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => jwksServer.close(() => resolve())));

  async function esToken(key: CryptoKey, issuer: string): Promise<string> {
    return new SignJWT({ role: 'authenticated', sub: ANN })
      .setProtectedHeader({ alg: 'ES256', kid: 'key-1' })
      .setAudience('authenticated')
      .setIssuer(issuer)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(key);
  }

  test("verifies a user's token against the project's JWKS and issuer", async () => {
    const handle = createMetadataHandler({
      authorize: createSupabaseAuthorizer({ supabaseUrl: base }),
    });
    const body = { text: 'TEB-VNY' };
    const good = await handle(
      post(body, { authorization: `Bearer ${await esToken(privateKey, `${base}/auth/v1`)}` }),
    );
    assert.equal(good.status, 200);
    const forged = await handle(
      post(body, { authorization: `Bearer ${await esToken(stranger, `${base}/auth/v1`)}` }),
    );
    assert.equal(forged.status, 401);
    const otherProject = await handle(
      post(body, {
        authorization: `Bearer ${await esToken(privateKey, 'https://other.supabase.co/auth/v1')}`,
      }),
    );
    assert.equal(otherProject.status, 401);
    // An HS256 token is refused when no secret was given (no algorithm confusion).
    const hs = await handle(post(body, { authorization: `Bearer ${await hsToken({ sub: ANN })}` }));
    assert.equal(hs.status, 401);
  });

  test('needs a URL or a secret', () => {
    assert.throws(() => createSupabaseAuthorizer({}), /supabaseUrl, jwksUrl or jwtSecret/);
  });
});

describe('metadata endpoint: rate limit and daily budget', () => {
  let upstream: FakeOpenAI;
  before(async () => {
    upstream = await startFakeOpenAI(() => completion(MODEL_DRAFT));
  });
  after(() => upstream.close());

  test('a token bucket per caller: 429 with Retry-After past it, others unaffected, refilled in time', async () => {
    let now = Date.parse('2026-12-01T12:00:00Z');
    const handle = createMetadataHandler({
      authorize: createSupabaseAuthorizer({ jwtSecret: SECRET }),
      rateLimit: { capacity: 2, refillPerMinute: 1 },
      now: () => new Date(now),
    });
    const ann = { authorization: `Bearer ${await hsToken({ sub: ANN })}` };
    const bob = { authorization: `Bearer ${await hsToken({ sub: BOB })}` };
    const body = { text: 'TEB-VNY' };
    assert.equal((await handle(post(body, ann))).status, 200);
    assert.equal((await handle(post(body, ann))).status, 200);
    const limited = await handle(post(body, ann));
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '60');
    assert.equal(await codeOf(limited), 'rate_limited');
    assert.equal(
      (await handle(post(body, bob))).status,
      200,
      'another caller has their own bucket',
    );
    now += 60_000;
    assert.equal((await handle(post(body, ann))).status, 200, 'a token is back after a minute');
  });

  test('defaults: the rule parser alone is not rate limited; with a model, 20 at once per caller', async () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    const rules = createMetadataHandler({ now: () => new Date(now) });
    const model = createMetadataHandler({
      openai: { apiKey: 'k', baseURL: upstream.baseURL, model: 'm', maxRetries: 0 },
      now: () => new Date(now),
    });
    const body = { text: 'TEB-VNY', referenceDate: '2026-12-01' };
    const statuses = async (handle: typeof rules) => {
      const seen: number[] = [];
      for (let i = 0; i < 21; i += 1) seen.push((await handle(post(body))).status);
      return seen;
    };
    assert.deepEqual(await statuses(rules), Array(21).fill(200));
    assert.deepEqual(await statuses(model), [...Array(20).fill(200), 429]);
  });

  test('the daily budget: past it the rule parser answers (budget_exhausted); a new day restores it', async () => {
    let now = Date.parse('2026-12-01T12:00:00Z');
    const handle = createMetadataHandler({
      openai: { apiKey: 'k', baseURL: upstream.baseURL, model: 'm', maxRetries: 0 },
      budget: { requestsPerDay: 3, perCallerPerDay: 2 },
      rateLimit: false,
      authorize: async (request) => ({
        ok: true,
        callerId: request.headers.get('x-caller') ?? 'nobody',
      }),
      now: () => new Date(now),
    });
    const sent = upstream.requests.length;
    const ask = async (caller: string) => {
      const response = await handle(
        post(
          { text: 'HPN-PBI Dec 19, 4 pax', referenceDate: '2026-12-01' },
          { 'x-caller': caller },
        ),
      );
      assert.equal(response.status, 200);
      return MetadataExtractionSchema.parse(await response.json());
    };
    assert.equal((await ask('ann')).source, 'openai');
    assert.equal((await ask('ann')).source, 'openai');
    const annOver = await ask('ann');
    assert.deepEqual([annOver.source, annOver.fallbackReason], ['rules', 'budget_exhausted']);
    assert.equal((await ask('bob')).source, 'openai');
    const allOver = await ask('bob');
    assert.deepEqual([allOver.source, allOver.fallbackReason], ['rules', 'budget_exhausted']);
    assert.equal(upstream.requests.length - sent, 3, 'three model calls in all');
    now += 24 * 3600 * 1000;
    assert.equal((await ask('ann')).source, 'openai');
  });
});

describe('metadata endpoint: body, time and text limits', () => {
  test('a 1 GB streamed body is refused at the limit: 413, and the stream is read no further', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 1024 ** 3) {
          controller.close();
          return;
        }
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const handle = createMetadataHandler();
    const response = await handle(
      post('', {}, { body: endless, duplex: 'half' } as Partial<RequestInit>),
    );
    assert.equal(response.status, 413);
    assert.equal(await codeOf(response), 'payload_too_large');
    assert.ok(pulled < 1024 * 1024, `${pulled} bytes were pulled`);
  });

  test('a declared Content-Length over the limit is refused before reading', async () => {
    const handle = createMetadataHandler({ maxBodyBytes: 1024 });
    const response = await handle(
      post({ text: 'TEB-VNY' }, { 'content-length': String(10 * 1024 * 1024) }),
    );
    assert.equal(response.status, 413);
  });

  test('a body that never finishes → 408', async () => {
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"text": "TEB'));
      },
    });
    const handle = createMetadataHandler({ bodyTimeoutMs: 50 });
    const response = await handle(
      post('', {}, { body: stalled, duplex: 'half' } as Partial<RequestInit>),
    );
    assert.equal(response.status, 408);
    assert.equal(await codeOf(response), 'request_timeout');
  });

  test('an extractor that does not answer in time: the rule parser answers (timeout)', async () => {
    const handle = createMetadataHandler({
      extract: () => new Promise(() => undefined),
      extractTimeoutMs: 50,
    });
    const response = await handle(post({ text: 'TEB-VNY Dec 12', referenceDate: '2026-12-01' }));
    assert.equal(response.status, 200);
    const result = MetadataExtractionSchema.parse(await response.json());
    assert.deepEqual([result.source, result.fallbackReason], ['rules', 'timeout']);
  });

  const hostile: Array<[string, string]> = [
    ['"TEB " × 1000 (more than 50 issues)', 'TEB '.repeat(1000)],
    ['the limit of unknown codes', 'ZZZ '.repeat(MAX_TEXT_LENGTH / 4)],
    ['the limit of dates', 'Feb 30 '.repeat(Math.floor(MAX_TEXT_LENGTH / 7))],
    ['the limit of times', '25:00 '.repeat(Math.floor(MAX_TEXT_LENGTH / 6))],
    ['the limit of passengers', '0 pax '.repeat(Math.floor(MAX_TEXT_LENGTH / 6))],
  ];
  for (const [name, text] of hostile) {
    test(`no 500 for ${name}: a draft, or 422 unreadable_text`, async () => {
      const handle = createMetadataHandler();
      const response = await handle(post({ text, referenceDate: '2026-12-01' }));
      assert.ok([200, 422].includes(response.status), `answered ${response.status}`);
      if (response.status === 200) MetadataExtractionSchema.parse(await response.json());
      else assert.equal(await codeOf(response), 'unreadable_text');
    });
  }
});
