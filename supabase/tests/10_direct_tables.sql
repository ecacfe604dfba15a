-- The table path PostgREST exposes on Supabase (`/rest/v1/<table>`): every direct INSERT,
-- UPDATE and DELETE of every column of every table in `chat`, as `anon` and as `authenticated`,
-- on the broker's own rows and on another broker's. Each attempt either fails with the right
-- error or does exactly what an API call could do; the counters and the change feed stay
-- consistent afterwards.
--
-- The column matrix is generated from the catalog and checked against an explicit list of what
-- a broker may write: a column added later fails the first test until it is classified here.
\ir helpers/setup.psql
select plan(65);

select pg_temp.add_brokers('alice', 'bob');

-- 'N rows' for a statement that ran, else its error as error_of gives it. A statement that ran
-- is kept (no rollback), like a real request.
create function pg_temp.attempt(p_sql text) returns text
language plpgsql
as $$
declare
  v_count bigint;
  v_state text;
  v_detail text;
begin
  execute p_sql;
  get diagnostics v_count = row_count;
  return v_count || case when v_count = 1 then ' row' else ' rows' end;
exception when others then
  get stacked diagnostics v_state = returned_sqlstate, v_detail = pg_exception_detail;
  return v_state || coalesce(' ' || nullif(v_detail, ''), '');
end;
$$;

-- A session of Alice's in a given state, made through the API.
create function pg_temp.session_in(p_label text, p_state text) returns uuid
language plpgsql
as $$
declare
  v_id uuid := pg_temp.id(p_label);
begin
  perform chat.create_session(v_id, 'flight_request', p_label);
  case p_state
    when 'active' then null;
    when 'paused', 'archived:paused' then
      perform chat.transition_session(v_id, 'pause', p_resume_at => '2031-03-01T09:00:00Z');
    when 'completed', 'archived:completed' then perform chat.transition_session(v_id, 'complete', 'won');
    when 'trashed' then perform chat.delete_session(v_id);
  end case;
  if p_state like 'archived%' then
    perform chat.transition_session(v_id, 'archive');
  end if;
  return v_id;
end;
$$;

-- What a session looks like to its broker, without its id, title and clock times: two
-- sessions brought to the same point by different paths have the same shape.
create function pg_temp.shape(p_id uuid) returns text
language sql stable
as $$
  select (s.status, s.status_before_archive, s.outcome, s.resume_at, s.pinned, s.stage, s.passengers, s.legs,
          s.completed_at is not null, s.archived_at is not null, s.deleted_at is not null,
          s.message_count, s.unread_count, s.thread_count, s.last_seq, s.version, s.metadata)::text
  from chat.sessions s where s.id = p_id
$$;

-- Alice's rows: an active flight request with a thread, her message and an unread operator
-- reply; sessions in the other states.
select pg_temp.act_as('alice');
select '# alice: ' || pg_temp.session_in('a-open', 'active');
select '# alice: ' || id from chat.append_message(pg_temp.id('a-msg'), pg_temp.id('a-open'), 'Need a midsize jet');
select '# alice: ' || id from chat.open_operator_thread(pg_temp.id('a-thread'), pg_temp.id('a-open'), 'Wheels Up', 'wu-1');
select '# alice: ' || pg_temp.session_in('a-done', 'completed');
select '# alice: ' || pg_temp.session_in('a-nap', 'paused');
select '# alice: ' || pg_temp.session_in('a-shelf', 'archived:completed');
select '# alice: ' || pg_temp.session_in('a-binned', 'trashed');
select pg_temp.act_as_service();
select '# operator: ' || id from chat.record_operator_message(pg_temp.id('a-reply'), pg_temp.id('a-open'), 'Quote: 38k',
  p_thread_id => pg_temp.id('a-thread'));

