import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  createChatSessions,
  type ChatSessionsClient,
  type Session,
  type SessionPage,
} from '../src/index.js';
import { createFaultyFetch } from './support/faulty-fetch.js';
import { expectData, expectError } from './support/results.js';
import { FAST_RETRY, startWorld, type Broker, type SdkWorld } from './support/world.js';

/**
 * Every method of the client through real supabase-js → the local gateway → PostgreSQL 15:
 * its happy path, and every error code it can return.
 */

let world: SdkWorld;
let alice: Broker;
let bob: Broker;

before(async () => {
  world = await startWorld('sdkc');
  alice = await world.createBroker();
  bob = await world.createBroker();
});

after(async () => {
  await world?.close();
});

describe('sessions', () => {
  it('creates a flight request, idempotently on its id', async () => {
    const id = randomUUID();
    const input = {
      id,
      kind: 'flight_request' as const,
      title: '  TEB → VNY  ',
      tripType: 'round_trip' as const,
      passengers: 6,
      legs: [
        { from: 'TEB', to: 'VNY', date: '2026-12-12' },
        { from: 'VNY', to: 'TEB', date: '2026-12-15', time: '09:30' },
      ],
      metadata: { crmDealId: 'D-1042' },
      externalRef: `trip-${id.slice(0, 8)}`,
    };
    const session = expectData(await alice.chat.sessions.create(input));
    assert.equal(session.id, id);
    assert.equal(session.title, 'TEB → VNY');
    assert.equal(session.stage, 'understanding_request');
    assert.equal(session.status, 'active');
    assert.equal(session.departsOn, '2026-12-12');
    assert.equal(session.ownerId, alice.userId);
    assert.deepEqual(session.metadata, { crmDealId: 'D-1042' });
    const again = expectData(await alice.chat.sessions.create(input));
    assert.equal(again.id, id);
    const rows = await world.adminQuery(
      'select count(*)::int as n from chat.sessions where id = $1',
      [id],
    );
    assert.equal(rows[0]?.n, 1);
  });

  it('generates ids, gets, lists with search and keyset pages, counts', async () => {
    const broker = await world.createBroker();
    const created: Session[] = [];
    for (let n = 0; n < 5; n += 1) {
      created.push(
        expectData(await broker.chat.sessions.create({ kind: 'general', title: `Chat ${n}` })),
      );
    }
    const fetched = expectData(await broker.chat.sessions.get(created[0]!.id));
    assert.equal(fetched.title, 'Chat 0');

    const first = expectData(await broker.chat.sessions.list({ tab: 'active', limit: 2 }));
    assert.equal(first.items.length, 2);
    assert.ok(first.nextCursor);
    const seen = first.items.map((s) => s.id);
    let cursor: Record<string, unknown> | null = first.nextCursor;
    while (cursor) {
      const page: SessionPage = expectData(
        await broker.chat.sessions.list({ tab: 'active', limit: 2, cursor }),
      );
      seen.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor;
    }
    assert.deepEqual(new Set(seen), new Set(created.map((s) => s.id)));
    assert.equal(seen.length, 5);
    // Newest activity first.
    assert.equal(seen[0], created[4]!.id);

    const found = expectData(await broker.chat.sessions.list({ search: 'chat 3' }));
    assert.deepEqual(
      found.items.map((s) => s.id),
      [created[3]!.id],
    );
    const attention = expectData(await broker.chat.sessions.list({ sort: 'attention' }));
    assert.equal(attention.items.length, 5);

    const counts = expectData(await broker.chat.sessions.counts());
    assert.deepEqual(
      { ...counts, version: 0 },
      { active: 5, paused: 0, completed: 0, archived: 0, trash: 0, unread: 0, version: 0 },
    );
    assert.ok(counts.version >= 5);
  });

  it('updates and renames, with optimistic concurrency', async () => {
    const session = expectData(
      await alice.chat.sessions.create({ kind: 'flight_request', title: 'Draft' }),
    );
    const renamed = expectData(
      await alice.chat.sessions.rename(session.id, 'Miami weekend', {
        expectedVersion: session.version,
      }),
    );
    assert.equal(renamed.title, 'Miami weekend');
    assert.equal(renamed.version, session.version + 1);
    const updated = expectData(
      await alice.chat.sessions.update(session.id, {
        passengers: 4,
        stage: 'searching_aircraft',
        legs: [{ from: 'KTEB', to: 'KOPF', date: '2026-12-20' }],
        tripType: 'one_way',
      }),
    );
    assert.equal(updated.passengers, 4);
    assert.equal(updated.stage, 'searching_aircraft');
    assert.equal(updated.legs[0]?.to, 'KOPF');

    const stale = await alice.chat.sessions.rename(session.id, 'Too late', {
      expectedVersion: session.version,
    });
    const error = expectError(stale, 'conflict', 409);
    assert.match(error.hint ?? '', /Reload/);
  });

  it('moves through every lifecycle action', async () => {
    const { sessions } = alice.chat;
    const session = expectData(await sessions.create({ kind: 'general', title: 'Lifecycle' }));
    const resumeAt = new Date(Date.now() + 3_600_000);
    const paused = expectData(await sessions.pause(session.id, { resumeAt }));
    assert.equal(paused.status, 'paused');
    assert.equal(new Date(paused.resumeAt!).getTime(), resumeAt.getTime());
    assert.equal(expectData(await sessions.resume(session.id)).status, 'active');
    const completed = expectData(await sessions.complete(session.id, 'won'));
    assert.equal(completed.status, 'completed');
    assert.equal(completed.outcome, 'won');
    const archived = expectData(
      await sessions.archive(session.id, { expectedVersion: completed.version }),
    );
    assert.equal(archived.status, 'archived');
    assert.equal(archived.statusBeforeArchive, 'completed');
    const unarchived = expectData(await sessions.unarchive(session.id));
    assert.equal(unarchived.status, 'completed');
    const reopened = expectData(await sessions.reopen(session.id));
    assert.equal(reopened.status, 'active');
    assert.equal(reopened.outcome, null);
    const viaTransition = expectData(await sessions.transition(session.id, { action: 'pause' }));
    assert.equal(viaTransition.status, 'paused');
  });

  it('pins, trashes, restores, marks read; purge is for the service role', async () => {
    const { sessions } = alice.chat;
    const session = expectData(await sessions.create({ kind: 'general', title: 'Pin me' }));
    assert.equal(expectData(await sessions.pin(session.id)).pinned, true);
    assert.equal(expectData(await sessions.pin(session.id)).pinned, true);
    assert.equal(expectData(await sessions.unpin(session.id)).pinned, false);
    const trashed = expectData(await sessions.delete(session.id));
    assert.ok(trashed.deletedAt);
    const trash = expectData(await sessions.list({ tab: 'trash' }));
    assert.ok(trash.items.some((s) => s.id === session.id));
    assert.ok(
      expectData(await sessions.delete(session.id)).deletedAt,
      'deleting twice is harmless',
    );
    assert.equal(expectData(await sessions.restore(session.id)).deletedAt, null);
    assert.equal(expectData(await sessions.markRead(session.id)).unreadCount, 0);

    expectError(await sessions.purgeTrash({ olderThanDays: 0 }), 'forbidden', 403);
    await sessions.delete(session.id);
    const admin = createChatSessions({ supabase: world.serviceSupabase(), retry: FAST_RETRY });
    const purged = expectData(await admin.sessions.purgeTrash({ olderThanDays: 0 }));
    assert.ok(purged >= 1);
    expectError(await sessions.get(session.id), 'not_found', 404);
  });
});

