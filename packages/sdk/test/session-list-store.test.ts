import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  ChangeFeedSync,
  SessionListStore,
  createChatSessions,
  type ChatSessionsClient,
  type Result,
  type Session,
  type SessionCounts,
} from '../src/index.js';
import { createFaultyFetch } from './support/faulty-fetch.js';
import { gate, recordSnapshots, until } from './support/wait.js';
import { FAST_RETRY, startWorld, type Broker, type SdkWorld } from './support/world.js';

/** The live session list against the real backend: paging, counts, optimistic changes, sync. */

function data<T>(result: Result<T>): T {
  if (result.error) assert.fail(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

async function serverIds(
  chat: ChatSessionsClient,
  tab: 'active' | 'completed' | 'archived' | 'trash',
): Promise<string[]> {
  const ids: string[] = [];
  let cursor: Record<string, unknown> | null = null;
  do {
    const page: { items: Session[]; nextCursor: Record<string, unknown> | null } = data(
      await chat.sessions.list({ tab, limit: 200, cursor }),
    );
    ids.push(...page.items.map((s) => s.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

async function serverCounts(chat: ChatSessionsClient): Promise<Omit<SessionCounts, 'version'>> {
  const { version: _version, ...counts } = data(await chat.sessions.counts());
  return counts;
}

function countsOf(store: SessionListStore): Omit<SessionCounts, 'version'> {
  const { version: _version, ...counts } = store.getSnapshot().counts;
  return counts;
}

let world: SdkWorld;

before(async () => {
  world = await startWorld('sdks');
});

after(async () => {
  await world?.close();
});

describe('SessionListStore', () => {
  let broker: Broker;
  const made: Session[] = [];

  before(async () => {
    broker = await world.createBroker();
    for (let n = 0; n < 7; n += 1) {
      made.push(
        data(await broker.chat.sessions.create({ kind: 'general', title: `Session ${n}` })),
      );
    }
    await broker.chat.sessions.pin(made[1]!.id);
    await broker.chat.sessions.complete(made[2]!.id, 'won');
  });

  it('loads the first page and counts, then pages by keyset to the end, in the server’s order', async () => {
    const list = new SessionListStore({ client: broker.chat, pageSize: 2 });
    const loading = list.load();
    assert.equal(list.getSnapshot().loading, true);
    await loading;
    let snapshot = list.getSnapshot();
    assert.equal(snapshot.loading, false);
    assert.equal(snapshot.items.length, 2);
    assert.equal(snapshot.items[0]?.id, made[1]!.id, 'pinned first');
    assert.equal(snapshot.hasMore, true);
    assert.deepEqual(snapshot.tabCounts, { active: 6, completed: 1, archived: 0, trash: 0 });
    while (list.getSnapshot().hasMore) await list.loadMore();
    snapshot = list.getSnapshot();
    assert.deepEqual(
      snapshot.items.map((s) => s.id),
      await serverIds(broker.chat, 'active'),
    );
    assert.ok(
      Object.isFrozen(snapshot) &&
        Object.isFrozen(snapshot.items) &&
        Object.isFrozen(snapshot.items[0]),
    );
    list.dispose();
  });

  it('moves an archived session out of its tab and changes counts at once, then matches the server', async () => {
    const list = new SessionListStore({ client: broker.chat });
    await list.load();
    const target = made[3]!.id;
    const before = list.getSnapshot();
    const pending = list.archive(target);
    const during = list.getSnapshot();
    assert.ok(
      !during.items.some((s) => s.id === target),
      'left the Active tab before the server answered',
    );
    assert.equal(during.tabCounts.active, before.tabCounts.active - 1);
    assert.equal(during.tabCounts.archived, before.tabCounts.archived + 1);
    assert.deepEqual(during.pendingIds, [target]);
    data(await pending);
    assert.deepEqual(list.getSnapshot().pendingIds, []);
    assert.deepEqual(countsOf(list), await serverCounts(broker.chat));
    await list.setTab('archived');
    assert.deepEqual(
      list.getSnapshot().items.map((s) => s.id),
      [target],
    );
    data(await list.unarchive(target));
    assert.equal(list.getSnapshot().items.length, 0);
    list.dispose();
  });

  it('creates optimistically (listed before the server answers), never twice', async () => {
    const list = new SessionListStore({ client: broker.chat, userId: broker.userId });
    await list.load();
    const id = randomUUID();
    const creating = list.create({
      id,
      kind: 'flight_request',
      title: 'New request',
      passengers: 2,
    });
    assert.equal(list.getSnapshot().items[1]?.id, id, 'right after the pinned session');
    assert.equal(list.getSnapshot().items[1]?.stage, 'understanding_request');
    const created = data(await creating);
    data(await list.create({ id, kind: 'flight_request', title: 'New request', passengers: 2 }));
    const ids = list.getSnapshot().items.map((s) => s.id);
    assert.equal(ids.filter((candidate) => candidate === id).length, 1);
    assert.equal(list.session(id)?.syncVersion, created.syncVersion);
    assert.deepEqual(ids, await serverIds(broker.chat, 'active'));
    list.dispose();
  });

  it('rolls back to server truth with the error surfaced when the server refuses', async () => {
    const session = data(
      await broker.chat.sessions.create({ kind: 'general', title: 'Stale here' }),
    );
    const list = new SessionListStore({ client: broker.chat });
    await list.load();
    // Another device completes it; this list does not know yet.
    const other = broker.device();
    data(await other.chat.sessions.complete(session.id, 'lost'));
    const recorder = recordSnapshots(list);
    const result = await list.pause(session.id);
    recorder.stop();
    assert.equal(result.error?.code, 'invalid_transition');
    const snapshot = list.getSnapshot();
    assert.equal(snapshot.mutationError?.sessionId, session.id);
    assert.equal(snapshot.mutationError?.error.code, 'invalid_transition');
    assert.ok(
      !snapshot.items.some((s) => s.id === session.id),
      'server truth: completed, so not in Active',
    );
    assert.equal(list.session(session.id)?.status, 'completed');
    assert.deepEqual(countsOf(list), await serverCounts(broker.chat));
    // It never flickered back to "active" between the optimistic "paused" and the truth.
    const statuses = recorder.snapshots.map(
      (s) => s.items.find((item) => item.id === session.id)?.status ?? 'gone',
    );
    assert.deepEqual([...new Set(statuses)], ['active', 'paused', 'gone']);
    list.dispose();
  });

  it('purges from the trash at once (the trash count too), and keeps a session it may not purge', async () => {
    const binned = data(await broker.chat.sessions.create({ kind: 'general', title: 'Binned' }));
    const live = data(await broker.chat.sessions.create({ kind: 'general', title: 'Not binned' }));
    data(await broker.chat.sessions.delete(binned.id));
    const list = new SessionListStore({ client: broker.chat, tab: 'trash' });
    await list.load();
    const before = list.getSnapshot();
    assert.ok(before.items.some((s) => s.id === binned.id));
    const pending = list.purge(binned.id);
    const during = list.getSnapshot();
    assert.ok(!during.items.some((s) => s.id === binned.id), 'gone before the server answered');
    assert.equal(during.tabCounts.trash, before.tabCounts.trash - 1);
    assert.deepEqual(during.pendingIds, [binned.id]);
    assert.equal(data(await pending).id, binned.id);
    assert.deepEqual(list.getSnapshot().pendingIds, []);
    assert.equal((await broker.chat.sessions.get(binned.id)).error?.code, 'not_found');
    assert.deepEqual(countsOf(list), await serverCounts(broker.chat));
    assert.deepEqual(
      list.getSnapshot().items.map((s) => s.id),
      await serverIds(broker.chat, 'trash'),
    );

    // The database refuses to purge a session that is not in the trash: it stays, unharmed.
    const refused = await list.purge(live.id);
    assert.equal(refused.error?.code, 'invalid_transition');
    assert.equal(list.getSnapshot().mutationError?.mutation, 'purge');
    assert.equal(list.session(live.id)?.deletedAt, null);
    assert.deepEqual(countsOf(list), await serverCounts(broker.chat));
    list.dispose();
  });

  it('ignores stale responses: only the last tab asked for is shown', async () => {
    const faults = createFaultyFetch();
    const device = broker.device({ fetch: faults.fetch });
    // Two completed sessions and pages of one: the Completed answer says "more to come".
    data(await broker.chat.sessions.complete(made[4]!.id, 'cancelled'));
    const list = new SessionListStore({ client: device.chat, pageSize: 1 });
    await list.load();
    const slow = gate();
    // The answer arrives although the store aborted the request: only the store's own guard remains.
    faults.inject('list_sessions', { kind: 'hold', release: slow.promise, ignoreAbort: true });
    const toCompleted = list.setTab('completed');
    const toTrash = list.setTab('trash');
    await toTrash;
    slow.open();
    const stale = (await toCompleted)!;
    assert.ok(stale.data?.nextCursor, 'the stale answer did arrive, with a next page');
    const snapshot = list.getSnapshot();
    assert.equal(snapshot.tab, 'trash');
    assert.deepEqual(snapshot.items, []);
    assert.equal(snapshot.loading, false);
    assert.equal(snapshot.hasMore, false, 'the stale page did not set the paging state');
    assert.equal(await list.loadMore(), null);
    data(await broker.chat.sessions.reopen(made[4]!.id));
    list.dispose();
  });

  it('debounces search: one request for a burst of keystrokes', async () => {
    const faults = createFaultyFetch();
    const device = broker.device({ fetch: faults.fetch });
    const list = new SessionListStore({ client: device.chat, searchDebounceMs: 40 });
    await list.load();
    faults.clear();
    for (const text of ['s', 'se', 'ses', 'session 5']) list.setSearch(text);
    assert.equal(list.getSnapshot().searchInput, 'session 5');
    assert.equal(list.getSnapshot().search, '');
    await until(
      () => list.getSnapshot().search === 'session 5' && !list.getSnapshot().loading,
      'the search to apply',
    );
    assert.equal(faults.calls('list_sessions').length, 1);
    assert.deepEqual(
      list.getSnapshot().items.map((s) => s.title),
      ['Session 5'],
    );
    list.dispose();
  });

  it('applies a bulk action with a result per session', async () => {
    const list = new SessionListStore({ client: broker.chat });
    await list.load();
    const a = data(await broker.chat.sessions.create({ kind: 'general', title: 'Bulk A' }));
    const b = data(await broker.chat.sessions.create({ kind: 'general', title: 'Bulk B' }));
    const gone = data(await broker.chat.sessions.create({ kind: 'general', title: 'Bulk gone' }));
    await list.load();
    await broker.device().chat.sessions.delete(gone.id);
    const pending = list.bulk('archive', [a.id, gone.id, b.id], { concurrency: 2 });
    assert.ok(
      ![a.id, b.id, gone.id].some((id) => list.getSnapshot().items.some((s) => s.id === id)),
      'all moved at once',
    );
    const results = await pending;
    assert.deepEqual(
      results.map((r) => [r.id, r.error?.code ?? r.data?.status]),
      [
        [a.id, 'archived'],
        [gone.id, 'in_trash'],
        [b.id, 'archived'],
      ],
    );
    assert.equal(
      list.session(gone.id)?.deletedAt !== null,
      true,
      'the failed one shows its server truth: in the trash',
    );
    assert.deepEqual(countsOf(list), await serverCounts(broker.chat));
    list.dispose();
  });
});

describe('SessionListStore with the change feed', () => {
  let broker: Broker;

  before(async () => {
    broker = await world.createBroker();
    for (let n = 0; n < 3; n += 1)
      await broker.chat.sessions.create({ kind: 'general', title: `Feed ${n}` });
  });

  it('converges two devices editing concurrently', async () => {
    const deviceA = broker.device();
    const deviceB = broker.device();
    const syncA = new ChangeFeedSync({ client: deviceA.chat, intervalMs: 0 });
    const syncB = new ChangeFeedSync({ client: deviceB.chat, intervalMs: 0 });
    const listA = new SessionListStore({
      client: deviceA.chat,
      sync: syncA,
      userId: broker.userId,
    });
    const listB = new SessionListStore({
      client: deviceB.chat,
      sync: syncB,
      userId: broker.userId,
    });
    syncA.start();
    syncB.start();
    await Promise.all([listA.load(), listB.load()]);
    const [first, second, third] = listA.getSnapshot().items;
    const newId = randomUUID();
    await Promise.all([
      listA.rename(first!.id, 'Renamed on A'),
      listB.archive(second!.id),
      listA.pin(third!.id),
      listB.create({ id: newId, kind: 'general', title: 'Made on B' }),
      listA.delete(second!.id),
      listB.markRead(first!.id),
    ]);
    await Promise.all([syncA.poll(), syncB.poll()]);
    const a = listA.getSnapshot();
    const b = listB.getSnapshot();
    const truth = await serverIds(broker.chat, 'active');
    assert.deepEqual(
      a.items.map((s) => s.id),
      truth,
    );
    assert.deepEqual(
      b.items.map((s) => s.id),
      truth,
    );
    assert.deepEqual(a.items, b.items);
    assert.deepEqual(a.counts, b.counts);
    assert.deepEqual(countsOf(listA), await serverCounts(broker.chat));
    assert.equal(listB.session(first!.id)?.title, 'Renamed on A');
    assert.ok(listA.session(newId));
    syncA.dispose();
    syncB.dispose();
    listA.dispose();
    listB.dispose();
  });

  it('follows trash and purge from another device', async () => {
    const device = broker.device();
    const sync = new ChangeFeedSync({ client: device.chat, intervalMs: 0 });
    const list = new SessionListStore({ client: device.chat, sync, tab: 'trash' });
    sync.start();
    await list.load();
    const victim = data(await broker.chat.sessions.create({ kind: 'general', title: 'To purge' }));
    await broker.chat.sessions.delete(victim.id);
    await sync.poll();
    assert.ok(
      list.getSnapshot().items.some((s) => s.id === victim.id),
      'trashed elsewhere: listed in the trash',
    );
    assert.equal(list.getSnapshot().tabCounts.trash, (await serverCounts(broker.chat)).trash);
    const admin = createChatSessions({ supabase: world.serviceSupabase(), retry: FAST_RETRY });
    data(await admin.sessions.purgeTrash({ olderThanDays: 0 }));
    await sync.poll();
    assert.ok(!list.getSnapshot().items.some((s) => s.id === victim.id), 'purged: gone');
    assert.equal(list.session(victim.id), undefined);
    assert.equal(list.getSnapshot().tabCounts.trash, 0);
    sync.dispose();
    list.dispose();
  });

  it('shows a session created elsewhere at the top of a partly loaded list, and nothing beyond the window', async () => {
    const other = await world.createBroker();
    for (let n = 0; n < 5; n += 1)
      await other.chat.sessions.create({ kind: 'general', title: `W${n}` });
    const device = other.device();
    const sync = new ChangeFeedSync({ client: device.chat, intervalMs: 0 });
    const list = new SessionListStore({ client: device.chat, sync, pageSize: 2 });
    sync.start();
    await list.load();
    assert.deepEqual(
      list.getSnapshot().items.map((s) => s.title),
      ['W4', 'W3'],
    );
    // A session beyond the loaded window changes: it must not appear until paged to.
    const oldest = (await serverIds(other.chat, 'active')).at(-1)!;
    await other.chat.sessions.rename(oldest, 'W0 renamed');
    await other.chat.sessions.create({ kind: 'general', title: 'Fresh' });
    await sync.poll();
    assert.deepEqual(
      list.getSnapshot().items.map((s) => s.title),
      ['Fresh', 'W4', 'W3'],
    );
    while (list.getSnapshot().hasMore) await list.loadMore();
    assert.deepEqual(
      list.getSnapshot().items.map((s) => s.id),
      await serverIds(other.chat, 'active'),
    );
    assert.equal(list.getSnapshot().items.at(-1)?.title, 'W0 renamed');
    sync.dispose();
    list.dispose();
  });
});