-- What a broker may write, column by column: 'insert', 'update', both, or nothing. Generated
-- columns can only be DEFAULT. Everything else is the database's.
create temp table writable (tbl text, col text, rule text, primary key (tbl, col));
grant select on writable to public;
insert into writable values
  ('sessions', 'id', 'insert'), ('sessions', 'owner_id', ''), ('sessions', 'kind', 'insert'),
  ('sessions', 'status', 'update'), ('sessions', 'status_before_archive', ''), ('sessions', 'title', 'insert update'),
  ('sessions', 'trip_type', 'insert update'), ('sessions', 'legs', 'insert update'),
  ('sessions', 'passengers', 'insert update'), ('sessions', 'stage', 'insert update'), ('sessions', 'outcome', 'update'),
  ('sessions', 'pinned', 'insert update'), ('sessions', 'resume_at', 'update'), ('sessions', 'created_at', ''),
  ('sessions', 'updated_at', ''), ('sessions', 'last_activity_at', ''), ('sessions', 'completed_at', ''),
  ('sessions', 'archived_at', ''), ('sessions', 'deleted_at', 'update'), ('sessions', 'departs_on', ''),
  ('sessions', 'last_message_preview', ''), ('sessions', 'message_count', ''), ('sessions', 'unread_count', ''),
  ('sessions', 'thread_count', ''), ('sessions', 'replied_thread_count', ''), ('sessions', 'last_seq', ''),
  ('sessions', 'metadata', 'insert update'), ('sessions', 'external_ref', 'insert update'), ('sessions', 'version', ''),
  ('sessions', 'sync_version', ''), ('sessions', 'tab', 'generated'), ('sessions', 'search_text', 'generated'),
  ('sessions', 'card', ''), ('sessions', 'card_version', ''),
  ('operator_threads', 'id', 'insert'), ('operator_threads', 'session_id', 'insert'), ('operator_threads', 'owner_id', ''),
  ('operator_threads', 'operator_name', 'insert'), ('operator_threads', 'external_ref', 'insert'),
  ('operator_threads', 'status', 'update'), ('operator_threads', 'last_message_preview', ''),
  ('operator_threads', 'last_message_at', ''), ('operator_threads', 'last_seq', ''),
  ('operator_threads', 'last_read_seq', 'update'), ('operator_threads', 'message_count', ''),
  ('operator_threads', 'inbound_count', ''), ('operator_threads', 'unread_count', ''),
  ('operator_threads', 'created_at', ''), ('operator_threads', 'updated_at', ''), ('operator_threads', 'sync_version', ''),
  ('messages', 'id', 'insert'), ('messages', 'session_id', 'insert'), ('messages', 'thread_id', 'insert'),
  ('messages', 'owner_id', ''), ('messages', 'seq', ''), ('messages', 'role', 'insert'), ('messages', 'content', 'insert'),
  ('messages', 'content_type', 'insert'), ('messages', 'rich_content', 'insert'), ('messages', 'created_at', ''),
  ('messages', 'sync_version', ''),
  ('owner_state', 'owner_id', ''), ('owner_state', 'clock', ''), ('owner_state', 'active_count', ''),
  ('owner_state', 'paused_count', ''), ('owner_state', 'completed_count', ''), ('owner_state', 'archived_count', ''),
  ('owner_state', 'trash_count', ''), ('owner_state', 'unread_count', ''),
  ('tombstones', 'owner_id', ''), ('tombstones', 'sync_version', ''), ('tombstones', 'entity', ''),
  ('tombstones', 'entity_id', ''), ('tombstones', 'deleted_at', '');

-- Alice's row of each table, and the row of hers Bob aims at.
create temp table target (tbl text primary key, row_filter text);
grant select on target to public;
insert into target values
  ('sessions', format('id = %L', pg_temp.id('a-open'))),
  ('operator_threads', format('id = %L', pg_temp.id('a-thread'))),
  ('messages', format('id = %L', pg_temp.id('a-msg'))),
  ('owner_state', format('owner_id = %L', pg_temp.id('alice'))),
  ('tombstones', format('owner_id = %L', pg_temp.id('alice')));

