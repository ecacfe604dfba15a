-- The shape of schema `chat` and who may touch what: row-level security on every table,
-- column-level grants, SECURITY INVOKER functions with the right volatility, EXECUTE for the
-- API roles only, and nothing at all for anon.
\ir helpers/setup.psql
select plan(31);

select has_schema('chat', 'schema chat exists');
select tables_are('chat', array['sessions', 'operator_threads', 'messages', 'owner_state', 'tombstones'],
  'chat holds exactly the five tables');

select is_empty($$
  select c.relname from pg_class c
  where c.relnamespace in ('chat'::regnamespace, 'chat_private'::regnamespace)
    and c.relkind in ('r', 'p') and not c.relrowsecurity
$$, 'row-level security is enabled on every table');

select is_empty($$
  select c.relname from pg_class c
  where c.relnamespace = 'chat'::regnamespace and c.relkind in ('r', 'p') and c.relforcerowsecurity
$$, 'no table forces RLS on its owner (the bookkeeping triggers run as the owner)');

-- Functions: SECURITY INVOKER, reads STABLE and writes VOLATILE.
select is_empty($$
  select p.proname from pg_proc p where p.pronamespace = 'chat'::regnamespace and p.prosecdef
$$, 'every API function runs as the caller (SECURITY INVOKER), so RLS applies');

select set_eq($$
  select p.proname::text from pg_proc p where p.pronamespace = 'chat'::regnamespace and p.provolatile = 's'
$$, array['get_session', 'list_sessions', 'session_counts', 'search_counts', 'list_messages',
          'list_operator_threads', 'changes_since'],
  'exactly the read functions are STABLE');

select set_eq($$
  select p.proname::text from pg_proc p where p.pronamespace = 'chat'::regnamespace and p.provolatile = 'v'
$$, array['create_session', 'update_session', 'transition_session', 'set_session_pinned',
          'delete_session', 'restore_session', 'append_message', 'open_operator_thread',
          'record_operator_message', 'mark_thread_read', 'mark_session_read', 'purge_trash', 'purge_session'],
  'exactly the write functions are VOLATILE');

-- EXECUTE: authenticated gets the broker API, the service role everything, anon and PUBLIC nothing.
select set_eq($$
  select p.proname::text from pg_proc p
  where p.pronamespace = 'chat'::regnamespace and has_function_privilege('authenticated', p.oid, 'execute')
$$, array['create_session', 'update_session', 'transition_session', 'set_session_pinned',
          'delete_session', 'restore_session', 'get_session', 'list_sessions', 'session_counts',
          'search_counts', 'append_message', 'list_messages', 'list_operator_threads', 'open_operator_thread',
          'mark_thread_read', 'mark_session_read', 'changes_since', 'purge_session'],
  'authenticated may execute the broker API, not record_operator_message nor purge_trash');

select is_empty($$
  select p.proname from pg_proc p
  where p.pronamespace = 'chat'::regnamespace and not has_function_privilege('service_role', p.oid, 'execute')
$$, 'the service role may execute every API function');

select is_empty($$
  select p.proname from pg_proc p
  where p.pronamespace in ('chat'::regnamespace, 'chat_private'::regnamespace)
    and has_function_privilege('anon', p.oid, 'execute')
$$, 'anon may execute no function of chat or chat_private');

select is_empty($$
  select p.proname from pg_proc p, aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
  where p.pronamespace in ('chat'::regnamespace, 'chat_private'::regnamespace)
    and a.grantee = 0 and a.privilege_type = 'EXECUTE'
$$, 'PUBLIC has EXECUTE on no function of chat or chat_private');

-- Except the search's index lookups (20261203000300_search_indexes.sql, and the counts' one pass
-- of 20261203001100_search_speed.sql): RLS keeps PostgreSQL
-- from using a trigram index (`like` is not leakproof), so they read as the owner, restricted
-- to the caller's auth.uid() (15_search_indexes.sql proves they never return another
-- broker's rows).
select set_eq($$
  select p.proname::text from pg_proc p
  where p.pronamespace = 'chat_private'::regnamespace and p.prosecdef
    and (has_function_privilege('authenticated', p.oid, 'execute')
         or has_function_privilege('service_role', p.oid, 'execute'))
$$, array['search_session_ids', 'search_message_session_ids', 'search_message_estimate', 'search_session_buckets',
  'search_session_fraction', 'search_rarest_word'],
  'no SECURITY DEFINER helper (tick, bookkeeping) is callable by an API role but the search''s index lookups');

select ok(not has_schema_privilege('anon', 'chat', 'usage') and not has_schema_privilege('anon', 'chat_private', 'usage'),
  'anon has no usage on chat nor chat_private');

select ok(has_schema_privilege('authenticated', 'chat', 'usage') and not has_schema_privilege('authenticated', 'chat', 'create')
  and not has_schema_privilege('authenticated', 'chat_private', 'create'),
  'authenticated may use chat but create nothing in it');

-- Tables: anon nothing; authenticated reads, and writes only the columns a broker owns.
select is_empty($$
  select c.relname, p.privilege from pg_class c,
    unnest(array['select', 'insert', 'update', 'delete', 'truncate', 'references', 'trigger']) as p (privilege)
  where c.relnamespace = 'chat'::regnamespace and c.relkind = 'r'
    and has_table_privilege('anon', c.oid, p.privilege)
$$, 'anon has no privilege on any table');