describe('messages and operator threads', () => {
  let sessionId: string;

  before(async () => {
    sessionId = expectData(
      await alice.chat.sessions.create({ kind: 'flight_request', title: 'Threads' }),
    ).id;
  });

  it('appends idempotently and pages by seq', async () => {
    const { messages } = alice.chat;
    const ids: string[] = [];
    for (let n = 1; n <= 7; n += 1) {
      const message = expectData(await messages.append({ sessionId, content: `message ${n}` }));
      assert.equal(message.role, 'broker');
      ids.push(message.id);
    }
    const repeat = expectData(
      await messages.append({ id: ids[2]!, sessionId, content: 'message 3' }),
    );
    assert.equal(repeat.id, ids[2]);
    const newest = expectData(await messages.list({ sessionId, limit: 3 }));
    assert.deepEqual(
      newest.items.map((m) => m.content),
      ['message 5', 'message 6', 'message 7'],
    );
    assert.equal(newest.hasMore, true);
    const older = expectData(
      await messages.list({ sessionId, limit: 3, beforeSeq: newest.items[0]!.seq }),
    );
    assert.deepEqual(
      older.items.map((m) => m.content),
      ['message 2', 'message 3', 'message 4'],
    );
    const after = expectData(await messages.list({ sessionId, afterSeq: older.items[2]!.seq }));
    assert.deepEqual(
      after.items.map((m) => m.content),
      ['message 5', 'message 6', 'message 7'],
    );
    assert.equal(after.hasMore, false);
    const session = expectData(await alice.chat.sessions.get(sessionId));
    assert.equal(session.messageCount, 7);
    assert.equal(session.lastMessagePreview, 'message 7');

    const markdown = expectData(
      await messages.append({
        sessionId,
        content: '**Quote**',
        role: 'assistant',
        contentType: 'markdown',
        richContent: { price: 18400 },
      }),
    );
    assert.deepEqual(markdown.richContent, { price: 18400 });
  });

  it('opens threads, records operator replies (service role), marks read', async () => {
    const admin = createChatSessions({ supabase: world.serviceSupabase(), retry: FAST_RETRY });
    const thread = expectData(
      await alice.chat.threads.open({ sessionId, operatorName: 'Jet Linx', externalRef: 'op-1' }),
    );
    const same = expectData(
      await alice.chat.threads.open({ sessionId, operatorName: 'Jet Linx', externalRef: 'op-1' }),
    );
    assert.equal(same.id, thread.id, 'open is idempotent on the external reference');
    expectData(
      await alice.chat.messages.append({
        sessionId,
        threadId: thread.id,
        content: 'Availability for Dec 12?',
      }),
    );

    const messageId = randomUUID();
    const reply = expectData(
      await admin.threads.recordOperatorMessage({
        messageId,
        sessionId,
        threadId: thread.id,
        content: 'Citation XLS, $18,400',
      }),
    );
    assert.equal(reply.role, 'operator');
    assert.equal(reply.threadId, thread.id);
    expectData(
      await admin.threads.recordOperatorMessage({
        messageId,
        sessionId,
        threadId: thread.id,
        content: 'Citation XLS, $18,400',
      }),
    );
    const viaRef = expectData(
      await admin.threads.recordOperatorMessage({
        sessionId,
        threadExternalRef: 'op-2',
        operatorName: 'Wheels Up',
        content: 'Declined',
      }),
    );
    assert.notEqual(viaRef.threadId, thread.id);

    const threads = expectData(await alice.chat.threads.list(sessionId));
    assert.deepEqual(
      threads.map((t) => [t.operatorName, t.unreadCount]),
      [
        ['Jet Linx', 1],
        ['Wheels Up', 1],
      ],
    );
    const page = expectData(await alice.chat.messages.list({ sessionId, threadId: thread.id }));
    assert.deepEqual(
      page.items.map((m) => m.role),
      ['broker', 'operator'],
    );
    const counts = expectData(await alice.chat.sessions.counts());
    assert.ok(counts.unread >= 2);

    const read = expectData(await alice.chat.threads.markRead(thread.id));
    assert.equal(read.unreadCount, 0);
    assert.equal(
      expectData(await alice.chat.threads.markRead(thread.id, 1)).lastReadSeq,
      read.lastReadSeq,
      'never moves back',
    );
    const session = expectData(await alice.chat.sessions.markRead(sessionId));
    assert.equal(session.unreadCount, 0);
  });

  it('reads the change feed gap-free in batches', async () => {
    const broker = await world.createBroker();
    const session = expectData(
      await broker.chat.sessions.create({ kind: 'general', title: 'Feed' }),
    );
    for (let n = 0; n < 4; n += 1)
      expectData(await broker.chat.messages.append({ sessionId: session.id, content: `m${n}` }));
    let since = 0;
    const messages: string[] = [];
    const sessions = new Set<string>();
    let batches = 0;
    for (;;) {
      const batch = expectData(await broker.chat.changes.since({ since, limit: 2 }));
      batches += 1;
      batch.messages.forEach((m) => messages.push(m.content));
      batch.sessions.forEach((s) => sessions.add(s.id));
      since = batch.version;
      if (!batch.hasMore) break;
    }
    assert.ok(batches >= 3);
    assert.deepEqual(messages, ['m0', 'm1', 'm2', 'm3']);
    assert.deepEqual([...sessions], [session.id]);
    const quiet = expectData(await broker.chat.changes.since({ since, includeMessages: false }));
    assert.equal(quiet.version, since);
    assert.equal(quiet.sessions.length, 0);
  });
});

