-- The session API's happy paths, as a broker: create (idempotent), get, update (with versions),
-- pin, trash and restore, the list (tabs, search, both orders, keyset pages) and the tab counts.
\ir helpers/setup.psql
select plan(51);

select pg_temp.add_brokers('alice', 'bob');
select pg_temp.act_as('alice');

-- Create ------------------------------------------------------------------------------------
create temp table created as
select * from chat.create_session(
  p_id => pg_temp.id('teb-vny'), p_kind => 'flight_request', p_title => '  Smith family, TEB to VNY  ',
  p_trip_type => 'round_trip',
  p_legs => '[{"from": "KTEB", "to": "KVNY", "date": "2030-12-12", "time": "09:30"},
              {"from": "KVNY", "to": "KTEB", "date": "2030-12-15"}]',
  p_passengers => 6, p_metadata => '{"crm_deal": "D-42"}', p_external_ref => 'trip-1001');

select is((select owner_id from created), pg_temp.id('alice'), 'a new session belongs to the caller');
select is((select (status, kind, stage, version, message_count, unread_count)::text from created),
  '(active,flight_request,understanding_request,1,0,0)',
  'it starts active, at the first stage, version 1, with zero counters');
select is((select title from created), 'Smith family, TEB to VNY', 'the title is trimmed');
select is((select departs_on from created), '2030-12-12'::date, 'departs_on is the first leg''s date');
select is((select metadata ->> 'crm_deal' from created), 'D-42', 'host metadata is stored');

select is((select (id, version, created_at)::text from chat.create_session(pg_temp.id('teb-vny'), 'flight_request', 'another title')),
  (select (id, version, created_at)::text from created), 'retrying create returns the row already saved');
select is((select count(*) from chat.sessions where id = pg_temp.id('teb-vny')), 1::bigint,
  'the retry created no second row');
select is((select title from chat.sessions where id = pg_temp.id('teb-vny')), 'Smith family, TEB to VNY',
  'and changed nothing');
select is(pg_temp.error_of(format('select chat.create_session(%L, ''general'')', pg_temp.id('teb-vny'))),
  'PT409 conflict', 'reusing an id for another kind of session is a conflict');
select is(pg_temp.error_of(format('select chat.create_session(%L, ''general'', p_external_ref => ''trip-1001'')',
    pg_temp.id('dup-ref'))),
  'PT409 conflict', 'an external reference is unique per broker');

select isnt((select id from chat.create_session(pg_temp.id('general'), 'general', 'Ops questions')), null,
  'a general chat is created');
select is((select (stage, trip_type, legs)::text from chat.sessions where id = pg_temp.id('general')),
  '(,,[])', 'a general chat has no flight-request fields');

-- Get -----------------------------------------------------------------------------------------
select is((select title from chat.get_session(pg_temp.id('teb-vny'))), 'Smith family, TEB to VNY',
  'get_session returns the session');
select is(pg_temp.error_of(format('select chat.get_session(%L)', pg_temp.id('nothing'))), 'PT404 not_found',
  'get_session of an unknown id is not_found');

-- Update ------------------------------------------------------------------------------------
create temp table updated as
select * from chat.update_session(pg_temp.id('teb-vny'),
  '{"title": "Smith family", "stage": "requesting_quotes", "passengers": 8,
    "legs": [{"from": "TEB", "to": "VNY", "date": "2030-12-13"}, {"from": "VNY", "to": "TEB", "date": "2030-12-16"}],
    "metadata": {"crm_deal": "D-43"}}', 1);
select is((select (title, stage, passengers, departs_on, metadata ->> 'crm_deal')::text from updated),
  '("Smith family",requesting_quotes,8,2030-12-13,D-43)', 'update_session applies every field of the patch');
select is((select version from updated), 2, 'an update bumps the version');
select is((select trip_type from updated), 'round_trip', 'fields absent from the patch are kept');
select ok((select sync_version from updated) > (select sync_version from created), 'an update moves the sync version');

select is(pg_temp.error_of(format('select chat.update_session(%L, ''{"title": "stale"}'', 1)', pg_temp.id('teb-vny'))),
  'PT409 conflict', 'an update carrying a stale version is a conflict');
select is((select (title, version)::text from chat.sessions where id = pg_temp.id('teb-vny')), '("Smith family",2)',
  'the stale update wrote nothing');
select is((select version from chat.update_session(pg_temp.id('teb-vny'), '{"title": "Smith family (VIP)"}', 2)), 3,
  'an update carrying the current version succeeds');
