-- Faster indexed search (#16, 20261203001100_search_speed.sql, 20261203001200_leg_codes_table.sql):
-- the message lookup asks the trigram index for the pattern's rarest word and rechecks the whole
-- pattern, the counts come from one pass (search_session_buckets), the legs' airport codes from a
-- table the triggers keep. Same answers as session_matches; another broker's
-- rows are never returned, listed or counted; the helpers are the caller's only.
\ir helpers/setup.psql
select plan(28);

select pg_temp.add_brokers('alice', 'bob');

select pg_temp.act_as('alice');
-- "request #4321" is in one chat; two others hold "4321" and "request #" apart: not matches of
-- the whole search, and must not be counted though the rare word is in them.
select chat.create_session(pg_temp.id('r:hit'), 'general', 'Charter desk');
select chat.append_message(pg_temp.id('r:m1'), pg_temp.id('r:hit'), 'Please price request #4321 (note 1).');
select chat.create_session(pg_temp.id('r:near'), 'general', 'Other desk');
select chat.append_message(pg_temp.id('r:m2'), pg_temp.id('r:near'), 'Please price request #4322 and part 4321-B (note 1).');
select chat.create_session(pg_temp.id('r:word'), 'general', 'Invoice 4321');
select chat.append_message(pg_temp.id('r:m3'), pg_temp.id('r:word'), 'Order 4321 is paid; no request here.');
select chat.create_session(pg_temp.id('r:teb'), 'flight_request', 'Trip', p_trip_type => 'one_way',
  p_legs => '[{"from": "KTEB", "to": "KVNY", "date": "2030-06-01"}]');
select chat.create_session(pg_temp.id('r:teb2'), 'flight_request', 'Trip back', p_trip_type => 'one_way',
  p_legs => '[{"from": "KVNY", "to": "TEB", "date": "2030-06-09"}]');
select chat.transition_session(pg_temp.id('r:teb2'), 'complete', 'won');
select chat.delete_session(pg_temp.id('r:teb'));

select pg_temp.act_as('bob');
select chat.create_session(pg_temp.id('r:bob'), 'general', 'Bob desk');
select chat.append_message(pg_temp.id('r:bm'), pg_temp.id('r:bob'), 'request #4321 for bob''s own client');
select chat.create_session(pg_temp.id('r:bobteb'), 'flight_request', 'Bob TEB', p_trip_type => 'one_way',
  p_legs => '[{"from": "KTEB", "to": "KASE", "date": "2030-06-01"}]');

select pg_temp.act_as('alice');
-- Which word is rarest comes from the planner's statistics (none in this small test database,
-- where it falls back to rules of thumb); either way one word of the search.
select ok(chat_private.search_message_narrow('%request #4321%') in ('%request%', '%4321%'),
  'the index is asked for one word of the search');
select is(chat_private.search_message_narrow('%#4%'), '%#4%', 'a search without a 3-character word is used whole');
select is(chat_private.search_message_session_ids('%request #4321%'), array[pg_temp.id('r:hit')],
  'the whole pattern is rechecked: only the chat with "request #4321"');
select is((select array_agg(x order by x) from unnest(chat_private.search_message_session_ids('%4321%')) x),
  (select array_agg(x order by x) from unnest(array[pg_temp.id('r:hit'), pg_temp.id('r:near'), pg_temp.id('r:word')]) x),
  'and the word alone finds all three of alice''s, none of bob''s');

-- The counts against the reference: session_matches tested on every session of alice's.
create function pg_temp.reference(p_search text) returns jsonb
language sql as $$
  select jsonb_build_object(
    'active', count(*) filter (where s.deleted_at is null and s.tab = 'active'),
    'completed', count(*) filter (where s.deleted_at is null and s.tab = 'completed'),
    'archived', count(*) filter (where s.deleted_at is null and s.tab = 'archived'),
    'trash', count(*) filter (where s.deleted_at is not null))
  from chat.sessions s
  where chat_private.session_matches(s.id, s.owner_id, s.search_text, s.legs,
    chat_private.search_pattern(p_search), chat_private.search_airport_codes(chat_private.search_pattern(p_search)))
$$;
select is(chat.search_counts('request #4321') - 'version', pg_temp.reference('request #4321'),
  'message counts equal the reference');
select is(chat.search_counts('request #4321') - 'version', '{"active": 1, "completed": 0, "archived": 0, "trash": 0}',
  'one chat, bob''s not counted');
