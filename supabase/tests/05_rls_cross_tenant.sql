-- Broker B against broker A's rows: every API function and every direct table read, update,
-- insert and delete is refused or sees nothing; B cannot forge an owner nor write what only the
-- database writes (counters, seq, versions, timestamps); A's data is byte-for-byte unchanged
-- afterwards. Anon is covered in 01_schema_and_grants.
\ir helpers/setup.psql
select plan(57);

select pg_temp.add_brokers('alice', 'bob');

-- Alice: a session with a thread and messages (one unread reply), and one in the trash.
select pg_temp.act_as('alice');
select '# alice: ' || id from chat.create_session(pg_temp.id('a-trip'), 'flight_request', 'Alice TEB-MIA',
  p_legs => '[{"from": "TEB", "to": "MIA", "date": "2031-01-05"}]', p_external_ref => 'shared-ref');
select '# alice: ' || id from chat.append_message(pg_temp.id('a-msg'), pg_temp.id('a-trip'), 'Confidential budget: 40k');
select '# alice: ' || id from chat.open_operator_thread(pg_temp.id('a-thread'), pg_temp.id('a-trip'), 'Wheels Up', 'wu-1');
select '# alice: ' || id from chat.create_session(pg_temp.id('a-binned'), 'general', 'Alice old chat');
select '# alice: ' || id from chat.delete_session(pg_temp.id('a-binned'));
select pg_temp.act_as_service();
select '# operator: ' || id from chat.record_operator_message(pg_temp.id('a-reply'), pg_temp.id('a-trip'), 'Quote: 38k',
  p_thread_id => pg_temp.id('a-thread'));

-- A fingerprint of everything of Alice's, taken as the service role (which bypasses RLS).
create function pg_temp.alice_fingerprint() returns text
language sql stable
as $$
  select md5(concat_ws('|',
    (select string_agg(s::text, ',' order by s.id) from chat.sessions s where s.owner_id = pg_temp.id('alice')),
    (select string_agg(t::text, ',' order by t.id) from chat.operator_threads t where t.owner_id = pg_temp.id('alice')),
    (select string_agg(m::text, ',' order by m.id) from chat.messages m where m.owner_id = pg_temp.id('alice')),
    (select string_agg(o::text, ',') from chat.owner_state o where o.owner_id = pg_temp.id('alice')),
    (select string_agg(d::text, ',' order by d.sync_version) from chat.tombstones d where d.owner_id = pg_temp.id('alice'))))
$$;
create temp table alice_before as select pg_temp.alice_fingerprint() as fingerprint;
grant select on alice_before to public;

-- Bob has his own session.
select pg_temp.act_as('bob');
select '# bob: ' || id from chat.create_session(pg_temp.id('b-trip'), 'flight_request', 'Bob LAX-SFO', p_external_ref => 'shared-ref');
select is((select (owner_id, external_ref)::text from chat.sessions where id = pg_temp.id('b-trip')),
  (select (pg_temp.id('bob'), 'shared-ref')::text), 'an external reference another broker uses is free for Bob');

