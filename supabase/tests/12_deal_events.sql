-- Issue 11 (database side): event lines in the transcript for every stage and lifecycle change,
-- whatever path the write takes; completing as won closes the stage; broker messages by status
-- (paused resumes, completed and archived refuse with session_closed and write nothing); the
-- owner's "delete forever" of one trashed session; and the attention order's reason per row,
-- proven to agree with the order. As signed-in brokers, another broker's attempts included.
\ir helpers/setup.psql
select plan(54);

select pg_temp.add_brokers('alice', 'bob', 'carol');
select pg_temp.act_as('alice');

-- The event lines of a session, in transcript order.
create function pg_temp.events(p_label text) returns text[]
language sql stable
as $$
  select coalesce(array_agg(m.content order by m.seq), '{}') from chat.messages m
  where m.session_id = pg_temp.id(p_label) and m.content_type = 'event'
$$;

select '# deal: ' || title from chat.create_session(pg_temp.id('deal'), 'flight_request', 'Hartley family',
  p_legs => '[{"from": "LAX", "to": "TEB", "date": "2027-12-18"}]');
select '# deal: message ' || seq from chat.append_message(pg_temp.id('hello'), pg_temp.id('deal'), 'Six passengers, one dog');
create temp table deal_before as select * from chat.sessions where id = pg_temp.id('deal');

-- Stage changes, by RPC and by a direct table write --------------------------------------------
create temp table staged as select * from chat.update_session(pg_temp.id('deal'), '{"stage": "proposal_sent"}');
select is(pg_temp.events('deal'), array['Stage → Proposal sent'], 'a stage change leaves an event line');
select is((select rich_content from chat.messages where session_id = pg_temp.id('deal') and content_type = 'event'),
  '{"event": "stage_changed", "from": "understanding_request", "to": "proposal_sent"}'::jsonb,
  'with a machine-readable event {event, from, to}');
select is((select (role, thread_id)::text from chat.messages where session_id = pg_temp.id('deal') and content_type = 'event'),
  '(system,)', 'an event line is a system line of the main conversation');
select is((select (last_message_preview, last_activity_at = (select last_activity_at from deal_before), unread_count)::text
  from chat.sessions where id = pg_temp.id('deal')),
  '("Six passengers, one dog",t,0)', 'the preview, the activity time and unread stay as they were');
select is((select (message_count, last_seq, version)::text from chat.sessions where id = pg_temp.id('deal')),
  (select (2, 2, version)::text from staged), 'the line takes a seq and counts; the session version is the change''s alone');

select is(pg_temp.rows_affected($$update chat.sessions set stage = 'contract_sent' where id = pg_temp.id('deal')$$), 1::bigint,
  'a direct table write changes the stage');
select is(pg_temp.events('deal'), array['Stage → Proposal sent', 'Stage → Contract sent'], 'and leaves its line too');
select is((select count(*) from chat.sessions where id = pg_temp.id('deal') and version = (select version + 1 from staged)), 1::bigint,
  'one versioned change per write');

-- Lifecycle: pause, resume, complete as won (stage closed), reopen, archive, unarchive, trash, restore
select '# paused' from chat.transition_session(pg_temp.id('deal'), 'pause', p_resume_at => now() + interval '2 days');
select '# resumed' from chat.transition_session(pg_temp.id('deal'), 'resume');
create temp table won as select * from chat.transition_session(pg_temp.id('deal'), 'complete', 'won');
select is((select stage from won), 'closed_won', 'completing as won sets the stage to closed_won');
select '# reopened' from chat.transition_session(pg_temp.id('deal'), 'reopen');
select is((select stage from chat.sessions where id = pg_temp.id('deal')), 'closed_won', 'reopening keeps the stage');
select '# archived' from chat.transition_session(pg_temp.id('deal'), 'archive');
select '# unarchived' from chat.transition_session(pg_temp.id('deal'), 'unarchive');
select '# trashed' from chat.delete_session(pg_temp.id('deal'));
select '# restored' from chat.restore_session(pg_temp.id('deal'));
select is(pg_temp.events('deal'), array['Stage → Proposal sent', 'Stage → Contract sent', 'Paused', 'Resumed',
  'Completed · Won', 'Reopened', 'Archived', 'Unarchived', 'Moved to trash', 'Restored from trash'],
  'each lifecycle action leaves one line; completing as won says it once (no separate stage line)');
