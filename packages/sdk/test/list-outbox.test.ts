import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import {
  ChatSessionsRuntime,
  type ChatSessionsClient,
  type SessionListStore,
} from '../src/index.js';
import { createFaultyFetch, type FaultyFetch } from './support/faulty-fetch.js';
import { memoryIndexedDB, memoryLocks } from './support/memory-outbox-storage.js';
import { until } from './support/wait.js';
import { startWorld, type Broker, type SdkWorld } from './support/world.js';

/**
 * Session-list actions through the outbox, from real calls through supabase-js to the gateway
 * over PostgreSQL. The faulty fetch is the network (dropped connections, lost answers); Node
 * lacks IndexedDB and Web Locks, so the outbox keeps its queue in the in-memory stand-ins of
 * `support/memory-outbox-storage.ts` (the browser's storage, not the database).
 */

let world: SdkWorld;
let broker: Broker;
const runtimes: ChatSessionsRuntime[] = [];

before(async () => {
  world = await startWorld('sdklo');
  broker = await world.createBroker();
});

after(async () => {
  await world?.close();
});

afterEach(() => {
  for (const runtime of runtimes.splice(0)) runtime.dispose();
});

const OFFLINE = /./;

/** The browser storage a page keeps across reloads (the outbox's IndexedDB and locks). */
interface BrowserStorage {
  indexedDB: IDBFactory;
  locks: LockManager;
}

async function device(
  storage: BrowserStorage = { indexedDB: memoryIndexedDB(), locks: memoryLocks() },
  faulty: (faults: FaultyFetch) => void = () => undefined,
): Promise<{ faults: FaultyFetch; list: SessionListStore; runtime: ChatSessionsRuntime }> {
  const faults = createFaultyFetch();
  faulty(faults);
  const { chat } = broker.device({ fetch: faults.fetch });
  const runtime = new ChatSessionsRuntime(chat, {
    intervalMs: 0,
    userId: broker.userId,
    connection: { probeMs: 0 },
    outbox: { retryMs: 20, warmMs: 0, ...storage },
  });
  runtimes.push(runtime);
  const list = runtime.sessionList({ tab: 'active' });
  list.subscribe(() => {});
  await until(() => list.getSnapshot().loaded, 'the list to load');
  return { faults, list, runtime };
}

async function newSession(chat: ChatSessionsClient, title: string): Promise<string> {
  const { data, error } = await chat.sessions.create({ kind: 'general', title });
  if (error) throw error;
  return data.id;
}

async function row(id: string): Promise<{ status: string; pinned: boolean }> {
  const [found] = await world.adminQuery<{ status: string; pinned: boolean }>(
    'select status, pinned from chat.sessions where id = $1',
    [id],
  );
  assert.ok(found, `session ${id} exists`);
  return found;
}

/** Requests of `fn` the server answered (any status), in the order they went. */
function answered(faults: FaultyFetch, fn: string): number {
  return faults.calls(fn).filter((call) => call.serverStatus > 0).length;
}