select is((select version from chat.update_session(pg_temp.id('teb-vny'), '{"title": "Smith family (VIP)"}')), 3,
  'an update that changes nothing keeps the version');

-- Pin -----------------------------------------------------------------------------------------
select is((select (pinned, version)::text from chat.set_session_pinned(pg_temp.id('teb-vny'), true)), '(t,4)',
  'pinning sets pinned and bumps the version');
select is((select (pinned, version)::text from chat.set_session_pinned(pg_temp.id('teb-vny'), true)), '(t,4)',
  'pinning again changes nothing');

-- Trash and restore ---------------------------------------------------------------------------
select isnt((select deleted_at from chat.delete_session(pg_temp.id('general'))), null, 'delete moves a session to the trash');
select is((select deleted_at from chat.delete_session(pg_temp.id('general'))),
  (select deleted_at from chat.sessions where id = pg_temp.id('general')), 'deleting again is a no-op');
select is((select (active, trash)::text from chat.session_counts() as c (j), jsonb_to_record(c.j) as x (active int, trash int)),
  '(1,1)', 'counts: one active, one in the trash');
select is((select deleted_at from chat.restore_session(pg_temp.id('general'))), null, 'restore brings it back');
select is((select deleted_at from chat.restore_session(pg_temp.id('general'))), null, 'restoring again is a no-op');

-- The list: tabs, search, orders, pages ------------------------------------------------------
-- Seven more sessions, one per tab state, with their own activity times (messages).
select '# sessions s1..s7: ' || count(*) from (
  select chat.create_session(pg_temp.id('s' || n), 'flight_request', 'Request ' || n,
    p_legs => jsonb_build_array(jsonb_build_object('from', 'EGLF', 'to', case when n = 3 then 'LFMN' else 'LSGG' end)))
  from generate_series(1, 7) as n
) x;
select '# one message each: ' || count(*) from (select chat.append_message(pg_temp.id('m' || n), pg_temp.id('s' || n), 'Note ' || n)
  from generate_series(1, 7) as n) x;
select '# s5 paused' from chat.transition_session(pg_temp.id('s5'), 'pause');
select '# s6 completed' from chat.transition_session(pg_temp.id('s6'), 'complete', 'won');
select '# s7 archived' from chat.transition_session(pg_temp.id('s7'), 'archive');

select is((select jsonb_array_length(chat.list_sessions('active')::jsonb -> 'items')), 7,
  'the Active tab lists active and paused sessions');
select is((select jsonb_path_query_array(chat.list_sessions('completed')::jsonb -> 'items', '$[*].title')), '["Request 6"]',
  'the Completed tab lists completed sessions');
select is((select jsonb_path_query_array(chat.list_sessions('archived')::jsonb -> 'items', '$[*].title')), '["Request 7"]',
  'the Archived tab lists archived sessions');
select is((select (chat.list_sessions('active')::jsonb -> 'items' -> 0 ->> 'title')), 'Smith family (VIP)',
  'pinned sessions lead the recent order');
select ok(not (chat.list_sessions('active')::jsonb -> 'items' -> 0) ? 'search_text', 'items do not leak the internal search column');
select is((select jsonb_path_query_array(chat.list_sessions('active', p_search => 'lfmn')::jsonb -> 'items', '$[*].title')),
  '["Request 3"]', 'search matches airports, case-insensitively');
select is((select jsonb_path_query_array(chat.list_sessions('active', p_search => 'note 4')::jsonb -> 'items', '$[*].title')),
  '["Request 4"]', 'search matches the last-message preview');
select is((select jsonb_path_query_array(chat.list_sessions('active', p_search => 'ops QUEST')::jsonb -> 'items', '$[*].title')),
  '["Ops questions"]', 'search matches the title');
select is((select jsonb_array_length(chat.list_sessions('active', p_search => '%')::jsonb -> 'items')), 0,
  'a search for % is literal, not a wildcard');

-- Walk the Active tab two by two: every session once, in the one-page order.
create temp table walked (page int, id uuid, pos int);
do $$
declare
  v_cursor jsonb;
  v_page jsonb;
  v_n int := 0;