-- Every API function on Alice's rows ------------------------------------------------------------
select is(pg_temp.error_of(t.call), t.expected, 'Bob: ' || t.label)
from (values
  ('get_session', format('select chat.get_session(%L)', pg_temp.id('a-trip')), 'PT404 not_found'),
  ('update_session', format('select chat.update_session(%L, ''{"title": "mine"}'')', pg_temp.id('a-trip')), 'PT404 not_found'),
  ('transition_session', format('select chat.transition_session(%L, ''archive'')', pg_temp.id('a-trip')), 'PT404 not_found'),
  ('set_session_pinned', format('select chat.set_session_pinned(%L, true)', pg_temp.id('a-trip')), 'PT404 not_found'),
  ('delete_session', format('select chat.delete_session(%L)', pg_temp.id('a-trip')), 'PT404 not_found'),
  ('restore_session', format('select chat.restore_session(%L)', pg_temp.id('a-binned')), 'PT404 not_found'),
  ('list_messages', format('select chat.list_messages(%L)', pg_temp.id('a-trip')), 'PT404 not_found'),
  ('list_messages of a thread', format('select chat.list_messages(%L, %L)', pg_temp.id('a-trip'), pg_temp.id('a-thread')), 'PT404 not_found'),
  ('list_operator_threads', format('select chat.list_operator_threads(%L)', pg_temp.id('a-trip')), 'PT404 not_found'),
  ('append_message into her session', format('select chat.append_message(gen_random_uuid(), %L, ''hi'')', pg_temp.id('a-trip')), 'PT404 not_found'),
  ('append_message into her thread', format('select chat.append_message(gen_random_uuid(), %L, ''hi'', p_thread_id => %L)',
    pg_temp.id('b-trip'), pg_temp.id('a-thread')), 'PT404 not_found'),
  ('open_operator_thread on her session', format('select chat.open_operator_thread(gen_random_uuid(), %L, ''Op'')', pg_temp.id('a-trip')), 'PT404 not_found'),
  ('open_operator_thread reusing her thread id', format('select chat.open_operator_thread(%L, %L, ''Op'')',
    pg_temp.id('a-thread'), pg_temp.id('b-trip')), 'PT409 conflict'),
  ('mark_thread_read', format('select chat.mark_thread_read(%L)', pg_temp.id('a-thread')), 'PT404 not_found'),
  ('mark_session_read', format('select chat.mark_session_read(%L)', pg_temp.id('a-trip')), 'PT404 not_found'),
  ('create_session reusing her session id', format('select chat.create_session(%L, ''flight_request'')', pg_temp.id('a-trip')), 'PT409 conflict'),
  ('append_message reusing her message id', format('select chat.append_message(%L, %L, ''Confidential budget: 40k'')',
    pg_temp.id('a-msg'), pg_temp.id('b-trip')), 'PT409 conflict'),
  ('record_operator_message', format('select chat.record_operator_message(gen_random_uuid(), %L, ''x'', %L)',
    pg_temp.id('a-trip'), pg_temp.id('a-thread')), '42501'),
  ('purge_trash', 'select chat.purge_trash(interval ''0'')', '42501')
) as t (label, call, expected);

select is(
  (select count(*) from unnest(array['active', 'completed', 'archived', 'trash']) as tab,
     jsonb_array_elements(chat.list_sessions(tab)::jsonb -> 'items') as e
   where (e ->> 'owner_id')::uuid <> pg_temp.id('bob')),
  0::bigint, 'Bob''s list shows none of Alice''s sessions in any tab');
select is(chat.session_counts() - 'version',
  '{"active": 1, "paused": 0, "completed": 0, "archived": 0, "trash": 0, "unread": 0}'::jsonb,
  'Bob''s counts are his own');
select is_empty($$
  select e ->> 'owner_id' from jsonb_array_elements(
    (select c -> 'sessions' || c -> 'threads' || c -> 'messages' from chat.changes_since(0) as c)) as e
  where (e ->> 'owner_id')::uuid <> pg_temp.id('bob')
$$, 'Bob''s change feed carries none of Alice''s rows');

-- Direct table access ------------------------------------------------------------------------
select is_empty($$
  select 'sessions', id from chat.sessions where owner_id <> pg_temp.id('bob')
  union all select 'threads', id from chat.operator_threads where owner_id <> pg_temp.id('bob')
  union all select 'messages', id from chat.messages where owner_id <> pg_temp.id('bob')
  union all select 'owner_state', owner_id from chat.owner_state where owner_id <> pg_temp.id('bob')
  union all select 'tombstones', entity_id from chat.tombstones where owner_id <> pg_temp.id('bob')
$$, 'Bob reads no row of Alice''s in any table');
select is(pg_temp.rows_affected(format('update chat.sessions set title = ''mine'', pinned = true where id = %L', pg_temp.id('a-trip'))),
  0::bigint, 'Bob''s update of her session touches nothing');
select is(pg_temp.rows_affected(format('update chat.sessions set deleted_at = now() where id = %L', pg_temp.id('a-trip'))),
  0::bigint, 'Bob cannot trash her session directly');