-- Every column of every table is classified ---------------------------------------------------
select is(
  (select coalesce(string_agg(format('%s.%s', c.relname, a.attname), ', ' order by c.relname, a.attname), '')
   from pg_class c join pg_attribute a on a.attrelid = c.oid
   where c.relnamespace = 'chat'::regnamespace and c.relkind in ('r', 'v', 'm', 'p', 'f')
     and a.attnum > 0 and not a.attisdropped
     and not exists (select 1 from writable w where w.tbl = c.relname and w.col = a.attname)),
  '', 'every column of every table and view in chat is in the direct-write matrix');
select is(
  (select coalesce(string_agg(format('%s.%s', w.tbl, w.col), ', '), '') from writable w
   where not exists (select 1 from pg_attribute a where a.attrelid = ('chat.' || w.tbl)::regclass
                       and a.attname = w.col and not a.attisdropped)),
  '', 'the matrix names no column that does not exist');
select is(
  (select coalesce(string_agg(format('%s.%s', w.tbl, w.col), ', '), '') from writable w
   where (w.rule = 'generated') <> exists (select 1 from pg_attribute a where a.attrelid = ('chat.' || w.tbl)::regclass
                                              and a.attname = w.col and a.attgenerated <> '')),
  '', 'the generated columns are the ones the matrix says');

-- The matrix, as each role, on Alice's rows ------------------------------------------------------
-- UPDATE sets a column to its own value (the privilege is checked whatever the value; the
-- rules for real changes follow below). INSERT names the column with a source of no rows
-- (privileges are checked before any row is read). Expected results:
--   as Alice: writable → the statement runs ('1 row' / '0 rows'), else 42501;
--   as Bob:   writable → row-level security hides her row ('0 rows'), else 42501;
--   as anon:  42501 everywhere (no usage on the schema at all, checked first);
--   generated columns: 428C9 (only DEFAULT) before any table privilege check.
create function pg_temp.matrix_mismatches(p_who text, p_op text) returns text
language plpgsql
as $$
declare
  v_result text;
begin
  select coalesce(string_agg(format('%s.%s: %s (expected %s)', w.tbl, w.col, r.got, r.expected), '; '
                             order by w.tbl, w.col), '')
  into v_result
  from writable w join target t using (tbl),
  lateral (
    select case p_op
      when 'update' then pg_temp.attempt(format('update chat.%I set %I = %I where %s', w.tbl, w.col, w.col, t.row_filter))
      when 'insert' then pg_temp.attempt(format('insert into chat.%I (%I) select %I from chat.%I where false',
                                                  w.tbl, w.col, w.col, w.tbl))
      when 'select' then pg_temp.attempt(format('select %I from chat.%I where %s', w.col, w.tbl, t.row_filter))
    end as got,
    case
      when p_who = 'anon' then '42501'
      when w.rule = 'generated' and p_op <> 'select' then '428C9'
      when p_op = 'select' then case when p_who = 'alice' then '1 row' else '0 rows' end
      when w.rule not like '%' || p_op || '%' then '42501'
      when p_op = 'insert' then '0 rows'
      when p_who = 'alice' then '1 row'
      else '0 rows'
    end as expected
  ) r
  where r.got is distinct from r.expected and not (r.expected = '428C9' and r.got like '428C9 %')
    -- Alice has no tombstone yet: a readable table with no row of hers reads 0 rows.
    and not (p_op = 'select' and w.tbl = 'tombstones' and r.got = '0 rows');
  return v_result;
end;
$$;

select pg_temp.act_as('alice');
select is(pg_temp.matrix_mismatches('alice', 'update'), '', 'Alice: direct UPDATE of every column of her rows');
select is(pg_temp.matrix_mismatches('alice', 'insert'), '', 'Alice: direct INSERT naming every column');
select is(pg_temp.matrix_mismatches('alice', 'select'), '', 'Alice: direct SELECT of every column of her rows');
select pg_temp.act_as('bob');
select is(pg_temp.matrix_mismatches('bob', 'update'), '', 'Bob: direct UPDATE of every column of Alice''s rows');
select is(pg_temp.matrix_mismatches('bob', 'insert'), '', 'Bob: direct INSERT naming every column');
select is(pg_temp.matrix_mismatches('bob', 'select'), '', 'Bob: direct SELECT of every column of Alice''s rows');
select pg_temp.act_as_anon();
select is(pg_temp.matrix_mismatches('anon', 'update'), '', 'anon: direct UPDATE of every column');
select is(pg_temp.matrix_mismatches('anon', 'insert'), '', 'anon: direct INSERT naming every column');
select is(pg_temp.matrix_mismatches('anon', 'select'), '', 'anon: direct SELECT of every column');

