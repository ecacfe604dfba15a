import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  ChangeFeedSync,
  ChatSessionsRuntime,
  MessageStore,
  OperatorThreadStore,
  SessionListStore,
  SessionStore,
  getRuntime,
  loadConversationStores,
} from '../src/index.js';
import { createFaultyFetch } from './support/faulty-fetch.js';
import { until } from './support/wait.js';
import { startWorld, type Broker, type SdkWorld } from './support/world.js';

/**
 * The per-client runtime: one engine, shared stores by key, work only while watched. Requests
 * are counted at the fetch under supabase-js, so "nothing started" and "one poller" are counts
 * of real calls, not of the runtime's own bookkeeping.
 */

let world: SdkWorld;
let broker: Broker;

before(async () => {
  world = await startWorld('sdkr');
  broker = await world.createBroker();
});

after(async () => {
  await world?.close();
});

/** A second device of the broker whose requests are counted, and its runtime. */
function countedDevice(options: { idleMs?: number } = {}) {
  const faults = createFaultyFetch();
  const device = broker.device({ fetch: faults.fetch });
  const runtime = getRuntime(device.chat, { intervalMs: 0, afterWriteDelayMs: 0, ...options });
  return { faults, chat: device.chat, runtime };
}

describe('getRuntime', () => {
  it('gives one runtime per client, and a new one after dispose', () => {
    const { chat, runtime } = countedDevice();
    assert.equal(getRuntime(chat), runtime);
    assert.notEqual(getRuntime(broker.device().chat), runtime);
    runtime.dispose();
    const next = getRuntime(chat);
    assert.notEqual(next, runtime);
    next.dispose();
  });
});

