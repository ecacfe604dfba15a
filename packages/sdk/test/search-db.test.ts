import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SessionListStore } from '../src/index.js';
import { expectData, expectError } from './support/results.js';
import { until } from './support/wait.js';
import { startWorld, type Broker, type SdkWorld } from './support/world.js';

/**
 * Search (#11 item 9) through the SDK against PostgreSQL: airport names and cities of the legs,
 * message text, the per-tab match counts, and the list store keeping rows the server matched
 * for reasons the client cannot see.
 */
let world: SdkWorld;
let alice: Broker;
let bob: Broker;

before(async () => {
  world = await startWorld('sdksearch');
  alice = await world.createBroker();
  bob = await world.createBroker();
  const teb = expectData(
    await alice.chat.sessions.create({
      kind: 'flight_request',
      title: 'Smith family',
      tripType: 'one_way',
      legs: [{ from: 'KTEB', to: 'KVNY', date: '2030-12-12' }],
    }),
  );
  const done = expectData(
    await alice.chat.sessions.create({ kind: 'general', title: 'Jones board trip' }),
  );
  expectData(await alice.chat.messages.append({ sessionId: done.id, content: 'Operator ACK in' }));
  expectData(await alice.chat.messages.append({ sessionId: done.id, content: 'Catering set' }));
  expectData(await alice.chat.sessions.complete(done.id, 'won'));
  expectData(await alice.chat.messages.append({ sessionId: teb.id, content: 'Six passengers' }));
  expectData(
    await bob.chat.sessions.create({
      kind: 'flight_request',
      title: 'Bob ACK trip',
      tripType: 'one_way',
      legs: [{ from: 'KTEB', to: 'KBOS', date: '2030-12-01' }],
    }),
  );
});

after(async () => {
  await world?.close();
});

describe('search', () => {
  it('lists by airport city and name, and by an older message', async () => {
    const byCity = expectData(await alice.chat.sessions.list({ search: 'Teterboro' }));
    assert.deepEqual(
      byCity.items.map((s) => s.title),
      ['Smith family'],
    );
    const byName = expectData(await alice.chat.sessions.list({ search: 'van nuys' }));
    assert.deepEqual(
      byName.items.map((s) => s.title),
      ['Smith family'],
    );
    const byMessage = expectData(
      await alice.chat.sessions.list({ tab: 'completed', search: 'ack' }),
    );
    assert.deepEqual(
      byMessage.items.map((s) => s.title),
      ['Jones board trip'],
    );
  });

  it('counts matches per tab, only the caller’s', async () => {
    const counts = expectData(await alice.chat.sessions.searchCounts('ACK'));
    assert.deepEqual(
      { ...counts, version: 0 },
      { active: 0, completed: 1, archived: 0, trash: 0, version: 0 },
    );
    const teterboro = expectData(await bob.chat.sessions.searchCounts('teterboro'));
    assert.equal(teterboro.active, 1, 'bob counts only his own Teterboro trip');
    assert.ok(counts.version > 0);
  });

  it('refuses a search over 200 characters before calling', async () => {
    expectError(await alice.chat.sessions.searchCounts('x'.repeat(201)), 'validation');
  });

  it('keeps the rows the server matched by airport name in the list store', async () => {
    const list = new SessionListStore({ client: alice.chat, searchDebounceMs: 0 });
    await list.load();
    list.setSearch('Teterboro');
    await until(
      () => list.getSnapshot().search === 'Teterboro' && !list.getSnapshot().loading,
      'the search to apply',
    );
    assert.deepEqual(
      list.getSnapshot().items.map((s) => s.title),
      ['Smith family'],
    );
    list.dispose();
  });
});
