-- The change feed: every write moves the broker's clock forward; changes_since pages through
-- everything exactly once, in version order; trashed and restored sessions come back with their
-- deleted_at; operator writes reach the broker's feed. (Purge tombstones: 08_purge. Two
-- concurrent writers, the earlier committing last: the Node suite, it needs two connections.)
\ir helpers/setup.psql
select plan(25);

select pg_temp.add_brokers('alice');
select pg_temp.act_as('alice');

select is(chat.changes_since(0), '{"version": 0, "has_more": false, "sessions": [], "threads": [], "messages": [], "deleted": []}'::jsonb,
  'a broker with no writes has an empty feed at version 0');

-- A clock reading after every write.
create temp table clock_after (step int generated always as identity, label text, version bigint);
grant all on clock_after to public;
create function pg_temp.tick(p_label text) returns text
language sql
as $$
  insert into clock_after (label, version) values (p_label, (chat.session_counts() ->> 'version')::bigint);
  select '# ' || p_label;
$$;

select '# created' from chat.create_session(pg_temp.id('s1'), 'flight_request', 'Feed one');
select pg_temp.tick('create s1');
select '# created' from chat.create_session(pg_temp.id('s2'), 'general', 'Feed two');
select pg_temp.tick('create s2');
select '# message' from chat.append_message(pg_temp.id('m1'), pg_temp.id('s1'), 'Hello');
select pg_temp.tick('message m1');
select '# thread' from chat.open_operator_thread(pg_temp.id('t1'), pg_temp.id('s1'), 'NetJets');
select pg_temp.tick('open t1');
select '# updated' from chat.update_session(pg_temp.id('s2'), '{"title": "Feed two, renamed"}');
select pg_temp.tick('update s2');
select '# paused' from chat.transition_session(pg_temp.id('s1'), 'pause');
select pg_temp.tick('pause s1');
select '# pinned' from chat.set_session_pinned(pg_temp.id('s2'), true);
select pg_temp.tick('pin s2');
select pg_temp.act_as_service();
select '# operator reply' from chat.record_operator_message(pg_temp.id('r1'), pg_temp.id('s1'), 'Available', pg_temp.id('t1'));
select pg_temp.act_as('alice');
select pg_temp.tick('operator reply r1');
select '# read' from chat.mark_thread_read(pg_temp.id('t1'));
select pg_temp.tick('mark t1 read');
select '# trashed' from chat.delete_session(pg_temp.id('s2'));
select pg_temp.tick('trash s2');

select is_empty($$
  select a.label, a.version, b.label, b.version from clock_after a join clock_after b on b.step = a.step + 1
  where b.version <= a.version
$$, 'every write moved the clock forward');
select is((select version from clock_after where label = 'trash s2'), (select clock from chat.owner_state),
  'session_counts reports the broker''s clock');

-- The whole feed at once.
create temp table feed as select chat.changes_since(0) as j;
select is((select j ->> 'version' from feed)::bigint, (select clock from chat.owner_state), 'the full feed ends at the clock');
select is((select (j ->> 'has_more')::boolean from feed), false, 'and has nothing more');
select is((select jsonb_path_query_array(j, '$.sessions[*].id') from feed),
  (select jsonb_agg(id order by sync_version) from chat.sessions), 'it carries each session once, in version order');
select is((select jsonb_path_query_array(j, '$.threads[*].id') from feed), jsonb_build_array(pg_temp.id('t1')),
  'and the thread');
-- The pause and the trash above also left event lines (issue 11); 12_deal_events checks those.
select is((select jsonb_path_query_array(j, '$.messages[*] ? (@.content_type != "event").id') from feed), jsonb_build_array(pg_temp.id('m1'), pg_temp.id('r1')),
  'and both messages, the operator''s included');
select is((select j -> 'sessions' -> -1 ->> 'id' from feed), pg_temp.id('s2')::text, 'the trashed session comes last ...');
select isnt((select j -> 'sessions' -> -1 ->> 'deleted_at' from feed), null, '... with its deleted_at');
select ok(not (select j -> 'sessions' -> 0 from feed) ? 'search_text', 'feed rows do not leak the internal search column');
select is((select j -> 'deleted' from feed), '[]'::jsonb, 'nothing was hard-deleted');

