-- Indexed search (#11 item 9, #16, 20261203000300_search_indexes.sql): the trigram and leg-code
-- indexes exist where pg_trgm does; a page filled from the indexes (rare matches) holds the
-- same rows in the same order as testing every session (session_matches); the SECURITY DEFINER
-- id lookups return only the caller's sessions, and neither the list nor the counts ever show
-- another broker's sessions or messages.
\ir helpers/setup.psql
select plan(19);

select has_index('chat', 'sessions', 'sessions_search_trgm_idx', 'trigram index on the sessions'' search text');
select has_index('chat', 'messages', 'messages_content_trgm_idx', 'trigram index on the message text');
select has_index('chat', 'sessions', 'sessions_leg_codes_idx', 'GIN index on the legs'' airport codes');
select ok(not (select p.prosecdef from pg_proc p where p.oid = 'chat.list_sessions'::regproc),
  'list_sessions still runs as the caller');

select pg_temp.add_brokers('alice', 'bob');

-- Alice: 2 010 recent general chats that match nothing, and three older sessions that match
-- "Zanzibar" three ways (a message in a thread-less chat, a leg's city, the title), one of
-- them completed. The walk (2 000 rows) cannot fill a page: the index way must.
select pg_temp.act_as('alice');
select chat.create_session(pg_temp.id('z:msg'), 'general', 'Honeymoon ideas');
select chat.append_message(pg_temp.id('z:m1'), pg_temp.id('z:msg'), 'The couple asked about Zanzibar in June');
select chat.append_message(pg_temp.id('z:m2'), pg_temp.id('z:msg'), 'Also the Maldives');
select chat.create_session(pg_temp.id('z:leg'), 'flight_request', 'Safari', p_trip_type => 'one_way',
  p_legs => '[{"from": "HTZA", "to": "ZNZ", "date": "2030-06-01"}]');
select chat.create_session(pg_temp.id('z:title'), 'general', 'Zanzibar villa options');
select chat.create_session(pg_temp.id('z:done'), 'general', 'Zanzibar last year');
select chat.transition_session(pg_temp.id('z:done'), 'complete', 'won');
select count(chat.create_session(pg_temp.id('filler:' || n), 'general', 'Weekly call ' || n))
from generate_series(1, 2010) n;

-- Bob: Zanzibar everywhere too; alice must never see or count any of it.
select pg_temp.act_as('bob');
select chat.create_session(pg_temp.id('z:bob'), 'general', 'Bob Zanzibar charter');
select chat.append_message(pg_temp.id('z:bm'), pg_temp.id('z:bob'), 'Zanzibar for alice''s client? No: mine.');

select pg_temp.act_as('alice');
-- What session_matches says, tested session by session in the tab's order: the reference.
create function pg_temp.expected(p_tab text, p_search text) returns text
language sql as $$
  select coalesce(string_agg(s.title, ', ' order by s.pinned desc, s.last_activity_at desc, s.id desc), '')
  from chat.sessions s
  where s.tab = p_tab and s.deleted_at is null
    and chat_private.session_matches(s.id, s.owner_id, s.search_text, s.legs,
      chat_private.search_pattern(p_search), chat_private.search_airport_codes(chat_private.search_pattern(p_search)))
$$;
-- Every page of p_limit rows, following the cursors, joined.
create function pg_temp.paged(p_tab text, p_search text, p_limit integer) returns text
language plpgsql as $$
declare
  v_page jsonb;
  v_cursor jsonb;
  v_titles text[] := '{}';
begin
  loop
    v_page := chat.list_sessions(p_tab, 'recent', p_search, v_cursor, p_limit)::jsonb;
    v_titles := v_titles || array(select i ->> 'title' from jsonb_array_elements(v_page -> 'items') with ordinality as x (i, n) order by n);
    v_cursor := v_page -> 'next_cursor';
    exit when v_cursor is null or jsonb_typeof(v_cursor) = 'null';
  end loop;
  return array_to_string(v_titles, ', ');
end;
$$;

select is(pg_temp.expected('active', 'zanzibar'), 'Zanzibar villa options, Safari, Honeymoon ideas',
  'the reference finds the title, the leg (ZNZ) and the message');
select is(pg_temp.paged('active', 'zanzibar', 50), pg_temp.expected('active', 'zanzibar'),
  'one page from the indexes: the same rows in the same order');
select is(pg_temp.paged('active', 'zanzibar', 1), pg_temp.expected('active', 'zanzibar'),
  'pages of one, following the cursors: the same rows in the same order');
select is(pg_temp.paged('completed', 'ZANZIBAR', 1), 'Zanzibar last year', 'another tab, any case');
select is(pg_temp.paged('active', 'weekly call 51', 10), pg_temp.expected('active', 'weekly call 51'),
  'a common pattern (the walk fills the page): the same as the reference');
select is(pg_temp.paged('active', 'maldives', 10), 'Honeymoon ideas', 'an older message, not the preview');
select is(chat.search_counts('zanzibar') - 'version', '{"active": 3, "completed": 1, "archived": 0, "trash": 0}',
  'counts from the indexes: three active, one completed, none of bob''s');
select is(chat.search_counts('mine.') - 'version', '{"active": 0, "completed": 0, "archived": 0, "trash": 0}',
  'bob''s message text is never counted for alice');
select is(pg_temp.paged('active', 'mine.', 10), '', 'nor listed');

select ok(not (pg_temp.id('z:bob') = any (chat_private.search_session_ids('%zanzibar%', '{ZNZ,HTZN}'))),
  'search_session_ids (security definer) never returns another broker''s session');
select is(cardinality(chat_private.search_session_ids('%zanzibar%', '{ZNZ,HTZN}')), 4,
  'but all four of the caller''s');
select ok(not (pg_temp.id('z:bob') = any (chat_private.search_session_ids('%zanzibar%', '{}', array[pg_temp.id('z:bob')]))),
  'nor one handed in as a message match');
select is(chat_private.search_message_session_ids('%mine.%'), '{}'::uuid[],
  'search_message_session_ids never returns another broker''s messages');

select pg_temp.act_as('bob');
select is(pg_temp.paged('active', 'zanzibar', 10), 'Bob Zanzibar charter', 'bob finds only his own');

select pg_temp.act_as_anon();
select is(pg_temp.error_of('select chat_private.search_session_ids(''%x%'', ''{}'')'), '42501',
  'anon cannot call the id lookup');

select * from finish();
rollback;