select is((select jsonb_agg(rich_content order by seq) from chat.messages
  where session_id = pg_temp.id('deal') and content_type = 'event' and seq > 4),
  '[{"event": "resumed", "from": "paused", "to": "active"},
    {"event": "completed", "from": "active", "to": "completed", "outcome": "won"},
    {"event": "reopened", "from": "completed", "to": "active"},
    {"event": "archived", "from": "active", "to": "archived"},
    {"event": "unarchived", "from": "archived", "to": "active"},
    {"event": "trashed"}, {"event": "restored"}]'::jsonb,
  'each line says what happened, machine-readably');
select is((select rich_content - 'resume_at' from chat.messages where session_id = pg_temp.id('deal') and content = 'Paused'),
  '{"event": "paused", "from": "active", "to": "paused"}'::jsonb, 'a pause line says so');
select ok((select (rich_content ->> 'resume_at')::timestamptz > now() from chat.messages
  where session_id = pg_temp.id('deal') and content = 'Paused'), 'and carries the resume time');

select '# lost deal: ' || title from chat.create_session(pg_temp.id('lost'), 'flight_request', 'Lost deal');
select is(pg_temp.rows_affected($$update chat.sessions set status = 'completed', outcome = 'lost' where id = pg_temp.id('lost')$$),
  1::bigint, 'completing by a direct table write works');
select is((select (stage, pg_temp.events('lost'))::text from chat.sessions where id = pg_temp.id('lost')),
  '(understanding_request,"{""Completed · Lost""}")', 'as lost: the stage stays, the line says Lost');

select '# closed by hand: ' || title from chat.create_session(pg_temp.id('by-hand'), 'flight_request', 'Closed by hand');
select '# staged' from chat.update_session(pg_temp.id('by-hand'), '{"stage": "closed_won"}');
select is(pg_temp.events('by-hand'), array['Stage → Closed won'],
  'setting the stage to closed_won by hand leaves its line (the status did not change)');

select '# chat: ' || title from chat.create_session(pg_temp.id('chat'), 'general', 'Catch-up');
select '# chat archived' from chat.transition_session(pg_temp.id('chat'), 'archive');
select is(pg_temp.events('chat'), array['Archived'], 'a general chat gets lifecycle lines (it has no stage)');

-- Only the database writes event lines
select is(pg_temp.error_of($$select chat.append_message(gen_random_uuid(), pg_temp.id('deal'), 'Stage → Closed won',
  'system', 'event', '{"event": "stage_changed"}')$$), '42501 forbidden', 'a broker cannot post an event line');
select is(pg_temp.error_of($$insert into chat.messages (session_id, role, content, content_type, rich_content)
  values (pg_temp.id('deal'), 'system', 'Completed · Won', 'event', '{"event": "completed"}')$$), '42501 forbidden',
  'nor insert one into the table');

-- The change feed carries the lines
select is((select count(*) from jsonb_array_elements(chat.changes_since(0) -> 'messages') as m
  where m ->> 'content_type' = 'event'), (select count(*) from chat.messages where content_type = 'event'),
  'the change feed carries every event line');
select is((select (chat.session_counts() ->> 'unread')::int), 0, 'event lines are never unread');

-- Broker messages by status -----------------------------------------------------------------
select '# sleeper: ' || title from chat.create_session(pg_temp.id('sleeper'), 'flight_request', 'Sleeper');
select '# sleeper paused' from chat.transition_session(pg_temp.id('sleeper'), 'pause', p_resume_at => now() + interval '1 day');
create temp table sleeper_msg as select * from chat.append_message(pg_temp.id('wake'), pg_temp.id('sleeper'), 'Client called back');
select is((select (status, resume_at)::text from chat.sessions where id = pg_temp.id('sleeper')), '(active,)',
  'a broker message resumes a paused session and clears its resume time');
