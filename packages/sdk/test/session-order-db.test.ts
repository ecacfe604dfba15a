import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  attentionBucket,
  createChatSessions,
  matchesQuery,
  sessionComparator,
  type ListTab,
  type Result,
  type Session,
  type SessionSort,
} from '../src/index.js';
import { FAST_RETRY, startWorld, type Broker, type SdkWorld } from './support/world.js';

/**
 * The list's order and search, as the stores compute them, against `chat.list_sessions` on
 * rows covering every "needs attention" bucket, pins, ties within a millisecond, and the trash.
 */

function data<T>(result: Result<T>): T {
  if (result.error) assert.fail(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

let world: SdkWorld;
let broker: Broker;

function isoDate(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

async function serverList(tab: ListTab, sort: SessionSort, search?: string): Promise<Session[]> {
  const sessions: Session[] = [];
  let cursor: Record<string, unknown> | null = null;
  do {
    // Small pages, so the cursor crosses bucket boundaries.
    const page: { items: Session[]; nextCursor: Record<string, unknown> | null } = data(
      await broker.chat.sessions.list({
        tab,
        sort,
        limit: 3,
        cursor,
        ...(search ? { search } : {}),
      }),
    );
    sessions.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return sessions;
}

before(async () => {
  world = await startWorld('sdko');
  broker = await world.createBroker();
  const admin = createChatSessions({ supabase: world.serviceSupabase(), retry: FAST_RETRY });
  const { sessions } = broker.chat;
  const make = async (
    title: string,
    extra: Parameters<typeof sessions.create>[0] = { kind: 'general' },
  ) => data(await sessions.create({ ...extra, title }));

  const plain = await Promise.all([make('Plain A'), make('Plain B'), make('Plain C')]);
  await sessions.pin(plain[1].id);
  const soon = await make('Departs tomorrow TEB', {
    kind: 'flight_request',
    legs: [{ from: 'TEB', to: 'VNY', date: isoDate(1) }],
  });
  await make('Departs the day after tomorrow', {
    kind: 'flight_request',
    legs: [{ from: 'KOPF', to: 'KASE', date: isoDate(2) }],
  });
  await make('Departs next month', {
    kind: 'flight_request',
    legs: [{ from: 'KJFK', to: 'EGLL', date: isoDate(30) }],
  });
  const due = await make('Paused, due');
  await sessions.pause(due.id, { resumeAt: new Date(Date.now() - 60_000) });
  const later = await make('Paused, later');
  await sessions.pause(later.id, { resumeAt: new Date(Date.now() + 86_400_000) });
  const replied = await make('Operator replied');
  await admin.threads.recordOperatorMessage({
    sessionId: replied.id,
    threadExternalRef: 'op',
    operatorName: 'Op',
    content: 'Quote: TEB ok',
  });
  await sessions.pin(replied.id);
  // The same thing, departing soon and replied to: bucket 0 wins.
  await admin.threads.recordOperatorMessage({
    sessionId: soon.id,
    threadExternalRef: 'op',
    operatorName: 'Op',
    content: 'Available',
  });
  const trashed = await Promise.all([
    make('Trash 1'),
    make('Trash 2'),
    make('Trash 3'),
    make('Trash 4'),
  ]);
  for (const session of trashed) await sessions.delete(session.id);
});

after(async () => {
  await world?.close();
});

describe('session order and search = chat.list_sessions', () => {
  for (const [tab, sort] of [
    ['active', 'recent'],
    ['active', 'attention'],
    ['trash', 'recent'],
  ] as Array<[ListTab, SessionSort]>) {
    it(`${tab} / ${sort}`, async () => {
      const server = await serverList(tab, sort);
      assert.ok(server.length >= 4);
      const local = [...server].reverse().sort(sessionComparator(tab, sort, Date.now()));
      assert.deepEqual(
        local.map((s) => s.title),
        server.map((s) => s.title),
      );
    });
  }

  it('covers every attention bucket', async () => {
    const server = await serverList('active', 'attention');
    const buckets = server.map((s) => attentionBucket(s, Date.now()));
    assert.deepEqual([...new Set(buckets)], [0, 1, 2, 3]);
  });

  for (const search of ['teb', 'PAUSED', 'quote', 'nothing like it']) {
    it(`search “${search}”`, async () => {
      const everything = await serverList('active', 'recent');
      const server = await serverList('active', 'recent', search);
      const local = everything.filter((s) => matchesQuery(s, 'active', search));
      // The server also matches airport names and cities and every message's text, which the
      // client cannot see (the list store keeps the rows the server returned): what the client
      // matches is a subset of the server's answer, in the same order.
      const localIds = new Set(local.map((s) => s.id));
      assert.deepEqual(
        local.map((s) => s.id),
        server.filter((s) => localIds.has(s.id)).map((s) => s.id),
      );
      if (search === 'nothing like it') assert.deepEqual(server, []);
    });
  }
});