-- DELETE: no API role but the service role may delete a row of any table directly (purges go
-- through purge_trash).
create function pg_temp.delete_results() returns text
language sql
as $$
  select string_agg(format('%s: %s', t.tbl, pg_temp.attempt(format('delete from chat.%I where %s', t.tbl, t.row_filter))),
                    ', ' order by t.tbl)
  from target t
$$;
select pg_temp.act_as('alice');
select is(pg_temp.delete_results(),
  'messages: 42501, operator_threads: 42501, owner_state: 42501, sessions: 42501, tombstones: 42501',
  'Alice: direct DELETE on every table is refused');
select pg_temp.act_as('bob');
select is(pg_temp.delete_results(),
  'messages: 42501, operator_threads: 42501, owner_state: 42501, sessions: 42501, tombstones: 42501',
  'Bob: direct DELETE on every table is refused');
select pg_temp.act_as_anon();
select is(pg_temp.delete_results(),
  'messages: 42501, operator_threads: 42501, owner_state: 42501, sessions: 42501, tombstones: 42501',
  'anon: direct DELETE on every table is refused');

-- Bob's writes aimed at Alice's rows, with real values: upserts through her ids included --------------
select pg_temp.act_as_service();
create function pg_temp.alice_rows() returns text
language sql stable
as $$
  select md5(concat_ws('|',
    (select string_agg(s::text, ',' order by s.id) from chat.sessions s where s.owner_id = pg_temp.id('alice')),
    (select string_agg(t::text, ',' order by t.id) from chat.operator_threads t where t.owner_id = pg_temp.id('alice')),
    (select string_agg(m::text, ',' order by m.id) from chat.messages m where m.owner_id = pg_temp.id('alice')),
    (select string_agg(o::text, ',') from chat.owner_state o where o.owner_id = pg_temp.id('alice'))))
$$;
create temp table alice_before as select pg_temp.alice_rows() as fingerprint;
grant select on alice_before to public;
select pg_temp.act_as('bob');
select '# bob: ' || pg_temp.session_in('b-own', 'active');
select is(t.got, t.expected, 'Bob: ' || t.label)
from (
  select label, expected, pg_temp.attempt(sql) as got
  from (values
    ('an upsert onto her session id cannot update it',
     format('insert into chat.sessions (id, kind, title) values (%L, ''general'', ''mine'') on conflict (id) do update set title = excluded.title',
       pg_temp.id('a-open')), '42501'),
    ('an upsert onto her session id that ignores duplicates writes nothing',
     format('insert into chat.sessions (id, kind, title) values (%L, ''general'', ''mine'') on conflict (id) do nothing',
       pg_temp.id('a-open')), '0 rows'),
    ('a message into her session is not found',
     format('insert into chat.messages (id, session_id, role, content) values (gen_random_uuid(), %L, ''broker'', ''hi'')',
       pg_temp.id('a-open')), 'PT404 not_found'),
    ('a message reusing her message id writes nothing',
     format('insert into chat.messages (id, session_id, role, content) values (%L, %L, ''broker'', ''hi'') on conflict (id) do nothing',
       pg_temp.id('a-msg'), pg_temp.id('b-own')), '0 rows'),
    ('a thread on her session is not found',
     format('insert into chat.operator_threads (id, session_id, operator_name) values (gen_random_uuid(), %L, ''Op'')',
       pg_temp.id('a-open')), 'PT404 not_found'),
    ('her thread''s read cursor and status are out of reach',
     format('update chat.operator_threads set last_read_seq = 1000, status = ''declined'' where id = %L', pg_temp.id('a-thread')),
     '0 rows')
  ) as c (label, sql, expected)
) t;
select pg_temp.act_as_service();
select is(pg_temp.alice_rows(), (select fingerprint from alice_before), 'every row of Alice''s is as before Bob''s attempts');