select is((select array_agg(content order by seq) from chat.messages where session_id = pg_temp.id('sleeper')),
  array['Paused', 'Resumed', 'Client called back'], 'the Resumed line comes before the message');
select '# sleeper paused again' from chat.transition_session(pg_temp.id('sleeper'), 'pause');
select '# thread opened' from chat.open_operator_thread(pg_temp.id('sleeper-t'), pg_temp.id('sleeper'), 'VistaJet');
select is(pg_temp.rows_affected($$insert into chat.messages (session_id, thread_id, role, content)
  values (pg_temp.id('sleeper'), pg_temp.id('sleeper-t'), 'broker', 'Still available?')$$), 1::bigint,
  'a broker message into a thread, by a direct insert, is accepted');
select is((select status from chat.sessions where id = pg_temp.id('sleeper')), 'active', 'and resumes the session too');
select is((select seq from chat.append_message(pg_temp.id('wake'), pg_temp.id('sleeper'), 'Client called back')),
  (select seq from sleeper_msg), 'a retried message returns the saved one');

select '# done: ' || title from chat.create_session(pg_temp.id('done'), 'flight_request', 'Done deal');
select '# done: thread' from chat.open_operator_thread(pg_temp.id('done-t'), pg_temp.id('done'), 'Flexjet');
select '# done completed' from chat.transition_session(pg_temp.id('done'), 'complete', 'won');
create temp table done_before as select * from chat.sessions where id = pg_temp.id('done');
select is(pg_temp.error_of($$select chat.append_message(gen_random_uuid(), pg_temp.id('done'), 'One more thing')$$),
  'PT409 session_closed', 'a completed session refuses a broker message with session_closed');
select is(pg_temp.error_of($$insert into chat.messages (session_id, role, content) values (pg_temp.id('done'), 'broker', 'Direct')$$),
  'PT409 session_closed', 'also by a direct insert');
select is(pg_temp.error_of($$select chat.append_message(gen_random_uuid(), pg_temp.id('done'), 'To the operator',
  p_thread_id => pg_temp.id('done-t'))$$), 'PT409 session_closed', 'also into one of its operator threads');
select is((select (s.version, s.message_count, s.last_seq, s.status)::text from chat.sessions s where s.id = pg_temp.id('done')),
  (select (version, message_count, last_seq, status)::text from done_before), 'and nothing was written');
select is((select count(*) from chat.messages where session_id = pg_temp.id('done') and role = 'broker'), 0::bigint,
  'no broker message exists there');
select is((select role from chat.append_message(gen_random_uuid(), pg_temp.id('done'), 'Summary: won at USD 48,000', 'assistant')),
  'assistant', 'an assistant message is still accepted (an answer finishing after completion is not lost)');
select '# reopened' from chat.transition_session(pg_temp.id('done'), 'reopen');
select is((select content from chat.append_message(gen_random_uuid(), pg_temp.id('done'), 'Back on')), 'Back on',
  'after reopening, the broker writes again');
select '# done archived' from chat.transition_session(pg_temp.id('done'), 'archive');
select is(pg_temp.error_of($$select chat.append_message(gen_random_uuid(), pg_temp.id('done'), 'Archived?')$$),
  'PT409 session_closed', 'an archived session refuses a broker message');

select pg_temp.act_as_service();
select '# operator replied: ' || seq from chat.record_operator_message(gen_random_uuid(), pg_temp.id('done'), 'Late quote',
  pg_temp.id('done-t'));
select pg_temp.act_as('alice');
select is((select status from chat.sessions where id = pg_temp.id('done')), 'archived',
  'an operator reply is still recorded on an archived session, which stays archived');

-- Another broker cannot message Alice's sessions
select pg_temp.act_as('bob');
select is(pg_temp.error_of($$select chat.append_message(gen_random_uuid(), pg_temp.id('sleeper'), 'Hi from Bob')$$),
  'PT404 not_found', 'Bob cannot message Alice''s session');
