import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newId, type ChatSessionsClient, type Result } from '../src/index.js';
import { startWorld, type Broker, type SdkWorld } from './support/world.js';

/**
 * Catching up by the change feed from a stored cursor (what a page reloaded from its local cache
 * does): a stale cursor far behind, a cursor from before sessions were purged, and the clock
 * never moving back. Real supabase-js through the local gateway over real PostgreSQL; the truth
 * is read with superuser SQL, past row-level security.
 */

function data<T>(result: Result<T>): T {
  if (result.error) assert.fail(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

/** A page's local copy: rows by id, as a cache holds them, and the cursor they are consistent with. */
interface Cache {
  cursor: number;
  sessions: Map<string, { syncVersion: number; deletedAt: string | null }>;
  threads: Map<string, { sessionId: string; syncVersion: number }>;
  messages: Map<string, { sessionId: string; syncVersion: number }>;
  /** Every change delivered, `entity:id@version`, to prove none came twice. */
  delivered: string[];
  batches: number;
}

function emptyCache(): Cache {
  return {
    cursor: 0,
    sessions: new Map(),
    threads: new Map(),
    messages: new Map(),
    delivered: [],
    batches: 0,
  };
}

/** Reads the feed from the cache's cursor until nothing more, applying each batch. */
async function catchUp(chat: ChatSessionsClient, cache: Cache, limit = 500): Promise<Cache> {
  for (;;) {
    const batch = data(await chat.changes.since({ since: cache.cursor, limit }));
    assert.ok(
      batch.version >= cache.cursor,
      `the feed went back from ${cache.cursor} to ${batch.version}`,
    );
    cache.batches += 1;
    for (const s of batch.sessions) {
      cache.sessions.set(s.id, { syncVersion: s.syncVersion, deletedAt: s.deletedAt });
      cache.delivered.push(`session:${s.id}@${s.syncVersion}`);
    }
    for (const t of batch.threads) {
      cache.threads.set(t.id, { sessionId: t.sessionId, syncVersion: t.syncVersion });
      cache.delivered.push(`thread:${t.id}@${t.syncVersion}`);
    }
    for (const m of batch.messages) {
      cache.messages.set(m.id, { sessionId: m.sessionId, syncVersion: m.syncVersion });
      cache.delivered.push(`message:${m.id}@${m.syncVersion}`);
    }
    for (const gone of batch.deleted) {
      cache.delivered.push(`deleted:${gone.entity}:${gone.id}`);
      if (gone.entity === 'session') {
        cache.sessions.delete(gone.id);
        for (const [id, row] of cache.threads)
          if (row.sessionId === gone.id) cache.threads.delete(id);
        for (const [id, row] of cache.messages)
          if (row.sessionId === gone.id) cache.messages.delete(id);
      } else if (gone.entity === 'thread') cache.threads.delete(gone.id);
      else cache.messages.delete(gone.id);
    }
    cache.cursor = batch.version;
    if (!batch.hasMore) return cache;
  }
}

let world: SdkWorld;

before(async () => {
  world = await startWorld('sdkcatch');
});

after(async () => {
  await world?.close();
});

/** What the database holds for a broker, by id and version. */
async function truth(broker: Broker) {
  const rows = await world.adminQuery<{ entity: string; id: string; v: string; gone: boolean }>(
    `select 'session' as entity, id, sync_version as v, deleted_at is not null as gone from chat.sessions where owner_id = $1
     union all select 'thread', id, sync_version, false from chat.operator_threads where owner_id = $1
     union all select 'message', id, sync_version, false from chat.messages where owner_id = $1`,
    [broker.userId],
  );
  const [clock] = await world.adminQuery<{ clock: string }>(
    'select clock from chat.owner_state where owner_id = $1',
    [broker.userId],
  );
  const of = (entity: string) =>
    rows
      .filter((r) => r.entity === entity)
      .map((r) => `${r.id}@${r.v}`)
      .sort();
  return {
    sessions: of('session'),
    threads: of('thread'),
    messages: of('message'),
    trashed: rows
      .filter((r) => r.gone)
      .map((r) => r.id)
      .sort(),
    clock: Number(clock?.clock ?? 0),
  };
}

function view(cache: Cache) {
  const of = (map: Map<string, { syncVersion: number }>) =>
    [...map].map(([id, row]) => `${id}@${row.syncVersion}`).sort();
  return {
    sessions: of(cache.sessions),
    threads: of(cache.threads),
    messages: of(cache.messages),
    trashed: [...cache.sessions]
      .filter(([, s]) => s.deletedAt !== null)
      .map(([id]) => id)
      .sort(),
    clock: cache.cursor,
  };
}

function assertNoDuplicates(cache: Cache): void {
  assert.equal(new Set(cache.delivered).size, cache.delivered.length, 'no change delivered twice');
}

async function seedConversation(chat: ChatSessionsClient, title: string): Promise<string> {
  const session = data(await chat.sessions.create({ kind: 'flight_request', title }));
  data(
    await chat.messages.append({ id: newId(), sessionId: session.id, content: `${title}: 6 pax` }),
  );
  data(await chat.threads.open({ id: newId(), sessionId: session.id, operatorName: 'NetJets' }));
  return session.id;
}

describe('change-feed catch-up from a stored cursor', () => {
  it('a stale cursor, dozens of versions behind, catches up to exactly what the server holds', async () => {
    const broker = await world.createBroker();
    const first = await seedConversation(broker.chat, 'Kept');
    const second = await seedConversation(broker.chat, 'Renamed later');
    const third = await seedConversation(broker.chat, 'Trashed later');
    const cache = await catchUp(broker.chat, emptyCache());
    const stored = cache.cursor;

    // Meanwhile, another device of the broker works on: new sessions, edits, trash and restore.
    const other = broker.device().chat;
    for (let i = 0; i < 12; i += 1) await seedConversation(other, `Later ${i}`);
    data(await other.sessions.rename(second, 'Renamed'));
    data(await other.sessions.pause(first));
    data(await other.sessions.delete(third));
    data(await other.sessions.pin(first));
    for (let i = 0; i < 20; i += 1)
      data(await other.messages.append({ id: newId(), sessionId: first, content: `Update ${i}` }));
    const expected = await truth(broker);
    assert.ok(
      expected.clock - stored > 60,
      `the cursor is ${expected.clock - stored} versions behind`,
    );

    await catchUp(broker.chat, cache, 7);
    assert.ok(cache.batches > 5, `it took ${cache.batches} batches of at most 7`);
    assert.deepEqual(view(cache), expected, 'the cache equals the server, trash included');
    assertNoDuplicates(cache);
    assert.deepEqual(view(await catchUp(broker.chat, emptyCache())), expected, 'and a fresh load');
  });

  it('a cursor from before a purge learns the purged sessions are gone, threads and messages with them', async () => {
    const broker = await world.createBroker();
    const kept = await seedConversation(broker.chat, 'Kept');
    const purgedByBroker = await seedConversation(broker.chat, 'Purged by the broker');
    const purgedByJob = await seedConversation(broker.chat, 'Purged by the nightly job');
    const beforeTrash = await catchUp(broker.chat, emptyCache());
    assert.equal(beforeTrash.sessions.size, 3);
    assert.equal(beforeTrash.messages.size, 3, 'a message of each is cached');

    data(await broker.chat.sessions.delete(purgedByBroker));
    data(await broker.chat.sessions.delete(purgedByJob));
    // A second cache, taken while both sit in the trash.
    const inTrash = await catchUp(broker.chat, emptyCache());
    assert.equal([...inTrash.sessions.values()].filter((s) => s.deletedAt !== null).length, 2);

    data(await broker.chat.sessions.purge(purgedByBroker));
    const { error } = await world
      .serviceSupabase()
      .schema('chat')
      .rpc('purge_trash', { p_older_than: '0 seconds' });
    assert.equal(error, null);
    data(
      await broker.chat.messages.append({
        id: newId(),
        sessionId: kept,
        content: 'After the purge',
      }),
    );
    const expected = await truth(broker);
    assert.equal(expected.sessions.length, 1, 'only the kept session is left');

    for (const cache of [beforeTrash, inTrash]) {
      const deletions = cache.delivered.length;
      await catchUp(broker.chat, cache, 3);
      const gone = cache.delivered
        .slice(deletions)
        .filter((d) => d.startsWith('deleted:'))
        .sort();
      assert.deepEqual(
        gone,
        [`deleted:session:${purgedByBroker}`, `deleted:session:${purgedByJob}`].sort(),
      );
      assert.deepEqual(
        view(cache),
        expected,
        'nothing of the purged sessions is left in the cache',
      );
      assertNoDuplicates(cache);
    }
  });

  it('never moves the clock back: purges and trash only ever add versions', async () => {
    const broker = await world.createBroker();
    const cursors: number[] = [];
    const note = async () => cursors.push(data(await broker.chat.sessions.counts()).version);
    const id = await seedConversation(broker.chat, 'Round trip');
    await note();
    data(await broker.chat.sessions.delete(id));
    await note();
    data(await broker.chat.sessions.restore(id));
    await note();
    data(await broker.chat.sessions.delete(id));
    await note();
    data(await broker.chat.sessions.purge(id));
    await note();
    const again = await seedConversation(broker.chat, 'Another');
    data(await broker.chat.sessions.delete(again));
    await note();
    const { error } = await world
      .serviceSupabase()
      .schema('chat')
      .rpc('purge_trash', { p_older_than: '0 seconds' });
    assert.equal(error, null);
    await note();
    for (let i = 1; i < cursors.length; i += 1)
      assert.ok(cursors[i]! > cursors[i - 1]!, `step ${i}: ${cursors[i - 1]} → ${cursors[i]}`);

    // Every cursor ever handed out still catches up, and to the same place.
    const expected = await truth(broker);
    for (const cursor of cursors) {
      const cache = await catchUp(broker.chat, { ...emptyCache(), cursor });
      assert.equal(cache.cursor, expected.clock, `from ${cursor}`);
    }

    // Were the clock set back (what the demo reset used to do), a page at a cursor past it would
    // see nothing new, forever: the feed answers its own cursor. What a page can check instead:
    // the server's version (session_counts) below its stored cursor means rewound, reload.
    await world.adminQuery('update chat.owner_state set clock = clock - 3 where owner_id = $1', [
      broker.userId,
    ]);
    data(await broker.chat.sessions.create({ kind: 'general', title: 'After a rewind' }));
    const stored = expected.clock;
    const batch = data(await broker.chat.changes.since({ since: stored }));
    assert.equal(
      batch.sessions.length,
      0,
      'a rewound clock hides the new session from the old cursor',
    );
    assert.ok(
      data(await broker.chat.sessions.counts()).version < stored,
      'yet counts shows the rewind',
    );
  });
});