-- Real changes of the writable columns: refused unless an API call could make them ----------------
select pg_temp.act_as('alice');
create temp table before_refusals as
  select (select string_agg(s::text, ',' order by s.id) from chat.sessions s)
      || (select string_agg(t::text, ',' order by t.id) from chat.operator_threads t) as fingerprint;

-- The battery's reproductions.
select is(pg_temp.attempt(format('update chat.sessions set outcome = ''lost'' where id = %L', pg_temp.id('a-done'))),
  'PT400 validation', 'the outcome of a completed session cannot be rewritten in place');
select is(pg_temp.attempt(format('update chat.operator_threads set status = ''declined'' where id = %L', pg_temp.id('a-thread'))),
  '42501 forbidden', 'a broker cannot set an operator thread''s status');

select is(t.got, t.expected, 'table: ' || t.label)
from (
  select label, expected, pg_temp.attempt(format(sql, pg_temp.id(target))) as got
  from (values
    ('unarchiving cannot swap the outcome', 'a-shelf',
     'update chat.sessions set status = ''completed'', outcome = ''lost'' where id = %L', 'PT400 validation'),
    ('archiving cannot change the outcome', 'a-done',
     'update chat.sessions set status = ''archived'', outcome = ''cancelled'' where id = %L', 'PT400 validation'),
    ('reopening cannot leave another outcome behind', 'a-done',
     'update chat.sessions set status = ''active'', outcome = ''lost'' where id = %L', 'PT400 validation'),
    ('pausing again cannot move the resume time', 'a-nap',
     'update chat.sessions set status = ''paused'', resume_at = ''2031-06-01T09:00:00Z'' where id = %L', 'PT400 validation'),
    ('a paused session''s resume time cannot be rewritten', 'a-nap',
     'update chat.sessions set resume_at = ''2031-06-01T09:00:00Z'' where id = %L', 'PT400 validation'),
    ('nor cleared', 'a-nap', 'update chat.sessions set resume_at = null where id = %L', 'PT400 validation'),
    ('archiving cannot drop it', 'a-nap',
     'update chat.sessions set status = ''archived'', resume_at = null where id = %L', 'PT400 validation'),
    ('completed → paused is not a transition', 'a-done',
     'update chat.sessions set status = ''paused'' where id = %L', 'PT409 invalid_transition'),
    ('archived goes back only to the status before', 'a-shelf',
     'update chat.sessions set status = ''active'' where id = %L', 'PT409 invalid_transition'),
    ('completing records an outcome', 'a-open',
     'update chat.sessions set status = ''completed'' where id = %L', 'PT400 validation'),
    ('a session in the trash cannot be pinned', 'a-binned',
     'update chat.sessions set pinned = true where id = %L', 'PT409 in_trash'),
    ('nor edited', 'a-binned', 'update chat.sessions set title = ''x'' where id = %L', 'PT409 in_trash'),
    ('restoring does not let invalid legs through', 'a-binned',
     'update chat.sessions set deleted_at = null, legs = ''[{"from": "TEB", "to": "TEB"}]'' where id = %L', 'PT400 validation'),
    ('a thread can be closed only by the operator integration', 'a-thread',
     'update chat.operator_threads set status = ''closed'' where id = %L', '42501 forbidden'),
    ('a message cannot be edited', 'a-msg', 'update chat.messages set content = ''x'' where id = %L', '42501'),
    ('a broker cannot write an operator message', 'a-open',
     'insert into chat.messages (id, session_id, thread_id, role, content) select gen_random_uuid(), %L, '''
       || pg_temp.id('a-thread') || ''', ''operator'', ''forged quote''', '42501 forbidden'),
    ('a message holds more than white space', 'a-open',
     'insert into chat.messages (id, session_id, role, content) values (gen_random_uuid(), %L, ''broker'', E'' \n\t\u00a0\u3000'')',
     'PT400 validation'),
    ('nothing is appended to a session in the trash', 'a-binned',
     'insert into chat.messages (id, session_id, role, content) values (gen_random_uuid(), %L, ''broker'', ''hi'')',
     'PT409 in_trash'),
    ('a new session starts active', 'a-new',
     'insert into chat.sessions (id, kind, status) values (%L, ''general'', ''completed'')', '42501'),
    ('a thread opens without a status', 'a-open',
     'insert into chat.operator_threads (id, session_id, operator_name, status) values (gen_random_uuid(), %L, ''Op'', ''quoted'')',
     '42501')
  ) as c (label, target, sql, expected)
) t;

