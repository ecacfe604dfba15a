import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ChangeFeedSync,
  realtimeNudge,
  type RealtimeChannelLike,
  type RealtimeClientLike,
  type Result,
} from '../src/index.js';
import { createFaultyFetch } from './support/faulty-fetch.js';
import { until } from './support/wait.js';
import { startWorld, type Broker, type SdkWorld } from './support/world.js';

/**
 * Supabase Realtime as the live path, SDK side: the broker's private topic is joined with their
 * token, each broadcast makes one poll, and polling slows down while the channel is joined and
 * returns to its pace when the channel fails. No Realtime server can run here, so only the
 * Realtime transport is a fake (a channel driven by hand); the polls go through real supabase-js
 * to the local gateway over real PostgreSQL.
 */

function data<T>(result: Result<T>): T {
  if (result.error) assert.fail(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

let world: SdkWorld;
let broker: Broker;

before(async () => {
  world = await startWorld('sdkrt');
  broker = await world.createBroker();
});

after(async () => {
  await world?.close();
});

/** A hand-driven Realtime: records what the SDK asked for, lets the test play the server. */
function fakeRealtime() {
  const log: string[] = [];
  let broadcast: (payload: unknown) => void = () => undefined;
  let status: (status: string) => void = () => undefined;
  const channel: RealtimeChannelLike = {
    on: (type, filter, callback) => {
      log.push(`on ${type} ${filter.event}`);
      broadcast = callback;
      return channel;
    },
    subscribe: (callback) => {
      log.push('subscribe');
      status = callback ?? (() => undefined);
      return channel;
    },
  };
  const client: RealtimeClientLike = {
    channel: (name, options) => {
      log.push(`channel ${name} private=${String(options?.config.private)}`);
      return channel;
    },
    removeChannel: () => log.push('removeChannel'),
    realtime: {
      setAuth: (token) => {
        log.push(`setAuth ${String(token)}`);
        return Promise.resolve();
      },
    },
  };
  return {
    client,
    log,
    subscribed: () => log.includes('subscribe'),
    broadcast: (payload: unknown) => broadcast(payload),
    status: (value: string) => status(value),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

describe('realtimeNudge', () => {
  it('a real supabase-js client fits what it needs', () => {
    const fits: RealtimeClientLike = broker.supabase;
    assert.equal(typeof fits.channel, 'function');
    assert.equal(typeof fits.realtime?.setAuth, 'function');
  });

  it("joins the broker's private topic with their token, then polls once per broadcast", async () => {
    const faults = createFaultyFetch();
    const device = broker.device({ fetch: faults.fetch });
    const realtime = fakeRealtime();
    const topic = `chat:${broker.userId}`;
    const sync = new ChangeFeedSync({
      client: device.chat,
      intervalMs: 0,
      nudges: [realtimeNudge(realtime.client, { topic, accessToken: async () => broker.token })],
    });
    sync.start();
    data(await sync.ensureBaseline());
    await until(realtime.subscribed, 'the channel is joined');
    assert.deepEqual(realtime.log, [
      `channel ${topic} private=true`,
      'on broadcast *',
      `setAuth ${broker.token}`,
      'subscribe',
    ]);

    realtime.status('SUBSCRIBED');
    await until(() => !sync.getSnapshot().polling, 'the poll on joining settles');
    await settle();
    faults.clear();

    // Another device writes; its broadcast reaches this page, which polls once and has it.
    const session = data(await broker.chat.sessions.create({ kind: 'general', title: 'Nudged' }));
    assert.equal(faults.calls('changes_since').length, 0, 'no poll before the nudge');
    realtime.broadcast({ event: 'changed', payload: { version: session.syncVersion } });
    await until(() => (sync.version ?? 0) >= session.syncVersion, 'the nudged poll');
    await settle();
    assert.equal(faults.calls('changes_since').length, 1, 'one broadcast, one poll');

    sync.dispose();
    assert.equal(realtime.log.at(-1), 'removeChannel', 'the channel is left on dispose');
    faults.clear();
    realtime.broadcast({ event: 'changed' });
    await settle();
    assert.equal(faults.calls('changes_since').length, 0, 'a late broadcast polls nothing');
  });

  it('polls slower while the channel is joined, at the normal pace after an error or close', async () => {
    const faults = createFaultyFetch();
    const device = broker.device({ fetch: faults.fetch });
    const realtime = fakeRealtime();
    const sync = new ChangeFeedSync({
      client: device.chat,
      intervalMs: 40,
      healthyIntervalMs: 100_000,
      nudges: [realtimeNudge(realtime.client, { topic: `chat:${broker.userId}` })],
    });
    sync.start();
    await until(realtime.subscribed, 'the channel is joined');
    assert.ok(!realtime.log.some((line) => line.startsWith('setAuth')), 'no token, no setAuth');
    assert.equal(sync.pollIntervalMs, 40, 'normal pace before the channel is joined');
    await until(() => faults.calls('changes_since').length >= 2, 'interval polls');

    realtime.status('SUBSCRIBED');
    assert.equal(sync.pollIntervalMs, 100_000, 'slow while joined');
    await until(() => !sync.getSnapshot().polling, 'the poll on joining settles');
    await settle();
    faults.clear();
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(faults.calls('changes_since').length, 0, 'no interval poll while joined');

    realtime.status('CHANNEL_ERROR');
    assert.equal(sync.pollIntervalMs, 40, 'back to normal on CHANNEL_ERROR');
    await until(
      () => faults.calls('changes_since').length >= 3,
      'a poll at once, then interval polls',
    );

    realtime.status('SUBSCRIBED');
    assert.equal(sync.pollIntervalMs, 100_000, 'slow again once rejoined');
    realtime.status('CLOSED');
    assert.equal(sync.pollIntervalMs, 40, 'back to normal on CLOSED');
    realtime.status('SUBSCRIBED');
    realtime.status('TIMED_OUT');
    assert.equal(sync.pollIntervalMs, 40, 'and on TIMED_OUT');

    sync.dispose();
    const afterDispose = faults.calls('changes_since').length;
    realtime.status('SUBSCRIBED');
    await new Promise((resolve) => setTimeout(resolve, 120));
    assert.equal(faults.calls('changes_since').length, afterDispose, 'nothing after dispose');
  });

  it('a failing token keeps polling at the normal pace and never joins', async () => {
    const realtime = fakeRealtime();
    const sync = new ChangeFeedSync({
      client: broker.chat,
      intervalMs: 40,
      nudges: [
        realtimeNudge(realtime.client, {
          topic: `chat:${broker.userId}`,
          accessToken: () => Promise.reject(new Error('signed out')),
        }),
      ],
    });
    sync.start();
    await settle();
    assert.equal(realtime.subscribed(), false);
    assert.equal(sync.pollIntervalMs, 40);
    sync.dispose();
  });
});
