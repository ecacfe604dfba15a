-- Input limits and clear errors: every out-of-range input is refused with PT400 `validation`,
-- the limits themselves are accepted, page sizes are capped, and a refused call writes nothing.
\ir helpers/setup.psql
select plan(69);

select pg_temp.add_brokers('alice');
select pg_temp.act_as('alice');
select '# session ' || title from chat.create_session(pg_temp.id('trip'), 'flight_request', 'Valid request',
  p_legs => '[{"from": "TEB", "to": "VNY", "date": "2030-12-12"}]', p_passengers => 4);
select '# thread ' || operator_name from chat.open_operator_thread(pg_temp.id('thread'), pg_temp.id('trip'), 'Jet Edge');

-- Fingerprint of everything alice has, to prove the refused calls below wrote nothing.
create function pg_temp.fingerprint() returns text
language sql stable
as $$
  select md5(concat_ws('|',
    (select string_agg(s::text, ',' order by s.id) from chat.sessions s),
    (select string_agg(t::text, ',' order by t.id) from chat.operator_threads t),
    (select string_agg(m::text, ',' order by m.id) from chat.messages m),
    (select string_agg(o::text, ',') from chat.owner_state o)))
$$;
create temp table before_refusals as select pg_temp.fingerprint() as fingerprint;
grant select on before_refusals to public;