select is(
  (select string_agg(s::text, ',' order by s.id) from chat.sessions s)
    || (select string_agg(t::text, ',' order by t.id) from chat.operator_threads t),
  (select fingerprint from before_refusals), 'the refused direct writes changed nothing');

-- What the API allows, directly: the same result as the API call -----------------------------------
-- Each pair of sessions starts in the same state; one takes the direct write, its twin the API
-- call; both must end in the same shape.
create temp table twins (label text, from_state text, direct text, api text);
grant select on twins to public;
insert into twins values
  ('edit the request', 'active',
   'update chat.sessions set passengers = 4, stage = ''searching_aircraft'', legs = ''[{"from": "TEB", "to": "VNY", "date": "2031-01-05"}]'' where id = %L',
   'select chat.update_session(%L, ''{"passengers": 4, "stage": "searching_aircraft", "legs": [{"from": "TEB", "to": "VNY", "date": "2031-01-05"}]}'')'),
  ('pause with a resume time', 'active',
   'update chat.sessions set status = ''paused'', resume_at = ''2031-03-01T09:00:00Z'' where id = %L',
   'select chat.transition_session(%L, ''pause'', p_resume_at => ''2031-03-01T09:00:00Z'')'),
  ('resume', 'paused', 'update chat.sessions set status = ''active'' where id = %L',
   'select chat.transition_session(%L, ''resume'')'),
  ('complete with an outcome', 'paused', 'update chat.sessions set status = ''completed'', outcome = ''lost'' where id = %L',
   'select chat.transition_session(%L, ''complete'', ''lost'')'),
  ('reopen', 'completed', 'update chat.sessions set status = ''active'' where id = %L',
   'select chat.transition_session(%L, ''reopen'')'),
  ('archive', 'completed', 'update chat.sessions set status = ''archived'' where id = %L',
   'select chat.transition_session(%L, ''archive'')'),
  ('unarchive', 'archived:paused', 'update chat.sessions set status = ''paused'' where id = %L',
   'select chat.transition_session(%L, ''unarchive'')'),
  ('pin', 'active', 'update chat.sessions set pinned = true where id = %L', 'select chat.set_session_pinned(%L, true)'),
  ('trash', 'completed', 'update chat.sessions set deleted_at = now() where id = %L', 'select chat.delete_session(%L)'),
  ('restore', 'trashed', 'update chat.sessions set deleted_at = null where id = %L', 'select chat.restore_session(%L)'),
  ('write a message', 'active',
   'insert into chat.messages (id, session_id, role, content) values (gen_random_uuid(), %L, ''broker'', ''Any news?'')',
   'select chat.append_message(gen_random_uuid(), %L, ''Any news?'')'),
  ('open a thread', 'active',
   'insert into chat.operator_threads (id, session_id, operator_name) values (gen_random_uuid(), %L, ''NetJets'')',
   'select chat.open_operator_thread(gen_random_uuid(), %L, ''NetJets'')');

select is(r.direct_shape, r.api_shape, 'table = API: ' || r.label)
from (
  select w.label,
    (select pg_temp.attempt(format(w.direct, d.id)) || ' ' || pg_temp.shape(d.id)) as direct_shape,
    (select '1 row ' || pg_temp.shape(a.id) from (select pg_temp.attempt(format(w.api, a.id))) x) as api_shape
  from twins w,
  lateral (select pg_temp.session_in('direct:' || w.label, w.from_state) as id) d,
  lateral (select pg_temp.session_in('api:' || w.label, w.from_state) as id) a
  order by w.label
) r;

