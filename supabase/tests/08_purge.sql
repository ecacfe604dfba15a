-- Purge: the service role hard-deletes sessions that have been in the trash longer than an age,
-- with their threads and messages, leaving a tombstone for each session in the owner's change
-- feed; younger trash and live sessions stay; brokers may not purge.
--
-- The trash time is the database's now() (a broker cannot back-date it, see 05), and now() is
-- fixed for a transaction, so this file is the one that commits: it trashes in one transaction,
-- waits, trashes again in a second one, purges in a third, and removes everything it created in
-- the last one. Its brokers carry a per-run nonce so a failed run never collides with the next.
\ir helpers/setup.psql
select '# run ' || set_config('chat_test.nonce', gen_random_uuid()::text, false);
select plan(23);

select pg_temp.add_brokers('alice', 'bob');
select pg_temp.act_as('alice');
select '# alice: ' || title from chat.create_session(pg_temp.id('old'), 'flight_request', 'Old request');
select '# alice: ' || seq from chat.append_message(pg_temp.id('old-m1'), pg_temp.id('old'), 'First');
select '# alice: ' || seq from chat.append_message(pg_temp.id('old-m2'), pg_temp.id('old'), 'Second');
select '# alice: ' || operator_name from chat.open_operator_thread(pg_temp.id('old-t'), pg_temp.id('old'), 'Flexjet');
select '# alice: ' || seq from chat.append_message(pg_temp.id('old-t-m'), pg_temp.id('old'), 'Quote?', p_thread_id => pg_temp.id('old-t'));
select '# alice: ' || title from chat.create_session(pg_temp.id('young'), 'general', 'Young chat');
select '# alice: ' || seq from chat.append_message(pg_temp.id('young-m1'), pg_temp.id('young'), 'Still here');
select '# alice: ' || title from chat.create_session(pg_temp.id('kept'), 'general', 'Live chat');
select pg_temp.act_as_service();
select '# operator: ' || seq from chat.record_operator_message(pg_temp.id('old-reply'), pg_temp.id('old'), 'EUR 9,800', pg_temp.id('old-t'));
select pg_temp.act_as('alice');
select '# alice trashed ' || title from chat.delete_session(pg_temp.id('old'));
select pg_temp.act_as('bob');
select '# bob: ' || title from chat.create_session(pg_temp.id('bob-old'), 'general', 'Bob old chat');
select '# bob: ' || seq from chat.append_message(pg_temp.id('bob-old-m'), pg_temp.id('bob-old'), 'Bye');
select '# bob trashed ' || title from chat.delete_session(pg_temp.id('bob-old'));
commit;

select '# waiting so the first trash is more than a second old' where pg_sleep(1.2) is not null;

begin;
select pg_temp.act_as('alice');
select '# alice trashed ' || title from chat.delete_session(pg_temp.id('young'));
commit;

begin;
select pg_temp.act_as('alice');
create temp table alice_before as
select (select clock from chat.owner_state) as clock, (chat.session_counts() ->> 'trash')::int as trash;
grant select on alice_before to public;
select is(pg_temp.error_of('select chat.purge_trash(interval ''0'')'), '42501', 'a broker cannot purge');
select is(pg_temp.error_of(format('delete from chat.sessions where id = %L', pg_temp.id('old'))), '42501',
  'nor delete a trashed session directly');
select is(alice_before.trash, 2, 'alice has two sessions in the trash') from alice_before;

select pg_temp.act_as_service();
select is(pg_temp.error_of('select chat.purge_trash(interval ''-1 day'')'), 'PT400 validation', 'a negative age is refused');
select is(pg_temp.error_of('select chat.purge_trash(null)'), 'PT400 validation', 'a missing age is refused');
select is(chat.purge_trash(interval '1 hour'), 0, 'nothing has been in the trash for an hour');
select is(chat.purge_trash(interval '1 second'), 2, 'two sessions have been in the trash for over a second');