-- Refused, each with PT400 validation.
create function pg_temp.create_with(p_args text) returns text
language sql
as $$ select format('select chat.create_session(gen_random_uuid(), %s)', p_args) $$;
create function pg_temp.legs(p_legs text) returns text
language sql
as $$ select pg_temp.create_with(format('''flight_request'', p_legs => %L', p_legs)) $$;
create function pg_temp.patch(p_patch text) returns text
language sql
as $$ select format('select chat.update_session(%L, %L)', pg_temp.id('trip'), p_patch) $$;

select is(pg_temp.error_of(t.call), 'PT400 validation', 'refused: ' || t.label)
from (values
  ('a title of 201 characters', pg_temp.create_with(format('''general'', %L', repeat('x', 201)))),
  ('an update to a title of 201 characters', pg_temp.patch(jsonb_build_object('title', repeat('é', 201))::text)),
  ('a message of 32 001 characters', format('select chat.append_message(gen_random_uuid(), %L, %L)', pg_temp.id('trip'), repeat('x', 32001))),
  ('an empty message', format('select chat.append_message(gen_random_uuid(), %L, '''')', pg_temp.id('trip'))),
  ('a null message', format('select chat.append_message(gen_random_uuid(), %L, null)', pg_temp.id('trip'))),
  ('0 passengers', pg_temp.create_with('''flight_request'', p_passengers => 0')),
  ('1000 passengers', pg_temp.create_with('''flight_request'', p_passengers => 1000')),
  ('an update to 0 passengers', pg_temp.patch('{"passengers": 0}')),
  ('an update to 1000 passengers', pg_temp.patch('{"passengers": 1000}')),
  ('passengers that are not a number', pg_temp.patch('{"passengers": "six"}')),
  ('a fractional passenger count', pg_temp.patch('{"passengers": 2.5}')),
  ('a lower-case airport code', pg_temp.legs('[{"from": "teb", "to": "VNY"}]')),
  ('a 2-letter airport code', pg_temp.legs('[{"from": "TE", "to": "VNY"}]')),
  ('a 5-letter airport code', pg_temp.legs('[{"from": "KTEBX", "to": "VNY"}]')),
  ('an airport code with a digit', pg_temp.legs('[{"from": "T3B", "to": "VNY"}]')),
  ('a leg without a destination', pg_temp.legs('[{"from": "TEB"}]')),
  ('a numeric airport code', pg_temp.legs('[{"from": 123, "to": "VNY"}]')),
  ('a leg to where it departs from', pg_temp.legs('[{"from": "TEB", "to": "TEB"}]')),
  ('a return before the departure', pg_temp.legs('[{"from": "TEB", "to": "VNY", "date": "2030-12-15"}, {"from": "VNY", "to": "TEB", "date": "2030-12-12"}]')),
  ('an update with a return before the departure', pg_temp.patch('{"legs": [{"from": "TEB", "to": "VNY", "date": "2030-12-15"}, {"from": "VNY", "to": "TEB", "date": "2030-12-14"}]}')),
  ('a date that does not exist', pg_temp.legs('[{"from": "TEB", "to": "VNY", "date": "2030-02-30"}]')),
  ('a date not written YYYY-MM-DD', pg_temp.legs('[{"from": "TEB", "to": "VNY", "date": "12/12/2030"}]')),
  ('a time past 23:59', pg_temp.legs('[{"from": "TEB", "to": "VNY", "time": "24:00"}]')),
  ('an unknown leg field', pg_temp.legs('[{"from": "TEB", "to": "VNY", "aircraft": "G650"}]')),
  ('legs that are not an array', pg_temp.legs('{"from": "TEB", "to": "VNY"}')),
  ('a leg that is not an object', pg_temp.legs('["TEB-VNY"]')),
  ('13 legs', pg_temp.legs((select jsonb_agg(jsonb_build_object('from', 'TEB', 'to', 'VNY')) from generate_series(1, 13))::text)),
  ('an unknown kind', pg_temp.create_with('''charter''')),
  ('a null kind', pg_temp.create_with('null')),
  ('an unknown stage', pg_temp.create_with('''flight_request'', p_stage => ''haggling''')),
  ('an unknown trip type', pg_temp.create_with('''flight_request'', p_trip_type => ''circle''')),
  ('a general chat with passengers', pg_temp.create_with('''general'', p_passengers => 2')),
  ('a general chat with legs', pg_temp.create_with('''general'', p_legs => ''[{"from": "TEB", "to": "VNY"}]''')),
  ('metadata that is not an object', pg_temp.create_with('''general'', p_metadata => ''[1, 2]''')),
  ('metadata over 16 KB', pg_temp.create_with(format('''general'', p_metadata => %L',
    (select jsonb_object_agg('k' || n, md5(n::text) || md5((n + 1)::text)) from generate_series(1, 400) as n)))),
  ('an empty external reference', pg_temp.create_with('''general'', p_external_ref => ''''')),
  ('an external reference of 201 characters', pg_temp.create_with(format('''general'', p_external_ref => %L', repeat('r', 201)))),
  ('a session without an id', 'select chat.create_session(null, ''general'')'),
  ('a message without an id', format('select chat.append_message(null, %L, ''hi'')', pg_temp.id('trip'))),
  ('a thread without an id', format('select chat.open_operator_thread(null, %L, ''Op'')', pg_temp.id('trip'))),
  ('an empty operator name', format('select chat.open_operator_thread(gen_random_uuid(), %L, ''   '')', pg_temp.id('trip'))),
  ('an unknown thread status', format('update chat.operator_threads set status = ''won'' where id = %L', pg_temp.id('thread'))),
  ('an unknown message role', format('select chat.append_message(gen_random_uuid(), %L, ''hi'', ''captain'')', pg_temp.id('trip'))),
  ('an unknown content type', format('select chat.append_message(gen_random_uuid(), %L, ''hi'', p_content_type => ''html'')', pg_temp.id('trip'))),
  ('scalar rich content', format('select chat.append_message(gen_random_uuid(), %L, ''hi'', p_rich_content => ''42'')', pg_temp.id('trip'))),
  ('a patch with an unknown key', pg_temp.patch('{"title": "ok", "colour": "red"}')),
  ('a patch writing the status', pg_temp.patch('{"status": "completed"}')),
  ('a patch writing the owner', pg_temp.patch(format('{"owner_id": "%s"}', gen_random_uuid()))),
  ('a patch writing a counter', pg_temp.patch('{"unread_count": 0}')),
  ('a patch that is not an object', pg_temp.patch('["title"]')),
  ('a list page of 0', 'select chat.list_sessions(p_limit => 0)::jsonb'),
  ('a list page of -1', 'select chat.list_sessions(p_limit => -1)::jsonb'),
  ('a message page of 0', format('select chat.list_messages(%L, p_limit => 0)', pg_temp.id('trip'))),
  ('an unknown tab', 'select chat.list_sessions(''pinned'')::jsonb'),
  ('an unknown order', 'select chat.list_sessions(''active'', ''alphabetical'')::jsonb'),
  ('a search of 201 characters', format('select chat.list_sessions(p_search => %L)::jsonb', repeat('s', 201))),
  ('a forged cursor', 'select chat.list_sessions(p_cursor => ''{"at": "yesterday", "id": 1}'')::jsonb'),
  ('a cursor that is not an object', 'select chat.list_sessions(p_cursor => ''[1]'')::jsonb')
) as t (label, call);

select is(pg_temp.fingerprint(), (select fingerprint from before_refusals), 'the refused calls wrote nothing at all');
select is((select count(*) from chat.sessions), 1::bigint, 'no session was created by a refused call');

-- The limits themselves are fine.
select is((select char_length(title) from chat.create_session(gen_random_uuid(), 'general', repeat('é', 200))), 200,
  'a title of exactly 200 characters is accepted');
select is((select char_length(content) from chat.append_message(gen_random_uuid(), pg_temp.id('trip'), repeat('x', 32000))), 32000,
  'a message of exactly 32 000 characters is accepted');
select is((select passengers from chat.update_session(pg_temp.id('trip'), '{"passengers": 999}')), 999, '999 passengers are accepted');
select is((select passengers from chat.update_session(pg_temp.id('trip'), '{"passengers": 1}')), 1, '1 passenger is accepted');
select is((select jsonb_path_query_array(legs, '$[*].from') from chat.update_session(pg_temp.id('trip'),
    '{"legs": [{"from": "KTEB", "to": "VNY", "date": "2030-12-12", "time": "23:59"}, {"from": "VNY", "to": "KTEB", "date": "2030-12-12", "time": "00:00"}]}')),
  '["KTEB", "VNY"]', 'ICAO and IATA codes, and a same-day return, are accepted');

-- Page sizes are capped.
select '# sessions: ' || count(*) from generate_series(1, 205) as n,
  lateral chat.create_session(pg_temp.id('bulk' || n), 'general', 'Bulk ' || n) as s;
select is(jsonb_array_length(chat.list_sessions(p_limit => 500)::jsonb -> 'items'), 200, 'a list page holds at most 200 sessions');
select isnt(chat.list_sessions(p_limit => 500)::jsonb -> 'next_cursor', 'null'::jsonb, 'and points to the rest');
select '# messages: ' || count(*) from generate_series(1, 205) as n,
  lateral chat.append_message(gen_random_uuid(), pg_temp.id('bulk1'), 'Message ' || n) as m;
select is(jsonb_array_length(chat.list_messages(pg_temp.id('bulk1'), p_limit => 500) -> 'items'), 200,
  'a message page holds at most 200 messages');
select is((chat.list_messages(pg_temp.id('bulk1'), p_limit => 500) ->> 'has_more')::boolean, true, 'and says there is more');

select * from finish();
rollback;
