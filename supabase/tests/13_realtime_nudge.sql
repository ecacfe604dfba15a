-- Realtime nudges (migration 20261203000100_realtime_nudge): which writes nudge which broker's
-- private topic, that a nudge carries nothing but the version, and that the policy on
-- realtime.messages lets a broker receive only their own topic.
--
-- No Realtime server runs here, so this file installs a stand-in of what a Supabase project
-- has: a `realtime` schema with `messages`, a `send` that records by inserting there (as the
-- real one does) and `topic()`. Creating a schema takes a privilege the API roles do not have
-- (on Supabase the schema belongs to supabase_admin), so this one file connects as the
-- superuser, installs the stand-in inside the test transaction (rolled back at the end) and
-- re-runs the migration over it, exactly as a Supabase project applies it. Every assertion
-- then runs as an API role (act_as / act_as_service), never as the superuser.
--
-- Nudges are sent by a DEFERRED trigger, at commit. The test never commits: pg_temp.commit()
-- fires the queued triggers the way COMMIT would (SET CONSTRAINTS … IMMEDIATE), then defers
-- again.
\connect - postgres
\ir helpers/setup.psql
select plan(22);

create function pg_temp.commit() returns text
language plpgsql
as $$
begin
  set constraints chat.realtime_nudge immediate;
  set constraints chat.realtime_nudge deferred;
  return '# commit point';
end;
$$;

-- Without the realtime schema (this database as migrated, like PGlite): writes work, nothing
-- is sent, nothing fails at commit.
select pg_temp.add_brokers('alice', 'bob');
select pg_temp.act_as('alice');
select '# created' from chat.create_session(pg_temp.id('before'), 'general', 'Before Realtime');
select is(pg_temp.error_of('select pg_temp.commit()'), 'no error',
  'without a realtime schema a write commits and nudges nobody');

-- The stand-in, installed as Supabase's own admin would. The trigger function looks for
-- realtime.send when it runs, so it nudges from now on; the policy needs the migration again.
reset role;
create schema realtime;
create table realtime.messages (
  id bigint generated always as identity primary key,
  topic text not null,
  extension text not null,
  payload jsonb,
  event text,
  private boolean default false,
  inserted_at timestamp not null default now()
);
alter table realtime.messages enable row level security;
grant usage on schema realtime to anon, authenticated, service_role;
grant select, insert on realtime.messages to anon, authenticated, service_role;
create function realtime.topic() returns text
language sql stable
as $$ select nullif(current_setting('realtime.topic', true), '')::text $$;
create function realtime.send(payload jsonb, event text, topic text, private boolean default true)
returns void
language plpgsql
as $$
begin
  perform set_config('realtime.topic', topic, true);
  insert into realtime.messages (payload, event, topic, private, extension)
  values (payload, event, topic, private, 'broadcast');
end;
$$;
grant execute on function realtime.topic() to anon, authenticated, service_role;

