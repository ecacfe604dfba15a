// The demo routes belong to the demo page only: its own session (an HttpOnly cookie only its
// origin gets), loopback Host, no CORS; a reset that never rewinds a broker's change-feed clock
// (an open tab converges in one poll); nudges for open pages. Over real PostgreSQL with the seed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import type { SupabaseClient } from '@supabase/supabase-js';
import { createMetadataHandler } from '@chat-sessions/sdk/metadata/server';
import { createDevBackend, type DevBackend } from '../../packages/dev-backend/src/index.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { randomJwtSecret, supabaseFor } from '../support/backend.js';
import { openDemoSession } from '../support/demo-session.js';

const AVA = '11111111-1111-4111-8111-111111111111';
const AVA_LUTON_NICE = 'a0000000-0000-4000-8000-000000000002';

interface Feed {
  version: number;
  has_more: boolean;
  sessions: Array<{ id: string; title: string; status: string; sync_version: number }>;
  threads: Array<{ id: string }>;
  messages: Array<{ id: string; session_id: string }>;
  deleted: Array<{ entity: string; id: string }>;
}

/** A tab's view of the feed: sessions and messages by id, and its cursor. */
interface TabState {
  cursor: number;
  sessions: Map<string, string>;
  messages: Set<string>;
}

async function pollInto(client: SupabaseClient, state: TabState): Promise<void> {
  for (;;) {
    const { data, error } = await client
      .schema('chat')
      .rpc('changes_since', { p_since: state.cursor, p_limit: 1000 });
    assert.equal(error, null);
    const feed = data as Feed;
    for (const session of feed.sessions)
      state.sessions.set(session.id, `${session.title}|${session.status}`);
    for (const message of feed.messages) state.messages.add(message.id);
    for (const gone of feed.deleted) {
      if (gone.entity === 'session') state.sessions.delete(gone.id);
      if (gone.entity === 'message') state.messages.delete(gone.id);
    }
    assert.ok(
      feed.version >= state.cursor,
      `the feed went back from ${state.cursor} to ${feed.version}`,
    );
    state.cursor = feed.version;
    if (!feed.has_more) return;
  }
}

async function freshTab(client: SupabaseClient): Promise<TabState> {
  const state: TabState = { cursor: 0, sessions: new Map(), messages: new Set() };
  await pollInto(client, state);
  return state;
}

