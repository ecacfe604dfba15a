import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ChatSessionsRuntime,
  newId,
  type CacheContents,
  type CacheStorage,
  type ChatSessionsClient,
  type Result,
  type SessionListSnapshot,
} from '../src/index.js';
import { parseStored, toStored } from '../src/offline/cache.js';
import { createFaultyFetch } from './support/faulty-fetch.js';
import { recordSnapshots, until } from './support/wait.js';
import { startWorld, type Broker, type SdkWorld } from './support/world.js';

/**
 * The runtime's local cache, end to end but for IndexedDB (Node has none; the browser spec
 * covers it): a reload paints from what an earlier runtime kept, then catches up by the change
 * feed from the stored cursor. Stored contents round-trip through the stored form and its
 * validation, exactly as IndexedDB's would. Real supabase-js, local gateway, real PostgreSQL;
 * requests are counted at the fetch, so "a delta, not a reload" is a count of real calls.
 */

let world: SdkWorld;

before(async () => {
  world = await startWorld('sdkcache');
});

after(async () => {
  await world?.close();
});

function data<T>(result: Result<T>): T {
  if (result.error) assert.fail(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

/** A browser's storage for one broker: what is written is kept in the stored (row) form. */
function memoryStorage(broker: string): CacheStorage & { stored: unknown } {
  const storage = {
    stored: undefined as unknown,
    read: async () => (storage.stored === undefined ? null : parseStored(storage.stored, broker)),
    write: async (contents: CacheContents) => {
      storage.stored = JSON.parse(JSON.stringify(toStored(contents, broker))) as unknown;
    },
    clear: async () => {
      storage.stored = undefined;
    },
  };
  return storage;
}

/** One page load of the broker: a new client and runtime over the same storage. */
function page(broker: Broker, storage: CacheStorage, cache: { maxDelta?: number } = {}) {
  const faults = createFaultyFetch();
  const device = broker.device({ fetch: faults.fetch });
  const runtime = new ChatSessionsRuntime(device.chat, {
    intervalMs: 0,
    afterWriteDelayMs: 0,
    userId: broker.userId,
    cache: { storage, saveDelayMs: 5, ...cache },
  });
  return { faults, runtime, chat: device.chat };
}

const titles = (snapshot: SessionListSnapshot) => snapshot.items.map((s) => s.title);

async function settled(list: { getSnapshot(): SessionListSnapshot }): Promise<void> {
  await until(() => {
    const s = list.getSnapshot();
    return s.loaded && !s.loading && !s.fromCache;
  }, 'the list settles');
}

/** Loads the list in a first page and keeps it (what a page does before it is closed). */
async function keepFirstPage(broker: Broker, storage: CacheStorage & { stored: unknown }) {
  const first = page(broker, storage);
  const list = first.runtime.sessionList({ tab: 'active' });
  const stop = list.subscribe(() => {});
  await settled(list);
  await until(() => storage.stored !== undefined, 'the cache is written');
  first.runtime.cache?.save();
  await new Promise((resolve) => setTimeout(resolve, 20));
  const kept = titles(list.getSnapshot());
  stop();
  first.runtime.dispose();
  return kept;
}

async function fresh(chat: ChatSessionsClient): Promise<string[]> {
  return data(await chat.sessions.list({ tab: 'active', limit: 50 })).items.map((s) => s.title);
}

describe('local cache: reload from a stored cursor', () => {
  it('paints the cached list before any answer, then converges by a delta (no list reload)', async () => {
    const broker = await world.createBroker();
    for (const title of ['TEB-VNY', 'LAS-ASE', 'HPN-PBI'])
      data(await broker.chat.sessions.create({ kind: 'general', title }));
    const storage = memoryStorage(broker.userId);
    const kept = await keepFirstPage(broker, storage);
    assert.deepEqual(kept.sort(), ['HPN-PBI', 'LAS-ASE', 'TEB-VNY']);

    // Elsewhere, while the page was closed: a rename, an archive, a new session.
    const listed = data(await broker.chat.sessions.list({ tab: 'active' })).items;
    const byTitle = (title: string) => listed.find((s) => s.title === title)?.id ?? '';
    data(await broker.chat.sessions.rename(byTitle('TEB-VNY'), 'TEB-VNY (6 pax)'));
    data(await broker.chat.sessions.archive(byTitle('LAS-ASE')));
    data(await broker.chat.sessions.create({ kind: 'general', title: 'MIA-NAS' }));

    const reload = page(broker, storage);
    const list = reload.runtime.sessionList({ tab: 'active' });
    const seen = recordSnapshots(list);
    await settled(list);
    seen.stop();
    const painted = seen.snapshots.find((s) => s.fromCache);
    assert.ok(painted, 'a snapshot painted from the cache');
    assert.deepEqual(titles(painted).sort(), kept.sort(), 'the cached rows, as kept');
    assert.deepEqual(titles(list.getSnapshot()).sort(), (await fresh(broker.chat)).sort());
    assert.equal(list.getSnapshot().tabCounts.active, 3);
    assert.equal(list.getSnapshot().tabCounts.archived, 1);
    assert.equal(reload.faults.calls('list_sessions').length, 0, 'no page was read again');
    assert.equal(reload.faults.calls('changes_since').length, 1, 'one delta request');
    reload.runtime.dispose();
  });

  it('a stale cursor (more changes than maxDelta) falls back to a full reload', async () => {
    const broker = await world.createBroker();
    data(await broker.chat.sessions.create({ kind: 'general', title: 'Kept' }));
    const storage = memoryStorage(broker.userId);
    await keepFirstPage(broker, storage);
    for (let i = 0; i < 8; i += 1)
      data(await broker.chat.sessions.create({ kind: 'general', title: `Later ${i}` }));

    const reload = page(broker, storage, { maxDelta: 5 });
    const list = reload.runtime.sessionList({ tab: 'active' });
    const seen = recordSnapshots(list);
    await settled(list);
    seen.stop();
    assert.ok(seen.snapshots.some((s) => s.fromCache && titles(s).join() === 'Kept'));
    assert.deepEqual(titles(list.getSnapshot()).sort(), (await fresh(broker.chat)).sort());
    assert.equal(reload.faults.calls('list_sessions').length, 1, 'the page was read again');
    assert.ok(
      reload.faults.calls('changes_since').length <= 1,
      'at most the first batch, read with the baseline, and then dropped',
    );
    reload.runtime.dispose();
  });

  it('a cursor from before a purge: the purged session leaves the list and its conversation', async () => {
    const broker = await world.createBroker();
    const purged = data(await broker.chat.sessions.create({ kind: 'general', title: 'Purged' }));
    data(await broker.chat.sessions.create({ kind: 'general', title: 'Kept' }));
    data(await broker.chat.messages.append({ id: newId(), sessionId: purged.id, content: 'hi' }));
    const storage = memoryStorage(broker.userId);
    // The first page also opens the purged session's conversation, so it is kept too.
    const first = page(broker, storage);
    const list = first.runtime.sessionList({ tab: 'active' });
    const conversation = first.runtime.messages({ sessionId: purged.id });
    const stops = [list.subscribe(() => {}), conversation.subscribe(() => {})];
    await settled(list);
    await until(() => conversation.getSnapshot().loaded, 'the conversation loads');
    first.runtime.cache?.save();
    await until(
      () =>
        (storage.stored as { conversations?: unknown[] } | undefined)?.conversations?.length === 1,
      'the conversation is kept',
    );
    for (const stop of stops) stop();
    first.runtime.dispose();

    data(await broker.chat.sessions.delete(purged.id));
    data(await broker.chat.sessions.purge(purged.id));

    const reload = page(broker, storage);
    const again = reload.runtime.sessionList({ tab: 'active' });
    const seen = recordSnapshots(again);
    await settled(again);
    seen.stop();
    assert.ok(seen.snapshots.some((s) => s.fromCache && titles(s).includes('Purged')));
    assert.deepEqual(titles(again.getSnapshot()), ['Kept']);
    assert.equal(reload.faults.calls('list_sessions').length, 0);
    const reopened = reload.runtime.messages({ sessionId: purged.id });
    const stop = reopened.subscribe(() => {});
    await until(() => reopened.getSnapshot().gone || !!reopened.getSnapshot().error, 'gone');
    assert.deepEqual(reopened.getSnapshot().items, [], 'nothing of the purged conversation');
    stop();
    reload.runtime.dispose();
  });

  it('a cursor ahead of the server (a rewound database) falls back to a full reload', async () => {
    const broker = await world.createBroker();
    data(await broker.chat.sessions.create({ kind: 'general', title: 'Real' }));
    const storage = memoryStorage(broker.userId);
    await keepFirstPage(broker, storage);
    (storage.stored as { cursor: number }).cursor += 1000;

    const reload = page(broker, storage);
    const list = reload.runtime.sessionList({ tab: 'active' });
    list.subscribe(() => {});
    await settled(list);
    assert.deepEqual(titles(list.getSnapshot()), ['Real']);
    assert.equal(reload.faults.calls('list_sessions').length, 1, 'read again from the server');
    reload.runtime.dispose();
  });
});

describe('local cache: what is read back is validated like a network row', () => {
  const broker = newId();
  const row = {
    id: newId(),
    owner_id: broker,
    kind: 'general',
    status: 'active',
    status_before_archive: null,
    title: 'Cached',
    trip_type: null,
    legs: [],
    passengers: null,
    stage: null,
    outcome: null,
    pinned: false,
    resume_at: null,
    created_at: '2026-12-01T10:00:00Z',
    updated_at: '2026-12-01T10:00:00Z',
    last_activity_at: '2026-12-01T10:00:00Z',
    completed_at: null,
    archived_at: null,
    deleted_at: null,
    departs_on: null,
    last_message_preview: null,
    message_count: 0,
    unread_count: 0,
    thread_count: 0,
    replied_thread_count: 0,
    last_seq: 0,
    metadata: {},
    external_ref: null,
    version: 1,
    sync_version: 4,
  };
  const stored = (overrides: Record<string, unknown> = {}, rows: unknown[] = [row]) => ({
    schema: 1,
    broker,
    cursor: 4,
    savedAt: Date.now(),
    counts: null,
    lists: [{ tab: 'active', sort: 'recent', pageSize: 50, items: rows, nextCursor: null }],
    conversations: [],
    ...overrides,
  });

  it('reads back what it wrote, row for row', () => {
    const contents = parseStored(stored(), broker);
    assert.ok(contents);
    assert.equal(contents.lists[0]?.items[0]?.title, 'Cached');
    assert.deepEqual(parseStored(toStored(contents, broker), broker), contents);
  });

  it('drops a corrupt cache, an older schema, and rows of another broker', () => {
    assert.equal(parseStored('not an object', broker), null);
    assert.equal(parseStored(stored({ schema: 0 }), broker), null, 'an older schema');
    assert.equal(parseStored(stored({ cursor: -1 }), broker), null);
    assert.equal(parseStored(stored({}, [{ ...row, status: 'exploded' }]), broker), null);
    assert.equal(parseStored(stored({}, [{ ...row, owner_id: newId() }]), broker), null);
    assert.equal(parseStored(stored(), newId()), null, "another broker's cache");
  });
});