describe('error codes', () => {
  it('validation: before sending, and from the database', async () => {
    const faults = createFaultyFetch();
    const device = alice.device({ fetch: faults.fetch });
    const tooLong = await device.chat.sessions.create({ kind: 'general', title: 'x'.repeat(201) });
    const error = expectError(tooLong, 'validation', 0);
    assert.deepEqual(error.issues[0]?.path, ['title']);
    expectError(
      await device.chat.sessions.create({ kind: 'general', passengers: 3 }),
      'validation',
    );
    expectError(await device.chat.sessions.complete(randomUUID(), 'maybe' as 'won'), 'validation');
    expectError(await device.chat.sessions.get('not-a-uuid'), 'validation');
    expectError(
      await device.chat.messages.append({ sessionId: randomUUID(), content: '' }),
      'validation',
    );
    assert.equal(faults.log.length, 0, 'nothing was sent');

    const general = expectData(await alice.chat.sessions.create({ kind: 'general' }));
    const server = await alice.chat.sessions.update(general.id, { passengers: 2 });
    const serverError = expectError(server, 'validation', 400);
    assert.equal(serverError.sqlState, 'PT400');
    expectError(
      await alice.chat.sessions.list({ cursor: { at: 'yesterday', id: 'nope' } }),
      'validation',
      400,
    );
  });

  it('unauthenticated: no user, or an expired token', async () => {
    const anon = createChatSessions({ supabase: world.anonSupabase(), retry: FAST_RETRY });
    expectError(await anon.sessions.list(), 'unauthenticated', 401);
    const admin = createChatSessions({ supabase: world.serviceSupabase(), retry: FAST_RETRY });
    expectError(await admin.sessions.create({ kind: 'general' }), 'unauthenticated');
    const expired = world.backend.tokenFor(alice.userId, alice.email, -60);
    const stale = createChatSessions({ supabase: world.userSupabase(expired), retry: FAST_RETRY });
    const error = expectError(await stale.sessions.list(), 'unauthenticated', 401);
    assert.match(error.sqlState ?? '', /^PGRST30/);
  });

  it('forbidden: operator messages are the service role’s', async () => {
    const session = expectData(await alice.chat.sessions.create({ kind: 'general' }));
    const error = expectError(
      await alice.chat.threads.recordOperatorMessage({
        sessionId: session.id,
        threadExternalRef: 'x',
        operatorName: 'X',
        content: 'hi',
      }),
      'forbidden',
      403,
    );
    assert.equal(error.sqlState, '42501');
  });

  it('not_found, and brokers never see each other’s rows', async () => {
    expectError(await alice.chat.sessions.get(randomUUID()), 'not_found', 404);
    const secret = expectData(
      await alice.chat.sessions.create({ kind: 'general', title: 'Alice only' }),
    );
    expectData(await alice.chat.messages.append({ sessionId: secret.id, content: 'private' }));
    expectError(await bob.chat.sessions.get(secret.id), 'not_found', 404);
    expectError(await bob.chat.sessions.rename(secret.id, 'mine'), 'not_found', 404);
    expectError(
      await bob.chat.messages.append({ sessionId: secret.id, content: 'intrude' }),
      'not_found',
      404,
    );
    expectError(await bob.chat.messages.list({ sessionId: secret.id }), 'not_found', 404);
    expectError(await bob.chat.sessions.delete(secret.id), 'not_found', 404);
    const bobList = expectData(await bob.chat.sessions.list({ search: 'alice only' }));
    assert.equal(bobList.items.length, 0);
    const feed = expectData(await bob.chat.changes.since({ since: 0, limit: 1000 }));
    assert.ok(feed.sessions.every((s) => s.ownerId === bob.userId));
    assert.ok(feed.messages.every((m) => m.ownerId === bob.userId));
  });

  it('invalid_transition, in_trash and conflict', async () => {
    const { sessions } = alice.chat;
    const session = expectData(await sessions.create({ kind: 'general' }));
    expectError(await sessions.resume(session.id), 'invalid_transition', 409);
    expectError(await sessions.unarchive(session.id), 'invalid_transition', 409);
    await sessions.delete(session.id);
    expectError(await sessions.pause(session.id), 'in_trash', 409);
    expectError(await sessions.rename(session.id, 'x'), 'in_trash', 409);
    expectError(
      await alice.chat.messages.append({ sessionId: session.id, content: 'x' }),
      'in_trash',
      409,
    );
    await sessions.restore(session.id);

    const ref = `ref-${randomUUID()}`;
    expectData(await sessions.create({ kind: 'general', externalRef: ref }));
    expectError(await sessions.create({ kind: 'general', externalRef: ref }), 'conflict', 409);
    expectError(await sessions.create({ id: session.id, kind: 'flight_request' }), 'conflict', 409);
    expectError(
      await sessions.pause(session.id, { expectedVersion: session.version + 5 }),
      'conflict',
      409,
    );
    const message = expectData(
      await alice.chat.messages.append({ sessionId: session.id, content: 'one' }),
    );
    expectError(
      await alice.chat.messages.append({ id: message.id, sessionId: session.id, content: 'two' }),
      'conflict',
      409,
    );
  });

  it('network, server, bad_response, aborted, configuration', async () => {
    const faults = createFaultyFetch();
    const device = alice.device({ fetch: faults.fetch, sdk: { retry: { attempts: 1 } } });
    const session = expectData(await alice.chat.sessions.create({ kind: 'general' }));

    faults.inject('get_session', { kind: 'drop-before' });
    const network = expectError(await device.chat.sessions.get(session.id), 'network', 0);
    assert.ok(network.transient);
    assert.ok(network.cause, 'the original failure is kept');

    faults.inject('get_session', { kind: 'status', status: 502 });
    expectError(await device.chat.sessions.get(session.id), 'server', 502);

    faults.inject('get_session', { kind: 'garble', body: { id: 'not a session' } });
    const bad = expectError(await device.chat.sessions.get(session.id), 'bad_response', 200);
    assert.ok(bad.issues.length > 0);

    const controller = new AbortController();
    controller.abort();
    expectError(
      await device.chat.sessions.get(session.id, { signal: controller.signal }),
      'aborted',
    );
    const late = new AbortController();
    faults.inject('get_session', { kind: 'delay', ms: 2000 });
    const pending = device.chat.sessions.get(session.id, { signal: late.signal });
    setTimeout(() => late.abort(), 20);
    expectError(await pending, 'aborted');

    const wrongSchema = createChatSessions({ supabase: alice.supabase, schema: 'public' });
    const misconfigured = expectError(await wrongSchema.sessions.list(), 'configuration');
    assert.ok(misconfigured.hint);
  });
});