select is_empty($$
  select c.relname, a.attname from pg_class c join pg_attribute a on a.attrelid = c.oid
  where c.relnamespace = 'chat'::regnamespace and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
    and has_column_privilege('anon', c.oid, a.attnum, 'select')
$$, 'anon can read no column of any table');

select is_empty($$
  select c.relname from pg_class c
  where c.relnamespace = 'chat'::regnamespace and c.relkind = 'r'
    and (has_table_privilege('authenticated', c.oid, 'delete') or has_table_privilege('authenticated', c.oid, 'truncate'))
$$, 'authenticated may delete from no table (trash and purge go through the API)');

select set_eq($$
  select a.attname::text from pg_attribute a
  where a.attrelid = 'chat.sessions'::regclass and a.attnum > 0 and not a.attisdropped
    and has_column_privilege('authenticated', 'chat.sessions'::regclass, a.attnum, 'insert')
$$, array['id', 'kind', 'title', 'trip_type', 'legs', 'passengers', 'stage', 'pinned', 'metadata', 'external_ref'],
  'authenticated inserts sessions with the broker''s fields only (no owner, status, counters, versions, timestamps)');

select set_eq($$
  select a.attname::text from pg_attribute a
  where a.attrelid = 'chat.sessions'::regclass and a.attnum > 0 and not a.attisdropped
    and has_column_privilege('authenticated', 'chat.sessions'::regclass, a.attnum, 'update')
$$, array['title', 'trip_type', 'legs', 'passengers', 'stage', 'status', 'outcome', 'pinned', 'resume_at',
          'metadata', 'external_ref', 'deleted_at'],
  'authenticated updates sessions'' broker fields only');

select set_eq($$
  select a.attname::text from pg_attribute a
  where a.attrelid = 'chat.operator_threads'::regclass and a.attnum > 0 and not a.attisdropped
    and has_column_privilege('authenticated', 'chat.operator_threads'::regclass, a.attnum, 'insert')
$$, array['id', 'session_id', 'operator_name', 'external_ref'],
  'authenticated inserts threads without owner, counters or read cursor');

select set_eq($$
  select a.attname::text from pg_attribute a
  where a.attrelid = 'chat.operator_threads'::regclass and a.attnum > 0 and not a.attisdropped
    and has_column_privilege('authenticated', 'chat.operator_threads'::regclass, a.attnum, 'update')
$$, array['status', 'last_read_seq'],
  'authenticated updates a thread''s status and read cursor only');

select set_eq($$
  select a.attname::text from pg_attribute a
  where a.attrelid = 'chat.messages'::regclass and a.attnum > 0 and not a.attisdropped
    and has_column_privilege('authenticated', 'chat.messages'::regclass, a.attnum, 'insert')
$$, array['id', 'session_id', 'thread_id', 'role', 'content', 'content_type', 'rich_content'],
  'authenticated inserts messages without owner, seq, version or time');

select is_empty($$
  select a.attname from pg_attribute a
  where a.attrelid = 'chat.messages'::regclass and a.attnum > 0 and not a.attisdropped
    and has_column_privilege('authenticated', 'chat.messages'::regclass, a.attnum, 'update')
$$, 'authenticated can update no column of a message');

select is_empty($$
  select c.relname, p.privilege from pg_class c, unnest(array['insert', 'update', 'delete']) as p (privilege)
  where c.oid in ('chat.owner_state'::regclass, 'chat.tombstones'::regclass)
    and has_table_privilege('authenticated', c.oid, p.privilege)
$$, 'authenticated cannot write owner_state nor tombstones');

-- Every index behind a broker's list, page or feed leads with the owner column (the RLS column);
-- the only exceptions are primary keys, the cross-owner purge index and a per-session unique key.
select set_eq($$
  select i.indexrelid::regclass::text from pg_index i
  join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
  where i.indrelid in ('chat.sessions'::regclass, 'chat.operator_threads'::regclass, 'chat.messages'::regclass)
    and a.attname <> 'owner_id'
$$, array['chat.sessions_pkey', 'chat.operator_threads_pkey', 'chat.messages_pkey', 'chat.sessions_purge_idx',
          'chat.operator_threads_external_ref_unique'],
  'every other index on sessions, threads and messages leads with owner_id');

-- As anon, for real: nothing answers.
select pg_temp.act_as_anon();
select is(pg_temp.error_of('select chat.session_counts()'), '42501', 'anon calling session_counts is refused');
select is(pg_temp.error_of($$select chat.create_session(gen_random_uuid(), 'general')$$), '42501',
  'anon calling create_session is refused');
select is_empty($$
  select p.proname from pg_proc p
  where p.pronamespace = 'chat'::regnamespace
    and pg_temp.error_of(format('select chat.%I(%s)', p.proname,
          array_to_string(array_fill('null'::text, array[p.pronargs]), ', '))) <> '42501'
$$, 'anon gets 42501 from every API function');
select is_empty($$
  select c.relname from pg_class c
  where c.relnamespace = 'chat'::regnamespace and c.relkind = 'r'
    and pg_temp.error_of(format('select * from chat.%I', c.relname)) <> '42501'
$$, 'anon gets 42501 reading any table');
select is(pg_temp.error_of('select chat_private.preview(''x'')'), '42501', 'anon cannot reach chat_private either');

select pg_temp.act_as_service();
select is(pg_temp.error_of('select chat.session_counts()'), '42501 unauthenticated',
  'the service role without a user gets unauthenticated from a broker read');

select * from finish();
rollback;
