// The outbox in real Chromium: the real SDK and supabase-js against the local gateway over
// PostgreSQL, real IndexedDB and Web Locks. The only fake is the network switch in front of
// fetch (a dropped connection). Delivery is checked in the database, through a fresh client.
import { expect } from '@open-wc/testing';
import {
  ChatSessionsRuntime,
  loadConversationStores,
  type ChatSessionsClient,
  type MessageStore,
  type RuntimeOptions,
} from '@chat-sessions/sdk';
import { backendInfo, eventually } from './support/backend.js';
import {
  newOfflineBroker,
  type BrokerClient,
  type OfflineBroker,
} from './support/offline-broker.js';

const FAST: RuntimeOptions = {
  intervalMs: 0,
  outbox: { retryMs: 40, warmMs: 20 },
  connection: { probeMs: 40, network: null },
};

const runtimes: ChatSessionsRuntime[] = [];

function runtimeFor(broker: OfflineBroker, client: BrokerClient): ChatSessionsRuntime {
  const runtime = new ChatSessionsRuntime(client.chat, { ...FAST, userId: broker.userId });
  runtimes.push(runtime);
  return runtime;
}

async function watch(store: MessageStore): Promise<void> {
  store.subscribe(() => {});
  await eventually(() => expect(store.getSnapshot().loaded || store.getSnapshot().error).to.be.ok);
}

async function savedContents(chat: ChatSessionsClient, sessionId: string): Promise<string[]> {
  const { data, error } = await chat.messages.list({ sessionId, limit: 200 });
  if (error) throw error;
  return data.items
    .filter((message) => message.role === 'broker')
    .map((message) => message.content);
}

function deliveries(store: MessageStore): string[] {
  return store
    .getSnapshot()
    .items.filter((item) => item.role === 'broker')
    .map((item) => `${item.content}:${item.delivery}`);
}

async function newSession(chat: ChatSessionsClient, title: string): Promise<string> {
  const { data, error } = await chat.sessions.create({ kind: 'general', title });
  if (error) throw error;
  return data.id;
}

