// The demo routes `npm start` mounts: demo brokers and their tokens, "simulate operator reply"
// through the service-role path on the server (only into the caller's own sessions), reset to
// the seed, and the session-metadata endpoint. Over real PostgreSQL with the seed loaded.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createMetadataHandler } from '@chat-sessions/sdk/metadata/server';
import { createDevBackend, type DevBackend } from '../../packages/dev-backend/src/index.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { randomJwtSecret, supabaseFor } from '../support/backend.js';
import { openDemoSession } from '../support/demo-session.js';

const AVA = '11111111-1111-4111-8111-111111111111';
const AVA_LUTON_NICE = 'a0000000-0000-4000-8000-000000000002';

interface Broker {
  id: string;
  email: string;
  name: string;
  accessToken: string;
}

describe('dev backend demo routes', () => {
  let db: TestDatabase;
  let backend: DevBackend;
  let brokers: Broker[];
  let cookie: string;

  before(async () => {
    db = await createTestDatabase('demo');
    backend = await createDevBackend({
      databaseUrl: db.adminUrl,
      jwtSecret: randomJwtSecret(),
      seed: true,
      demo: true,
      metadataHandler: createMetadataHandler(),
    });
    cookie = await openDemoSession(backend.url);
    const config = (await (
      await fetch(`${backend.url}/demo-api/config`, { headers: { cookie } })
    ).json()) as {
      anonKey: string;
      brokers: Broker[];
    };
    brokers = config.brokers;
    assert.equal(config.anonKey, backend.anonKey);
  });

  after(async () => {
    await backend?.close();
    await db?.drop();
  });

  function post(path: string, body: unknown, token?: string): Promise<Response> {
    return fetch(`${backend.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
  }

  async function unread(token: string, sessionId: string): Promise<number> {
    const { data, error } = await supabaseFor(backend.url, backend.anonKey, token)
      .schema('chat')
      .rpc('get_session', { p_id: sessionId });
    assert.equal(error, null);
    return (data as { unread_count: number }).unread_count;
  }

  it('lists the two demo brokers with working user tokens, and no service-role key', async () => {
    assert.deepEqual(
      brokers.map((b) => b.email),
      ['ava.morgan@skyline-charter.example', 'ben.okafor@skyline-charter.example'],
    );
    const text = JSON.stringify(
      await (await fetch(`${backend.url}/demo-api/config`, { headers: { cookie } })).json(),
    );
    assert.ok(
      !text.includes(backend.serviceRoleKey),
      'the service-role key never reaches the page',
    );
    const { data, error } = await supabaseFor(backend.url, backend.anonKey, brokers[0]!.accessToken)
      .schema('chat')
      .rpc('session_counts');
    assert.equal(error, null);
    assert.ok((data as { active: number }).active > 0);
  });

  it("records a simulated operator reply in the broker's own session", async () => {
    const ava = brokers.find((b) => b.id === AVA)!;
    const before = await unread(ava.accessToken, AVA_LUTON_NICE);
    const response = await post(
      '/demo-api/operator-reply',
      { sessionId: AVA_LUTON_NICE, content: 'Citation XLS+ available, $21,300.' },
      ava.accessToken,
    );
    assert.equal(response.status, 200);
    const message = (await response.json()) as {
      role: string;
      content: string;
      thread_id: string | null;
    };
    assert.equal(message.role, 'operator');
    assert.equal(message.content, 'Citation XLS+ available, $21,300.');
    assert.ok(message.thread_id);
    assert.equal(await unread(ava.accessToken, AVA_LUTON_NICE), before + 1);
  });

  it("refuses replies into another broker's session and without a token", async () => {
    const ben = brokers.find((b) => b.id !== AVA)!;
    const ava = brokers.find((b) => b.id === AVA)!;
    const before = await unread(ava.accessToken, AVA_LUTON_NICE);
    const foreign = await post(
      '/demo-api/operator-reply',
      { sessionId: AVA_LUTON_NICE },
      ben.accessToken,
    );
    assert.equal(foreign.status, 404);
    const anonymous = await post('/demo-api/operator-reply', { sessionId: AVA_LUTON_NICE });
    assert.equal(anonymous.status, 401);
    const forged = await post(
      '/demo-api/operator-reply',
      { sessionId: AVA_LUTON_NICE },
      backend.serviceRoleKey,
    );
    assert.equal(forged.status, 401, 'only a broker token is accepted');
    const invalid = await post(
      '/demo-api/operator-reply',
      { sessionId: 'not-a-uuid' },
      ava.accessToken,
    );
    assert.equal(invalid.status, 400);
    assert.equal(await unread(ava.accessToken, AVA_LUTON_NICE), before);
  });

  it('resets the demo data to the seed', async () => {
    const ava = brokers.find((b) => b.id === AVA)!;
    await post('/demo-api/operator-reply', { sessionId: AVA_LUTON_NICE }, ava.accessToken);
    assert.ok((await unread(ava.accessToken, AVA_LUTON_NICE)) > 0);
    const response = await post('/demo-api/reset', {}, ava.accessToken);
    assert.equal(response.status, 200);
    assert.equal(await unread(ava.accessToken, AVA_LUTON_NICE), 0);
  });

  it('parses quick-create text at /metadata/parse', async () => {
    const response = await post('/metadata/parse', {
      text: 'TEB to VNY Dec 12 6 pax, back on the 15th',
      referenceDate: '2026-11-25',
      timeZone: 'America/New_York',
    });
    assert.equal(response.status, 200);
    const draft = (await response.json()) as {
      kind: string;
      tripType: string;
      passengers: number;
      legs: Array<{ from: string; to: string; date: string }>;
    };
    assert.equal(draft.kind, 'flight_request');
    assert.equal(draft.tripType, 'round_trip');
    assert.equal(draft.passengers, 6);
    assert.deepEqual(
      draft.legs.map((l) => [l.from, l.to, l.date]),
      [
        ['TEB', 'VNY', '2026-12-12'],
        ['VNY', 'TEB', '2026-12-15'],
      ],
    );
  });

  it('answers unknown demo routes with 404', async () => {
    assert.equal(
      (await fetch(`${backend.url}/demo-api/nope`, { headers: { cookie } })).status,
      404,
    );
  });
});

describe('dev backend static mounts', () => {
  it('serves each folder under its prefix and never outside it', async () => {
    const { mkdtemp, mkdir, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const root = await mkdtemp(path.join(tmpdir(), 'mounts-'));
    await mkdir(path.join(root, 'pages'));
    await mkdir(path.join(root, 'build'));
    await writeFile(path.join(root, 'pages', 'index.html'), '<p>page</p>');
    await writeFile(path.join(root, 'build', 'app.js'), 'export const app = 1;');
    await writeFile(path.join(root, 'secret.txt'), 'secret');
    const db = await createTestDatabase('mounts');
    const backend = await createDevBackend({
      databaseUrl: db.adminUrl,
      staticDir: path.join(root, 'pages'),
      staticMounts: { '/dist/': path.join(root, 'build') },
    });
    try {
      const page = await fetch(`${backend.url}/`);
      assert.equal(await page.text(), '<p>page</p>');
      const script = await fetch(`${backend.url}/dist/app.js`);
      assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
      assert.equal(await script.text(), 'export const app = 1;');
      // Raw paths (fetch would normalise them before sending).
      const http = await import('node:http');
      const raw = (rawPath: string) =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          const request = http.request(`${backend.url}/`, { path: rawPath }, (response) => {
            let body = '';
            response.on('data', (chunk: Buffer) => {
              body += chunk.toString();
            });
            response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
          });
          request.on('error', reject);
          request.end();
        });
      for (const attempt of [
        '/dist/../secret.txt',
        '/dist/%2e%2e/secret.txt',
        '/dist/..%2fsecret.txt',
        '/../secret.txt',
      ]) {
        const answer = await raw(attempt);
        assert.notEqual(answer.body, 'secret', `${attempt} must not leave the mounted folders`);
        assert.ok(answer.status === 403 || answer.status === 404, `${attempt}: ${answer.status}`);
      }
      assert.equal((await fetch(`${backend.url}/dist/missing.js`)).status, 404);
    } finally {
      await backend.close();
      await db.drop();
      await rm(root, { recursive: true, force: true });
    }
  });
});
