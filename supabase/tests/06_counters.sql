-- Counters kept by triggers equal a recount after a long randomized run of every kind of write
-- (three brokers and the operator integration, through the API and direct table writes, with
-- refused operations in between). Seeded, so a failure replays identically.
\ir helpers/setup.psql
select plan(20);

select pg_temp.add_brokers('alice', 'bob', 'carol');
select setseed(0.20261125);

create temp table refused (op text, sqlstate text, detail text);
create temp table done (op text);
grant all on refused, done to public;

-- One id out of a query's, at random but reproducibly (by id order, not by where rows happen
-- to lie on disk).
create function pg_temp.pick(p_ids_query text) returns uuid
language plpgsql
as $$
declare
  v_ids uuid[];
begin
  execute format('select array_agg(id order by id) from (%s) x', p_ids_query) into v_ids;
  return v_ids[1 + floor(random() * coalesce(array_length(v_ids, 1), 0))::int];
end;
$$;

do $$
declare
  v_brokers text[] := array['alice', 'bob', 'carol'];
  v_broker text;
  v_op text;
  v_r double precision;
  v_session uuid;
  v_thread uuid;
  v_seq bigint;
  v_state text;
  v_detail text;
begin
  for i in 1 .. 700 loop
    v_broker := v_brokers[1 + floor(random() * 3)::int];
    perform pg_temp.act_as(v_broker);
    v_r := random();
    v_op := case
      when i <= 6 or v_r < 0.08 then 'create'
      when v_r < 0.26 then 'message'
      when v_r < 0.33 then 'open thread'
      when v_r < 0.53 then 'operator reply'
      when v_r < 0.60 then 'broker thread message'
      when v_r < 0.67 then 'mark thread read'
      when v_r < 0.70 then 'mark session read'
      when v_r < 0.72 then 'direct read cursor'
      when v_r < 0.84 then 'transition'
      when v_r < 0.87 then 'direct status'
      when v_r < 0.92 then 'trash'
      when v_r < 0.96 then 'restore'
      else 'pin'
    end;
    -- A target among the broker's own sessions and threads (RLS shows no others).
    v_session := pg_temp.pick($q$select id from chat.sessions$q$);
    v_thread := pg_temp.pick($q$select id from chat.operator_threads$q$);
    v_seq := (select t.last_seq from chat.operator_threads t where t.id = v_thread);
    begin
      case v_op
        when 'create' then
          perform chat.create_session(pg_temp.id('run:' || i), case when random() < 0.7 then 'flight_request' else 'general' end,
            'Request ' || i);
        when 'message' then
          perform chat.append_message(pg_temp.id('msg:' || i), v_session, repeat('Note ' || i || ' ', 1 + (random() * 5)::int),
            case when random() < 0.3 then 'assistant' else 'broker' end);
        when 'open thread' then
          perform chat.open_operator_thread(pg_temp.id('thread:' || i), v_session, 'Operator ' || (random() * 20)::int,
            'ext-' || (random() * 6)::int);
        when 'operator reply' then
          perform pg_temp.act_as_service();
          v_thread := pg_temp.pick($q$select id from chat.operator_threads$q$);
          v_session := (select t.session_id from chat.operator_threads t where t.id = v_thread);
          if v_thread is null then
            raise exception using errcode = 'PT404', detail = 'not_found', message = 'no thread yet';
          end if;
          perform chat.record_operator_message(pg_temp.id('reply:' || i), v_session, 'Quote ' || i, v_thread);
          -- A redelivered webhook now and then.
          if random() < 0.2 then
            perform chat.record_operator_message(pg_temp.id('reply:' || i), v_session, 'Quote ' || i, v_thread);
          end if;
        when 'broker thread message' then
          perform chat.append_message(pg_temp.id('tmsg:' || i), (select session_id from chat.operator_threads where id = v_thread),
            'Following up ' || i, p_thread_id => v_thread);
        when 'mark thread read' then
          perform chat.mark_thread_read(v_thread, case when random() < 0.3 then null else floor(random() * (coalesce(v_seq, 0) + 3)) end::bigint);
        when 'mark session read' then
          perform chat.mark_session_read(v_session);
        when 'direct read cursor' then
          update chat.operator_threads set last_read_seq = floor(random() * (v_seq + 3)) where id = v_thread;
        when 'transition' then
          perform chat.transition_session(v_session,
            (array['pause', 'pause', 'resume', 'complete', 'reopen', 'archive', 'unarchive'])[1 + floor(random() * 7)::int],
            case when random() < 0.5 then 'won' else null end);
        when 'direct status' then
          update chat.sessions
          set status = (array['active', 'paused', 'completed', 'archived'])[1 + floor(random() * 4)::int],
              outcome = 'lost'
          where id = v_session;
        when 'trash' then
          perform chat.delete_session(v_session);
        when 'restore' then
          perform chat.restore_session(pg_temp.pick($q$select id from chat.sessions where deleted_at is not null$q$));
        when 'pin' then
          perform chat.set_session_pinned(v_session, random() < 0.5);
      end case;
      insert into done values (v_op);
    exception when others then
      get stacked diagnostics v_state = returned_sqlstate, v_detail = pg_exception_detail;
      insert into refused values (v_op, v_state, v_detail);
    end;
  end loop;
