-- Messages and operator threads: seq assigned by the database and strictly increasing, keyset
-- pages before/after a seq, idempotent retries, threads opened and fed by the operator
-- integration (service role), the read cursor moving forward only, and messages never changed.
\ir helpers/setup.psql
select plan(57);

select pg_temp.add_brokers('alice');
select pg_temp.act_as('alice');
select '# session ' || id from chat.create_session(pg_temp.id('trip'), 'flight_request', 'LTN to NCE');

-- Main conversation ----------------------------------------------------------------------------
create temp table first_message as
select * from chat.append_message(pg_temp.id('m1'), pg_temp.id('trip'), '  Need a  light jet
for 4  ');
select is((select (seq, role, content_type, owner_id = pg_temp.id('alice'))::text from first_message), '(1,broker,text,t)',
  'the first message gets seq 1, role broker, the caller as owner');
select is((select (message_count, last_seq, last_message_preview)::text from chat.sessions where id = pg_temp.id('trip')),
  '(1,1,"Need a light jet for 4")', 'the session counts it and previews it on one line');

select is((select (id, seq, created_at)::text from chat.append_message(pg_temp.id('m1'), pg_temp.id('trip'), '  Need a  light jet
for 4  ')), (select (id, seq, created_at)::text from first_message), 'retrying an append returns the saved message');
select is((select count(*) from chat.messages where id = pg_temp.id('m1')), 1::bigint, 'the retry created no second row');
select is((select (message_count, last_seq)::text from chat.sessions where id = pg_temp.id('trip')), '(1,1)',
  'and counted nothing twice');
select is(pg_temp.error_of(format('select chat.append_message(%L, %L, ''different text'')', pg_temp.id('m1'), pg_temp.id('trip'))),
  'PT409 conflict', 'reusing a message id for other content is a conflict');

select is((select (role, content_type, rich_content ->> 'kind')::text
           from chat.append_message(pg_temp.id('m2'), pg_temp.id('trip'), '**Options** ready', 'assistant', 'markdown',
             '{"kind": "options", "count": 3}')),
  '(assistant,markdown,options)', 'an assistant message with rich content is stored');

-- 23 more main messages: 25 in all, seqs 1..25.
select '# main messages: ' || count(*) from generate_series(3, 25) as n,
  lateral chat.append_message(pg_temp.id('m' || n), pg_temp.id('trip'), 'Message ' || n) as m;
select is((select array_agg(seq order by seq) from chat.messages where session_id = pg_temp.id('trip')),
  (select array_agg(n::bigint) from generate_series(1, 25) as n), 'seqs run 1..25 without gaps or repeats');

-- Pages ----------------------------------------------------------------------------------------
create function pg_temp.seqs(p_page jsonb) returns bigint[]
language sql immutable
as $$ select coalesce(array_agg((e ->> 'seq')::bigint order by i), '{}') from jsonb_array_elements(p_page -> 'items') with ordinality as x (e, i) $$;

select is(pg_temp.seqs(chat.list_messages(pg_temp.id('trip'), p_limit => 10)), array[16,17,18,19,20,21,22,23,24,25]::bigint[],
  'without bounds: the newest page, in ascending seq');
select is((chat.list_messages(pg_temp.id('trip'), p_limit => 10) ->> 'has_more')::boolean, true, 'with more before it');
select is(pg_temp.seqs(chat.list_messages(pg_temp.id('trip'), p_before_seq => 16, p_limit => 10)),
  array[6,7,8,9,10,11,12,13,14,15]::bigint[], 'before 16: the ten before');
select is(pg_temp.seqs(chat.list_messages(pg_temp.id('trip'), p_before_seq => 6, p_limit => 10)), array[1,2,3,4,5]::bigint[],
  'before 6: the first five');
select is((chat.list_messages(pg_temp.id('trip'), p_before_seq => 6, p_limit => 10) ->> 'has_more')::boolean, false,
  'and nothing more before them');
select is(pg_temp.seqs(chat.list_messages(pg_temp.id('trip'), p_after_seq => 20, p_limit => 3)), array[21,22,23]::bigint[],
  'after 20: the next three');
select is((chat.list_messages(pg_temp.id('trip'), p_after_seq => 20, p_limit => 3) ->> 'has_more')::boolean, true,
  'with more after them');
select is(pg_temp.seqs(chat.list_messages(pg_temp.id('trip'), p_after_seq => 23, p_limit => 3)), array[24,25]::bigint[],
  'after 23: the last two');
select is((chat.list_messages(pg_temp.id('trip'), p_after_seq => 25) -> 'items'), '[]'::jsonb, 'after the last: nothing');

create temp table paged_back (seq bigint);
do $$
declare
  v_page jsonb;
  v_before bigint;
  v_n int := 0;
begin
  loop
    v_n := v_n + 1;
    v_page := chat.list_messages(pg_temp.id('trip'), p_before_seq => v_before, p_limit => 7);
    insert into paged_back select (e ->> 'seq')::bigint from jsonb_array_elements(v_page -> 'items') as e;
    v_before := (v_page -> 'items' -> 0 ->> 'seq')::bigint;
    exit when not (v_page ->> 'has_more')::boolean or v_n > 10;
  end loop;
end;
$$;
select is((select array_agg(seq order by seq) from paged_back), (select array_agg(n::bigint) from generate_series(1, 25) as n),
  'paging back 7 at a time returns every message exactly once');

select is(pg_temp.error_of(format('select chat.list_messages(%L, p_before_seq => 5, p_after_seq => 2)', pg_temp.id('trip'))),
  'PT400 validation', 'paging before and after at once is refused');

-- Operator threads ---------------------------------------------------------------------------
create temp table opened as
select * from chat.open_operator_thread(pg_temp.id('t-vista'), pg_temp.id('trip'), '  VistaJet ', 'vj-77');
select is((select (operator_name, status, owner_id = pg_temp.id('alice'), last_read_seq, unread_count)::text from opened),
  '(VistaJet,open,t,0,0)', 'a broker opens a thread: trimmed name, open, theirs, nothing unread');
select is((select (id, created_at)::text from chat.open_operator_thread(pg_temp.id('t-vista'), pg_temp.id('trip'), 'VistaJet', 'vj-77')),
  (select (id, created_at)::text from opened), 'opening again with the same id returns the same thread');
select is((select id from chat.open_operator_thread(gen_random_uuid(), pg_temp.id('trip'), 'VistaJet', 'vj-77')),
  pg_temp.id('t-vista'), 'opening again with the same operator reference returns the same thread');
select is((select (thread_count, replied_thread_count)::text from chat.sessions where id = pg_temp.id('trip')), '(1,0)',
  'the session counts one thread, none replied');

create temp table broker_in_thread as
select * from chat.append_message(pg_temp.id('tb1'), pg_temp.id('trip'), 'Quote for 4 pax LTN-NCE?', p_thread_id => pg_temp.id('t-vista'));
select is((select seq from broker_in_thread), 26::bigint, 'thread messages share the session''s seq sequence');
select is((select (message_count, inbound_count, unread_count, last_seq, last_message_preview)::text
           from chat.operator_threads where id = pg_temp.id('t-vista')),
  '(1,0,0,26,"Quote for 4 pax LTN-NCE?")', 'the broker''s own thread message counts but is not unread');
select is((select (message_count, last_message_preview)::text from chat.sessions where id = pg_temp.id('trip')),
  '(25,"Message 25")', 'thread messages do not count in, nor preview, the main conversation');
select is(pg_temp.seqs(chat.list_messages(pg_temp.id('trip'), p_thread_id => pg_temp.id('t-vista'))), array[26]::bigint[],
  'a thread page holds only the thread''s messages');
select is(pg_temp.seqs(chat.list_messages(pg_temp.id('trip'), p_after_seq => 24)), array[25]::bigint[],
  'the main page leaves thread messages out');

select is(pg_temp.error_of(format('select chat.append_message(gen_random_uuid(), %L, ''I am the operator'', ''operator'', p_thread_id => %L)',
    pg_temp.id('trip'), pg_temp.id('t-vista'))),
  '42501 forbidden', 'a broker cannot write as the operator');
select is(pg_temp.error_of(format('select chat.record_operator_message(gen_random_uuid(), %L, ''x'', %L)',
    pg_temp.id('trip'), pg_temp.id('t-vista'))),
  '42501', 'a broker cannot call the operator integration');
select is(pg_temp.error_of(format('select chat.append_message(gen_random_uuid(), %L, ''hi'', ''assistant'', p_thread_id => %L)',
    pg_temp.id('trip'), pg_temp.id('t-vista'))),
  'PT400 validation', 'a thread holds broker and operator messages only');
select '# second session ' || id from chat.create_session(pg_temp.id('other trip'), 'general');
select is(pg_temp.error_of(format('select chat.append_message(gen_random_uuid(), %L, ''hi'', p_thread_id => %L)',
    pg_temp.id('other trip'), pg_temp.id('t-vista'))),
  'PT400 validation', 'a message cannot go into a thread of another session');
select is(pg_temp.error_of(format('select chat.list_messages(%L, %L)', pg_temp.id('other trip'), pg_temp.id('t-vista'))),
  'PT404 not_found', 'a thread is paged only within its own session');

-- The operator integration (service role) ------------------------------------------------------
select pg_temp.act_as_service();
create temp table reply as
select * from chat.record_operator_message(pg_temp.id('op1'), pg_temp.id('trip'), 'Citation XLS, EUR 14,500',
  p_thread_id => pg_temp.id('t-vista'));
select is((select (seq, role, thread_id = pg_temp.id('t-vista'), owner_id = pg_temp.id('alice'))::text from reply),
  '(27,operator,t,t)', 'an inbound operator message lands in the thread, owned by the session''s broker');
select is((select seq from chat.record_operator_message(pg_temp.id('op1'), pg_temp.id('trip'), 'Citation XLS, EUR 14,500',
  p_thread_id => pg_temp.id('t-vista'))), 27::bigint, 'a redelivered webhook returns the saved message');
select '# two more replies: ' || count(*) from generate_series(2, 3) as n,
  lateral chat.record_operator_message(pg_temp.id('op' || n), pg_temp.id('trip'), 'Update ' || n, p_thread_id => pg_temp.id('t-vista')) as m;
select is((select count(*) from chat.messages where thread_id = pg_temp.id('t-vista') and role = 'operator'), 3::bigint,
  'three inbound messages, the retry included once');

create temp table new_thread_reply as
select * from chat.record_operator_message(pg_temp.id('lux1'), pg_temp.id('trip'), 'Phenom 300 available',
  p_operator_name => 'Luxaviation', p_thread_external_ref => 'lux-9');
select is((select operator_name from chat.operator_threads where id = (select thread_id from new_thread_reply)), 'Luxaviation',
  'a reply naming an unknown operator reference opens its thread');
select is((select thread_id from chat.record_operator_message(pg_temp.id('lux2'), pg_temp.id('trip'), 'Still available',
  p_thread_external_ref => 'lux-9')), (select thread_id from new_thread_reply),
  'the next reply with that reference goes to the same thread');
select is(pg_temp.error_of(format('select chat.record_operator_message(gen_random_uuid(), %L, ''x'', p_thread_external_ref => ''nobody'')',
    pg_temp.id('trip'))),
  'PT404 not_found', 'a reply for an unknown thread without an operator name is not_found');
select is(pg_temp.error_of(format('select chat.append_message(gen_random_uuid(), %L, ''x'', ''operator'')', pg_temp.id('trip'))),
  'PT400 validation', 'operator messages belong to a thread, not the main conversation');
select is(pg_temp.error_of(format('update chat.messages set content = ''edited'' where id = %L', pg_temp.id('op1'))),
  '42501 forbidden', 'messages are never changed, even by the service role');
select is(pg_temp.error_of(format('delete from chat.messages where id = %L', pg_temp.id('op1'))),
  '42501 forbidden', 'messages are not deleted one by one, even by the service role');
select is(pg_temp.error_of(format('delete from chat.operator_threads where id = %L', pg_temp.id('t-vista'))),
  '42501 forbidden', 'threads are not deleted one by one, even by the service role');
select pg_temp.act_as('alice');

-- Unread counts and the read cursor -----------------------------------------------------------
select is((select (message_count, inbound_count, unread_count, last_seq, last_read_seq)::text
           from chat.operator_threads where id = pg_temp.id('t-vista')),
  '(4,3,3,29,0)', 'the thread counts three unread replies');
select is((select (unread_count, thread_count, replied_thread_count)::text from chat.sessions where id = pg_temp.id('trip')),
  '(5,2,2)', 'the session sums its threads'' unread replies and counts replied threads');
select is((chat.session_counts() ->> 'unread')::int, 5, 'the broker''s total unread follows');
select is((select array_agg(operator_name order by operator_name) from chat.list_operator_threads(pg_temp.id('trip'))),
  array['Luxaviation', 'VistaJet'], 'list_operator_threads returns the session''s threads');

create temp table read_once as select * from chat.mark_thread_read(pg_temp.id('t-vista'), 27);
select is((select (last_read_seq, unread_count)::text from read_once), '(27,2)', 'reading up to seq 27 leaves two unread');
select is((select (last_read_seq, unread_count, sync_version)::text from chat.mark_thread_read(pg_temp.id('t-vista'), 27)),
  (select (last_read_seq, unread_count, sync_version)::text from read_once), 'marking the same seq again changes nothing');
select is((select (last_read_seq, unread_count)::text from chat.mark_thread_read(pg_temp.id('t-vista'), 5)), '(27,2)',
  'the read cursor never moves back');
select is(pg_temp.rows_affected(format('update chat.operator_threads set last_read_seq = 1 where id = %L', pg_temp.id('t-vista'))),
  1::bigint, 'a direct write of an older cursor is accepted ...');
select is((select last_read_seq from chat.operator_threads where id = pg_temp.id('t-vista')), 27::bigint, '... and ignored');
select is((select (last_read_seq, unread_count)::text from chat.mark_thread_read(pg_temp.id('t-vista'), 1000)), '(29,0)',
  'reading past the end stops at the thread''s last message');
select is((select (unread_count)::text from chat.sessions where id = pg_temp.id('trip')), '2',
  'the session''s unread count follows the thread');
select is((select unread_count from chat.mark_session_read(pg_temp.id('trip'))), 0,
  'mark_session_read returns the session with nothing unread');
select is((select array_agg(unread_count || '/' || (last_read_seq = last_seq)) from chat.operator_threads
           where session_id = pg_temp.id('trip')),
  array['0/true', '0/true'], 'every thread of the session is read to its last message');
select is((chat.session_counts() ->> 'unread')::int, 0, 'and the broker has nothing unread');

select * from finish();
rollback;