describe('ChatSessionsRuntime', () => {
  it('loads the conversation side’s stores when made; until then its conversation stores say what to await', () => {
    // A process of its own: the module, once loaded, stays loaded for this one.
    const output = execFileSync(
      process.execPath,
      [
        '--conditions=@chat-sessions/source',
        '--import',
        'tsx',
        fileURLToPath(new URL('./support/conversation-loading.ts', import.meta.url)),
      ],
      { encoding: 'utf8' },
    );
    assert.deepEqual(JSON.parse(output), {
      loadedBefore: false,
      before: {
        messages:
          'ChatSessionsRuntime.messages(): the conversation stores are still loading. Call it after `await loadConversationStores()` (from @chat-sessions/sdk).',
        threads:
          'ChatSessionsRuntime.threads(): the conversation stores are still loading. Call it after `await loadConversationStores()` (from @chat-sessions/sdk).',
        session:
          'ChatSessionsRuntime.session(): the conversation stores are still loading. Call it after `await loadConversationStores()` (from @chat-sessions/sdk).',
      },
      // Nobody awaited it: the runtime started the load when it was made.
      loadedSoonAfter: true,
      after: { messages: 'MessageStore', threads: 'OperatorThreadStore', session: 'SessionStore' },
      classes: ['DraftStore', 'MessageStore', 'OperatorThreadStore', 'SessionStore'],
    });
  });

  it('starts nothing until a store is watched: no request, no running engine', async () => {
    const { faults, runtime } = countedDevice();
    await loadConversationStores();
    const list = runtime.sessionList();
    const messages = runtime.messages({ sessionId: crypto.randomUUID() });
    assert.ok(list instanceof SessionListStore);
    assert.ok(messages instanceof MessageStore);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(faults.log.length, 0);
    assert.deepEqual(runtime.stats, { stores: 2, watched: 0, syncRunning: false });
    runtime.dispose();
  });

  it('shares one store per key, and a separate one per query or group', async () => {
    const { runtime } = countedDevice();
    await loadConversationStores();
    const sessionId = crypto.randomUUID();
    assert.equal(runtime.sessionList(), runtime.sessionList({ tab: 'active', sort: 'recent' }));
    assert.notEqual(runtime.sessionList(), runtime.sessionList({ tab: 'archived' }));
    assert.notEqual(runtime.sessionList(), runtime.sessionList({ group: 'mine' }));
    assert.equal(runtime.messages({ sessionId }), runtime.messages({ sessionId, threadId: null }));
    assert.notEqual(
      runtime.messages({ sessionId }),
      runtime.messages({ sessionId, threadId: crypto.randomUUID() }),
    );
    assert.ok(runtime.threads(sessionId) instanceof OperatorThreadStore);
    assert.equal(runtime.threads(sessionId), runtime.threads(sessionId));
    assert.ok(runtime.session(sessionId) instanceof SessionStore);
    assert.equal(runtime.session(sessionId), runtime.session(sessionId));
    runtime.dispose();
  });

  it('starts a store on its first watcher (loads it, runs the engine) and counts watchers', async () => {
    const { faults, chat, runtime } = countedDevice();
    await chat.sessions.create({ kind: 'general', title: 'Watched' });
    faults.clear();
    const list = runtime.sessionList();
    const stopA = list.subscribe(() => {});
    const stopB = list.subscribe(() => {});
    await until(() => list.getSnapshot().loaded, 'the first load');
    assert.ok(list.getSnapshot().items.some((session) => session.title === 'Watched'));
    assert.equal(faults.calls('list_sessions').length, 1, 'two watchers, one load');
    assert.deepEqual(runtime.stats, { stores: 1, watched: 1, syncRunning: true });

    stopA();
    assert.equal(runtime.stats.watched, 1, 'one watcher left keeps it');
    stopB();
    // The last watcher left: the store is disposed and forgotten, and the engine stops.
    assert.equal((await list.load()).error?.code, 'aborted');
    assert.equal(runtime.stats.stores, 0);
    await Promise.resolve();
    assert.equal(runtime.sync.getSnapshot().running, false);
    const again = runtime.sessionList();
    assert.notEqual(again, list);
    runtime.dispose();
  });

  it('keeps an unwatched store for idleMs, so a quick re-subscribe reuses it', async () => {
    const { faults, runtime } = countedDevice({ idleMs: 60_000 });
    const list = runtime.sessionList();
    const stop = list.subscribe(() => {});
    await until(() => list.getSnapshot().loaded, 'the first load');
    stop();
    const resumed = runtime.sessionList();
    assert.equal(resumed, list);
    const stopAgain = resumed.subscribe(() => {});
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(faults.calls('list_sessions').length, 1, 'no second load');
    stopAgain();
    runtime.dispose();
    assert.equal(runtime.stats.stores, 0);
  });

  it('runs one engine for many stores: a write makes one poll, and every store sees it', async () => {
    const { faults, chat, runtime } = countedDevice();
    const created = await chat.sessions.create({ kind: 'flight_request', title: 'Shared feed' });
    assert.ok(created.data, created.error?.message);
    const sessionId = created.data.id;
    const list = runtime.sessionList();
    const archived = runtime.sessionList({ tab: 'archived' });
    const messages = runtime.messages({ sessionId });
    const threads = runtime.threads(sessionId);
    const session = runtime.session(sessionId);
    const stores = [list, archived, messages, threads, session];
    const stops = stores.map((store) => store.subscribe(() => {}));
    await until(() => stores.every((store) => store.getSnapshot().loaded), 'every store to load');
    assert.equal(ChangeFeedSync.runningCount >= 1, true);
    const runningBefore = ChangeFeedSync.runningCount;
    faults.clear();

    const baseline = runtime.sync.version;
    await chat.messages.append({ sessionId, content: 'One poll for all' });
    await until(
      () => messages.getSnapshot().items.some((item) => item.content === 'One poll for all'),
      'the message through the feed',
    );
    await until(
      () => session.getSnapshot().session?.lastMessagePreview === 'One poll for all',
      'the session row through the feed',
    );
    await until(() => !runtime.sync.getSnapshot().polling, 'the poll to end');
    // One write, one engine: one poll of one request (an engine per store would make five).
    assert.equal(faults.calls('changes_since').length, 1);
    assert.equal(runtime.sync.version! > baseline!, true);
    assert.equal(ChangeFeedSync.runningCount, runningBefore, 'no engine per store');
    assert.equal(runtime.stats.watched, 5);
    assert.equal(runtime.stats.syncRunning, true);

    for (const stop of stops) stop();
    assert.equal(runtime.stats.stores, 0);
    await Promise.resolve();
    assert.equal(runtime.stats.syncRunning, false);
    runtime.dispose();
  });

  it('keeps the engine running when one store is swapped for another in the same task', async () => {
    const { runtime } = countedDevice();
    const first = runtime.messages({ sessionId: crypto.randomUUID() });
    const stopFirst = first.subscribe(() => {});
    assert.equal(runtime.stats.syncRunning, true);
    const engine = runtime.sync;
    stopFirst();
    const stopSecond = runtime.messages({ sessionId: crypto.randomUUID() }).subscribe(() => {});
    await Promise.resolve();
    assert.equal(engine.getSnapshot().running, true);
    stopSecond();
    runtime.dispose();
  });

  it('uses an engine the host gives, and leaves it running and undisposed', async () => {
    const device = broker.device();
    const sync = new ChangeFeedSync({ client: device.chat, intervalMs: 0 });
    const runtime = new ChatSessionsRuntime(device.chat, { sync });
    assert.equal(runtime.sync, sync);
    const stop = runtime.sessionList().subscribe(() => {});
    assert.equal(sync.getSnapshot().running, true);
    stop();
    await Promise.resolve();
    runtime.dispose();
    assert.equal(sync.getSnapshot().running, true);
    assert.equal(sync.getSnapshot().disposed, false);
    sync.dispose();
  });
});