describe('SessionListStore with the outbox', () => {
  it('queues a pause, a pin and a read mark made offline, shows them, and applies each once, in order, on reconnect', async () => {
    const id = await newSession(broker.chat, 'Offline pause and pin');
    const { faults, list } = await device();
    await until(() => list.session(id) !== undefined, 'the new session to be listed');

    faults.inject(OFFLINE, { kind: 'drop-before' }, 100_000);
    const paused = await list.pause(id);
    assert.equal(paused.error, null);
    assert.equal(paused.data?.status, 'paused');
    const pinned = await list.pin(id);
    assert.equal(pinned.error, null);
    assert.equal(pinned.data?.pinned, true);
    const read = await list.markRead(id);
    assert.equal(read.error, null);

    let view = list.getSnapshot();
    assert.deepEqual(view.queuedIds, [id]);
    assert.ok(view.pendingIds.includes(id));
    assert.equal(view.mutationError, null);
    const shown = view.items.find((item) => item.id === id);
    assert.equal(shown?.status, 'paused');
    assert.equal(shown?.pinned, true);
    // Nothing reached the server while offline.
    assert.deepEqual(await row(id), { status: 'active', pinned: false });

    faults.clear(); // the connection returns
    await until(() => list.getSnapshot().queuedIds.length === 0, 'the outbox to drain', 10_000);
    view = list.getSnapshot();
    assert.deepEqual(view.pendingIds, []);
    assert.equal(view.mutationError, null);
    assert.deepEqual(await row(id), { status: 'paused', pinned: true });
    const item = view.items.find((candidate) => candidate.id === id);
    assert.equal(item?.status, 'paused');
    assert.equal(item?.pinned, true);
    // Each sent once, the pause before the pin.
    assert.equal(answered(faults, 'transition_session'), 1);
    assert.equal(answered(faults, 'set_session_pinned'), 1);
    assert.equal(answered(faults, 'mark_session_read'), 1);
    const order = faults.log
      .filter((call) => call.serverStatus > 0)
      .map((call) => call.fn)
      .filter((fn) => /^(transition_session|set_session_pinned|mark_session_read)$/.test(fn));
    assert.deepEqual(order, ['transition_session', 'set_session_pinned', 'mark_session_read']);
  });

  it('shows the actions still queued after a reload as made and as queued at once, then applies each once', async () => {
    const pauseId = await newSession(broker.chat, 'Paused before the reload');
    const pinId = await newSession(broker.chat, 'Pinned before the reload');
    const storage = { indexedDB: memoryIndexedDB(), locks: memoryLocks() };
    const before = await device(storage);
    await until(() => before.list.session(pinId) !== undefined, 'the new sessions to be listed');
    before.faults.inject(OFFLINE, { kind: 'drop-before' }, 100_000);
    assert.equal((await before.list.pause(pauseId)).error, null);
    assert.equal((await before.list.pin(pinId)).error, null);
    before.runtime.dispose(); // the page goes away with both waiting

    // The reloaded page reads again, but its writes are still lost (they stay queued).
    const WRITES = /^(transition_session|set_session_pinned|mark_session_read)$/;
    const after = await device(storage, (faults) =>
      faults.inject(WRITES, { kind: 'drop-before' }, 100_000),
    );
    await until(
      () => after.list.getSnapshot().queuedIds.length === 2,
      'the queued actions to show again',
    );
    const view = after.list.getSnapshot();
    assert.deepEqual([...view.queuedIds].sort(), [pauseId, pinId].sort());
    assert.equal(view.items.find((item) => item.id === pauseId)?.status, 'paused');
    assert.equal(view.items.find((item) => item.id === pinId)?.pinned, true);
    assert.equal(view.mutationError, null);
    assert.deepEqual(await row(pauseId), { status: 'active', pinned: false });

    after.faults.clear(); // the connection returns
    await until(
      () => after.list.getSnapshot().queuedIds.length === 0,
      'the outbox to drain',
      10_000,
    );
    assert.deepEqual(after.list.getSnapshot().pendingIds, []);
    assert.deepEqual(await row(pauseId), { status: 'paused', pinned: false });
    assert.deepEqual(await row(pinId), { status: 'active', pinned: true });
    assert.equal(answered(after.faults, 'transition_session'), 1);
    assert.equal(answered(after.faults, 'set_session_pinned'), 1);
    assert.equal(answered(before.faults, 'transition_session'), 0);
  });

  it('queues a create, a rename, an edit, a delete and a restore made offline with client ids, and applies each once on reconnect', async () => {
    const toEdit = await newSession(broker.chat, 'Edit me offline');
    const toTrash = await newSession(broker.chat, 'Trash me offline');
    const toRestore = await newSession(broker.chat, 'Restore me offline');
    const { faults, list } = await device();
    await until(() => list.session(toTrash) !== undefined, 'the new sessions to be listed');
    // Trashed through the list while online, so the list knows the row it will restore.
    assert.equal((await list.delete(toRestore)).error, null);

    faults.inject(OFFLINE, { kind: 'drop-before' }, 100_000);
    const created = await list.create({ kind: 'general', title: 'Created offline' });
    assert.equal(created.error, null);
    const createdId = created.data?.id ?? '';
    assert.equal(created.data?.title, 'Created offline');
    assert.equal((await list.rename(toEdit, 'Renamed offline')).data?.title, 'Renamed offline');
    assert.equal((await list.update(createdId, { title: 'Created, then edited' })).error, null);
    assert.equal((await list.delete(toTrash)).error, null);
    assert.equal((await list.restore(toRestore)).error, null);

    let view = list.getSnapshot();
    assert.deepEqual([...view.queuedIds].sort(), [createdId, toEdit, toTrash, toRestore].sort());
    assert.equal(view.items.find((item) => item.id === createdId)?.title, 'Created, then edited');
    assert.equal(view.items.find((item) => item.id === toEdit)?.title, 'Renamed offline');
    assert.equal(
      view.items.some((item) => item.id === toTrash),
      false,
    );
    const [none] = await world.adminQuery<{ n: number }>(
      'select count(*)::int as n from chat.sessions where id = $1',
      [createdId],
    );
    assert.equal(none?.n, 0, 'nothing reached the server while offline');

    faults.clear(); // the connection returns
    await until(() => list.getSnapshot().queuedIds.length === 0, 'the outbox to drain', 10_000);
    view = list.getSnapshot();
    assert.deepEqual(view.pendingIds, []);
    assert.equal(view.mutationError, null);
    const rows = await world.adminQuery<{ id: string; title: string; deleted: boolean }>(
      'select id, title, deleted_at is not null as deleted from chat.sessions where id = any($1)',
      [[createdId, toEdit, toTrash, toRestore]],
    );
    const byId = new Map(rows.map((found) => [found.id, found]));
    assert.deepEqual(byId.get(createdId), {
      id: createdId,
      title: 'Created, then edited',
      deleted: false,
    });
    assert.equal(byId.get(toEdit)?.title, 'Renamed offline');
    assert.equal(byId.get(toTrash)?.deleted, true);
    assert.equal(byId.get(toRestore)?.deleted, false);
    // (The log starts again at clear(): these are the replays.)
    for (const fn of ['create_session', 'delete_session', 'restore_session'])
      assert.equal(answered(faults, fn), 1, `${fn} answered once`);
    assert.equal(answered(faults, 'update_session'), 2, 'the rename and the edit, once each');
    const order = faults.log
      .filter((call) => call.serverStatus > 0)
      .map((call) => call.fn)
      .filter((fn) => /^(create|update|delete|restore)_session$/.test(fn));
    assert.deepEqual(order, [
      'create_session',
      'update_session',
      'update_session',
      'delete_session',
      'restore_session',
    ]);
  });

  it('replays a create whose answer was lost with its client id: one session, no conflict', async () => {
    const { faults, list } = await device();
    faults.inject('create_session', { kind: 'drop-after' }, 1);
    const created = await list.create({ kind: 'general', title: 'Created, answer lost' });
    assert.equal(created.error, null);
    const id = created.data?.id ?? '';
    await until(
      () => list.getSnapshot().queuedIds.length === 0 && list.getSnapshot().pendingIds.length === 0,
      'the replay to settle',
      10_000,
    );
    assert.equal(list.getSnapshot().mutationError, null);
    assert.equal(answered(faults, 'create_session'), 2, 'the first attempt and the replay');
    const [found] = await world.adminQuery<{ n: number }>(
      "select count(*)::int as n from chat.sessions where title = 'Created, answer lost'",
    );
    assert.equal(found?.n, 1);
    assert.equal(list.session(id)?.title, 'Created, answer lost');
  });

  it('shows an action another tab queued as made and as queued, and settles it there too', async () => {
    const id = await newSession(broker.chat, 'Paused in the other tab');
    const storage = { indexedDB: memoryIndexedDB(), locks: memoryLocks() };
    const [left, right] = [await device(storage), await device(storage)];
    await until(() => right.list.session(id) !== undefined, 'the new session to be listed');
    left.faults.inject(OFFLINE, { kind: 'drop-before' }, 100_000);
    right.faults.inject(OFFLINE, { kind: 'drop-before' }, 100_000);
    assert.equal((await left.list.pause(id)).error, null);
    await until(() => right.list.getSnapshot().queuedIds.includes(id), 'the other tab to show it');
    assert.equal(right.list.session(id)?.status, 'paused');

    left.faults.clear();
    right.faults.clear();
    await until(
      () =>
        right.list.getSnapshot().queuedIds.length === 0 &&
        left.list.getSnapshot().queuedIds.length === 0,
      'both tabs to settle',
      10_000,
    );
    assert.equal(right.list.session(id)?.status, 'paused');
    assert.equal((await row(id)).status, 'paused');
    assert.equal(
      answered(left.faults, 'transition_session') + answered(right.faults, 'transition_session'),
      1,
      'sent once, by one of the tabs',
    );
  });

  it('counts a replayed action as done when its first answer was lost after the server applied it', async () => {
    const id = await newSession(broker.chat, 'Lost answer');
    const { faults, list } = await device();
    await until(() => list.session(id) !== undefined, 'the new session to be listed');

    // The server pauses the session, but the answer never arrives.
    faults.inject('transition_session', { kind: 'drop-after' }, 1);
    const paused = await list.pause(id);
    assert.equal(paused.error, null);
    assert.equal(paused.data?.status, 'paused');

    await until(
      () => list.getSnapshot().queuedIds.length === 0 && list.getSnapshot().pendingIds.length === 0,
      'the replay to settle',
      10_000,
    );
    const view = list.getSnapshot();
    assert.equal(view.mutationError, null, 'a pause the server already made is no refusal');
    assert.equal(view.items.find((item) => item.id === id)?.status, 'paused');
    assert.equal((await row(id)).status, 'paused');
    // The first attempt (answer lost) and the replay (refused as already paused) both reached it.
    assert.equal(answered(faults, 'transition_session'), 2);
    assert.ok(faults.calls('get_session').length >= 1, 'the replay read the session');
  });

  it('rolls a queued action the server refuses back to the server row and reports it once', async () => {
    const id = await newSession(broker.chat, 'Refused later');
    const { faults, list } = await device();
    await until(() => list.session(id) !== undefined, 'the new session to be listed');
    const errors: unknown[] = [];
    list.subscribe(() => {
      const { mutationError } = list.getSnapshot();
      if (mutationError && errors.at(-1) !== mutationError) errors.push(mutationError);
    });

    faults.inject(OFFLINE, { kind: 'drop-before' }, 100_000);
    const paused = await list.pause(id);
    assert.equal(paused.data?.status, 'paused');
    assert.deepEqual(list.getSnapshot().queuedIds, [id]);
    // Meanwhile another device completes it: a pause is no longer allowed.
    const completed = await broker.chat.sessions.complete(id, 'won');
    assert.equal(completed.error, null);

    faults.clear();
    await until(() => list.getSnapshot().mutationError !== null, 'the refusal', 10_000);
    await until(() => list.getSnapshot().pendingIds.length === 0, 'the rollback');
    const view = list.getSnapshot();
    assert.deepEqual(view.queuedIds, []);
    assert.equal(view.mutationError?.sessionId, id);
    assert.equal(view.mutationError?.mutation, 'pause');
    assert.equal(view.mutationError?.error.code, 'invalid_transition');
    // Rolled back to the server's row: completed, so it left the Active tab.
    assert.equal(list.session(id)?.status, 'completed');
    assert.equal(
      view.items.some((item) => item.id === id),
      false,
    );
    assert.equal((await row(id)).status, 'completed');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(errors.length, 1, 'reported once');
  });
});