select is_empty(format($$
  select 'session', id from chat.sessions where id in (%1$L, %2$L)
  union all select 'thread', id from chat.operator_threads where session_id in (%1$L, %2$L)
  union all select 'message', id from chat.messages where session_id in (%1$L, %2$L)
$$, pg_temp.id('old'), pg_temp.id('bob-old')), 'the old sessions are gone with their threads and messages');
select is((select array_agg(title order by title) from chat.sessions where owner_id in (pg_temp.id('alice'), pg_temp.id('bob'))),
  array['Live chat', 'Young chat'], 'the younger trash and the live session stay');
select is((select count(*) from chat.messages where session_id = pg_temp.id('young') and content_type <> 'event'), 1::bigint,
  'with their messages');
select is_empty($$
  select m.id from chat.messages m where not exists (select 1 from chat.sessions s where s.id = m.session_id)
  union all select t.id from chat.operator_threads t where not exists (select 1 from chat.sessions s where s.id = t.session_id)
$$, 'no orphan thread or message anywhere');
select is((select array_agg(entity || ':' || (entity_id = pg_temp.id(case when owner_id = pg_temp.id('alice') then 'old' else 'bob-old' end))
           order by owner_id = pg_temp.id('alice'))
           from chat.tombstones where owner_id in (pg_temp.id('alice'), pg_temp.id('bob'))),
  array['session:true', 'session:true'], 'one tombstone per purged session, in its owner''s feed');

select pg_temp.act_as('alice');
select is((select c -> 'deleted' from chat.changes_since((select clock from alice_before)) as c),
  jsonb_build_array(jsonb_build_object('entity', 'session', 'id', pg_temp.id('old'))),
  'alice''s change feed reports the purged session as deleted');
select cmp_ok((select (c ->> 'version')::bigint from chat.changes_since((select clock from alice_before)) as c), '>',
  (select clock from alice_before), 'at a version after everything she had seen');
select is((select (c ->> 'version')::bigint from chat.changes_since((select clock from alice_before)) as c),
  (select max(sync_version) from chat.tombstones), 'the tombstone carries the clock''s newest value');
select is(chat.session_counts() - 'version', '{"active": 1, "paused": 0, "completed": 0, "archived": 0, "trash": 1, "unread": 0}'::jsonb,
  'her counts lose the purged session');
select is(pg_temp.error_of(format('select chat.get_session(%L)', pg_temp.id('old'))), 'PT404 not_found',
  'the purged session is not found');
select is(pg_temp.error_of(format('select chat.restore_session(%L)', pg_temp.id('old'))), 'PT404 not_found',
  'and cannot be restored');

select pg_temp.act_as('bob');
select is((select jsonb_path_query_array(c, '$.deleted[*].id') from chat.changes_since(0) as c),
  jsonb_build_array(pg_temp.id('bob-old')), 'bob''s feed reports only his purged session');
select is((chat.session_counts() ->> 'trash')::int, 0, 'bob''s trash is empty');

-- The trashed session's time cannot be pushed back to make it purgeable sooner, even by the
-- service role.
select pg_temp.act_as_service();
select is(pg_temp.rows_affected(format('update chat.sessions set deleted_at = ''2000-01-01'' where id = %L', pg_temp.id('young'))),
  1::bigint, 'the service role writes an old trash time ...');
select is(chat.purge_trash(interval '1 second'), 0, '... and it is ignored: the young session stays');
commit;

-- Remove everything this run created (the users' cascade takes their sessions, threads and
-- messages; counters and tombstones have no foreign key).
begin;
select pg_temp.act_as_service();
delete from auth.users where id in (pg_temp.id('alice'), pg_temp.id('bob'));
delete from chat.owner_state where owner_id in (pg_temp.id('alice'), pg_temp.id('bob'));
delete from chat.tombstones where owner_id in (pg_temp.id('alice'), pg_temp.id('bob'));
select is_empty(format($$
  select 'session', id from chat.sessions where owner_id in (%1$L, %2$L)
  union all select 'thread', id from chat.operator_threads where owner_id in (%1$L, %2$L)
  union all select 'message', id from chat.messages where owner_id in (%1$L, %2$L)
  union all select 'owner_state', owner_id from chat.owner_state where owner_id in (%1$L, %2$L)
  union all select 'tombstone', entity_id from chat.tombstones where owner_id in (%1$L, %2$L)
$$, pg_temp.id('alice'), pg_temp.id('bob')), 'the run leaves nothing behind');
select * from finish();
commit;
