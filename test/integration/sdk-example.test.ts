import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { ChangeFeedSync, SessionListStore } from '../../packages/sdk/src/index.js';
import { startWorld, type SdkWorld } from '../../packages/sdk/test/support/world.js';

/**
 * examples/node-sdk/record-operator-reply.ts, run as a separate Node process with the
 * service-role key, against the gateway over PostgreSQL: the broker's list shows the badge.
 */

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const script = path.join(root, 'examples/node-sdk/record-operator-reply.ts');

let world: SdkWorld;

before(async () => {
  world = await startWorld('sdke');
});

after(async () => {
  await world?.close();
});

function runExample(args: string[], env: Record<string, string>) {
  return run(
    process.execPath,
    ['--conditions=@chat-sessions/source', '--import', 'tsx', script, ...args],
    {
      cwd: root,
      env: { ...process.env, ...env },
    },
  );
}

describe('examples/node-sdk/record-operator-reply.ts', () => {
  it('records an operator reply with the service role; the broker sees the unread badge', async () => {
    const broker = await world.createBroker();
    const session = (
      await broker.chat.sessions.create({ kind: 'flight_request', title: 'TEB → VNY' })
    ).data!;
    await broker.chat.sessions.pause(session.id);
    const sync = new ChangeFeedSync({ client: broker.chat, intervalMs: 0 });
    const list = new SessionListStore({ client: broker.chat, sync });
    await list.load();
    assert.equal(list.getSnapshot().unread, 0);

    const env = {
      CHAT_SUPABASE_URL: world.backend.url,
      CHAT_SERVICE_ROLE_KEY: world.backend.serviceRoleKey,
    };
    const messageId = randomUUID();
    const args = [
      '--session',
      session.id,
      '--operator',
      'Jet Linx',
      '--operator-ref',
      'op-4411',
      '--message',
      'Citation XLS available Dec 12, $18,400',
      '--message-id',
      messageId,
    ];
    const { stdout } = await runExample(args, env);
    const printed = JSON.parse(stdout) as { id: string; role: string; threadId: string };
    assert.equal(printed.id, messageId);
    assert.equal(printed.role, 'operator');
    // The webhook is delivered again: nothing is recorded twice.
    await runExample(args, env);

    await sync.poll();
    const card = list.getSnapshot().items.find((s) => s.id === session.id);
    assert.equal(card?.unreadCount, 1, 'the unread badge');
    assert.equal(card?.status, 'active', 'the reply woke the paused session');
    assert.equal(list.getSnapshot().unread, 1);
    const rows = await world.adminQuery(
      // Event lines (the pause and the wake, issue 11) are the database's, not the webhook's.
      "select count(*)::int as n from chat.messages where session_id = $1 and content_type <> 'event'",
      [session.id],
    );
    assert.equal(rows[0]?.n, 1);
    sync.dispose();
    list.dispose();
  });

  it('fails with the error code, and never with a broker token', async () => {
    const broker = await world.createBroker();
    const session = (await broker.chat.sessions.create({ kind: 'general' })).data!;
    const args = [
      '--session',
      session.id,
      '--operator',
      'X',
      '--operator-ref',
      'x',
      '--message',
      'hi',
    ];
    await assert.rejects(
      runExample(args, {
        CHAT_SUPABASE_URL: world.backend.url,
        CHAT_SERVICE_ROLE_KEY: broker.token,
      }),
      (error: { code?: number; stderr?: string }) => {
        assert.equal(error.code, 1);
        assert.match(error.stderr ?? '', /^forbidden:/m);
        return true;
      },
    );
    await assert.rejects(runExample([], {}), (error: { code?: number }) => error.code === 2);
  });
});