select is(pg_temp.rows_affected(format('update chat.sessions set deleted_at = null where id = %L', pg_temp.id('a-binned'))),
  0::bigint, 'Bob cannot restore her session directly');
select is(pg_temp.rows_affected(format('update chat.operator_threads set last_read_seq = 1000, status = ''closed'' where id = %L',
    pg_temp.id('a-thread'))),
  0::bigint, 'Bob cannot mark her thread read nor close it directly');
select is(pg_temp.error_of(format('update chat.messages set content = ''x'' where id = %L', pg_temp.id('a-msg'))), '42501',
  'Bob cannot update messages');
select is(pg_temp.error_of(format('delete from chat.sessions where id = %L', pg_temp.id('a-trip'))), '42501',
  'Bob cannot delete sessions');
select is(pg_temp.error_of(format('delete from chat.operator_threads where id = %L', pg_temp.id('a-thread'))), '42501',
  'Bob cannot delete threads');
select is(pg_temp.error_of(format('delete from chat.messages where id = %L', pg_temp.id('a-msg'))), '42501',
  'Bob cannot delete messages');
select is(pg_temp.error_of(format('insert into chat.messages (id, session_id, role, content) values (gen_random_uuid(), %L, ''broker'', ''hi'')',
    pg_temp.id('a-trip'))),
  'PT404 not_found', 'Bob cannot insert a message into her session');
select is(pg_temp.error_of(format('insert into chat.messages (id, session_id, thread_id, role, content) values (gen_random_uuid(), %L, %L, ''broker'', ''hi'')',
    pg_temp.id('b-trip'), pg_temp.id('a-thread'))),
  'PT404 not_found', 'Bob cannot insert a message into her thread through his own session');
select is(pg_temp.error_of(format('insert into chat.operator_threads (id, session_id, operator_name) values (gen_random_uuid(), %L, ''Op'')',
    pg_temp.id('a-trip'))),
  'PT404 not_found', 'Bob cannot open a thread on her session directly');

-- Forging the owner ----------------------------------------------------------------------------
select is(pg_temp.error_of(format('insert into chat.sessions (id, kind, owner_id) values (gen_random_uuid(), ''general'', %L)',
    pg_temp.id('alice'))),
  '42501', 'Bob cannot insert a session owned by Alice');
select is(pg_temp.error_of(format('insert into chat.operator_threads (id, session_id, operator_name, owner_id) values (gen_random_uuid(), %L, ''Op'', %L)',
    pg_temp.id('b-trip'), pg_temp.id('alice'))),
  '42501', 'Bob cannot insert a thread owned by Alice');
select is(pg_temp.error_of(format('insert into chat.messages (id, session_id, role, content, owner_id) values (gen_random_uuid(), %L, ''broker'', ''x'', %L)',
    pg_temp.id('b-trip'), pg_temp.id('alice'))),
  '42501', 'Bob cannot insert a message owned by Alice');
select is(pg_temp.error_of(format('update chat.sessions set owner_id = %L where id = %L', pg_temp.id('alice'), pg_temp.id('b-trip'))),
  '42501', 'Bob cannot hand his session to Alice');
select is(pg_temp.rows_affected(format('insert into chat.sessions (id, kind, title) values (%L, ''general'', ''direct'')',
    pg_temp.id('b-direct'))),
  1::bigint, 'Bob inserts a session directly ...');
select is((select owner_id from chat.sessions where id = pg_temp.id('b-direct')), pg_temp.id('bob'), '... and it is his');

