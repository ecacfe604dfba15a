// The table endpoints a Supabase project exposes (`/rest/v1/<table>`), driven with the real
// supabase-js: reads with filters, order, limits and counts, inserts, upserts, updates and
// deletes under the caller's grants and row-level security, PostgREST's error shapes, and the
// attack battery's direct-table reproductions, now refused. Shared by the PostgreSQL and PGlite
// runs (test/integration/gateway-tables.test.ts).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { SupabaseClient } from '@supabase/supabase-js';
import { fromPostgrestError } from '../../packages/sdk/src/errors.js';
import { supabaseFor } from './backend.js';

/** A running gateway over a migrated database holding two brokers. */
export interface TableBackend {
  url: string;
  anonKey: string;
  tokenFor(userId: string): string;
  close(): Promise<void>;
}

/** Registers the table-endpoint contract against a backend that `start` brings up with `users`. */
export function describeTableContract(
  name: string,
  start: (users: readonly string[]) => Promise<TableBackend>,
): void {
  const ANN = randomUUID();
  const BOB = randomUUID();

  describe(name, () => {
    let backend: TableBackend;
    let ann: SupabaseClient;
    let bob: SupabaseClient;
    let anon: SupabaseClient;

    const raw = (path: string, init: RequestInit & { token?: string } = {}) =>
      fetch(`${backend.url}/rest/v1/${path}`, {
        ...init,
        headers: {
          apikey: backend.anonKey,
          'Accept-Profile': 'chat',
          'Content-Profile': 'chat',
          'Content-Type': 'application/json',
          ...(init.token === undefined ? {} : { Authorization: `Bearer ${init.token}` }),
          ...(init.headers as Record<string, string> | undefined),
        },
      });

    const create = async (client: SupabaseClient, title: string, kind = 'general') => {
      const id = randomUUID();
      const { error } = await client
        .schema('chat')
        .rpc('create_session', { p_id: id, p_kind: kind, p_title: title });
      assert.equal(error, null);
      return id;
    };

    before(async () => {
      backend = await start([ANN, BOB]);
      ann = supabaseFor(backend.url, backend.anonKey, backend.tokenFor(ANN));
      bob = supabaseFor(backend.url, backend.anonKey, backend.tokenFor(BOB));
      anon = supabaseFor(backend.url, backend.anonKey);
      for (const title of ['Charlie', 'Alpha', 'Bravo']) await create(ann, title);
      await create(ann, 'Delta TEB-VNY', 'flight_request');
      await create(bob, 'Bob only');
    });

    after(async () => {
      await backend?.close();
    });

    it('reads with select, eq, order and limit', async () => {
      const { data, error, status } = await ann
        .schema('chat')
        .from('sessions')
        .select('title, kind, owner:owner_id')
        .eq('kind', 'general')
        .order('title', { ascending: true })
        .limit(2);
      assert.equal(error, null);
      assert.equal(status, 200);
      assert.deepEqual(data, [
        { title: 'Alpha', kind: 'general', owner: ANN },
        { title: 'Bravo', kind: 'general', owner: ANN },
      ]);
    });

    it('filters with neq, in, ilike, is, not and or, and counts', async () => {
      const chat = ann.schema('chat').from('sessions');
      const titles = async (query: PromiseLike<{ data: { title: string }[] | null }>) =>
        ((await query).data ?? []).map((row) => row.title).sort();
      assert.deepEqual(await titles(chat.select('title').neq('kind', 'general')), [
        'Delta TEB-VNY',
      ]);
      assert.deepEqual(await titles(chat.select('title').in('title', ['Alpha', 'Charlie'])), [
        'Alpha',
        'Charlie',
      ]);
      assert.deepEqual(await titles(chat.select('title').ilike('title', '%teb%')), [
        'Delta TEB-VNY',
      ]);
      assert.deepEqual(
        await titles(chat.select('title').is('stage', null).not('title', 'eq', 'Alpha')),
        ['Bravo', 'Charlie'],
      );
      assert.deepEqual(await titles(chat.select('title').or('title.eq.Alpha,title.eq.Bravo')), [
        'Alpha',
        'Bravo',
      ]);
      const head = await chat.select('*', { count: 'exact', head: true }).eq('kind', 'general');
      assert.equal(head.error, null);
      assert.equal(head.count, 3);
      const range = await chat.select('title', { count: 'exact' }).order('title').range(1, 2);
      assert.deepEqual(
        range.data?.map((row) => row.title),
        ['Bravo', 'Charlie'],
      );
      assert.equal(range.count, 4);
    });

    it('shows each broker only their own rows, and anon nothing', async () => {
      const bobs = await bob.schema('chat').from('sessions').select('title, owner_id');
      assert.deepEqual(bobs.data, [{ title: 'Bob only', owner_id: BOB }]);
      const stranger = await anon.schema('chat').from('sessions').select('*');
      assert.equal(stranger.status, 401);
      assert.equal(stranger.error?.code, '42501');
    });

    it('inserts, updates and answers the representation under the table rules', async () => {
      const id = randomUUID();
      const inserted = await ann
        .schema('chat')
        .from('sessions')
        .insert({ id, kind: 'general', title: '  Direct  ' })
        .select('id, title, status, owner_id, version')
        .single();
      assert.equal(inserted.error, null);
      assert.equal(inserted.status, 201);
      assert.deepEqual(inserted.data, {
        id,
        title: 'Direct',
        status: 'active',
        owner_id: ANN,
        version: 1,
      });
      const minimal = await ann
        .schema('chat')
        .from('sessions')
        .insert({ id: randomUUID(), kind: 'general' });
      assert.equal(minimal.status, 201);
      assert.equal(minimal.data, null);

      const paused = await ann
        .schema('chat')
        .from('sessions')
        .update({ status: 'paused', resume_at: '2031-03-01T09:00:00Z' })
        .eq('id', id)
        .select('status, resume_at, version');
      assert.equal(paused.error, null);
      assert.deepEqual(paused.data, [
        { status: 'paused', resume_at: '2031-03-01T09:00:00+00:00', version: 2 },
      ]);
      const noop = await ann
        .schema('chat')
        .from('sessions')
        .update({ status: 'active' })
        .eq('id', randomUUID());
      assert.equal(noop.status, 204);
    });

    it('refuses what no API call allows: the battery reproductions', async () => {
      const done = await create(ann, 'Completed deal');
      const completed = await ann
        .schema('chat')
        .rpc('transition_session', { p_id: done, p_action: 'complete', p_outcome: 'won' });
      assert.equal(completed.error, null);
      const before = (completed.data as { completed_at: string }).completed_at;

      const rewrite = await ann
        .schema('chat')
        .from('sessions')
        .update({ outcome: 'lost' })
        .eq('id', done)
        .select();
      assert.equal(rewrite.status, 400);
      assert.equal(rewrite.error?.code, 'PT400');
      assert.equal(rewrite.error?.details, 'validation');
      const after = await ann
        .schema('chat')
        .from('sessions')
        .select('status, outcome, completed_at')
        .eq('id', done)
        .single();
      assert.deepEqual(after.data, { status: 'completed', outcome: 'won', completed_at: before });

      const threadId = randomUUID();
      const opened = await ann.schema('chat').rpc('open_operator_thread', {
        p_id: threadId,
        p_session_id: done,
        p_operator_name: 'Wheels Up',
      });
      assert.equal(opened.error, null);
      const declined = await ann
        .schema('chat')
        .from('operator_threads')
        .update({ status: 'declined' })
        .eq('id', threadId);
      assert.equal(declined.status, 403);
      assert.equal(declined.error?.code, '42501');
      assert.equal(declined.error?.details, 'forbidden');
      const thread = await ann
        .schema('chat')
        .from('operator_threads')
        .select('status')
        .eq('id', threadId)
        .single();
      assert.deepEqual(thread.data, { status: 'open' });
    });

    it("keeps another broker's rows out of reach of PATCH, and DELETE out of reach of all", async () => {
      const target = await create(ann, 'Not for Bob');
      const hijack = await bob
        .schema('chat')
        .from('sessions')
        .update({ title: 'Mine now', pinned: true })
        .eq('id', target)
        .select();
      assert.equal(hijack.error, null);
      assert.deepEqual(hijack.data, []);
      const owner = await bob
        .schema('chat')
        .from('sessions')
        .update({ owner_id: BOB })
        .eq('id', target);
      assert.equal(owner.status, 403);
      assert.equal(owner.error?.code, '42501');

      const removal = await ann.schema('chat').from('sessions').delete().eq('id', target);
      assert.equal(removal.status, 403);
      assert.equal(removal.error?.code, '42501');
      const everything = await raw('sessions', { method: 'DELETE', token: backend.tokenFor(ANN) });
      assert.equal(everything.status, 400);
      assert.equal(((await everything.json()) as { code: string }).code, '21000');
      const still = await ann
        .schema('chat')
        .from('sessions')
        .select('title')
        .eq('id', target)
        .single();
      assert.deepEqual(still.data, { title: 'Not for Bob' });
    });

    it('upserts messages idempotently, as append_message does', async () => {
      const session = await create(ann, 'Messages');
      const message = {
        id: randomUUID(),
        session_id: session,
        role: 'broker',
        content: 'Any news?',
      };
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const { error, status } = await ann
          .schema('chat')
          .from('messages')
          .upsert(message, { ignoreDuplicates: true });
        assert.equal(error, null);
        assert.equal(status, 201);
      }
      const row = await ann
        .schema('chat')
        .from('sessions')
        .select('message_count, last_message_preview')
        .eq('id', session)
        .single();
      assert.deepEqual(row.data, { message_count: 1, last_message_preview: 'Any news?' });
      const blank = await ann
        .schema('chat')
        .from('messages')
        .insert({ id: randomUUID(), session_id: session, role: 'broker', content: ' \n ' });
      assert.equal(blank.status, 400);
      assert.equal(blank.error?.details, 'validation');
    });

    it("answers PostgREST's errors for unknown tables, columns and single-row mismatches", async () => {
      const missing = await ann.schema('chat').from('no_such_table').select('*');
      assert.equal(missing.status, 404);
      assert.equal(missing.error?.code, 'PGRST205');
      const column = await ann.schema('chat').from('sessions').select('no_such_column');
      assert.equal(column.status, 400);
      assert.equal(column.error?.code, '42703');
      const unknownKey = await ann
        .schema('chat')
        .from('sessions')
        .insert({ id: randomUUID(), kind: 'general', colour: 'red' });
      assert.equal(unknownKey.status, 400);
      assert.equal(unknownKey.error?.code, 'PGRST204');
      const many = await ann.schema('chat').from('sessions').select('id').single();
      assert.equal(many.status, 406);
      assert.equal(many.error?.code, 'PGRST116');
      const badFilter = await raw('sessions?title=near.Alpha', { token: backend.tokenFor(ANN) });
      assert.equal(badFilter.status, 400);
      assert.equal(((await badFilter.json()) as { code: string }).code, 'PGRST100');
    });

    it('refuses a NUL character with a 400 the SDK reports as validation', async () => {
      const session = await create(ann, 'NUL');
      const viaRpc = await ann.schema('chat').rpc('append_message', {
        p_id: randomUUID(),
        p_session_id: session,
        p_content: 'before\u0000after',
      });
      assert.equal(viaRpc.status, 400);
      assert.match(viaRpc.error?.code ?? '', /^22(P05|021)$/);
      assert.equal(fromPostgrestError(viaRpc.error ?? {}, viaRpc.status).code, 'validation');
      const viaTable = await ann
        .schema('chat')
        .from('sessions')
        .update({ title: 'a\u0000b' })
        .eq('id', session);
      assert.equal(viaTable.status, 400);
      assert.equal(viaTable.error?.code, '22P05');
      assert.equal(fromPostgrestError(viaTable.error ?? {}, viaTable.status).code, 'validation');
      const count = await ann
        .schema('chat')
        .from('sessions')
        .select('message_count, title')
        .eq('id', session)
        .single();
      assert.deepEqual(count.data, { message_count: 0, title: 'NUL' });
    });
  });
}