-- Reading a thread: the cursor only moves forward, never past the last message, and the unread
-- counts follow, as mark_thread_read does.
select is(pg_temp.attempt(format('update chat.operator_threads set last_read_seq = 1000 where id = %L', pg_temp.id('a-thread'))),
  '1 row', 'Alice marks her thread read directly ...');
select is((select (t.last_read_seq = t.last_seq, t.unread_count, s.unread_count)::text
           from chat.operator_threads t join chat.sessions s on s.id = t.session_id where t.id = pg_temp.id('a-thread')),
  '(t,0,0)', '... the cursor stops at the last message and both unread counts drop to 0');
select is(pg_temp.attempt(format('update chat.operator_threads set last_read_seq = 0 where id = %L', pg_temp.id('a-thread'))),
  '1 row', 'moving it back ...');
select is((select (t.last_read_seq = t.last_seq, t.unread_count)::text from chat.operator_threads t where t.id = pg_temp.id('a-thread')),
  '(t,0)', '... leaves it where it was');

-- Counters and the change feed after all of the above ------------------------------------------------
select pg_temp.act_as_service();
select is_empty($$
  select o.owner_id from chat.owner_state o,
  lateral (
    select count(*) filter (where s.deleted_at is null and s.status = 'active'),
           count(*) filter (where s.deleted_at is null and s.status = 'paused'),
           count(*) filter (where s.deleted_at is null and s.status = 'completed'),
           count(*) filter (where s.deleted_at is null and s.status = 'archived'),
           count(*) filter (where s.deleted_at is not null),
           coalesce(sum(s.unread_count) filter (where s.deleted_at is null), 0)
    from chat.sessions s where s.owner_id = o.owner_id) r (active, paused, completed, archived, trash, unread)
  where (o.active_count, o.paused_count, o.completed_count, o.archived_count, o.trash_count, o.unread_count)
    is distinct from (r.active, r.paused, r.completed, r.archived, r.trash, r.unread)
$$, 'tab counts and unread totals equal a recount');
select is_empty($$
  select s.id from chat.sessions s
  where (s.message_count, s.thread_count, s.unread_count, s.replied_thread_count) is distinct from (
    (select count(*) from chat.messages m where m.session_id = s.id and m.thread_id is null),
    (select count(*) from chat.operator_threads t where t.session_id = s.id),
    (select coalesce(sum(t.unread_count), 0) from chat.operator_threads t where t.session_id = s.id),
    (select count(*) from chat.operator_threads t where t.session_id = s.id and t.inbound_count > 0))
  union all
  select t.id from chat.operator_threads t
  where (t.message_count, t.inbound_count, t.unread_count) is distinct from (
    (select count(*) from chat.messages m where m.thread_id = t.id),
    (select count(*) from chat.messages m where m.thread_id = t.id and m.role = 'operator'),
    (select count(*) from chat.messages m where m.thread_id = t.id and m.role = 'operator' and m.seq > t.last_read_seq))
$$, 'session and thread counters equal a recount');
select is_empty($$
  select owner_id, v from (
    select owner_id, sync_version as v from chat.sessions
    union all select owner_id, sync_version from chat.operator_threads
    union all select owner_id, sync_version from chat.messages
    union all select owner_id, sync_version from chat.tombstones) x
  group by owner_id, v
  having count(*) > 1 or v > (select o.clock from chat.owner_state o where o.owner_id = x.owner_id)
$$, 'every change-feed version is unique per broker and within the clock');
select is_empty($$
  select s.owner_id, s.last_seq, max(m.seq), count(distinct m.seq), count(m.id) from chat.sessions s
  left join chat.messages m on m.session_id = s.id
  group by s.id having s.last_seq <> coalesce(max(m.seq), 0) or count(distinct m.seq) <> count(m.id)
$$, 'message seqs are unique per session and end at last_seq');

select * from finish();
rollback;