describe('outbox (IndexedDB + Web Locks, real backend)', () => {
  before(async function () {
    this.timeout(120_000);
    await backendInfo();
    // These tests make conversation stores themselves (runtime.messages()).
    await loadConversationStores();
  });

  afterEach(() => {
    for (const runtime of runtimes.splice(0)) runtime.dispose();
  });

  it('delivers messages sent while offline exactly once, in order, after reconnecting', async function () {
    this.timeout(20_000);
    const broker = await newOfflineBroker();
    const tab = broker.client();
    const sessionId = await newSession(tab.chat, 'Offline sends');
    const runtime = runtimeFor(broker, tab);
    const conversation = runtime.messages({ sessionId });
    await watch(conversation);

    tab.online = false;
    for (const text of ['one', 'two', 'three']) await conversation.send(text);
    expect(deliveries(conversation)).to.deep.equal(['one:pending', 'two:pending', 'three:pending']);
    expect(runtime.connection.getSnapshot().queued).to.equal(3);
    expect(runtime.connection.getSnapshot().status).to.be.oneOf(['offline', 'reconnecting']);
    expect(tab.sent.filter((fn) => fn === 'append_message')).to.have.length(0);

    tab.online = true;
    await eventually(() =>
      expect(deliveries(conversation)).to.deep.equal(['one:sent', 'two:sent', 'three:sent']),
    );
    const check = broker.client();
    expect(await savedContents(check.chat, sessionId)).to.deep.equal(['one', 'two', 'three']);
    expect(tab.sent.filter((fn) => fn === 'append_message')).to.have.length(3);
    await eventually(() =>
      expect(runtime.connection.getSnapshot()).to.include({ status: 'online', queued: 0 }),
    );
  });

  it('loads its IndexedDB part soon after the runtime starts, before any write is lost (offline, no module could be fetched)', async function () {
    this.timeout(20_000);
    const broker = await newOfflineBroker();
    const tab = broker.client();
    const sessionId = await newSession(tab.chat, 'Warm outbox');
    const runtime = runtimeFor(broker, tab);
    expect(runtime.outbox?.ready).to.equal(false);
    await watch(runtime.messages({ sessionId }));
    await eventually(() => expect(runtime.outbox?.ready).to.equal(true));
    expect(runtime.connection.getSnapshot()).to.include({ status: 'online', queued: 0 });
  });

  it('resumes the queue after a reload (a new client over the same IndexedDB)', async function () {
    this.timeout(20_000);
    const broker = await newOfflineBroker();
    const first = broker.client();
    const sessionId = await newSession(first.chat, 'Reload while offline');
    const before = runtimeFor(broker, first);
    const conversation = before.messages({ sessionId });
    await watch(conversation);
    first.online = false;
    await conversation.send('before reload 1');
    await conversation.send('before reload 2');
    before.dispose(); // the page goes away with two messages queued

    const reloaded = broker.client();
    reloaded.online = false;
    const after = runtimeFor(broker, reloaded);
    const shown = after.messages({ sessionId });
    await watch(shown);
    await eventually(() =>
      expect(deliveries(shown)).to.deep.equal([
        'before reload 1:pending',
        'before reload 2:pending',
      ]),
    );
    reloaded.online = true;
    await eventually(() =>
      expect(deliveries(shown)).to.deep.equal(['before reload 1:sent', 'before reload 2:sent']),
    );
    expect(await savedContents(reloaded.chat, sessionId)).to.deep.equal([
      'before reload 1',
      'before reload 2',
    ]);
    expect(first.sent.filter((fn) => fn === 'append_message')).to.have.length(0);
  });

  it('two clients sharing the lock never send a queued message twice', async function () {
    this.timeout(20_000);
    const broker = await newOfflineBroker();
    const [left, right] = [broker.client(), broker.client()];
    const sessionId = await newSession(left.chat, 'Two tabs');
    const [leftRuntime, rightRuntime] = [runtimeFor(broker, left), runtimeFor(broker, right)];
    const [leftView, rightView] = [
      leftRuntime.messages({ sessionId }),
      rightRuntime.messages({ sessionId }),
    ];
    await watch(leftView);
    await watch(rightView);
    left.online = false;
    right.online = false;
    await leftView.send('left 1');
    await leftView.send('left 2');
    await rightView.send('right 1');
    // Each tab counts the whole queue, its own writes and the other's.
    await eventually(() => expect(leftRuntime.connection.getSnapshot().queued).to.equal(3));
    await eventually(() => expect(rightRuntime.connection.getSnapshot().queued).to.equal(3));

    left.online = true;
    right.online = true;
    leftRuntime.outbox?.flush();
    rightRuntime.outbox?.flush();
    await eventually(async () =>
      expect(await savedContents(left.chat, sessionId)).to.deep.equal([
        'left 1',
        'left 2',
        'right 1',
      ]),
    );
    await eventually(() =>
      expect(deliveries(rightView)).to.deep.equal(['left 1:sent', 'left 2:sent', 'right 1:sent']),
    );
    const appends = [...left.sent, ...right.sent].filter((fn) => fn === 'append_message');
    expect(appends).to.have.length(3);
    await eventually(() => expect(leftRuntime.connection.getSnapshot().queued).to.equal(0));
    await eventually(() => expect(rightRuntime.connection.getSnapshot().queued).to.equal(0));
  });

  it('rolls back a queued message the server refuses, and reports it once', async function () {
    this.timeout(20_000);
    const broker = await newOfflineBroker();
    const tab = broker.client();
    const sessionId = await newSession(tab.chat, 'Closed while offline');
    const runtime = runtimeFor(broker, tab);
    const conversation = runtime.messages({ sessionId });
    await watch(conversation);
    tab.online = false;
    await conversation.send('too late');
    expect(deliveries(conversation)).to.deep.equal(['too late:pending']);

    // Meanwhile, from another tab that is online, the broker completes the session.
    const other = broker.client();
    const completed = await other.chat.sessions.complete(sessionId, 'lost');
    if (completed.error) throw completed.error;

    const refusals: string[] = [];
    runtime.connection.subscribe(() => {
      const refused = runtime.connection.getSnapshot().refused;
      if (refused && !refusals.includes(refused.id)) refusals.push(refused.id);
    });
    tab.online = true;
    await eventually(() => expect(deliveries(conversation)).to.deep.equal([]));
    const refused = runtime.connection.getSnapshot().refused;
    expect(refused?.error.code).to.equal('session_closed');
    expect(refused?.summary).to.equal('too late');
    expect(refusals).to.have.length(1);
    expect(await savedContents(other.chat, sessionId)).to.deep.equal([]);
    expect(runtime.connection.getSnapshot().queued).to.equal(0);
  });

  it('20 messages across two tabs, one reloaded while offline: each saved once, in the order written', async function () {
    this.timeout(30_000);
    const broker = await newOfflineBroker();
    const [left, right] = [broker.client(), broker.client()];
    const sessionId = await newSession(left.chat, 'Twenty offline');
    const leftRuntime = runtimeFor(broker, left);
    const rightRuntime = runtimeFor(broker, right);
    const [leftView, rightView] = [
      leftRuntime.messages({ sessionId }),
      rightRuntime.messages({ sessionId }),
    ];
    await watch(leftView);
    await watch(rightView);
    left.online = false;
    right.online = false;
    const written: string[] = [];
    for (let index = 1; index <= 20; index += 1) {
      const text = `${index % 2 ? 'left' : 'right'} ${index}`;
      written.push(text);
      await (index % 2 ? leftView : rightView).send(text);
    }
    // The left tab reloads while still offline: its queued messages are shown again.
    leftRuntime.dispose();
    const reloaded = broker.client();
    reloaded.online = false;
    const reloadedRuntime = runtimeFor(broker, reloaded);
    const reloadedView = reloadedRuntime.messages({ sessionId });
    await watch(reloadedView);
    await eventually(() => expect(deliveries(reloadedView)).to.have.length(20));
    expect(deliveries(reloadedView).every((line) => line.endsWith(':pending'))).to.equal(true);

    reloaded.online = true;
    right.online = true;
    await eventually(
      async () => expect(await savedContents(right.chat, sessionId)).to.deep.equal(written),
      10_000,
    );
    await eventually(() =>
      expect(deliveries(reloadedView)).to.deep.equal(written.map((text) => `${text}:sent`)),
    );
    await eventually(() =>
      expect(deliveries(rightView)).to.deep.equal(written.map((text) => `${text}:sent`)),
    );
    const appends = [...left.sent, ...reloaded.sent, ...right.sent].filter(
      (fn) => fn === 'append_message',
    );
    expect(appends).to.have.length(20);
  });
});