-- What was sent, in order (the service role bypasses RLS, as Realtime's own reader does).
create function pg_temp.sent() returns table (topic text, event text, payload jsonb, private boolean)
language sql
as $$ select m.topic, m.event, m.payload, m.private from realtime.messages m order by m.id $$;
create function pg_temp.sent_count() returns bigint
language sql
as $$ select count(*) from realtime.messages $$;
create function pg_temp.topic(p_broker text) returns text
language sql stable
as $$ select 'chat:' || pg_temp.id(p_broker)::text $$;
create function pg_temp.clock(p_broker text) returns bigint
language sql stable
as $$ select clock from chat.owner_state where owner_id = pg_temp.id(p_broker) $$;

-- Which writes nudge which topic.
select pg_temp.act_as('alice');
select '# created' from chat.create_session(pg_temp.id('s1'), 'flight_request', 'TEB to VNY');
select pg_temp.commit();
select pg_temp.act_as_service();
select results_eq('select * from pg_temp.sent()',
  format($$ values (%L, 'changed', jsonb_build_object('version', %s::bigint), true) $$,
    pg_temp.topic('alice'), pg_temp.clock('alice')),
  'once the schema exists, even before the migration runs again, alice''s create sends one private nudge to chat:<alice> carrying her new clock');

-- Now the migration as a Supabase project applies it (twice: it is re-runnable).
reset role;
\ir ../migrations/20261203000100_realtime_nudge.sql
\ir ../migrations/20261203000100_realtime_nudge.sql

select is((select count(*) from pg_policies where schemaname = 'realtime' and tablename = 'messages'), 1::bigint,
  'where realtime.messages exists the migration adds one policy (re-running it keeps one)');
select is((select cmd || ' to ' || array_to_string(roles, ',') from pg_policies where policyname = 'chat_broker_receives_own_nudges'),
  'SELECT to authenticated', 'it only lets authenticated read (receive), never insert (send)');

select pg_temp.act_as('alice');
create temp table clock_before as select pg_temp.clock('alice') as v;
grant select on clock_before to public;
select '# message' from chat.append_message(pg_temp.id('m1'), pg_temp.id('s1'), 'Six pax, Dec 12');
select '# thread' from chat.open_operator_thread(pg_temp.id('t1'), pg_temp.id('s1'), 'NetJets');
select pg_temp.commit();
select pg_temp.act_as_service();
select cmp_ok(pg_temp.clock('alice'), '>=', (select v from clock_before) + 3,
  'a message and a thread moved alice''s clock several times');
select is(pg_temp.sent_count(), 2::bigint, 'yet that transaction sends one nudge');
select is((select payload from pg_temp.sent() offset 1), jsonb_build_object('version', pg_temp.clock('alice')),
  'carrying the version at commit');

select pg_temp.act_as('bob');
select '# created' from chat.create_session(pg_temp.id('b1'), 'general', 'Bob''s chat');
select pg_temp.commit();
select pg_temp.act_as_service();
select is((select array_agg(topic) from (select topic from pg_temp.sent() offset 2) later), array[pg_temp.topic('bob')],
  'bob''s write nudges bob''s topic only');

select '# operator reply' from chat.record_operator_message(pg_temp.id('r1'), pg_temp.id('s1'), 'Available, EUR 9,800', pg_temp.id('t1'));
select pg_temp.commit();
select is((select array_agg(topic) from (select topic from pg_temp.sent() offset 3) later), array[pg_temp.topic('alice')],
  'an operator reply (service role) nudges the session''s broker');

select pg_temp.act_as('alice');
select '# pinned' from chat.set_session_pinned(pg_temp.id('s1'), true);
select '# paused' from chat.transition_session(pg_temp.id('s1'), 'pause');
select '# read' from chat.mark_thread_read(pg_temp.id('t1'));
select '# trashed' from chat.delete_session(pg_temp.id('before'));
select pg_temp.commit();
select pg_temp.act_as_service();
select is((select array_agg(topic) from (select topic from pg_temp.sent() offset 4) later), array[pg_temp.topic('alice')],
  'pin, pause, read mark and trash in one transaction: one nudge');

select pg_temp.act_as('alice');
select '# reads' from chat.list_sessions(), chat.session_counts(), chat.changes_since(0), chat.get_session(pg_temp.id('s1'));
select is(pg_temp.error_of($$select chat.transition_session(pg_temp.id('s1'), 'pause')$$), 'PT409 invalid_transition',
  'a refused write (pausing a paused session)');
select is(pg_temp.error_of($$select chat.get_session(pg_temp.id('b1'))$$), 'PT404 not_found', 'and a read of bob''s session');
select pg_temp.commit();
select pg_temp.act_as_service();
select is(pg_temp.sent_count(), 5::bigint, 'reads and refused writes nudge nobody');

select is_empty($$
  select payload from realtime.messages
  where payload - 'version' <> '{}'::jsonb or jsonb_typeof(payload -> 'version') <> 'number'
     or event <> 'changed' or not private or extension <> 'broadcast'
$$, 'every nudge is a private broadcast whose payload is the version and nothing else');
select is((select array_agg(distinct topic order by topic) from realtime.messages),
  (select array_agg(t order by t) from unnest(array[pg_temp.topic('alice'), pg_temp.topic('bob')]) t),
  'no other topic was ever nudged');

-- The policy, read the way Realtime authorizes a private channel join: with the channel's topic
-- set (realtime.topic()), as the joining user, can the user select that topic's broadcasts?
create function pg_temp.visible_on(p_topic text) returns bigint
language plpgsql
as $$
declare
  v_count bigint;
begin
  perform set_config('realtime.topic', p_topic, true);
  select count(*) into v_count from realtime.messages where topic = p_topic and extension = 'broadcast';
  return v_count;
end;
$$;

select pg_temp.act_as('alice');
select is(pg_temp.visible_on(pg_temp.topic('alice')), 4::bigint, 'alice receives her own topic');
select is(pg_temp.visible_on(pg_temp.topic('bob')), 0::bigint, 'bob''s topic is refused to alice');
select is(pg_temp.visible_on('chat:' || pg_temp.id('alice')::text || 'x'), 0::bigint,
  'and so is any other topic, even one starting with hers');
select is(pg_temp.error_of($$
  insert into realtime.messages (topic, extension, payload, event, private)
  values ('chat:' || pg_temp.id('bob')::text, 'broadcast', '{"version": 1}', 'changed', true)
$$), '42501', 'a broker cannot broadcast, not even a fake nudge');

select pg_temp.act_as('bob');
select is(pg_temp.visible_on(pg_temp.topic('bob')), 1::bigint, 'bob receives his own topic');
select is(pg_temp.visible_on(pg_temp.topic('alice')), 0::bigint, 'alice''s topic is refused to bob');

select pg_temp.act_as_anon();
select is(pg_temp.visible_on(pg_temp.topic('alice')), 0::bigint, 'anon receives nothing');

select * from finish();
rollback;
