import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SessionRowSchema, type Session } from '../src/index.js';
import { addDelta, deltaBetween } from '../src/stores/list/count-reconciliation.js';
import { OptimisticQueue } from '../src/stores/list/optimistic-queue.js';
import { provisionalSession } from '../src/stores/list/provisional-rows.js';
import { SearchDebounce } from '../src/stores/list/search-debounce.js';

/** The list store's parts, one job each, without a database (the store's own tests use one). */

const NOW = '2026-12-02T10:00:00.000Z';
const ID = '0b6c6f8e-5a51-4f3e-9a57-2f1c3f0d9a11';
const OWNER = '7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6';

describe('provisional rows', () => {
  it('derive every column from the row schema: counters at 0, optional times null', () => {
    const session = provisionalSession(
      {
        id: ID,
        kind: 'flight_request',
        title: '  TEB to VNY ',
        legs: [{ from: 'KTEB', to: 'KVNY', date: '2026-12-12' }],
        passengers: 6,
      },
      { ownerId: OWNER, nowIso: NOW },
    );
    // Every field the schema's transform produces, none left out.
    const fields = Object.keys(
      SessionRowSchema.parse(SessionRowSchema.def.in.parse(rowOf(session))),
    );
    assert.deepEqual(Object.keys(session).sort(), fields.sort());
    assert.equal(session.title, 'TEB to VNY');
    assert.equal(session.stage, 'understanding_request');
    assert.equal(session.departsOn, '2026-12-12');
    assert.equal(session.ownerId, OWNER);
    assert.equal(session.messageCount, 0);
    assert.equal(session.unreadCount, 0);
    assert.equal(session.completedAt, null);
    assert.equal(session.deletedAt, null);
    assert.equal(session.version, 1);
    assert.ok(Object.isFrozen(session));
  });
});

/** The database row shape of a session (for the schema round trip above). */
function rowOf(session: Session): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(session).map(([key, value]) => [
      key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`),
      value,
    ]),
  );
}

describe('count reconciliation', () => {
  it('moves a session between buckets and never counts below zero', () => {
    const before = { status: 'active', deletedAt: null, unreadCount: 2 } as Session;
    const archived = { ...before, status: 'archived' } as Session;
    assert.deepEqual(deltaBetween(before, archived), { active: -1, archived: 1 });
    const trashed = { ...before, deletedAt: NOW } as Session;
    assert.deepEqual(deltaBetween(before, trashed), { active: -1, trash: 1, unread: -2 });
    const counts = {
      active: 0,
      paused: 0,
      completed: 0,
      archived: 0,
      trash: 0,
      unread: 0,
      version: 1,
    };
    assert.equal(addDelta(counts, { active: -1 }).active, 0);
  });
});

describe('optimistic queue', () => {
  it('lays changes over the rows in order and runs one request at a time per session', async () => {
    const queue = new OptimisticQueue();
    const row = { id: ID, title: 'Old' } as Session;
    const rows = new Map([[ID, row]]);
    const send = () => Promise.resolve({ data: row, error: null });
    const rename = {
      spec: {
        sessionId: ID,
        mutation: 'rename' as const,
        apply: (s: Session | undefined) => s && { ...s, title: 'New' },
        send,
      },
      delta: {},
    };
    const pin = {
      spec: {
        sessionId: ID,
        mutation: 'pin' as const,
        apply: (s: Session | undefined) => s && { ...s, pinned: true },
        send,
      },
      delta: {},
    };
    queue.add(rename);
    queue.add(pin);
    assert.deepEqual(queue.view(rows).get(ID), { id: ID, title: 'New', pinned: true });
    assert.deepEqual(queue.pendingIds, [ID]);
    const order: string[] = [];
    let releaseFirst!: () => void;
    const first = queue.enqueue(ID, async () => {
      await new Promise<void>((resolve) => (releaseFirst = resolve));
      order.push('first');
    });
    const second = queue.enqueue(ID, async () => void order.push('second'));
    await Promise.resolve();
    assert.deepEqual(order, []);
    releaseFirst();
    await Promise.all([first, second]);
    assert.deepEqual(order, ['first', 'second']);
    queue.remove(rename);
    queue.remove(pin);
    assert.equal(queue.view(rows), rows);
  });
});

describe('search debounce', () => {
  it('applies what was typed once typing pauses, and reloads only for a real change', async () => {
    let paused = 0;
    const search = new SearchDebounce('', 5, () => (paused += 1));
    search.type('te');
    search.type('teb');
    assert.equal(search.input, 'teb');
    assert.equal(search.applied, '');
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(paused, 1);
    assert.equal(search.flush(), true);
    assert.equal(search.applied, 'teb');
    search.type('teb ');
    assert.equal(search.flush(), false, 'spaces around it are not a new search');
    assert.equal(search.applied, 'teb ');
    search.cancel();
  });
});