end;
$$;

select pg_temp.act_as_service();
select diag('operations done: ' || (select string_agg(op || ' ' || n, ', ' order by op) from (select op, count(*) n from done group by op) x));
select diag('operations refused: ' || (select string_agg(op || ' ' || detail || ' ' || n, ', ' order by op, detail)
  from (select op, detail, count(*) n from refused group by op, detail) x));

-- The run did exercise what it claims to (else the recounts below would prove little).
select cmp_ok((select count(*) from chat.messages where thread_id is null), '>', 50::bigint, 'the run wrote main messages');
select cmp_ok((select count(*) from chat.messages where role = 'operator'), '>', 60::bigint, 'the run recorded operator replies');
select cmp_ok((select count(*) from chat.operator_threads where last_read_seq > 0 and unread_count > 0), '>', 0::bigint,
  'some threads end partly read');
select set_eq($$
  select case when deleted_at is not null then 'trash' else status end from chat.sessions
$$, array['active', 'paused', 'completed', 'archived', 'trash'], 'sessions end in every tab and in the trash');
select is_empty($$
  select op, sqlstate, detail from refused
  where sqlstate not in ('PT400', 'PT404', 'PT409') or detail not in ('validation', 'not_found', 'conflict', 'invalid_transition', 'in_trash', 'session_closed')
$$, 'the only refusals were domain errors (no constraint, privilege or internal error)');

-- Recounts ----------------------------------------------------------------------------------
select is_empty($$
  select s.id, s.message_count, count(m.id)
  from chat.sessions s left join chat.messages m on m.session_id = s.id and m.thread_id is null
  group by s.id having s.message_count <> count(m.id)
$$, 'sessions.message_count = main messages');
select is_empty($$
  select s.id, s.last_seq, max(m.seq), count(m.id), count(distinct m.seq)
  from chat.sessions s left join chat.messages m on m.session_id = s.id
  group by s.id
  having s.last_seq <> coalesce(max(m.seq), 0) or count(m.id) <> count(distinct m.seq) or coalesce(max(m.seq), 0) <> count(m.id)
$$, 'seqs of a session are 1..n, unique and gap-free, and last_seq is the last one');
select is_empty($$
  select s.id from chat.sessions s
  where s.last_message_preview is distinct from (
    select chat_private.preview(m.content) from chat.messages m
    where m.session_id = s.id and m.thread_id is null and m.content_type <> 'event' order by m.seq desc limit 1)
$$, 'sessions.last_message_preview = the last main message (event lines leave it alone, issue 11)');
select is_empty($$
  select s.id from chat.sessions s
  where s.last_activity_at <> greatest(s.created_at, (select max(m.created_at) from chat.messages m where m.session_id = s.id))
$$, 'sessions.last_activity_at = the last message or the creation');
select is_empty($$
  select s.id, s.thread_count, s.replied_thread_count, s.unread_count,
         count(t.id), count(t.id) filter (where exists (select 1 from chat.messages m where m.thread_id = t.id and m.role = 'operator')),
         coalesce(sum(t.unread_count), 0)
  from chat.sessions s left join chat.operator_threads t on t.session_id = s.id
  group by s.id
  having s.thread_count <> count(t.id)
      or s.replied_thread_count <> count(t.id) filter (where exists (select 1 from chat.messages m where m.thread_id = t.id and m.role = 'operator'))
      or s.unread_count <> coalesce(sum(t.unread_count), 0)
$$, 'sessions.thread_count, replied_thread_count and unread_count = their threads');
select is_empty($$
  select t.id, t.message_count, t.inbound_count, t.unread_count, t.last_seq, t.last_read_seq
  from chat.operator_threads t
  cross join lateral (
    select count(*) as messages, count(*) filter (where m.role = 'operator') as inbound,
           count(*) filter (where m.role = 'operator' and m.seq > t.last_read_seq) as unread, coalesce(max(m.seq), 0) as last_seq
    from chat.messages m where m.thread_id = t.id) r
  where (t.message_count, t.inbound_count, t.unread_count, t.last_seq) is distinct from (r.messages, r.inbound, r.unread, r.last_seq)
$$, 'threads'' message, inbound and unread counts and last_seq = a recount');
select is_empty($$
  select t.id from chat.operator_threads t
  where t.last_read_seq > t.last_seq
     or t.last_message_preview is distinct from (
       select chat_private.preview(m.content) from chat.messages m where m.thread_id = t.id order by m.seq desc limit 1)
$$, 'a thread''s read cursor never passes its last message, and its preview is its last message');
select is_empty($$
  select o.owner_id from chat.owner_state o
  left join lateral (
    select count(*) filter (where s.deleted_at is null and s.status = 'active') as active,
           count(*) filter (where s.deleted_at is null and s.status = 'paused') as paused,
           count(*) filter (where s.deleted_at is null and s.status = 'completed') as completed,
           count(*) filter (where s.deleted_at is null and s.status = 'archived') as archived,
           count(*) filter (where s.deleted_at is not null) as trash,
           coalesce(sum(s.unread_count) filter (where s.deleted_at is null), 0) as unread
    from chat.sessions s where s.owner_id = o.owner_id
  ) r on true
  where (o.active_count, o.paused_count, o.completed_count, o.archived_count, o.trash_count, o.unread_count)
        is distinct from (r.active, r.paused, r.completed, r.archived, r.trash, r.unread)
$$, 'owner_state tab counts and unread total = a recount');
select is((select count(*) from chat.owner_state where owner_id in (pg_temp.id('alice'), pg_temp.id('bob'), pg_temp.id('carol'))),
  3::bigint, 'every broker has an owner_state row');
