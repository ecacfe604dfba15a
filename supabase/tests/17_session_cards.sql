-- Per-row cards (#16, 20261203001000_session_cards.sql): every write leaves chat.sessions.card
-- equal to the row as the API returns it (card_version = sync_version), nobody can write a card
-- of their own, list_sessions and changes_since serve exactly the cards (json), the page's
-- cursor appears only when another row follows, and no broker ever sees another's cards.
\ir helpers/setup.psql
select plan(20);

select has_column('chat', 'sessions', 'card', 'sessions keep their card');
select has_column('chat', 'sessions', 'card_version', 'and the sync_version it was built at');
select is((select p.prorettype::regtype::text from pg_proc p where p.oid = 'chat.list_sessions'::regproc), 'json',
  'list_sessions returns json (the same document)');
select ok(not has_function_privilege('anon', 'chat_private.session_card_of(chat.sessions)', 'execute')
  and not has_function_privilege('anon', 'chat_private.card_with_attention(json, jsonb)', 'execute')
  and not has_function_privilege('anon', 'chat_private.session_card(jsonb)', 'execute'),
  'anon may execute none of the card functions');

select pg_temp.add_brokers('alice', 'bob');

select pg_temp.act_as('alice');
select chat.create_session(pg_temp.id('c:teb'), 'flight_request', 'TEB to VNY', p_trip_type => 'one_way',
  p_legs => '[{"from": "KTEB", "to": "KVNY", "date": "2030-06-01"}]', p_passengers => 4,
  p_metadata => '{"crmDealId": "D-1"}');
select chat.create_session(pg_temp.id('c:chat'), 'general', 'Weekly call');
select chat.create_session(pg_temp.id('c:old'), 'general', 'Old chat');
select chat.append_message(pg_temp.id('c:m1'), pg_temp.id('c:chat'), 'Hello there');
select chat.set_session_pinned(pg_temp.id('c:old'), true);
select chat.transition_session(pg_temp.id('c:old'), 'pause', p_resume_at => now() - interval '1 hour');

-- The reference: the row's own columns, as list_sessions built them before the cards.
create function pg_temp.live(p_id uuid) returns jsonb
language sql as $$
  select to_jsonb(s) - 'search_text' - 'card' - 'card_version' from chat.sessions s where s.id = p_id
$$;

set local timezone = 'UTC';
select is((select count(*) from chat.sessions s where s.card::jsonb is distinct from pg_temp.live(s.id)), 0::bigint,
  'after inserts, a message, a pin and a transition every card is the row as the API returns it');
select is((select count(*) from chat.sessions s where s.card_version is distinct from s.sync_version), 0::bigint,
  'and was built at the row''s sync_version');
select is((select s.card::jsonb -> 'tab' from chat.sessions s where s.id = pg_temp.id('c:old')), '"active"'::jsonb,
  'the card''s tab is the new one (a BEFORE trigger sees the old generated columns)');

select chat.update_session(pg_temp.id('c:teb'), '{"title": "TEB to VNY, 5 pax", "passengers": 5}',
  (select s.version from chat.sessions s where s.id = pg_temp.id('c:teb')));
select is((select s.card::jsonb ->> 'title' from chat.sessions s where s.id = pg_temp.id('c:teb')), 'TEB to VNY, 5 pax',
  'an update rewrites the card');
select is((select s.card::jsonb from chat.sessions s where s.id = pg_temp.id('c:teb')), pg_temp.live(pg_temp.id('c:teb')),
  'with every column of the new row');

select is(pg_temp.error_of($$update chat.sessions set card = '{"forged": true}' where id = pg_temp.id('c:chat')$$),
  '42501', 'a broker may not write a card');
select is(pg_temp.error_of($$update chat.sessions set card_version = -1 where id = pg_temp.id('c:chat')$$),
  '42501', 'nor its version');

-- The list: exactly the cards, in the list's order, as json.
select is(chat.list_sessions('active')::jsonb -> 'items',
  (select jsonb_agg(s.card::jsonb order by s.pinned desc, s.last_activity_at desc, s.id desc)
   from chat.sessions s where s.tab = 'active' and s.deleted_at is null),
  'list_sessions serves the cards in order');
select is((select count(*) from jsonb_array_elements(chat.list_sessions('active', 'attention')::jsonb -> 'items') e
           where e ? 'attention_reason'), 3::bigint,
  'attention rows carry attention_reason (spliced into the card)');
select is(chat.list_sessions('active', 'attention')::jsonb -> 'items' -> 0 -> 'attention_reason',
  '{"kind": "resume_due", "resume_at": null}'::jsonb || jsonb_build_object('resume_at',
    (select s.resume_at from chat.sessions s where s.id = pg_temp.id('c:old'))),
  'the paused session due to resume comes first, with its reason');
select is(chat.list_sessions('active', p_limit => 3)::jsonb -> 'next_cursor', 'null'::jsonb,
  'a page holding the last row has no cursor');
select is(chat.list_sessions('active', p_limit => 2)::jsonb -> 'next_cursor' ->> 'id',
  (select s.id::text from chat.sessions s where s.tab = 'active'
   order by s.pinned desc, s.last_activity_at desc, s.id desc offset 1 limit 1),
  'a full page with more to come points at its last row');
select is((chat.changes_since(0) -> 'sessions') -> 0,
  (select s.card::jsonb from chat.sessions s order by s.sync_version limit 1),
  'changes_since serves the cards too');

-- The service role (an operator integration) writes through the same trigger.
select pg_temp.act_as_service();
update chat.sessions set card = '{"forged": true}', card_version = 0 where id = pg_temp.id('c:chat');
select pg_temp.act_as('alice');
select is((select s.card::jsonb from chat.sessions s where s.id = pg_temp.id('c:chat')), pg_temp.live(pg_temp.id('c:chat')),
  'a card written directly is replaced by the row''s own');

-- Bob sees none of alice's cards, in the table or the list.
select pg_temp.act_as('bob');
select chat.create_session(pg_temp.id('c:bob'), 'general', 'Bob''s chat');
select is((select count(*) from chat.sessions s where s.owner_id = pg_temp.id('alice')), 0::bigint,
  'bob reads no row (and no card) of alice''s');
select is((select jsonb_agg(e ->> 'id') from jsonb_array_elements(chat.list_sessions('active')::jsonb -> 'items') e),
  jsonb_build_array(pg_temp.id('c:bob')::text), 'bob''s list holds only his own card');

select * from finish();
rollback;
