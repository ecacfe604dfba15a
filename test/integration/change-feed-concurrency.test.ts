// The change feed is gap-free under concurrent writers: a poller that moves its cursor to the
// `version` it was given never skips a change that commits late. Two real connections write as
// the same broker through the API (as `authenticated`, logged in as `authenticator`), one of
// them holding its transaction open; a third polls.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createTestDatabase, databaseUrl, type TestDatabase } from '../support/db.js';

const broker = '6a000000-0000-4000-8000-000000000001';
const session = '6b000000-0000-4000-8000-000000000001';
const claims = JSON.stringify({ sub: broker, role: 'authenticated' });

interface Feed {
  version: number;
  has_more: boolean;
  sessions: Array<{ id: string; sync_version: number }>;
  messages: Array<{ id: string; sync_version: number }>;
}

/** A connection logged in as `authenticator` acting as the broker, like the gateway does. */
async function brokerConnection(db: TestDatabase): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: databaseUrl(db.adminUrl, db.name, 'authenticator'),
  });
  await client.connect();
  return client;
}

async function actAsBroker(client: pg.Client): Promise<void> {
  await client.query(`select set_config('request.jwt.claims', $1, true)`, [claims]);
  await client.query('set local role authenticated');
}

async function append(client: pg.Client, content: string): Promise<string> {
  const id = randomUUID();
  await client.query(`select chat.append_message($1, $2, $3)`, [id, session, content]);
  return id;
}

async function poll(client: pg.Client, since: number, limit = 3): Promise<Feed> {
  await client.query('begin read only');
  try {
    await actAsBroker(client);
    const result = await client.query<{ feed: Feed }>(`select chat.changes_since($1, $2) as feed`, [
      since,
      limit,
    ]);
    return result.rows[0]!.feed;
  } finally {
    await client.query('commit');
  }
}

/** Drains the feed from a cursor: every message id seen, and the final cursor. */
async function drain(client: pg.Client, since: number, seen: string[]): Promise<number> {
  let cursor = since;
  for (;;) {
    const feed = await poll(client, cursor);
    for (const message of feed.messages) seen.push(message.id);
    assert.ok(feed.version >= cursor, 'the cursor never moves back');
    cursor = feed.version;
    if (!feed.has_more) return cursor;
  }
}

async function waitUntilBlocked(admin: pg.Client, pid: number): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const result = await admin.query<{ wait_event_type: string | null }>(
      `select wait_event_type from pg_stat_activity where pid = $1`,
      [pid],
    );
    if (result.rows[0]?.wait_event_type === 'Lock') return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail('the second writer never waited for the first');
}

describe('change feed under concurrent writers', () => {
  let db: TestDatabase;
  let admin: pg.Client;

  before(async () => {
    db = await createTestDatabase('feed');
    admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    await admin.query(`insert into auth.users (id, email) values ($1, 'feed@example.test')`, [
      broker,
    ]);
    const setup = await brokerConnection(db);
    await setup.query('begin');
    await actAsBroker(setup);
    await setup.query(`select chat.create_session($1, 'general', 'Feed test')`, [session]);
    await setup.query('commit');
    await setup.end();
  });

  after(async () => {
    await admin?.end();
    await db?.drop();
  });

  it('a writer that took its version first and commits last is never skipped', async () => {
    const first = await brokerConnection(db);
    const second = await brokerConnection(db);
    const poller = await brokerConnection(db);
    try {
      const start = (await poll(poller, 0, 1000)).version;
      const seen: string[] = [];

      // The first writer takes the next version and keeps its transaction open.
      await first.query('begin');
      await actAsBroker(first);
      const early = await append(first, 'written first, committed last');

      // The second writer starts later; it must wait for the first, not overtake it.
      await second.query('begin');
      await actAsBroker(second);
      const secondPid = (await second.query<{ pid: number }>('select pg_backend_pid() as pid'))
        .rows[0]!.pid;
      const late = (async () => {
        const id = await append(second, 'written second');
        await second.query('commit');
        return id;
      })();
      await waitUntilBlocked(admin, secondPid);

      // While both are in flight the poller sees neither, and its cursor does not pass them.
      let cursor = await drain(poller, start, seen);
      assert.deepEqual(seen, []);

      await first.query('commit');
      const lateId = await late;
      cursor = await drain(poller, cursor, seen);
      assert.deepEqual(seen, [early, lateId], 'both changes, in commit order, each once');
      assert.equal((await poll(poller, cursor)).messages.length, 0);
    } finally {
      await Promise.all([first.end(), second.end(), poller.end()]);
    }
  });

  it('randomized interleavings: every change is delivered exactly once', async () => {
    const writers = await Promise.all([brokerConnection(db), brokerConnection(db)]);
    const poller = await brokerConnection(db);
    const written: string[] = [];
    const seen: string[] = [];
    let cursor = (await poll(poller, 0, 1000)).version;
    let running = true;
    try {
      const pollLoop = (async () => {
        while (running) {
          cursor = await drain(poller, cursor, seen);
        }
      })();
      await Promise.all(
        writers.map(async (client, w) => {
          for (let round = 0; round < 25; round += 1) {
            await client.query('begin');
            await actAsBroker(client);
            const count = 1 + ((round + w) % 3);
            const ids: string[] = [];
            for (let i = 0; i < count; i += 1) {
              ids.push(await append(client, `writer ${w} round ${round} message ${i}`));
              await new Promise((resolve) => setTimeout(resolve, (round * 7 + w * 3 + i) % 5));
            }
            if (round % 6 === 5) {
              await client.query('rollback');
            } else {
              await client.query('commit');
              written.push(...ids);
            }
          }
        }),
      );
      running = false;
      await pollLoop;
      await drain(poller, cursor, seen);
      assert.equal(new Set(seen).size, seen.length, 'no change delivered twice');
      assert.deepEqual(
        [...seen].sort(),
        [...written].sort(),
        'every committed change delivered, nothing rolled back',
      );
    } finally {
      running = false;
      await Promise.all([...writers.map((c) => c.end()), poller.end()]);
    }
  });
});
