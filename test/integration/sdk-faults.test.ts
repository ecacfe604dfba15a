import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ChangeFeedSync,
  MessageStore,
  SessionListStore,
  type ChatSessionsClient,
  type Result,
  type Session,
  type SessionCounts,
} from '../../packages/sdk/src/index.js';
import { createFaultyFetch, type Fault } from '../../packages/sdk/test/support/faulty-fetch.js';
import { gate, until } from '../../packages/sdk/test/support/wait.js';
import { startWorld, type Broker, type SdkWorld } from '../../packages/sdk/test/support/world.js';

/**
 * The SDK over a bad network: requests lost before the server, responses lost after the
 * server committed, slow and reordered responses, 5xx. Whatever happens: no duplicate rows, no
 * lost writes, and the stores end up showing exactly what the server holds.
 */

function data<T>(result: Result<T>): T {
  if (result.error) assert.fail(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

async function serverList(
  chat: ChatSessionsClient,
  tab: 'active' | 'completed' | 'archived' | 'trash',
): Promise<Session[]> {
  const sessions: Session[] = [];
  let cursor: Record<string, unknown> | null = null;
  do {
    const page: { items: Session[]; nextCursor: Record<string, unknown> | null } = data(
      await chat.sessions.list({ tab, limit: 200, cursor }),
    );
    sessions.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return sessions;
}

function withoutVersion(counts: SessionCounts): Omit<SessionCounts, 'version'> {
  const { version: _version, ...rest } = counts;
  return rest;
}

/** The same list as the server's, field for field. */
async function assertListMatchesServer(
  list: SessionListStore,
  chat: ChatSessionsClient,
): Promise<void> {
  const snapshot = list.getSnapshot();
  const truth = await serverList(chat, snapshot.tab);
  assert.deepEqual(
    snapshot.items.map((s) => s.id),
    truth.map((s) => s.id),
    'same sessions, same order',
  );
  assert.deepEqual(snapshot.items, truth, 'same fields');
  assert.deepEqual(
    withoutVersion(snapshot.counts),
    withoutVersion(data(await chat.sessions.counts())),
    'same counts',
  );
  assert.deepEqual(snapshot.pendingIds, []);
}

let world: SdkWorld;

before(async () => {
  world = await startWorld('sdkf');
});

after(async () => {
  await world?.close();
});

describe('SDK under injected network faults', () => {
  let broker: Broker;

  before(async () => {
    broker = await world.createBroker();
    for (let n = 0; n < 4; n += 1)
      await broker.chat.sessions.create({ kind: 'general', title: `Base ${n}` });
  });

  function faultyDevice(attempts = 1) {
    const faults = createFaultyFetch();
    const device = broker.device({
      fetch: faults.fetch,
      sdk: { retry: { attempts, baseDelayMs: 1, maxDelayMs: 5 } },
    });
    const sync = new ChangeFeedSync({ client: device.chat, intervalMs: 0 });
    sync.start();
    const list = new SessionListStore({ client: device.chat, sync, userId: broker.userId });
    return {
      faults,
      device,
      sync,
      list,
      dispose: () => {
        sync.dispose();
        list.dispose();
      },
    };
  }

  it('a write lost before the server: rolled back, nothing changed', async () => {
    const { faults, list, sync, device, dispose } = faultyDevice();
    await list.load();
    const target = list.getSnapshot().items[0]!;
    faults.inject('transition_session', { kind: 'drop-before' });
    const result = await list.archive(target.id);
    assert.equal(result.error?.code, 'network');
    assert.equal(list.getSnapshot().mutationError?.error.code, 'network');
    assert.equal(data(await broker.chat.sessions.get(target.id)).status, 'active');
    assert.equal(list.session(target.id)?.status, 'active');
    await sync.poll();
    await assertListMatchesServer(list, device.chat);
    dispose();
  });

  it('a write committed but its response lost: the list shows what the server did', async () => {
    const { faults, list, sync, device, dispose } = faultyDevice();
    await list.load();
    const target = list.getSnapshot().items[0]!;
    faults.inject('transition_session', { kind: 'drop-after' });
    const result = await list.pause(target.id);
    assert.equal(result.error?.code, 'network');
    assert.equal(
      list.session(target.id)?.status,
      'paused',
      'server truth, though the answer was lost',
    );
    await sync.poll();
    await assertListMatchesServer(list, device.chat);
    data(await broker.chat.sessions.resume(target.id));
    dispose();
  });

  it('a 5xx from a proxy after the server handled the write: server truth wins', async () => {
    const { faults, list, sync, device, dispose } = faultyDevice();
    await list.load();
    const target = list.getSnapshot().items.at(-1)!;
    faults.inject('set_session_pinned', { kind: 'status', status: 502 });
    const result = await list.pin(target.id);
    assert.equal(result.error?.code, 'server');
    assert.equal(list.session(target.id)?.pinned, true);
    assert.equal(list.getSnapshot().items[0]?.id, target.id, 'pinned, so first');
    await sync.poll();
    await assertListMatchesServer(list, device.chat);
    data(await broker.chat.sessions.unpin(target.id));
    dispose();
  });

  it('creates and sends retried through lost responses and 5xx: each row exactly once', async () => {
    const { faults, list, sync, device, dispose } = faultyDevice(5);
    await list.load();
    faults.inject('create_session', { kind: 'drop-after' }, 2);
    faults.inject('create_session', { kind: 'status', status: 503 }, 1);
    const created = data(await list.create({ kind: 'general', title: 'Through the storm' }));
    const conversation = new MessageStore({ client: device.chat, sync, sessionId: created.id });
    await conversation.load();
    faults.inject('append_message', { kind: 'drop-after' }, 1);
    faults.inject('append_message', { kind: 'drop-before' }, 1);
    faults.inject('append_message', { kind: 'status', status: 500 }, 1);
    data(await conversation.send('hello'));
    data(await conversation.send('again'));
    await sync.poll();
    const sessions = await world.adminQuery(
      'select count(*)::int as n from chat.sessions where title = $1',
      ['Through the storm'],
    );
    assert.equal(sessions[0]?.n, 1);
    const messages = await world.adminQuery(
      'select content from chat.messages where session_id = $1 order by seq',
      [created.id],
    );
    assert.deepEqual(
      messages.map((m) => m.content),
      ['hello', 'again'],
    );
    assert.deepEqual(
      conversation.getSnapshot().items.map((m) => [m.content, m.delivery]),
      [
        ['hello', 'sent'],
        ['again', 'sent'],
      ],
    );
    await assertListMatchesServer(list, device.chat);
    conversation.dispose();
    dispose();
  });

  it('a slow answer overtaken by a newer change does not bring the old state back', async () => {
    const { faults, list, sync, device, dispose } = faultyDevice();
    await list.load();
    const target = list.getSnapshot().items[0]!;
    const slow = gate();
    faults.inject('update_session', { kind: 'hold', release: slow.promise });
    const mine = list.rename(target.id, 'Mine (slow)');
    await until(
      () => faults.calls('update_session')[0]?.serverStatus === 200,
      'the slow rename to commit',
    );
    // Another device renames it afterwards; this device hears of it through the feed first.
    data(await broker.device().chat.sessions.rename(target.id, 'Theirs (later)'));
    await sync.poll();
    slow.open();
    data(await mine);
    assert.equal(list.session(target.id)?.title, 'Theirs (later)');
    assert.equal(data(await broker.chat.sessions.get(target.id)).title, 'Theirs (later)');
    await assertListMatchesServer(list, device.chat);
    dispose();
  });

  it('reordered feed and page answers: the list still converges', async () => {
    const { faults, list, sync, device, dispose } = faultyDevice();
    faults.inject('list_sessions', { kind: 'delay', ms: 80 });
    const loading = list.load();
    // While the page is on its way, the session moves elsewhere and the feed reports it.
    const moving = (await serverList(broker.chat, 'active'))[0]!;
    data(await broker.chat.sessions.complete(moving.id, 'won'));
    await sync.poll();
    await loading;
    await sync.poll();
    assert.ok(!list.getSnapshot().items.some((s) => s.id === moving.id));
    await assertListMatchesServer(list, device.chat);
    data(await broker.chat.sessions.reopen(moving.id));
    dispose();
  });

  it('random faults on every request: the stores converge, nothing is duplicated or lost', async () => {
    const storm = await world.createBroker();
    const faults = createFaultyFetch();
    const device = storm.device({
      fetch: faults.fetch,
      sdk: { retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 } },
    });
    const sync = new ChangeFeedSync({ client: device.chat, intervalMs: 0 });
    sync.start();
    const list = new SessionListStore({
      client: device.chat,
      sync,
      userId: storm.userId,
      pageSize: 5,
    });
    // A seeded generator: the same storm every run.
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const kinds: Fault[] = [
      { kind: 'drop-before' },
      { kind: 'drop-after' },
      { kind: 'status', status: 503 },
      { kind: 'status', status: 500 },
      { kind: 'delay', ms: 15 },
    ];
    const storming =
      /^(create_session|update_session|transition_session|set_session_pinned|delete_session|restore_session|append_message|list_sessions|session_counts|changes_since|get_session|list_messages|mark_session_read)$/;
    const arm = () => {
      for (let n = 0; n < 400; n += 1) {
        if (random() < 0.3) faults.inject(storming, kinds[Math.floor(random() * kinds.length)]!);
        else faults.inject(storming, { kind: 'delay', ms: 0 });
      }
    };
    arm();
    while ((await list.load()).error) arm();

    const ids: string[] = [];
    for (let n = 0; n < 6; n += 1) {
      // A create that fails is retried by the broker (same id): idempotent.
      const id = crypto.randomUUID();
      while ((await list.create({ id, kind: 'general', title: `Storm ${n}` })).error) {
        /* again */
      }
      ids.push(id);
    }
    const outcomes = await Promise.all([
      list.rename(ids[0]!, 'Storm 0 renamed'),
      list.archive(ids[1]!),
      list.pin(ids[2]!),
      list.delete(ids[3]!),
      list.complete(ids[4]!, 'won'),
      list.pause(ids[5]!),
    ]);
    const conversation = new MessageStore({ client: device.chat, sync, sessionId: ids[0]! });
    while ((await conversation.load()).error) {
      /* again */
    }
    const texts = ['one', 'two', 'three', 'four', 'five'];
    for (const text of texts) {
      const sent = await conversation.send(text);
      let id = sent.data?.id ?? conversation.getSnapshot().items.at(-1)!.id;
      while (conversation.getSnapshot().items.find((m) => m.id === id)?.delivery !== 'sent') {
        const retried = await conversation.retry(id);
        id = retried.data?.id ?? id;
      }
    }

    // The network heals; one poll brings everything in.
    faults.clear();
    await sync.poll();
    await until(() => list.getSnapshot().pendingIds.length === 0, 'changes to settle');
    await list.load();
    while (list.getSnapshot().hasMore) await list.loadMore();
    await assertListMatchesServer(list, storm.chat);

    const rows = await world.adminQuery(
      'select id::text, title from chat.sessions where owner_id = $1',
      [storm.userId],
    );
    assert.equal(rows.length, 6, 'each create made one session');
    assert.deepEqual(new Set(rows.map((r) => r.id)), new Set(ids));
    const messages = await world.adminQuery(
      'select content from chat.messages where session_id = $1 order by seq',
      [ids[0]],
    );
    assert.deepEqual(
      messages.map((m) => m.content),
      texts,
      'each message once, in order',
    );
    assert.deepEqual(
      conversation.getSnapshot().items.map((m) => m.content),
      texts,
    );
    // Every change the server confirmed is there (no lost writes).
    const truth = new Map(
      (await Promise.all(ids.map((id) => storm.chat.sessions.get(id)))).map((r) => [
        r.data!.id,
        r.data!,
      ]),
    );
    const checks: Array<[number, (s: Session) => boolean]> = [
      [0, (s) => s.title === 'Storm 0 renamed'],
      [1, (s) => s.status === 'archived'],
      [2, (s) => s.pinned],
      [3, (s) => s.deletedAt !== null],
      [4, (s) => s.status === 'completed'],
      [5, (s) => s.status === 'paused'],
    ];
    for (const [index, holds] of checks) {
      if (outcomes[index]!.error === null)
        assert.ok(holds(truth.get(ids[index]!)!), `confirmed change ${index} is on the server`);
    }
    assert.ok(faults.log.length > 0);
    conversation.dispose();
    sync.dispose();
    list.dispose();
  });
});

describe('two brokers', () => {
  it('never see each other’s sessions, messages or changes, even sharing a channel name', async () => {
    const [alice, bob] = await Promise.all([world.createBroker(), world.createBroker()]);
    const syncA = new ChangeFeedSync({
      client: alice.chat,
      intervalMs: 0,
      channelName: 'shared-by-mistake',
    });
    const syncB = new ChangeFeedSync({
      client: bob.chat,
      intervalMs: 0,
      channelName: `chat-sessions:${bob.userId}`,
    });
    syncA.start();
    syncB.start();
    const listA = new SessionListStore({ client: alice.chat, sync: syncA });
    const listB = new SessionListStore({ client: bob.chat, sync: syncB });
    await Promise.all([listA.load(), listB.load()]);
    const secret = data(
      await alice.chat.sessions.create({ kind: 'general', title: 'Alice private' }),
    );
    await alice.chat.messages.append({ sessionId: secret.id, content: 'for Alice only' });
    data(await bob.chat.sessions.create({ kind: 'general', title: 'Bob private' }));
    await Promise.all([syncA.poll(), syncB.poll()]);
    assert.deepEqual(
      listA.getSnapshot().items.map((s) => s.title),
      ['Alice private'],
    );
    assert.deepEqual(
      listB.getSnapshot().items.map((s) => s.title),
      ['Bob private'],
    );
    assert.equal(listB.session(secret.id), undefined);
    assert.equal(listB.getSnapshot().counts.active, 1);
    syncA.dispose();
    syncB.dispose();
    listA.dispose();
    listB.dispose();
  });
});