select is(pg_temp.error_of($$insert into chat.messages (session_id, role, content) values (pg_temp.id('sleeper'), 'broker', 'Hi')$$),
  'PT404 not_found', 'nor insert into it');
select pg_temp.act_as('alice');

-- Delete forever --------------------------------------------------------------------------
select '# bin: ' || title from chat.create_session(pg_temp.id('bin'), 'flight_request', 'To delete');
select '# bin: message ' || seq from chat.append_message(pg_temp.id('bin-m'), pg_temp.id('bin'), 'Gone soon');
select '# bin: thread' from chat.open_operator_thread(pg_temp.id('bin-t'), pg_temp.id('bin'), 'NetJets');
select is(pg_temp.error_of($$select chat.purge_session(pg_temp.id('bin'))$$), 'PT409 invalid_transition',
  'a session not in the trash cannot be deleted forever');
select '# bin trashed' from chat.delete_session(pg_temp.id('bin'));
create temp table counts_before as select chat.session_counts() as c;

select pg_temp.act_as('bob');
select is(pg_temp.error_of($$select chat.purge_session(pg_temp.id('bin'))$$), 'PT404 not_found',
  'Bob cannot delete Alice''s trashed session');
select is(pg_temp.error_of($$insert into chat_private.purge_requests (session_id) values (pg_temp.id('bin'))$$), 'PT404 not_found',
  'not even through the request table');
select pg_temp.act_as_anon();
select is(pg_temp.error_of($$select chat.purge_session(pg_temp.id('bin'))$$), '42501', 'anon may not call it');
select pg_temp.act_as('alice');
select is((select count(*) from chat.sessions where id = pg_temp.id('bin')), 1::bigint, 'the session is still there');

create temp table purged as select chat.purge_session(pg_temp.id('bin')) as r;
select is((select r ->> 'id' from purged), pg_temp.id('bin')::text, 'Alice deletes her trashed session forever');
select is((select count(*) from chat.sessions where id = pg_temp.id('bin'))
  + (select count(*) from chat.messages where session_id = pg_temp.id('bin'))
  + (select count(*) from chat.operator_threads where session_id = pg_temp.id('bin')), 0::bigint,
  'with its messages and threads');
select is((select (r ->> 'version')::bigint from purged), (select clock from chat.owner_state),
  'it answers the change-feed position of the purge');
select is((select chat.changes_since((select (r ->> 'version')::bigint - 1 from purged)) -> 'deleted' from purged),
  jsonb_build_array(jsonb_build_object('entity', 'session', 'id', pg_temp.id('bin'))), 'tombstoned in the change feed');
select is((select (chat.session_counts() ->> 'trash')::int), (select (c ->> 'trash')::int - 1 from counts_before),
  'the trash count drops by one');
select is(pg_temp.error_of($$select chat.purge_session(pg_temp.id('bin'))$$), 'PT404 not_found', 'a second purge finds nothing');

-- Attention reasons ------------------------------------------------------------------------
select pg_temp.act_as('carol');
select '# plain' from chat.create_session(pg_temp.id('plain'), 'general', 'Plain');
select '# soon' from chat.create_session(pg_temp.id('soon'), 'flight_request', 'Soon', p_legs => jsonb_build_array(
  jsonb_build_object('from', 'EGLF', 'to', 'LSGG', 'date', to_char(now() at time zone 'utc' + interval '1 day', 'YYYY-MM-DD'))));
select '# due' from chat.create_session(pg_temp.id('due'), 'general', 'Due');
select '# due paused' from chat.transition_session(pg_temp.id('due'), 'pause', p_resume_at => now() - interval '1 hour');
select '# replied' from chat.create_session(pg_temp.id('replied'), 'general', 'Replied');
select '# replied: thread' from chat.open_operator_thread(pg_temp.id('replied-t'), pg_temp.id('replied'), 'Jetcraft');
select pg_temp.act_as_service();
select '# operator: ' || seq from chat.record_operator_message(gen_random_uuid(), pg_temp.id('replied'), 'Quote 1', pg_temp.id('replied-t'));
select '# operator: ' || seq from chat.record_operator_message(gen_random_uuid(), pg_temp.id('replied'), 'Quote 2', pg_temp.id('replied-t'));
select pg_temp.act_as('carol');