describe('retries', () => {
  let faults: ReturnType<typeof createFaultyFetch>;
  let device: { chat: ChatSessionsClient };

  before(() => {
    faults = createFaultyFetch();
    device = alice.device({ fetch: faults.fetch });
  });

  it('retries reads on transient failures, with backoff, until they succeed', async () => {
    const session = expectData(await alice.chat.sessions.create({ kind: 'general' }));
    faults.clear();
    faults.inject('get_session', { kind: 'drop-before' }, 2);
    faults.inject('get_session', { kind: 'status', status: 503 }, 1);
    expectData(await device.chat.sessions.get(session.id));
    assert.equal(faults.calls('get_session').length, 4);
    assert.ok(faults.calls('get_session').every((call) => call.method === 'GET'));
  });

  it('never retries a validation, conflict or not-found error', async () => {
    faults.clear();
    expectError(await device.chat.sessions.get(randomUUID()), 'not_found');
    assert.equal(faults.calls('get_session').length, 1);
  });

  it('retries an idempotent create whose response was lost after commit: one row', async () => {
    faults.clear();
    const id = randomUUID();
    faults.inject('create_session', { kind: 'drop-after' }, 2);
    const session = expectData(
      await device.chat.sessions.create({ id, kind: 'general', title: 'Once' }),
    );
    assert.equal(session.id, id);
    assert.equal(faults.calls('create_session').length, 3);
    assert.deepEqual(
      faults.calls('create_session').map((c) => c.serverStatus),
      [200, 200, 200],
    );
    const rows = await world.adminQuery(
      'select count(*)::int as n from chat.sessions where id = $1',
      [id],
    );
    assert.equal(rows[0]?.n, 1);
  });

  it('retries append after a lost response without duplicating the message', async () => {
    const session = expectData(await alice.chat.sessions.create({ kind: 'general' }));
    faults.clear();
    faults.inject('append_message', { kind: 'drop-after' });
    faults.inject('append_message', { kind: 'status', status: 500 });
    const message = expectData(
      await device.chat.messages.append({ sessionId: session.id, content: 'exactly once' }),
    );
    assert.equal(faults.calls('append_message').length, 3);
    const rows = await world.adminQuery(
      'select count(*)::int as n, max(seq)::int as seq from chat.messages where session_id = $1',
      [session.id],
    );
    assert.deepEqual(rows[0], { n: 1, seq: message.seq });
  });

  it('sends a non-idempotent write once and reports the unknown outcome', async () => {
    const session = expectData(await alice.chat.sessions.create({ kind: 'general' }));
    faults.clear();
    faults.inject('transition_session', { kind: 'drop-after' });
    const error = expectError(await device.chat.sessions.pause(session.id), 'network');
    assert.ok(error.outcomeUnknown);
    assert.equal(faults.calls('transition_session').length, 1);
    // It did commit: the caller must refresh, not assume.
    assert.equal(expectData(await alice.chat.sessions.get(session.id)).status, 'paused');
  });

  it('stops retrying when aborted during backoff', async () => {
    const slow = alice.device({
      fetch: faults.fetch,
      sdk: { retry: { attempts: 5, baseDelayMs: 10_000, maxDelayMs: 10_000, random: () => 0.99 } },
    });
    faults.clear();
    faults.inject('session_counts', { kind: 'drop-before' }, 5);
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 50);
    expectError(await slow.chat.sessions.counts({ signal: controller.signal }), 'aborted');
    assert.ok(Date.now() - started < 2000);
    assert.equal(faults.calls('session_counts').length, 1);
  });

  it('tells write listeners after writes, not after reads', async () => {
    let writes = 0;
    const off = alice.chat.onWrite(() => (writes += 1));
    const session = expectData(await alice.chat.sessions.create({ kind: 'general' }));
    await alice.chat.sessions.get(session.id);
    await alice.chat.sessions.pause(session.id);
    off();
    await alice.chat.sessions.resume(session.id);
    assert.equal(writes, 2);
  });
});
