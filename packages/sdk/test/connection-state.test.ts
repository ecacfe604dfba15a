import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ChatSessionsRuntime, type ConnectionStatus } from '../src/index.js';
import { createFaultyFetch } from './support/faulty-fetch.js';
import { startWorld, type Broker, type SdkWorld } from './support/world.js';

/**
 * The connection state in Node, from real calls through supabase-js to the gateway over
 * PostgreSQL; the faulty fetch is the only fake (a dropped connection, a failing proxy). Node
 * has neither IndexedDB nor Web Locks: the runtime has no outbox and a lost send fails as it
 * always did.
 */

let world: SdkWorld;
let broker: Broker;

before(async () => {
  world = await startWorld('sdkc');
  broker = await world.createBroker();
});

after(async () => {
  await world?.close();
});

function device() {
  const faults = createFaultyFetch();
  const { chat } = broker.device({ fetch: faults.fetch });
  const runtime = new ChatSessionsRuntime(chat, {
    intervalMs: 0,
    userId: broker.userId,
    connection: { probeMs: 0 },
  });
  const seen: ConnectionStatus[] = [];
  runtime.connection.subscribe(() => {
    const { status } = runtime.connection.getSnapshot();
    if (seen.at(-1) !== status) seen.push(status);
  });
  return { faults, chat, runtime, seen };
}

describe('ConnectionState', () => {
  it('goes reconnecting on a lost call, offline after three in a row, online on the next success', async () => {
    const { faults, chat, runtime, seen } = device();
    try {
      assert.equal(runtime.connection.getSnapshot().status, 'online');
      let recovered = 0;
      runtime.connection.onRecovered(() => (recovered += 1));
      faults.inject('session_counts', { kind: 'drop-before' }, 100);
      for (let lost = 0; lost < 3; lost += 1) {
        const { error } = await chat.sessions.counts();
        assert.equal(error?.code, 'network');
      }
      assert.deepEqual(seen, ['reconnecting', 'offline']);
      assert.equal(runtime.connection.getSnapshot().lastErrorCode, 'network');
      faults.clear();
      const { error } = await chat.sessions.get(crypto.randomUUID());
      // An answer, even a refusal, means the server is reachable.
      assert.equal(error?.code, 'not_found');
      assert.deepEqual(seen, ['reconnecting', 'offline', 'online']);
      assert.equal(recovered, 1);
    } finally {
      runtime.dispose();
    }
  });

  it('is degraded while the server fails, and online again when it answers', async () => {
    const { faults, chat, runtime, seen } = device();
    try {
      faults.inject('session_counts', { kind: 'status', status: 502 }, 100);
      const { error } = await chat.sessions.counts();
      assert.equal(error?.code, 'server');
      assert.deepEqual(seen, ['degraded']);
      const listed = await chat.sessions.list({ tab: 'active' });
      assert.equal(listed.error, null);
      assert.deepEqual(seen, ['degraded', 'online']);
    } finally {
      runtime.dispose();
    }
  });

  it('has no outbox in Node: a lost send fails, nothing is queued', async () => {
    const { faults, chat, runtime } = device();
    try {
      assert.equal(runtime.outbox, null);
      const created = await chat.sessions.create({ kind: 'general', title: 'Node send' });
      assert.equal(created.error, null);
      const conversation = runtime.messages({ sessionId: created.data.id });
      const stop = conversation.subscribe(() => {});
      faults.inject('append_message', { kind: 'drop-before' }, 100);
      const sent = await conversation.send('lost');
      assert.equal(sent.error?.code, 'network');
      const [item] = conversation.getSnapshot().items.filter((entry) => entry.role === 'broker');
      assert.equal(item?.delivery, 'failed');
      assert.equal(runtime.connection.getSnapshot().queued, 0);
      stop();
    } finally {
      runtime.dispose();
    }
  });
});
