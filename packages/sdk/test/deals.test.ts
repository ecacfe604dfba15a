import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  FLIGHT_REQUEST_STAGES,
  OUTCOME_LABELS,
  STAGE_LABELS,
  createChatSessions,
  sessionEventOf,
  statusText,
  type ChatSessionsClient,
  type CompletionOutcome,
} from '../src/index.js';
import { expectData, expectError } from './support/results.js';
import { FAST_RETRY, startWorld, type Broker, type SdkWorld } from './support/world.js';

/**
 * Issue 11's database rules as the SDK sees them, through real supabase-js → the local gateway
 * → PostgreSQL 15: event lines in the transcript, `session_closed`, the paused session a
 * broker's message resumes, `sessions.purge` and the attention reason of each listed row.
 */

let world: SdkWorld;
let alice: Broker;
let bob: Broker;
let admin: ChatSessionsClient;

before(async () => {
  world = await startWorld('sdkd');
  alice = await world.createBroker();
  bob = await world.createBroker();
  admin = createChatSessions({ supabase: world.serviceSupabase(), retry: FAST_RETRY });
});

after(async () => {
  await world?.close();
});

describe('event lines', () => {
  it('records stage and lifecycle changes in the transcript, parsed as events', async () => {
    const { sessions, messages } = alice.chat;
    const session = expectData(
      await sessions.create({ kind: 'flight_request', title: 'Hartley family' }),
    );
    const staged = expectData(await sessions.update(session.id, { stage: 'proposal_sent' }));
    const won = expectData(
      await sessions.complete(session.id, 'won', { expectedVersion: staged.version }),
    );
    assert.equal(won.stage, 'closed_won');
    const page = expectData(await messages.list({ sessionId: session.id }));
    assert.deepEqual(
      page.items.map((message) => [message.role, message.contentType, message.content]),
      [
        ['system', 'event', 'Stage → Proposal sent'],
        ['system', 'event', 'Completed · Won'],
      ],
    );
    assert.deepEqual(
      page.items.map((message) => sessionEventOf(message)),
      [
        { event: 'stage_changed', from: 'understanding_request', to: 'proposal_sent' },
        { event: 'completed', from: 'active', to: 'completed', outcome: 'won' },
      ],
    );
    const fresh = expectData(await sessions.get(session.id));
    assert.equal(fresh.lastMessagePreview, null, 'event lines leave the preview alone');
    assert.equal(fresh.unreadCount, 0);
  });

  it("writes the SDK's vocabulary: one word for each stage, status and outcome (issue 11, item 10)", async () => {
    const { sessions, messages } = alice.chat;
    const session = expectData(await sessions.create({ kind: 'flight_request' }));
    // Every stage but the first, in order (closed_won last), each leaving its event line.
    for (const stage of FLIGHT_REQUEST_STAGES.slice(1)) {
      expectData(await sessions.update(session.id, { stage }));
    }
    const lines = expectData(await messages.list({ sessionId: session.id, limit: 50 })).items;
    assert.deepEqual(
      lines.map((message) => message.content),
      FLIGHT_REQUEST_STAGES.slice(1).map((stage) => `Stage → ${STAGE_LABELS[stage]}`),
    );
    for (const outcome of Object.keys(OUTCOME_LABELS) as CompletionOutcome[]) {
      const closing = expectData(await sessions.create({ kind: 'general' }));
      const done = expectData(await sessions.complete(closing.id, outcome));
      const [line] = expectData(await messages.list({ sessionId: closing.id })).items;
      assert.equal(line?.content, statusText(done), `the ${outcome} line`);
    }
  });

  it('refuses an event line from a client', async () => {
    const session = expectData(await alice.chat.sessions.create({ kind: 'general' }));
    const result = await alice.chat.messages.append({
      sessionId: session.id,
      content: 'Completed · Won',
      role: 'system',
      // The SDK's input type has no `event`: this is what a hand-made request would send.
      contentType: 'event' as 'text',
    });
    expectError(result, 'validation', 0);
    const { error } = await alice.supabase.schema('chat').rpc('append_message', {
      p_id: randomUUID(),
      p_session_id: session.id,
      p_content: 'Completed · Won',
      p_role: 'system',
      p_content_type: 'event',
      p_rich_content: { event: 'completed' },
    });
    assert.equal(error?.details, 'forbidden');
  });
});

