import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ChangeFeedSync,
  SessionListStore,
  realtimeNudge,
  type RealtimeChannelLike,
  type Result,
} from '../src/index.js';
import { createFaultyFetch } from './support/faulty-fetch.js';
import { until } from './support/wait.js';
import { startWorld, type Broker, type SdkWorld } from './support/world.js';

/** The change-feed engine: what makes it poll, tab sharing, gap-freedom, and a clean stop. */

function data<T>(result: Result<T>): T {
  if (result.error) assert.fail(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

let world: SdkWorld;
let broker: Broker;

before(async () => {
  world = await startWorld('sdky');
  broker = await world.createBroker();
});

after(async () => {
  await world?.close();
});

/** Hand-driven visibility and focus, as a browser would fire them. */
function fakePage() {
  const visible = new Set<() => void>();
  const focus = new Set<() => void>();
  let hidden = false;
  return {
    environment: {
      isVisible: () => !hidden,
      onVisible: (listener: () => void) => (visible.add(listener), () => visible.delete(listener)),
      onFocus: (listener: () => void) => (focus.add(listener), () => focus.delete(listener)),
    },
    hide: () => (hidden = true),
    show: () => {
      hidden = false;
      visible.forEach((listener) => listener());
    },
    focus: () => focus.forEach((listener) => listener()),
    listeners: () => visible.size + focus.size,
  };
}

describe('ChangeFeedSync', () => {
  it('polls when the page becomes visible, on focus, and after its own writes', async () => {
    const faults = createFaultyFetch();
    const device = broker.device({ fetch: faults.fetch });
    const page = fakePage();
    const sync = new ChangeFeedSync({
      client: device.chat,
      intervalMs: 0,
      afterWriteDelayMs: 5,
      environment: page.environment,
    });
    sync.start();
    data(await sync.ensureBaseline());
    faults.clear();
    page.show();
    await until(
      () => faults.calls('changes_since').length === 1 && !sync.getSnapshot().polling,
      'a poll on visibility',
    );
    page.focus();
    await until(
      () => faults.calls('changes_since').length === 2 && !sync.getSnapshot().polling,
      'a poll on focus',
    );
    const session = data(await device.chat.sessions.create({ kind: 'general' }));
    await until(() => (sync.version ?? 0) >= session.syncVersion, 'a poll after the write');
    sync.dispose();
    assert.equal(page.listeners(), 0, 'listeners removed on dispose');
  });

  it('polls on an interval only while the page is visible', async () => {
    const faults = createFaultyFetch();
    const device = broker.device({ fetch: faults.fetch });
    const page = fakePage();
    const sync = new ChangeFeedSync({
      client: device.chat,
      intervalMs: 20,
      environment: page.environment,
    });
    sync.start();
    await until(() => faults.calls('changes_since').length >= 2, 'interval polls');
    page.hide();
    await new Promise((resolve) => setTimeout(resolve, 30));
    const whileHidden = faults.calls('changes_since').length;
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.ok(
      faults.calls('changes_since').length <= whileHidden + 1,
      'no interval polls while hidden',
    );
    sync.dispose();
    const afterDispose = faults.calls('changes_since').length;
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.equal(faults.calls('changes_since').length, afterDispose, 'nothing after dispose');
    assert.equal(sync.getSnapshot().disposed, true);
  });

  it('shares batches between tabs over BroadcastChannel: one poll updates every tab', async () => {
    const other = await world.createBroker();
    const channelName = `chat-sessions:${other.userId}`;
    const tabA = other.device();
    const faultsB = createFaultyFetch();
    const tabB = other.device({ fetch: faultsB.fetch });
    const syncA = new ChangeFeedSync({ client: tabA.chat, intervalMs: 0, channelName });
    const syncB = new ChangeFeedSync({ client: tabB.chat, intervalMs: 0, channelName });
    syncA.start();
    syncB.start();
    const listB = new SessionListStore({ client: tabB.chat, sync: syncB });
    await Promise.all([syncA.ensureBaseline(), listB.load()]);
    faultsB.clear();
    const created = data(
      await other.chat.sessions.create({ kind: 'general', title: 'Seen via tab A' }),
    );
    await syncA.poll();
    await until(
      () => listB.getSnapshot().items.some((s) => s.id === created.id),
      'tab B to receive tab A’s batch',
    );
    assert.equal(faultsB.calls('changes_since').length, 0, 'tab B did not poll for it');
    assert.equal(
      syncB.version,
      syncA.version,
      'tab B advanced its position over the contiguous range',
    );
    syncA.dispose();
    syncB.dispose();
    listB.dispose();
  });

  it('takes a Realtime broadcast as a nudge to poll, and unsubscribes on dispose', async () => {
    const faults = createFaultyFetch();
    const device = broker.device({ fetch: faults.fetch });
    let fire: (payload: unknown) => void = () => {};
    let removed = 0;
    let subscribed = false;
    const channel: RealtimeChannelLike = {
      on: (_type, _filter, callback) => ((fire = callback), channel),
      subscribe: () => ((subscribed = true), channel),
    };
    const realtime = { channel: () => channel, removeChannel: () => (removed += 1) };
    const sync = new ChangeFeedSync({
      client: device.chat,
      intervalMs: 0,
      nudges: [realtimeNudge(realtime, { topic: `chat:${broker.userId}` })],
    });
    sync.start();
    data(await sync.ensureBaseline());
    // The nudge joins its channel once its code has loaded (a lazy module of its own).
    await until(() => subscribed, 'the nudge joined its channel');
    faults.clear();
    fire({ event: 'changed' });
    await until(() => faults.calls('changes_since').length === 1, 'a poll on the nudge');
    sync.dispose();
    assert.equal(removed, 1);
  });

  it('reads a long backlog in batches without skipping anything, under concurrent writers', async () => {
    const writer = await world.createBroker();
    const session = data(await writer.chat.sessions.create({ kind: 'general' }));
    const sync = new ChangeFeedSync({ client: writer.device().chat, intervalMs: 0, batchLimit: 7 });
    data(await sync.ensureBaseline());
    const seen: string[] = [];
    sync.onChanges((batch) => {
      seen.push(...batch.messages.map((m) => m.id));
    });
    const devices = [writer.device(), writer.device(), writer.device()];
    const written: string[] = [];
    let polls = 0;
    await Promise.all([
      ...devices.map(async (device, d) => {
        for (let n = 0; n < 15; n += 1) {
          written.push(
            data(
              await device.chat.messages.append({ sessionId: session.id, content: `d${d} #${n}` }),
            ).id,
          );
        }
      }),
      (async () => {
        // Poll while the writers write: a change committing late must still arrive.
        for (let n = 0; n < 10; n += 1) {
          await sync.poll();
          polls += 1;
        }
      })(),
    ]);
    await sync.poll();
    assert.ok(polls >= 10);
    assert.equal(new Set(seen).size, written.length, 'every message, none skipped');
    assert.deepEqual(new Set(seen), new Set(written));
    sync.dispose();
  });
});