describe('dev backend demo routes: the demo session and the reset clock', () => {
  let db: TestDatabase;
  let backend: DevBackend;
  let cookie: string;
  let avaToken: string;

  before(async () => {
    db = await createTestDatabase('demosec');
    backend = await createDevBackend({
      databaseUrl: db.adminUrl,
      jwtSecret: randomJwtSecret(),
      seed: true,
      demo: true,
      // Even with every origin allowed for the API, /demo-api/* answers no other origin.
      corsOrigins: '*',
      metadataHandler: createMetadataHandler(),
    });
    cookie = await openDemoSession(backend.url);
    avaToken = backend.tokenFor(AVA, 'ava.morgan@skyline-charter.example');
  });

  after(async () => {
    await backend?.close();
    await db?.drop();
  });

  function demo(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${backend.url}${path}`, init);
  }

  it('refuses /demo-api/config without the demo session, and never grants another origin', async () => {
    const without = await demo('/demo-api/config');
    assert.equal(without.status, 401);
    assert.equal(((await without.json()) as { code: string }).code, 'no_demo_session');

    const foreign = await demo('/demo-api/config', {
      headers: { cookie, origin: 'http://127.0.0.1:9999' },
    });
    assert.equal(foreign.status, 403);
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
    assert.doesNotMatch(await foreign.text(), /eyJ/);

    const crossSite = await demo('/demo-api/config', {
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
    });
    assert.equal(crossSite.status, 403);

    const own = await demo('/demo-api/config', { headers: { cookie } });
    assert.equal(own.status, 200);
    assert.equal(own.headers.get('access-control-allow-origin'), null);
    const config = (await own.json()) as {
      brokers: Array<{ accessToken: string; expiresAt: number }>;
    };
    assert.equal(config.brokers.length, 2);
    for (const broker of config.brokers) {
      // Tokens for the page last an hour, not a week.
      assert.ok(broker.expiresAt - Date.now() / 1000 <= 3600 + 5);
    }
  });

  it('opens a session only for a same-origin JSON request on a loopback Host', async () => {
    const session = (headers: Record<string, string>, body = '{}') =>
      demo('/demo-api/session', { method: 'POST', headers, body });
    const fromElsewhere = await session({
      'content-type': 'application/json',
      origin: 'http://evil.example',
    });
    assert.equal(fromElsewhere.status, 403);
    assert.equal(fromElsewhere.headers.get('set-cookie'), null);
    const asForm = await session({ 'content-type': 'text/plain' });
    assert.equal(asForm.status, 415);
    assert.equal(asForm.headers.get('set-cookie'), null);

    // A DNS-rebinding page reaches the loopback server under its own host name.
    const rebound = await new Promise<{ status: number; cookie: unknown }>((resolve, reject) => {
      const call = httpRequest(
        `${backend.url}/demo-api/session`,
        {
          method: 'POST',
          headers: { host: 'attacker.example:54321', 'content-type': 'application/json' },
        },
        (response) => {
          response.resume();
          resolve({ status: response.statusCode ?? 0, cookie: response.headers['set-cookie'] });
        },
      );
      call.on('error', reject);
      call.end('{}');
    });
    assert.equal(rebound.status, 403);
    assert.equal(rebound.cookie, undefined);

    const own = await session({ 'content-type': 'application/json' });
    assert.equal(own.status, 200);
    assert.match(own.headers.get('set-cookie') ?? '', /HttpOnly; SameSite=Strict/);
  });

  it('resets only with the demo session (a token, even a forged one, is not enough)', async () => {
    const forged = backend.tokenFor(randomUUID(), 'nobody@example.test');
    for (const token of [avaToken, forged, backend.serviceRoleKey]) {
      const response = await demo('/demo-api/reset', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{}',
      });
      assert.equal(response.status, 401);
    }
    const crossOrigin = await demo('/demo-api/reset', {
      method: 'POST',
      headers: { cookie, origin: 'http://localhost:3000', 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(crossOrigin.status, 403);
  });

  it('answers a 64 KiB+ operator-reply body with 413, not 500', async () => {
    const response = await demo('/demo-api/operator-reply', {
      method: 'POST',
      headers: {
        cookie,
        authorization: `Bearer ${avaToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ sessionId: AVA_LUTON_NICE, content: 'x'.repeat(70 * 1024) }),
    });
    assert.equal(response.status, 413);
    assert.equal(((await response.json()) as { code: string }).code, 'payload_too_large');
  });

  it('never moves the change-feed clock back on reset: an open tab converges in one poll', async () => {
    const ava = supabaseFor(backend.url, backend.anonKey, avaToken);
    const openTab = await freshTab(ava);
    // The broker works a while: a new session, an operator reply (a message), a message of theirs.
    const created = randomUUID();
    assert.equal(
      (
        await ava
          .schema('chat')
          .rpc('create_session', { p_id: created, p_kind: 'general', p_title: 'Scratch pad' })
      ).error,
      null,
    );
    const reply = await demo('/demo-api/operator-reply', {
      method: 'POST',
      headers: { cookie, authorization: `Bearer ${avaToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId: AVA_LUTON_NICE }),
    });
    assert.equal(reply.status, 200);
    await pollInto(ava, openTab);
    assert.ok(openTab.sessions.has(created));
    const before = openTab.cursor;

    const reset = await demo('/demo-api/reset', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(reset.status, 200);

    const counts = await ava.schema('chat').rpc('session_counts');
    assert.ok((counts.data as { version: number }).version > before, 'the clock moved forward');
    // One poll from the old cursor…
    await pollInto(ava, openTab);
    // …and the tab holds exactly what a fresh load holds.
    const fresh = await freshTab(ava);
    assert.ok(!openTab.sessions.has(created), 'the session made before the reset is gone');
    assert.deepEqual([...openTab.sessions].sort(), [...fresh.sessions].sort());
    assert.deepEqual([...openTab.messages].sort(), [...fresh.messages].sort());
    assert.equal(openTab.cursor, fresh.cursor);
  });

  it('nudges open demo pages after its own writes', async () => {
    const stream = await demo('/demo-api/events', { headers: { cookie } });
    assert.equal(stream.status, 200);
    assert.match(stream.headers.get('content-type') ?? '', /^text\/event-stream/);
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    const reply = await demo('/demo-api/operator-reply', {
      method: 'POST',
      headers: { cookie, authorization: `Bearer ${avaToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId: AVA_LUTON_NICE }),
    });
    assert.equal(reply.status, 200);
    let received = '';
    while (!received.includes('event: nudge')) {
      const { value, done } = await reader.read();
      assert.ok(!done, 'the stream stayed open');
      received += value;
    }
    assert.match(received, new RegExp(`"brokerId":"${AVA}"`));
    await reader.cancel();

    const noSession = await demo('/demo-api/events');
    assert.equal(noSession.status, 401);
  });

  it('lets the metadata endpoint serve the demo session or a broker token, nobody else', async () => {
    const body = JSON.stringify({ text: 'TEB-VNY Dec 12, 6 pax' });
    const parse = (headers: Record<string, string>) =>
      demo('/metadata/parse', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
    assert.equal((await parse({})).status, 401);
    assert.equal((await parse({ authorization: `Bearer ${backend.anonKey}` })).status, 401);
    assert.equal((await parse({ cookie, origin: 'http://evil.example' })).status, 401);
    assert.equal((await parse({ cookie })).status, 200);
    assert.equal((await parse({ authorization: `Bearer ${avaToken}` })).status, 200);
  });
});

describe('dev backend: when the demo and the public secret are refused', () => {
  it('refuses the public development secret beyond loopback', async () => {
    await assert.rejects(
      createDevBackend({ databaseUrl: 'postgres://unused@127.0.0.1:1/none', host: '0.0.0.0' }),
      /public development JWT secret/,
    );
  });

  /** Runs `npm start`'s command line; it must refuse before touching any database. */
  function cli(
    args: string[],
    env: Record<string, string>,
  ): Promise<{ code: number; err: string }> {
    const inherited = Object.entries(process.env).filter(
      ([name]) => !['JWT_SECRET', 'DATABASE_URL'].includes(name) || name in env,
    );
    const childEnv: NodeJS.ProcessEnv = { ...Object.fromEntries(inherited), ...env };
    return new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        [
          '--conditions=@chat-sessions/source',
          '--import',
          'tsx',
          'packages/dev-backend/src/cli.ts',
          'start',
          '--no-build',
          '--port',
          '0',
          ...args,
        ],
        { env: childEnv, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.on('close', (code) => resolve({ code: code ?? -1, err }));
    });
  }

  it('npm start refuses the public secret over DATABASE_URL and beyond loopback', async () => {
    const overUrl = await cli([], { DATABASE_URL: 'postgres://unused@127.0.0.1:1/none' });
    assert.equal(overUrl.code, 1);
    assert.match(overUrl.err, /public development JWT secret over DATABASE_URL/);
    const wide = await cli(['--host', '0.0.0.0'], {});
    assert.equal(wide.code, 1);
    assert.match(wide.err, /public development JWT secret on 0\.0\.0\.0/);
  });
});