select is(chat.search_counts('Teterboro') - 'version', pg_temp.reference('Teterboro'),
  'place counts (legs at KTEB / TEB, one in the trash) equal the reference');
select is(chat.search_counts('Teterboro') - 'version', '{"active": 0, "completed": 1, "archived": 0, "trash": 1}',
  'the completed trip and the one in the trash, bob''s not counted');
select is(chat.search_counts('4321') - 'version', pg_temp.reference('4321'),
  'a title and messages matching the same session count it once');
select is((select count(*) from chat_private.search_session_buckets('%4321%', '{}')), 3::bigint,
  'search_session_buckets gives each of the caller''s matches once');
select ok(not exists (select 1 from chat_private.search_session_buckets('%teterboro%', '{KTEB,TEB}') b
                      where b.id in (pg_temp.id('r:bob'), pg_temp.id('r:bobteb'))),
  'search_session_buckets (security definer) never returns another broker''s session');

-- The airport codes per session (20261203001200_leg_codes_table.sql) follow every write.
select chat.restore_session(pg_temp.id('r:teb'));
select is(chat.search_counts('Teterboro') - 'version', '{"active": 1, "completed": 1, "archived": 0, "trash": 0}',
  'a restored session counts in its tab again');
select chat.update_session(pg_temp.id('r:teb'), '{"legs": [{"from": "KVNY", "to": "KASE", "date": "2030-06-01"}]}',
  (select s.version from chat.sessions s where s.id = pg_temp.id('r:teb')));
select is(chat.search_counts('Teterboro') - 'version', pg_temp.reference('Teterboro'),
  'new legs: the counts follow (equal to the reference)');
select is(chat.search_counts('Aspen') - 'version', pg_temp.reference('Aspen'), 'for the new airport too');
select is(pg_temp.error_of('select count(*) from chat_private.session_leg_codes'), '42501',
  'a broker cannot read the codes table');
select pg_temp.act_as_service();
select is(pg_temp.error_of('select count(*) from chat_private.session_leg_codes'), '42501',
  'nor can the service role');

-- The rarest word from the statistics without EXPLAIN (20261203001300_search_word_choice.sql):
-- one word needs no statistics, several are ranked in one pass; either way the same matches.
select pg_temp.act_as('alice');
select is(chat_private.search_message_narrow('%4321%'), '%4321%', 'one word: narrowed to it');
select is(chat_private.search_session_narrow('%chat #%'), '%chat%', 'one word of the search text: narrowed to it');
select is(chat_private.search_session_narrow('%#4%'), '%#4%', 'no word: the search text pattern is used whole');
select ok(chat_private.search_rarest_word(array['request', '4321'], true) in ('request', '4321'),
  'search_rarest_word picks one of the words');
-- Thirty more of alice's messages with "please" and "price" but no "4321" (the test runs as
-- authenticator, which cannot ANALYZE: without statistics every word ranks alike and the
-- first typed is taken; the bench database checks the choice from the statistics).
select count(chat.append_message(pg_temp.id('r:f' || n), pg_temp.id('r:near'), 'Please price leg ' || n || ' again.'))
from generate_series(1, 30) as n;
select is(chat_private.search_rarest_word(array['price', 'please', '4321'], true), 'price',
  'without statistics (every word alike) the first word is chosen');
select is(chat_private.search_message_narrow('%zeta 4321 alpha zeta%'), '%zeta%', 'the first word typed, on a tie');
select ok((select bool_and('plan_cache_mode=force_custom_plan' = any (p.proconfig)) from pg_proc p
           where p.oid in ('chat_private.search_session_buckets(text, text[])'::regprocedure,
                           'chat_private.search_session_ids(text, text[], uuid[])'::regprocedure)),
  'the union of the matches is planned for each call (no generic plan without the pattern)');
select is(chat_private.search_message_session_ids('%request #4321%'), array[pg_temp.id('r:hit')],
  'the same match with more messages, bob''s never');
select is(chat.search_counts('request #4321') - 'version', pg_temp.reference('request #4321'),
  'and the counts still equal the reference');

select pg_temp.act_as_anon();
select is(pg_temp.error_of('select chat_private.search_rarest_word(array[''ab1''], true)'), '42501',
  'anon cannot call search_rarest_word');

select is(pg_temp.error_of('select * from chat_private.search_session_buckets(''%x%'', ''{}'')'), '42501',
  'anon cannot call search_session_buckets');
select is(pg_temp.error_of('select chat_private.search_message_narrow(''%x%'')'), '42501',
  'nor search_message_narrow');

select * from finish();
rollback;
