import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ChangeFeedSync,
  DraftStore,
  MessageStore,
  OperatorThreadStore,
  createChatSessions,
  type Result,
  type StorageLike,
} from '../src/index.js';
import { createFaultyFetch } from './support/faulty-fetch.js';
import { FAST_RETRY, startWorld, type Broker, type SdkWorld } from './support/world.js';

/** Conversations, operator threads and drafts against the real backend. */

function data<T>(result: Result<T>): T {
  if (result.error) assert.fail(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

let world: SdkWorld;
let broker: Broker;

before(async () => {
  world = await startWorld('sdkm');
  broker = await world.createBroker();
});

after(async () => {
  await world?.close();
});

async function rowsOf(
  sessionId: string,
): Promise<Array<{ id: string; content: string; seq: number }>> {
  return world.adminQuery<{ id: string; content: string; seq: number }>(
    'select id::text, content, seq::int from chat.messages where session_id = $1 order by seq',
    [sessionId],
  );
}

describe('MessageStore', () => {
  it('loads the newest page, then older pages, ordered by seq', async () => {
    const session = data(await broker.chat.sessions.create({ kind: 'general' }));
    for (let n = 1; n <= 7; n += 1)
      data(await broker.chat.messages.append({ sessionId: session.id, content: `m${n}` }));
    const conversation = new MessageStore({
      client: broker.chat,
      sessionId: session.id,
      pageSize: 3,
    });
    await conversation.load();
    assert.deepEqual(
      conversation.getSnapshot().items.map((m) => m.content),
      ['m5', 'm6', 'm7'],
    );
    assert.equal(conversation.getSnapshot().hasOlder, true);
    while (conversation.getSnapshot().hasOlder) await conversation.loadOlder();
    const items = conversation.getSnapshot().items;
    assert.deepEqual(
      items.map((m) => m.content),
      ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'],
    );
    assert.ok(items.every((m) => m.delivery === 'sent'));
    assert.equal(await conversation.loadOlder(), null);
    conversation.dispose();
  });

  it('sends optimistically: pending at once, then sent with its seq', async () => {
    const session = data(await broker.chat.sessions.create({ kind: 'general' }));
    const conversation = new MessageStore({ client: broker.chat, sessionId: session.id });
    await conversation.load();
    const sending = conversation.send('Any light jets Friday?');
    const pending = conversation.getSnapshot().items;
    assert.equal(pending.length, 1);
    assert.equal(pending[0]?.delivery, 'pending');
    assert.equal(pending[0]?.seq, null);
    const sent = data(await sending);
    const [item] = conversation.getSnapshot().items;
    assert.equal(item?.delivery, 'sent');
    assert.equal(item?.seq, sent.seq);
    assert.equal(item?.id, pending[0]?.id);
    conversation.dispose();
  });

  it('keeps a failed send visible, and a retry stores it exactly once', async () => {
    const session = data(await broker.chat.sessions.create({ kind: 'general' }));
    const faults = createFaultyFetch();
    const device = broker.device({ fetch: faults.fetch, sdk: { retry: { attempts: 1 } } });
    const conversation = new MessageStore({ client: device.chat, sessionId: session.id });
    await conversation.load();
    faults.inject('append_message', { kind: 'drop-before' });
    const failed = await conversation.send('first try fails');
    assert.equal(failed.error?.code, 'network');
    const [item] = conversation.getSnapshot().items;
    assert.equal(item?.delivery, 'failed');
    assert.equal(item?.error?.code, 'network');
    data(await conversation.retry(item.id));
    assert.equal(conversation.getSnapshot().items[0]?.delivery, 'sent');
    assert.deepEqual(
      (await rowsOf(session.id)).map((r) => r.content),
      ['first try fails'],
    );
    // Retrying what is sent is a no-op.
    data(await conversation.retry(item.id));
    assert.equal((await rowsOf(session.id)).length, 1);
    conversation.dispose();
  });

  it('clears a failure once a later load goes through (catching up from the messages held)', async () => {
    const session = data(await broker.chat.sessions.create({ kind: 'general' }));
    for (let n = 1; n <= 4; n += 1)
      data(await broker.chat.messages.append({ sessionId: session.id, content: `m${n}` }));
    const faults = createFaultyFetch();
    const device = broker.device({ fetch: faults.fetch, sdk: { retry: { attempts: 1 } } });
    const conversation = new MessageStore({
      client: device.chat,
      sessionId: session.id,
      pageSize: 2,
    });
    data(await conversation.load());
    faults.inject('list_messages', { kind: 'drop-before' });
    await conversation.loadOlder();
    assert.equal(conversation.getSnapshot().error?.code, 'network');
    // The connection is back: loading again catches up from the newest message held.
    data(await broker.chat.messages.append({ sessionId: session.id, content: 'm5' }));
    data(await conversation.load());
    assert.equal(conversation.getSnapshot().error, null);
    assert.deepEqual(
      conversation.getSnapshot().items.map((m) => m.content),
      ['m3', 'm4', 'm5'],
    );
    conversation.dispose();
  });

  it('lets the feed confirm a send whose response was lost, with no duplicate', async () => {
    const session = data(await broker.chat.sessions.create({ kind: 'general' }));
    const faults = createFaultyFetch();
    const device = broker.device({ fetch: faults.fetch, sdk: { retry: { attempts: 1 } } });
    const sync = new ChangeFeedSync({ client: device.chat, intervalMs: 0 });
    const conversation = new MessageStore({ client: device.chat, sync, sessionId: session.id });
    await conversation.load();
    faults.inject('append_message', { kind: 'drop-after' });
    const result = await conversation.send('committed, answer lost');
    assert.equal(result.error?.code, 'network');
    assert.equal(conversation.getSnapshot().items[0]?.delivery, 'failed');
    await sync.poll();
    const items = conversation.getSnapshot().items;
    assert.equal(items.length, 1);
    assert.equal(items[0]?.delivery, 'sent');
    assert.deepEqual(
      (await rowsOf(session.id)).map((r) => r.content),
      ['committed, answer lost'],
    );
    sync.dispose();
    conversation.dispose();
  });

  it('catches up through the feed: messages from another device arrive in order, once', async () => {
    const session = data(await broker.chat.sessions.create({ kind: 'general' }));
    const sync = new ChangeFeedSync({ client: broker.chat, intervalMs: 0 });
    sync.start();
    const conversation = new MessageStore({ client: broker.chat, sync, sessionId: session.id });
    await conversation.load();
    const other = broker.device();
    await Promise.all([
      conversation.send('from here'),
      (async () => {
        for (let n = 1; n <= 4; n += 1)
          await other.chat.messages.append({ sessionId: session.id, content: `from there ${n}` });
      })(),
    ]);
    await sync.poll();
    const items = conversation.getSnapshot().items;
    const rows = await rowsOf(session.id);
    assert.deepEqual(
      items.map((m) => m.id),
      rows.map((r) => r.id),
    );
    assert.deepEqual(
      items.map((m) => m.seq),
      rows.map((r) => r.seq),
    );
    // Without a feed, catchUp() reads what came after the newest message held.
    const offline = new MessageStore({ client: other.chat, sessionId: session.id, pageSize: 2 });
    await offline.load();
    await broker.chat.messages.append({ sessionId: session.id, content: 'later' });
    await offline.load();
    assert.deepEqual(
      offline
        .getSnapshot()
        .items.slice(-3)
        .map((m) => m.content),
      [rows.at(-2)!.content, rows.at(-1)!.content, 'later'],
    );
    sync.dispose();
    conversation.dispose();
    offline.dispose();
  });

  it('shows one operator thread only, and validates before sending', async () => {
    const session = data(await broker.chat.sessions.create({ kind: 'flight_request' }));
    const thread = data(
      await broker.chat.threads.open({ sessionId: session.id, operatorName: 'Vista' }),
    );
    await broker.chat.messages.append({ sessionId: session.id, content: 'main' });
    const inThread = new MessageStore({
      client: broker.chat,
      sessionId: session.id,
      threadId: thread.id,
    });
    await inThread.load();
    data(await inThread.send('to the operator'));
    assert.deepEqual(
      inThread.getSnapshot().items.map((m) => m.content),
      ['to the operator'],
    );
    const empty = await inThread.send('');
    assert.equal(empty.error?.code, 'validation');
    assert.equal(inThread.getSnapshot().items.length, 1);
    inThread.dispose();
  });
});

describe('OperatorThreadStore', () => {
  it('shows replies as unread, and batches idempotent read marks', async () => {
    const session = data(
      await broker.chat.sessions.create({ kind: 'flight_request', title: 'Quotes' }),
    );
    const admin = createChatSessions({ supabase: world.serviceSupabase(), retry: FAST_RETRY });
    const faults = createFaultyFetch();
    const device = broker.device({ fetch: faults.fetch });
    const sync = new ChangeFeedSync({ client: device.chat, intervalMs: 0 });
    const threads = new OperatorThreadStore({
      client: device.chat,
      sync,
      sessionId: session.id,
      markReadDelayMs: 30,
    });
    await threads.load();
    assert.deepEqual(threads.getSnapshot().items, []);
    const reply = data(
      await admin.threads.recordOperatorMessage({
        sessionId: session.id,
        threadExternalRef: 'op-9',
        operatorName: 'Flexjet',
        content: '$21k',
      }),
    );
    await admin.threads.recordOperatorMessage({
      sessionId: session.id,
      threadId: reply.threadId!,
      content: 'or $19k midsize',
    });
    await sync.poll();
    assert.deepEqual(
      threads.getSnapshot().items.map((t) => [t.operatorName, t.unreadCount]),
      [['Flexjet', 2]],
    );
    assert.equal(threads.getSnapshot().unread, 2);

    faults.clear();
    const marks = [
      threads.markRead(reply.threadId!),
      threads.markRead(reply.threadId!, 1),
      threads.markRead(reply.threadId!),
    ];
    assert.equal(threads.getSnapshot().unread, 0, 'cleared at once');
    const results = await Promise.all(marks);
    assert.equal(faults.calls('mark_thread_read').length, 1, 'one request for three marks');
    assert.ok(results.every((r) => r.data?.unreadCount === 0));
    const server = data(await broker.chat.threads.list(session.id));
    assert.equal(server[0]?.unreadCount, 0);
    assert.equal(data(await broker.chat.sessions.get(session.id)).unreadCount, 0);

    // A new reply after the mark is unread again.
    await admin.threads.recordOperatorMessage({
      sessionId: session.id,
      threadId: reply.threadId!,
      content: 'final offer',
    });
    await sync.poll();
    assert.equal(threads.getSnapshot().unread, 1);
    sync.dispose();
    threads.dispose();
  });
});

describe('DraftStore', () => {
  function memoryStorage(): StorageLike & { entries: Map<string, string> } {
    const entries = new Map<string, string>();
    return {
      entries,
      getItem: (key) => entries.get(key) ?? null,
      setItem: (key, value) => void entries.set(key, value),
      removeItem: (key) => void entries.delete(key),
      get length() {
        return entries.size;
      },
      key: (index) => [...entries.keys()][index] ?? null,
    };
  }

  it('keeps a draft per session and user, across instances (reloads)', () => {
    const storage = memoryStorage();
    const drafts = new DraftStore({ userId: 'u1', storage });
    drafts.set('s1', 'Half-written quote request');
    drafts.set('s2', 'Another');
    drafts.set('s2', '   ');
    assert.deepEqual(drafts.getSnapshot(), { s1: 'Half-written quote request' });
    const reloaded = new DraftStore({ userId: 'u1', storage });
    assert.equal(reloaded.get('s1'), 'Half-written quote request');
    const otherUser = new DraftStore({ userId: 'u2', storage });
    assert.equal(otherUser.get('s1'), '');
    reloaded.clear('s1');
    assert.equal(new DraftStore({ userId: 'u1', storage }).get('s1'), '');
    assert.deepEqual([...storage.entries.keys()], []);
  });

  it('follows changes made in another tab', () => {
    const storage = memoryStorage();
    let notify: (key: string | null) => void = () => {};
    const drafts = new DraftStore({
      userId: 'u1',
      storage,
      environment: { onStorage: (listener) => ((notify = listener), () => {}) },
    });
    storage.setItem('chat-sessions:draft:u1:s9', 'typed elsewhere');
    notify('chat-sessions:draft:u1:s9');
    assert.equal(drafts.get('s9'), 'typed elsewhere');
  });

  it('works without storage (in memory)', () => {
    const drafts = new DraftStore({ userId: 'u1', storage: null });
    drafts.set('s1', 'kept in memory');
    assert.equal(drafts.get('s1'), 'kept in memory');
  });
});
