-- Search (#11 item 9): a broker finds sessions by airport code, airport name and city of the
-- legs, title and message text; the per-tab match counts; another broker's sessions never
-- match or count.
\ir helpers/setup.psql
select plan(16);

select pg_temp.add_brokers('alice', 'bob');

-- Alice: TEB to VNY (active), a completed SFO trip whose message says ACK, a trashed one.
select pg_temp.act_as('alice');
select chat.create_session(pg_temp.id('s:teb'), 'flight_request', 'Smith family',
  p_trip_type => 'one_way', p_legs => '[{"from": "KTEB", "to": "KVNY", "date": "2030-12-12"}]');
select chat.create_session(pg_temp.id('s:sfo'), 'flight_request', 'Jones board trip',
  p_trip_type => 'one_way', p_legs => '[{"from": "KSFO", "to": "KLAS", "date": "2030-12-20"}]');
select chat.append_message(pg_temp.id('m:1'), pg_temp.id('s:sfo'), 'Operator ACK received for the Citation');
select chat.append_message(pg_temp.id('m:2'), pg_temp.id('s:sfo'), 'Catering confirmed');
select chat.transition_session(pg_temp.id('s:sfo'), 'complete', 'won');
select chat.create_session(pg_temp.id('s:gen'), 'general', 'Teterboro fuel prices');
select chat.delete_session(pg_temp.id('s:gen'));

-- Bob: his own Teterboro trip that mentions ACK; alice must never see or count it.
select pg_temp.act_as('bob');
select chat.create_session(pg_temp.id('s:bob'), 'flight_request', 'Bob ACK charter',
  p_trip_type => 'one_way', p_legs => '[{"from": "KTEB", "to": "KBOS", "date": "2030-12-01"}]');
select chat.append_message(pg_temp.id('m:bob'), pg_temp.id('s:bob'), 'Citation ACK, Smith family');

select pg_temp.act_as('alice');
create function pg_temp.found(p_tab text, p_search text) returns text
language sql as $$
  select coalesce(string_agg(i ->> 'title', ', ' order by i ->> 'title'), '')
  from jsonb_array_elements(chat.list_sessions(p_tab, 'recent', p_search)::jsonb -> 'items') i
$$;

select is(pg_temp.found('active', 'Teterboro'), 'Smith family', 'an airport city finds the session (KTEB)');
select is(pg_temp.found('active', 'van nuys'), 'Smith family', 'an airport name, any case');
select is(pg_temp.found('active', 'kvny'), 'Smith family', 'an airport code');
select is(pg_temp.found('completed', 'San Francisco'), 'Jones board trip', 'a city in another tab');
select is(pg_temp.found('completed', 'citation'), 'Jones board trip', 'an older message''s text (not the preview)');
select is(pg_temp.found('completed', 'board'), 'Jones board trip', 'the title');
select is(pg_temp.found('active', 'ack'), '', 'ACK matches nothing on Active');
select is(pg_temp.found('trash', 'teterboro'), 'Teterboro fuel prices', 'the trash is searched too');
select is(pg_temp.found('active', '100%'), '', 'LIKE wildcards are literal');

select is(chat.search_counts('ack') - 'version', '{"active": 0, "completed": 1, "archived": 0, "trash": 0}',
  'counts: ACK is in one Completed session, and bob''s ACK is not counted');
select is(chat.search_counts('Teterboro') - 'version', '{"active": 1, "completed": 0, "archived": 0, "trash": 1}',
  'counts: Teterboro in Active and Trash');
select is(chat.search_counts('smith family') - 'version', '{"active": 1, "completed": 0, "archived": 0, "trash": 0}',
  'bob''s message naming alice''s words never counts for her');
select ok((chat.search_counts('x') ->> 'version')::bigint > 0, 'the counts carry the change-feed version');
select is(pg_temp.error_of(format('select chat.search_counts(%L)', repeat('x', 201))), 'PT400 validation',
  'a search over 200 characters is refused');

select pg_temp.act_as('bob');
select is(pg_temp.found('completed', 'citation'), '', 'bob finds none of alice''s messages');

select pg_temp.act_as_anon();
select is(pg_temp.error_of('select chat.search_counts(''x'')'), '42501', 'anon cannot call search_counts');

select * from finish();
rollback;