-- What only the database writes ---------------------------------------------------------------
select is_empty($$
  select a.attname from pg_attribute a
  where a.attrelid = 'chat.sessions'::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    and a.attname not in ('title', 'trip_type', 'legs', 'passengers', 'stage', 'status', 'outcome', 'pinned',
                          'resume_at', 'metadata', 'external_ref', 'deleted_at')
    and pg_temp.error_of(format('update chat.sessions set %I = %I where id = %L', a.attname, a.attname, pg_temp.id('b-trip'))) <> '42501'
$$, 'Bob cannot write owner, counters, last_seq, versions nor timestamps of his own session');
select is_empty($$
  select a.attname from pg_attribute a
  where a.attrelid = 'chat.operator_threads'::regclass and a.attnum > 0 and not a.attisdropped
    and a.attname not in ('status', 'last_read_seq')
    and pg_temp.error_of(format('update chat.operator_threads set %I = %I', a.attname, a.attname)) <> '42501'
$$, 'Bob cannot write a thread''s owner, counters, seq, version nor timestamps');
select is_empty($$
  select a.attname from pg_attribute a
  where a.attrelid = 'chat.messages'::regclass and a.attnum > 0 and not a.attisdropped
    and a.attname in ('owner_id', 'seq', 'sync_version', 'created_at')
    and pg_temp.error_of(format(
      'insert into chat.messages (id, session_id, role, content, %I) select gen_random_uuid(), %L, ''broker'', ''x'', %I from chat.messages limit 1',
      a.attname, pg_temp.id('b-trip'), a.attname)) <> '42501'
$$, 'Bob cannot choose a message''s owner, seq, version nor time');
select is(pg_temp.error_of(format('update chat.owner_state set unread_count = 0, clock = 0')), '42501',
  'Bob cannot write his change-feed clock nor tab counts');
select is(pg_temp.error_of(format('insert into chat.tombstones (owner_id, sync_version, entity, entity_id) values (%L, 1, ''session'', %L)',
    pg_temp.id('alice'), pg_temp.id('a-trip'))),
  '42501', 'Bob cannot write tombstones');

select is(pg_temp.rows_affected(format('update chat.sessions set deleted_at = ''2000-01-01'' where id = %L', pg_temp.id('b-direct'))),
  1::bigint, 'Bob trashes his session directly ...');
select is((select deleted_at from chat.sessions where id = pg_temp.id('b-direct')), now(),
  '... and the trash time is the database''s, not the back-dated one he sent');
select is(pg_temp.rows_affected(format('update chat.sessions set deleted_at = ''2000-01-01'' where id = %L', pg_temp.id('b-direct'))),
  1::bigint, 'back-dating it once in the trash ...');
select is((select deleted_at from chat.sessions where id = pg_temp.id('b-direct')), now(), '... keeps the original time');

-- A JWT whose role claim says service_role, on a connection that is really `authenticated`,
-- and a signed-in role without a user.
select '# token: Bob with a service_role claim' where set_config('request.jwt.claims',
  json_build_object('sub', pg_temp.id('bob'), 'role', 'service_role')::text, true) is not null;
select is(pg_temp.error_of(format('select chat.append_message(gen_random_uuid(), %L, ''hi'')', pg_temp.id('a-trip'))),
  'PT404 not_found', 'a service_role claim on an authenticated connection grants nothing');
select '# token: no user' where set_config('request.jwt.claims', json_build_object('role', 'authenticated')::text, true) is not null;
select is(pg_temp.error_of('select chat.list_sessions()::jsonb'), '42501 unauthenticated', 'no user in the token: unauthenticated');
select is(pg_temp.error_of('select chat.create_session(gen_random_uuid(), ''general'')'), '42501 unauthenticated',
  'no user in the token: nothing can be created');
select is_empty('select id from chat.sessions', 'no user in the token: no rows visible');

-- Alice is untouched and still sees everything of hers.
select pg_temp.act_as_service();
select is(pg_temp.alice_fingerprint(), (select fingerprint from alice_before),
  'every row of Alice''s is exactly as before Bob''s attempts');
select pg_temp.act_as('alice');
select is((select (title, message_count, unread_count)::text from chat.get_session(pg_temp.id('a-trip'))),
  '("Alice TEB-MIA",1,1)', 'Alice still reads her session');
-- Issue 11: her sessions' lifecycle changes leave event lines too; those are the database's.
select is((select count(*) from chat.messages where content_type <> 'event'), 2::bigint, 'Alice sees her two messages and nothing of Bob''s');

select * from finish();
rollback;