select is_empty($$
  with v as (
    select owner_id, sync_version from chat.sessions
    union all select owner_id, sync_version from chat.operator_threads
    union all select owner_id, sync_version from chat.messages
    union all select owner_id, sync_version from chat.tombstones
  )
  select v.owner_id, v.sync_version, count(*) from v join chat.owner_state o using (owner_id)
  group by v.owner_id, v.sync_version, o.clock
  having count(*) > 1 or v.sync_version > o.clock or v.sync_version < 1
$$, 'sync versions are unique per broker and never ahead of the broker''s clock');

-- The same through the API, as each broker: what session_counts() says against a recount of
-- what that broker can see.
create function pg_temp.recount_tabs() returns jsonb
language sql stable
as $$
  select jsonb_build_object(
    'active', count(*) filter (where s.deleted_at is null and s.status = 'active'),
    'paused', count(*) filter (where s.deleted_at is null and s.status = 'paused'),
    'completed', count(*) filter (where s.deleted_at is null and s.status = 'completed'),
    'archived', count(*) filter (where s.deleted_at is null and s.status = 'archived'),
    'trash', count(*) filter (where s.deleted_at is not null),
    'unread', coalesce(sum(t.unread) filter (where s.deleted_at is null), 0))
  from chat.sessions s
  left join lateral (select sum(x.unread_count) as unread from chat.operator_threads x where x.session_id = s.id) t on true
$$;
select pg_temp.act_as('alice');
select is(chat.session_counts() - 'version', pg_temp.recount_tabs(), 'session_counts() of alice = a recount of what she sees');
select pg_temp.act_as('bob');
select is(chat.session_counts() - 'version', pg_temp.recount_tabs(), 'session_counts() of bob = a recount of what he sees');
select pg_temp.act_as('carol');
select is(chat.session_counts() - 'version', pg_temp.recount_tabs(), 'session_counts() of carol = a recount of what she sees');

select pg_temp.act_as('alice');
select is((select count(*) from jsonb_array_elements(chat.list_sessions('active', p_limit => 200)::jsonb -> 'items')),
  (select count(*) from chat.sessions where deleted_at is null and status in ('active', 'paused')),
  'the Active tab lists as many sessions as it counts');
select is(
  (select sum((e ->> 'unread_count')::int) from unnest(array['active', 'completed', 'archived']) as tab,
     jsonb_array_elements(chat.list_sessions(tab, p_limit => 200)::jsonb -> 'items') as e),
  (chat.session_counts() ->> 'unread')::bigint,
  'the cards'' unread counts add up to the total unread');

select * from finish();
rollback;