begin
  loop
    v_n := v_n + 1;
    v_page := chat.list_sessions('active', 'recent', null, v_cursor, 2)::jsonb;
    insert into walked select v_n, (e ->> 'id')::uuid, (v_n - 1) * 2 + i::int
    from jsonb_array_elements(v_page -> 'items') with ordinality as x (e, i);
    v_cursor := v_page -> 'next_cursor';
    exit when v_cursor is null or jsonb_typeof(v_cursor) = 'null' or v_n > 10;
  end loop;
end;
$$;
select is((select count(*) from walked), 7::bigint, 'keyset pages of 2 hold 7 rows in all');
select is((select count(distinct id) from walked), 7::bigint, 'no session appears twice across pages');
select is((select max(page) from walked), 4, 'four pages, the last one ends the walk');
select is((select array_agg(id order by pos) from walked),
  (select array_agg((e ->> 'id')::uuid order by i) from jsonb_array_elements(chat.list_sessions('active', p_limit => 50)::jsonb -> 'items') with ordinality as x (e, i)),
  'the pages concatenate to the single-page order');

select is((select jsonb_path_query_array(chat.list_sessions('trash')::jsonb -> 'items', '$[*].id')), '[]',
  'the trash is empty');
select '# s1 trashed' from chat.delete_session(pg_temp.id('s1'));
select is((select jsonb_path_query_array(chat.list_sessions('trash')::jsonb -> 'items', '$[*].title')), '["Request 1"]',
  'the trash tab lists trashed sessions');
select is((select jsonb_array_length(chat.list_sessions('active')::jsonb -> 'items')), 6,
  'a trashed session leaves its tab');

-- Needs attention: unread operator replies, then departures within 48 hours, then paused
-- sessions due to resume, then the rest.
select '# s2 departs tomorrow' from chat.update_session(pg_temp.id('s2'), jsonb_build_object('legs', jsonb_build_array(
  jsonb_build_object('from', 'EGLF', 'to', 'LSGG', 'date', to_char(now() at time zone 'utc' + interval '1 day', 'YYYY-MM-DD')))));
select '# s5 resumed' from chat.transition_session(pg_temp.id('s5'), 'resume');
select '# s5 paused, due an hour ago' from chat.transition_session(pg_temp.id('s5'), 'pause', p_resume_at => now() - interval '1 hour');
select pg_temp.act_as_service();
select '# operator replied on s4' from chat.record_operator_message(pg_temp.id('reply'), pg_temp.id('s4'), 'We can quote a Challenger 350',
  p_operator_name => 'Jetcraft', p_thread_external_ref => 'op-1');
select pg_temp.act_as('alice');
select is((select jsonb_path_query_array(chat.list_sessions('active', 'attention')::jsonb -> 'items', '$[0 to 2].title')),
  '["Request 4", "Request 2", "Request 5"]', 'attention order: unread reply, departure within 48 h, paused and due');
select is((select jsonb_array_length(chat.list_sessions('active', 'attention')::jsonb -> 'items')), 6,
  'the attention order lists the whole tab');

create temp table attention_walk (id uuid, pos int);
do $$
declare
  v_cursor jsonb;
  v_page jsonb;
  v_n int := 0;
begin
  loop
    v_n := v_n + 1;
    v_page := chat.list_sessions('active', 'attention', null, v_cursor, 1)::jsonb;
    insert into attention_walk select (e ->> 'id')::uuid, v_n from jsonb_array_elements(v_page -> 'items') as e;
    v_cursor := v_page -> 'next_cursor';
    exit when v_cursor is null or jsonb_typeof(v_cursor) = 'null' or v_n > 10;
  end loop;
end;
$$;
select is((select array_agg(id order by pos) from attention_walk),
  (select array_agg((e ->> 'id')::uuid order by i) from jsonb_array_elements(chat.list_sessions('active', 'attention')::jsonb -> 'items') with ordinality as x (e, i)),
  'keyset pages of 1 through the attention order match the single page, across buckets');

-- Counts --------------------------------------------------------------------------------------
select is(chat.session_counts() - 'version',
  '{"active": 5, "paused": 1, "completed": 1, "archived": 1, "trash": 1, "unread": 1}'::jsonb,
  'session_counts gives the count of every tab, the trash and the unread replies');
select is((chat.session_counts() ->> 'version')::bigint, (select clock from chat.owner_state),
  'session_counts carries the change-feed version');

select pg_temp.act_as('bob');
select is(chat.session_counts() - 'version',
  '{"active": 0, "paused": 0, "completed": 0, "archived": 0, "trash": 0, "unread": 0}'::jsonb,
  'another broker counts nothing of alice''s');

select * from finish();
rollback;