describe('messages by status', () => {
  it('a broker message resumes a paused session', async () => {
    const { sessions, messages } = alice.chat;
    const session = expectData(await sessions.create({ kind: 'general' }));
    expectData(await sessions.pause(session.id, { resumeAt: new Date(Date.now() + 86_400_000) }));
    expectData(await messages.append({ sessionId: session.id, content: 'Client called back' }));
    const fresh = expectData(await sessions.get(session.id));
    assert.equal(fresh.status, 'active');
    assert.equal(fresh.resumeAt, null);
  });

  it('completed and archived sessions refuse with session_closed, writing nothing', async () => {
    const { sessions, messages } = alice.chat;
    const session = expectData(await sessions.create({ kind: 'general' }));
    expectData(await sessions.complete(session.id, 'lost'));
    const completed = expectData(await sessions.get(session.id));
    const id = randomUUID();
    const error = expectError(
      await messages.append({ id, sessionId: session.id, content: 'One more thing' }),
      'session_closed',
      409,
    );
    assert.equal(error.hint, 'Reopen it to reply');
    assert.equal(error.transient, false);
    const rows = await world.adminQuery(
      'select count(*)::int as n from chat.messages where id = $1',
      [id],
    );
    assert.equal(rows[0]?.n, 0);
    const after = expectData(await sessions.get(session.id));
    assert.equal(after.messageCount, completed.messageCount, 'no message was counted');
    assert.equal(after.version, completed.version);

    expectData(await sessions.archive(session.id));
    const archived = expectError(
      await messages.append({ sessionId: session.id, content: 'Still there?' }),
      'session_closed',
      409,
    );
    assert.equal(archived.hint, 'Unarchive it to reply');
  });

  it("another broker cannot message Alice's session", async () => {
    const session = expectData(await alice.chat.sessions.create({ kind: 'general' }));
    expectError(
      await bob.chat.messages.append({ sessionId: session.id, content: 'Hi' }),
      'not_found',
    );
  });
});

describe('sessions.purge', () => {
  it('deletes one trashed session of the owner forever, tombstoned in the change feed', async () => {
    const { sessions, changes } = alice.chat;
    const session = expectData(
      await sessions.create({ kind: 'flight_request', title: 'To delete' }),
    );
    expectError(await sessions.purge(session.id), 'invalid_transition', 409);
    expectData(await sessions.delete(session.id));
    const before = expectData(await changes.since({ since: 0 }));

    expectError(await bob.chat.sessions.purge(session.id), 'not_found');
    expectData(await sessions.get(session.id));

    const purged = expectData(await sessions.purge(session.id));
    assert.equal(purged.id, session.id);
    assert.ok(purged.version > before.version);
    const feed = expectData(await changes.since({ since: before.version }));
    assert.deepEqual(feed.deleted, [{ entity: 'session', id: session.id }]);
    assert.equal(feed.version, purged.version);
    expectError(await sessions.get(session.id), 'not_found');
    expectError(await sessions.purge(session.id), 'not_found');
  });

  it('validates the id before sending', async () => {
    expectError(await alice.chat.sessions.purge('not-a-uuid'), 'validation', 0);
  });
});

describe('attention reasons', () => {
  it('each row of the attention order carries the reason it is there', async () => {
    const carol = await world.createBroker();
    const { sessions, threads } = carol.chat;
    const plain = expectData(await sessions.create({ kind: 'general', title: 'Plain' }));
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const soon = expectData(
      await sessions.create({
        kind: 'flight_request',
        title: 'Soon',
        legs: [{ from: 'TEB', to: 'VNY', date: tomorrow }],
      }),
    );
    const replied = expectData(await sessions.create({ kind: 'general', title: 'Replied' }));
    const thread = expectData(
      await threads.open({ sessionId: replied.id, operatorName: 'Jetcraft' }),
    );
    expectData(
      await admin.threads.recordOperatorMessage({
        sessionId: replied.id,
        threadId: thread.id,
        content: 'Quote',
      }),
    );

    const page = expectData(await sessions.list({ tab: 'active', sort: 'attention' }));
    assert.deepEqual(
      page.items.map((session) => [session.id, session.attentionReason ?? null]),
      [
        [replied.id, { kind: 'unread', count: 1 }],
        [soon.id, { kind: 'departs_soon', days: 1, departsOn: tomorrow }],
        [plain.id, null],
      ],
    );
    const recent = expectData(await sessions.list({ tab: 'active', sort: 'recent' }));
    assert.ok(recent.items.every((session) => !('attentionReason' in session)));
  });
});