-- Since a version: only what changed after it.
select is((select jsonb_path_query_array(c, '$.sessions[*].id') from chat.changes_since(
    (select version from clock_after where label = 'mark t1 read')) as c),
  jsonb_build_array(pg_temp.id('s2')), 'since the last read: only the trashed session');
create temp table before_restore as select (chat.session_counts() ->> 'version')::bigint as version;
select '# restored' from chat.restore_session(pg_temp.id('s2'));
select is((select jsonb_path_query_array(c, '$.sessions[*].deleted_at') from chat.changes_since((select version from before_restore)) as c),
  '[null]'::jsonb, 'a restore comes back with deleted_at null');
select is((select c - 'version' from chat.changes_since((select clock from chat.owner_state)) as c),
  '{"has_more": false, "sessions": [], "threads": [], "messages": [], "deleted": []}'::jsonb,
  'since the clock: nothing');
select is((select jsonb_array_length(c -> 'messages') from chat.changes_since(0, p_include_messages => false) as c), 0,
  'messages can be left out');

-- Paging with a small limit returns everything exactly once, in version order.
select '# more messages: ' || count(*) from generate_series(2, 40) as n,
  lateral chat.append_message(pg_temp.id('m' || n), pg_temp.id(case when n % 2 = 0 then 's1' else 's2' end), 'Message ' || n) as m;
select '# updated again' from chat.update_session(pg_temp.id('s1'), '{"title": "Feed one, again"}');

create temp table paged (page int, entity text, id uuid, sync_version bigint, page_version bigint);
do $$
declare
  v_since bigint := 0;
  v_page jsonb;
  v_n int := 0;
begin
  loop
    v_n := v_n + 1;
    v_page := chat.changes_since(v_since, 4);
    insert into paged
    select v_n, k, (e ->> 'id')::uuid, (e ->> 'sync_version')::bigint, (v_page ->> 'version')::bigint
    from unnest(array['sessions', 'threads', 'messages']) as k, jsonb_array_elements(v_page -> k) as e;
    exit when not (v_page ->> 'has_more')::boolean or v_n > 100;
    v_since := (v_page ->> 'version')::bigint;
  end loop;
end;
$$;
select is((select count(*) from paged), (select (select count(*) from chat.sessions) + (select count(*) from chat.operator_threads)
    + (select count(*) from chat.messages)),
  'pages of 4 carry every session, thread and message');
select is((select count(*) from (select distinct entity, id from paged) x), (select count(*) from paged),
  'none of them twice');
select is_empty($$ select page from paged group by page having count(*) > 4 $$, 'no page holds more than its limit');
select is_empty($$
  select p.id from paged p
  where p.sync_version > p.page_version
     or p.sync_version <= coalesce((select max(q.page_version) from paged q where q.page < p.page), 0)
$$, 'each row lies between the previous page''s version and its own');
select is((select max(page_version) from paged), (select clock from chat.owner_state), 'the last page ends at the clock');
select is_empty($$
  select p.entity, p.id from paged p
  where p.sync_version is distinct from coalesce(
    (select s.sync_version from chat.sessions s where s.id = p.id),
    (select t.sync_version from chat.operator_threads t where t.id = p.id),
    (select m.sync_version from chat.messages m where m.id = p.id))
$$, 'each row comes at its latest version');

select is(pg_temp.error_of('select chat.changes_since(0, 0)'), 'PT400 validation', 'a page limit of 0 is refused');
select '# many sessions: ' || count(*) from generate_series(1, 1001) as n,
  lateral chat.create_session(pg_temp.id('bulk' || n), 'general', 'Bulk ' || n) as s;
select is((select jsonb_array_length(c -> 'sessions') + jsonb_array_length(c -> 'threads') + jsonb_array_length(c -> 'messages')
           from chat.changes_since(0, 5000) as c),
  1000, 'a page holds at most 1000 changes');
select is((select (c ->> 'has_more')::boolean from chat.changes_since(0, 5000) as c), true, 'and says there is more');

select * from finish();
rollback;