create temp table attention as
select e as row, i as pos from jsonb_array_elements(chat.list_sessions('active', 'attention')::jsonb -> 'items') with ordinality as x (e, i);
select is((select jsonb_agg(jsonb_build_object('title', row ->> 'title', 'reason', row -> 'attention_reason') order by pos) from attention),
  jsonb_build_array(
    jsonb_build_object('title', 'Replied', 'reason', '{"kind": "unread", "count": 2}'::jsonb),
    jsonb_build_object('title', 'Soon', 'reason', jsonb_build_object('kind', 'departs_soon', 'days', 1,
      'departs_on', to_char(now() at time zone 'utc' + interval '1 day', 'YYYY-MM-DD'))),
    jsonb_build_object('title', 'Due', 'reason', jsonb_build_object('kind', 'resume_due',
      'resume_at', (select to_jsonb(resume_at) from chat.sessions where id = pg_temp.id('due')))),
    jsonb_build_object('title', 'Plain', 'reason', 'null'::jsonb)),
  'each row of the attention order says why it is there: 2 new replies, departs tomorrow, resume due, nothing');
-- Order and reason agree: the reasons never go back to an earlier bucket, and each row's facts
-- are exactly those of its reason.
select is_empty($$
  select a.pos from attention a join attention b on b.pos = a.pos + 1
  where coalesce(array_position(array['unread', 'departs_soon', 'resume_due'], b.row -> 'attention_reason' ->> 'kind'), 4)
      < coalesce(array_position(array['unread', 'departs_soon', 'resume_due'], a.row -> 'attention_reason' ->> 'kind'), 4)
$$, 'the reasons follow the order''s buckets (never back to an earlier one)');
select is_empty($$
  select a.pos from attention a join chat.sessions s on s.id = (a.row ->> 'id')::uuid
  where case a.row -> 'attention_reason' ->> 'kind'
    when 'unread' then not (s.unread_count > 0 and (a.row -> 'attention_reason' ->> 'count')::int = s.unread_count)
    when 'departs_soon' then not (s.unread_count = 0
      and s.departs_on - (now() at time zone 'utc')::date = (a.row -> 'attention_reason' ->> 'days')::int
      and s.departs_on - (now() at time zone 'utc')::date between 0 and 2)
    when 'resume_due' then not (s.unread_count = 0 and s.status = 'paused' and s.resume_at <= now()
      and not coalesce(s.departs_on - (now() at time zone 'utc')::date between 0 and 2, false))
    else not (s.unread_count = 0 and not coalesce(s.departs_on - (now() at time zone 'utc')::date between 0 and 2, false)
      and not (s.status = 'paused' and coalesce(s.resume_at <= now(), false)))
  end
$$, 'each row''s facts are exactly those of its reason');

create temp table attention_walk (row jsonb, pos int);
do $$
declare
  v_cursor jsonb;
  v_page jsonb;
  v_n int := 0;
begin
  loop
    v_page := chat.list_sessions('active', 'attention', null, v_cursor, 1)::jsonb;
    insert into attention_walk select e, v_n from jsonb_array_elements(v_page -> 'items') as e;
    v_n := v_n + 1;
    v_cursor := v_page -> 'next_cursor';
    exit when v_cursor is null or jsonb_typeof(v_cursor) = 'null' or v_n > 10;
  end loop;
end;
$$;
select is((select jsonb_agg(row -> 'attention_reason' order by pos) from attention_walk),
  (select jsonb_agg(row -> 'attention_reason' order by pos) from attention),
  'pages of one carry the same reasons as the single page');
select is((select count(*) from jsonb_array_elements(chat.list_sessions('active', 'recent')::jsonb -> 'items') as e
  where e ? 'attention_reason'), 0::bigint, 'the recent order carries no attention reason');

select * from finish();
rollback;
