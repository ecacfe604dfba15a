-- Chat Sessions: the API. Every read and write goes through these functions (PostgREST RPC).
-- All run as the caller (SECURITY INVOKER), so row-level security applies; reads are STABLE,
-- writes VOLATILE. Domain errors carry a stable code in `details` (see chat_private.raise_error).

-- Clamps a page size: at least 1 (else a validation error), at most p_max.
create function chat_private.page_limit(p_limit integer, p_max integer) returns integer
language plpgsql immutable
set search_path = ''
as $$
begin
  if p_limit is null then
    return least(50, p_max);
  end if;
  if p_limit < 1 then
    perform chat_private.raise_error('validation', format('A page holds at least 1 row (asked for %s)', p_limit));
  end if;
  return least(p_limit, p_max);
end;
$$;

-- The signed-in user, or an unauthenticated error.
create function chat_private.require_user() returns uuid
language plpgsql stable
set search_path = ''
as $$
declare
  v_user uuid := auth.uid();
begin
  if v_user is null then
    perform chat_private.raise_error('unauthenticated', 'Sign in first');
  end if;
  return v_user;
end;
$$;

-- A session visible to the caller, or not_found.
create function chat_private.visible_session(p_id uuid) returns chat.sessions
language plpgsql stable
set search_path = ''
as $$
declare
  v_row chat.sessions;
begin
  select * into v_row from chat.sessions where id = p_id;
  if v_row.id is null then
    perform chat_private.raise_error('not_found', 'Session not found',
      'It may have been purged from the trash, or belong to someone else');
  end if;
  return v_row;
end;
$$;

---------------------------------------------------------------------------------------------
-- Sessions
---------------------------------------------------------------------------------------------

-- Creates a session. Idempotent on the client-supplied id: retrying returns the same row.
create function chat.create_session(
  p_id uuid,
  p_kind text,
  p_title text default '',
  p_trip_type text default null,
  p_legs jsonb default '[]'::jsonb,
  p_passengers integer default null,
  p_stage text default null,
  p_metadata jsonb default '{}'::jsonb,
  p_external_ref text default null,
  p_pinned boolean default false
) returns chat.sessions
language plpgsql volatile
set search_path = ''
as $$
declare
  v_row chat.sessions;
begin
  perform chat_private.require_user();
  if p_id is null then
    perform chat_private.raise_error('validation', 'A session needs a client-generated id (uuid)');
  end if;
  select * into v_row from chat.sessions where id = p_id;
  if v_row.id is not null then
    if v_row.kind <> p_kind then
      perform chat_private.raise_error('conflict', 'A different session already has this id');
    end if;
    return v_row;
  end if;
  if p_external_ref is not null and exists (
    select 1 from chat.sessions where owner_id = auth.uid() and external_ref = p_external_ref
  ) then
    perform chat_private.raise_error('conflict',
      format('A session with external reference %s exists already', quote_literal(p_external_ref)),
      'External references are unique per broker');
  end if;
  begin
    insert into chat.sessions (id, kind, title, trip_type, legs, passengers, stage, metadata, external_ref, pinned)
    values (p_id, p_kind, coalesce(p_title, ''), p_trip_type, coalesce(p_legs, '[]'::jsonb), p_passengers,
            p_stage, coalesce(p_metadata, '{}'::jsonb), p_external_ref, coalesce(p_pinned, false))
    returning * into v_row;
  exception when unique_violation then
    -- A concurrent retry of the same create won the race.
    select * into v_row from chat.sessions where id = p_id;
    if v_row.id is null or v_row.kind <> p_kind then
      perform chat_private.raise_error('conflict', 'This session id or external reference is taken');
    end if;
  end;
  return v_row;
end;
$$;

-- Updates a session's fields from a patch object (title, trip_type, legs, passengers, stage,
-- metadata, external_ref). With p_expected_version, a stale version raises `conflict`.
create function chat.update_session(p_id uuid, p_patch jsonb, p_expected_version integer default null)
returns chat.sessions
language plpgsql volatile
set search_path = ''
as $$
declare
  v_row chat.sessions;
  v_key text;
begin
  perform chat_private.require_user();
  if p_patch is null or jsonb_typeof(p_patch) <> 'object' then
    perform chat_private.raise_error('validation', 'The patch is a JSON object');
  end if;
  for v_key in select jsonb_object_keys(p_patch) loop
    if v_key not in ('title', 'trip_type', 'legs', 'passengers', 'stage', 'metadata', 'external_ref') then
      perform chat_private.raise_error('validation', format('Cannot update field "%s"', v_key),
        'Updatable: title, trip_type, legs, passengers, stage, metadata, external_ref');
    end if;
  end loop;
  v_row := chat_private.visible_session(p_id);
  if p_expected_version is not null and v_row.version <> p_expected_version then
    perform chat_private.raise_error('conflict',
      format('The session changed since you loaded it (version %s, now %s)', p_expected_version, v_row.version),
      'Reload it and apply your change again');
  end if;
  v_row := null;
  begin
    update chat.sessions s set
      title = case when p_patch ? 'title' then coalesce(p_patch ->> 'title', '') else s.title end,
      trip_type = case when p_patch ? 'trip_type' then p_patch ->> 'trip_type' else s.trip_type end,
      legs = case when p_patch ? 'legs' then coalesce(nullif(p_patch -> 'legs', 'null'::jsonb), '[]'::jsonb) else s.legs end,
      passengers = case when p_patch ? 'passengers' then (p_patch ->> 'passengers')::integer else s.passengers end,
      stage = case when p_patch ? 'stage' then p_patch ->> 'stage' else s.stage end,
      metadata = case when p_patch ? 'metadata' then p_patch -> 'metadata' else s.metadata end,
      external_ref = case when p_patch ? 'external_ref' then p_patch ->> 'external_ref' else s.external_ref end
    where s.id = p_id and (p_expected_version is null or s.version = p_expected_version)
    returning * into v_row;
  exception
    when invalid_text_representation or numeric_value_out_of_range then
      perform chat_private.raise_error('validation', 'Passengers must be a whole number between 1 and 999');
    when unique_violation then
      perform chat_private.raise_error('conflict', 'Another session has this external reference');
  end;
  if v_row.id is null then
    perform chat_private.raise_error('conflict', 'The session changed while you were editing it',
      'Reload it and apply your change again');
  end if;
  return v_row;
end;
$$;

-- Moves a session through its lifecycle: pause, resume, complete (with an outcome), reopen,
-- archive, unarchive (back to the status it had before archiving).
create function chat.transition_session(
  p_id uuid,
  p_action text,
  p_outcome text default null,
  p_resume_at timestamptz default null,
  p_expected_version integer default null
) returns chat.sessions
language plpgsql volatile
set search_path = ''
as $$
declare
  v_row chat.sessions;
  v_target text;
  v_allowed boolean;
begin
  perform chat_private.require_user();
  v_row := chat_private.visible_session(p_id);
  if v_row.deleted_at is not null then
    perform chat_private.raise_error('in_trash', 'This session is in the trash', 'Restore it first');
  end if;
  if p_expected_version is not null and v_row.version <> p_expected_version then
    perform chat_private.raise_error('conflict',
      format('The session changed since you loaded it (version %s, now %s)', p_expected_version, v_row.version),
      'Reload it and try again');
  end if;
  v_target := case p_action
    when 'pause' then 'paused'
    when 'resume' then 'active'
    when 'complete' then 'completed'
    when 'reopen' then 'active'
    when 'archive' then 'archived'
    when 'unarchive' then v_row.status_before_archive
  end;
  if p_action is null or p_action not in ('pause', 'resume', 'complete', 'reopen', 'archive', 'unarchive') then
    perform chat_private.raise_error('validation', format('Unknown action %s', coalesce(quote_literal(p_action), 'null')),
      'Actions: pause, resume, complete, reopen, archive, unarchive');
  end if;
  v_allowed := (v_row.status, p_action) in (
    ('active', 'pause'), ('active', 'complete'), ('active', 'archive'),
    ('paused', 'resume'), ('paused', 'complete'), ('paused', 'archive'),
    ('completed', 'reopen'), ('completed', 'archive'),
    ('archived', 'unarchive')
  );
  if not v_allowed then
    perform chat_private.raise_error('invalid_transition',
      format('Cannot %s a session that is %s', p_action, v_row.status));
  end if;
  if p_action = 'complete' and (p_outcome is null or p_outcome not in ('won', 'lost', 'cancelled')) then
    perform chat_private.raise_error('validation', 'Completing a session records an outcome',
      'Outcomes: won, lost, cancelled');
  end if;
  if p_action <> 'complete' and p_outcome is not null then
    perform chat_private.raise_error('validation', 'An outcome is recorded only when completing');
  end if;
  if p_resume_at is not null and p_action <> 'pause' then
    perform chat_private.raise_error('validation', 'A resume time goes with pause');
  end if;

  update chat.sessions s set
    status = v_target,
    outcome = case when p_action = 'complete' then p_outcome else s.outcome end,
    resume_at = case when p_action = 'pause' then p_resume_at else s.resume_at end
  where s.id = p_id and s.version = v_row.version
  returning * into v_row;
  if v_row.id is null then
    perform chat_private.raise_error('conflict', 'The session changed at the same time', 'Reload it and try again');
  end if;
  return v_row;
end;
$$;

-- Pins or unpins a session (pinned sessions lead the recent order).
create function chat.set_session_pinned(p_id uuid, p_pinned boolean) returns chat.sessions
language plpgsql volatile
set search_path = ''
as $$
declare
  v_row chat.sessions;
begin
  perform chat_private.require_user();
  v_row := chat_private.visible_session(p_id);
  if p_pinned is null then
    perform chat_private.raise_error('validation', 'Pinned is true or false');
  end if;
  if v_row.pinned = p_pinned then
    return v_row;
  end if;
  update chat.sessions set pinned = p_pinned where id = p_id returning * into v_row;
  return v_row;
end;
$$;

-- Moves a session to the trash. Idempotent.
create function chat.delete_session(p_id uuid) returns chat.sessions
language plpgsql volatile
set search_path = ''
as $$
declare
  v_row chat.sessions;
begin
  perform chat_private.require_user();
  v_row := chat_private.visible_session(p_id);
  if v_row.deleted_at is not null then
    return v_row;
  end if;
  update chat.sessions set deleted_at = now() where id = p_id returning * into v_row;
  return v_row;
end;
$$;

-- Brings a session back from the trash. Idempotent.
create function chat.restore_session(p_id uuid) returns chat.sessions
language plpgsql volatile
set search_path = ''
as $$
declare
  v_row chat.sessions;
begin
  perform chat_private.require_user();
  v_row := chat_private.visible_session(p_id);
  if v_row.deleted_at is null then
    return v_row;
  end if;
  update chat.sessions set deleted_at = null where id = p_id returning * into v_row;
  return v_row;
end;
$$;

-- One session, with everything its card shows.
create function chat.get_session(p_id uuid) returns chat.sessions
language plpgsql stable
set search_path = ''
as $$
begin
  perform chat_private.require_user();
  return chat_private.visible_session(p_id);
end;
$$;

-- One page of a tab: {items, next_cursor, version}. Tabs: active (active + paused), completed,
-- archived, trash. Orders: recent (pinned first, then last activity) and attention (unread
-- operator replies, then departures within 48 hours, then paused sessions due to resume, then
-- the rest in recent order). Keyset-paginated: pass next_cursor back as p_cursor. Search
-- matches title, airports and the last-message preview. At most 200 rows a page. `version` is
-- the change-feed position this page is consistent with.
--
-- Each page query is composed for the case at hand and planned with its real values
-- (EXECUTE ... USING), so it always runs as an index range scan on the owner's rows; a cached
-- generic plan with "cursor is null or ..." conditions would not.
create function chat.list_sessions(
  p_tab text default 'active',
  p_sort text default 'recent',
  p_search text default null,
  p_cursor jsonb default null,
  p_limit integer default 50
) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_user uuid := chat_private.require_user();
  v_limit integer := chat_private.page_limit(p_limit, 200);
  v_pattern text;
  v_items jsonb := '[]'::jsonb;
  v_page jsonb;
  v_bucket integer;
  v_start_bucket integer := 0;
  v_c_pinned boolean;
  v_c_time timestamptz;
  v_c_id uuid;
  v_last jsonb;
  v_next jsonb;
  v_today date := (now() at time zone 'utc')::date;
  v_where text;
  v_order text;
  v_sql text;
  v_soon constant text := 's.departs_on between $7 and $7 + 2';
begin
  if p_tab is null or p_tab not in ('active', 'completed', 'archived', 'trash') then
    perform chat_private.raise_error('validation', format('Unknown tab %s', coalesce(quote_literal(p_tab), 'null')),
      'Tabs: active, completed, archived, trash');
  end if;
  if p_sort is null or p_sort not in ('recent', 'attention') then
    perform chat_private.raise_error('validation', format('Unknown order %s', coalesce(quote_literal(p_sort), 'null')),
      'Orders: recent, attention');
  end if;
  if p_search is not null and char_length(p_search) > 200 then
    perform chat_private.raise_error('validation', 'A search has at most 200 characters');
  end if;
  if nullif(btrim(p_search), '') is not null then
    v_pattern := '%' || replace(replace(replace(lower(btrim(p_search)), '\', '\\'), '%', '\%'), '_', '\_') || '%';
  end if;
  if p_cursor is not null then
    begin
      v_c_pinned := coalesce((p_cursor ->> 'pinned')::boolean, false);
      v_c_time := (p_cursor ->> 'at')::timestamptz;
      v_c_id := (p_cursor ->> 'id')::uuid;
      v_start_bucket := coalesce((p_cursor ->> 'bucket')::integer, 0);
    exception when others then
      perform chat_private.raise_error('validation', 'The cursor is not one this function returned');
    end;
    if jsonb_typeof(p_cursor) <> 'object' or v_c_time is null or v_c_id is null
       or v_start_bucket not between 0 and 3 then
      perform chat_private.raise_error('validation', 'The cursor is not one this function returned');
    end if;
  end if;

  -- Parameters: $1 owner, $2 tab, $3 search pattern, $4 cursor pinned, $5 cursor time,
  -- $6 cursor id, $7 today (UTC), $8 rows wanted.
  for v_bucket in v_start_bucket .. case when p_tab <> 'trash' and p_sort = 'attention' then 3 else v_start_bucket end loop
    exit when jsonb_array_length(v_items) > v_limit;
    if p_tab = 'trash' then
      v_where := 's.owner_id = $1 and s.deleted_at is not null';
      v_order := 's.deleted_at desc, s.id desc';
      if p_cursor is not null then
        v_where := v_where || ' and (s.deleted_at, s.id) < ($5, $6)';
      end if;
    else
      v_where := 's.owner_id = $1 and s.tab = $2 and s.deleted_at is null';
      if p_sort = 'recent' or v_bucket = 3 then
        v_order := 's.pinned desc, s.last_activity_at desc, s.id desc';
      else
        v_order := 's.last_activity_at desc, s.id desc';
      end if;
      if p_sort = 'attention' then
        v_where := v_where || case v_bucket
          when 0 then ' and s.unread_count > 0'
          when 1 then ' and s.unread_count = 0 and ' || v_soon
          when 2 then ' and s.unread_count = 0 and not coalesce(' || v_soon || ', false)'
                      || ' and s.status = ''paused'' and s.resume_at <= now()'
          else ' and s.unread_count = 0 and not coalesce(' || v_soon || ', false)'
               || ' and not (s.status = ''paused'' and coalesce(s.resume_at <= now(), false))'
        end;
      end if;
      if p_cursor is not null and v_bucket = v_start_bucket then
        v_where := v_where || case
          when p_sort = 'recent' or v_bucket = 3 then ' and (s.pinned, s.last_activity_at, s.id) < ($4, $5, $6)'
          else ' and (s.last_activity_at, s.id) < ($5, $6)'
        end;
      end if;
    end if;
    if v_pattern is not null then
      v_where := v_where || ' and s.search_text like $3';
    end if;
    v_sql := format(
      'select coalesce(jsonb_agg(to_jsonb(s) - ''search_text'' order by %2$s), ''[]'') '
      'from (select * from chat.sessions s where %1$s order by %2$s limit $8) s',
      v_where, v_order);
    execute v_sql into v_page
      using v_user, p_tab, v_pattern, v_c_pinned, v_c_time, v_c_id, v_today,
            v_limit + 1 - jsonb_array_length(v_items);

    -- The cursor is the last row of the page (the v_limit-th overall), in whichever bucket it is.
    if v_next is null and jsonb_array_length(v_items) + jsonb_array_length(v_page) >= v_limit then
      v_last := v_page -> (v_limit - 1 - jsonb_array_length(v_items));
      v_next := case
        when p_tab = 'trash' then jsonb_build_object('at', v_last -> 'deleted_at', 'id', v_last -> 'id')
        when p_sort = 'recent' then jsonb_build_object('pinned', v_last -> 'pinned',
          'at', v_last -> 'last_activity_at', 'id', v_last -> 'id')
        else jsonb_build_object('bucket', v_bucket, 'pinned', v_last -> 'pinned',
          'at', v_last -> 'last_activity_at', 'id', v_last -> 'id')
      end;
    end if;
    v_items := v_items || v_page;
  end loop;

  if jsonb_array_length(v_items) > v_limit then
    v_items := v_items - v_limit;
  else
    v_next := null;
  end if;
  return jsonb_build_object(
    'items', v_items,
    'next_cursor', v_next,
    'version', coalesce((select o.clock from chat.owner_state o where o.owner_id = v_user), 0)
  );
end;
$$;

-- Counts behind the tabs, the trash and the total unread operator replies, kept by triggers:
-- {active, paused, completed, archived, trash, unread, version}.
create function chat.session_counts() returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'active', coalesce(o.active_count, 0),
    'paused', coalesce(o.paused_count, 0),
    'completed', coalesce(o.completed_count, 0),
    'archived', coalesce(o.archived_count, 0),
    'trash', coalesce(o.trash_count, 0),
    'unread', coalesce(o.unread_count, 0),
    'version', coalesce(o.clock, 0)
  )
  from (select chat_private.require_user() as user_id) u
  left join chat.owner_state o on o.owner_id = u.user_id
$$;

---------------------------------------------------------------------------------------------
-- Messages
---------------------------------------------------------------------------------------------

-- Appends a message to the main conversation, or to an operator thread (p_thread_id).
-- Idempotent on the client-supplied id: a retry returns the message already saved.
create function chat.append_message(
  p_id uuid,
  p_session_id uuid,
  p_content text,
  p_role text default 'broker',
  p_content_type text default 'text',
  p_rich_content jsonb default null,
  p_thread_id uuid default null
) returns chat.messages
language plpgsql volatile
set search_path = ''
as $$
declare
  v_row chat.messages;
begin
  if auth.role() is distinct from 'service_role' then
    perform chat_private.require_user();
  end if;
  if p_id is null then
    perform chat_private.raise_error('validation', 'A message needs a client-generated id (uuid)');
  end if;
  select * into v_row from chat.messages where id = p_id;
  if v_row.id is not null then
    if v_row.session_id <> p_session_id or v_row.thread_id is distinct from p_thread_id
       or v_row.content <> p_content then
      perform chat_private.raise_error('conflict', 'A different message already has this id');
    end if;
    return v_row;
  end if;
  begin
    insert into chat.messages (id, session_id, thread_id, role, content, content_type, rich_content)
    values (p_id, p_session_id, p_thread_id, coalesce(p_role, 'broker'), p_content,
            coalesce(p_content_type, 'text'), p_rich_content)
    returning * into v_row;
  exception when unique_violation then
    select * into v_row from chat.messages where id = p_id;
    if v_row.id is null or v_row.session_id <> p_session_id or v_row.content <> p_content then
      perform chat_private.raise_error('conflict', 'This message id is taken');
    end if;
  end;
  return v_row;
end;
$$;

-- A page of messages of the main conversation (p_thread_id null) or of one operator thread,
-- by seq: {items (ascending seq), has_more}. Without bounds: the newest page. p_before_seq:
-- the page before it (loading earlier). p_after_seq: what came after it (catching up).
-- At most 200 a page. Composed per case and planned with real values, like list_sessions.
create function chat.list_messages(
  p_session_id uuid,
  p_thread_id uuid default null,
  p_before_seq bigint default null,
  p_after_seq bigint default null,
  p_limit integer default 50
) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_user uuid;
  v_limit integer := chat_private.page_limit(p_limit, 200);
  v_items jsonb;
  v_where text := 'm.owner_id = $1 and m.session_id = $2';
  v_ascending boolean := p_after_seq is not null;
begin
  v_user := (chat_private.visible_session(p_session_id)).owner_id;
  if p_before_seq is not null and p_after_seq is not null then
    perform chat_private.raise_error('validation', 'Page before a seq or after one, not both');
  end if;
  if p_thread_id is not null and not exists (
    select 1 from chat.operator_threads t where t.id = p_thread_id and t.session_id = p_session_id
  ) then
    perform chat_private.raise_error('not_found', 'Operator thread not found in this session');
  end if;

  v_where := v_where || case when p_thread_id is null then ' and m.thread_id is null' else ' and m.thread_id = $3' end;
  if p_before_seq is not null then
    v_where := v_where || ' and m.seq < $4';
  elsif p_after_seq is not null then
    v_where := v_where || ' and m.seq > $5';
  end if;
  -- Parameters: $1 owner, $2 session, $3 thread, $4 before, $5 after, $6 rows wanted.
  execute format(
    'select coalesce(jsonb_agg(to_jsonb(m) order by m.seq), ''[]'') '
    'from (select * from chat.messages m where %s order by m.seq %s limit $6) m',
    v_where, case when v_ascending then 'asc' else 'desc' end)
  into v_items
  using v_user, p_session_id, p_thread_id, p_before_seq, p_after_seq, v_limit + 1;

  if jsonb_array_length(v_items) > v_limit then
    -- The extra row is the one furthest from the anchor: the newest when catching up, the
    -- oldest when paging back.
    v_items := v_items - (case when v_ascending then v_limit else 0 end);
    return jsonb_build_object('items', v_items, 'has_more', true);
  end if;
  return jsonb_build_object('items', v_items, 'has_more', false);
end;
$$;

---------------------------------------------------------------------------------------------
-- Operator threads
---------------------------------------------------------------------------------------------

-- The operator threads of a session, oldest first, with unread counts.
create function chat.list_operator_threads(p_session_id uuid) returns setof chat.operator_threads
language plpgsql stable
set search_path = ''
as $$
declare
  v_user uuid;
begin
  v_user := (chat_private.visible_session(p_session_id)).owner_id;
  return query
    select * from chat.operator_threads t
    where t.owner_id = v_user and t.session_id = p_session_id
    order by t.created_at, t.id;
end;
$$;

-- Opens a thread with an aircraft operator for a session. Idempotent on the id, and on the
-- operator's external reference within the session.
create function chat.open_operator_thread(
  p_id uuid,
  p_session_id uuid,
  p_operator_name text,
  p_external_ref text default null
) returns chat.operator_threads
language plpgsql volatile
set search_path = ''
as $$
declare
  v_row chat.operator_threads;
begin
  if auth.role() is distinct from 'service_role' then
    perform chat_private.require_user();
  end if;
  if p_id is null then
    perform chat_private.raise_error('validation', 'A thread needs a client-generated id (uuid)');
  end if;
  select * into v_row from chat.operator_threads t
  where t.id = p_id or (p_external_ref is not null and t.session_id = p_session_id and t.external_ref = p_external_ref)
  order by (t.id = p_id) desc
  limit 1;
  if v_row.id is not null then
    if v_row.session_id <> p_session_id then
      perform chat_private.raise_error('conflict', 'A different thread already has this id');
    end if;
    return v_row;
  end if;
  begin
    insert into chat.operator_threads (id, session_id, operator_name, external_ref)
    values (p_id, p_session_id, p_operator_name, p_external_ref)
    returning * into v_row;
  exception when unique_violation then
    select * into v_row from chat.operator_threads t
    where t.id = p_id or (t.session_id = p_session_id and t.external_ref = p_external_ref)
    limit 1;
    if v_row.id is null or v_row.session_id <> p_session_id then
      perform chat_private.raise_error('conflict', 'This thread id is taken');
    end if;
  end;
  return v_row;
end;
$$;

-- Records an inbound operator message (what a marketplace webhook handler calls, as the
-- service role). Finds the thread by id or by the operator's external reference, opening it
-- when needed. Idempotent on the message id. Wakes a paused session.
create function chat.record_operator_message(
  p_message_id uuid,
  p_session_id uuid,
  p_content text,
  p_thread_id uuid default null,
  p_operator_name text default null,
  p_thread_external_ref text default null,
  p_content_type text default 'text',
  p_rich_content jsonb default null
) returns chat.messages
language plpgsql volatile
set search_path = ''
as $$
declare
  v_thread chat.operator_threads;
begin
  if p_thread_id is not null then
    select * into v_thread from chat.operator_threads t where t.id = p_thread_id;
    if v_thread.id is null then
      if p_operator_name is null then
        perform chat_private.raise_error('not_found', 'Operator thread not found',
          'Pass p_operator_name to open it');
      end if;
      v_thread := chat.open_operator_thread(p_thread_id, p_session_id, p_operator_name, p_thread_external_ref);
    end if;
  elsif p_thread_external_ref is not null then
    select * into v_thread from chat.operator_threads t
    where t.session_id = p_session_id and t.external_ref = p_thread_external_ref;
    if v_thread.id is null then
      if p_operator_name is null then
        perform chat_private.raise_error('not_found', 'Operator thread not found',
          'Pass p_operator_name to open it');
      end if;
      v_thread := chat.open_operator_thread(gen_random_uuid(), p_session_id, p_operator_name, p_thread_external_ref);
    end if;
  else
    perform chat_private.raise_error('validation', 'Name the thread: p_thread_id or p_thread_external_ref');
  end if;
  return chat.append_message(p_message_id, p_session_id, p_content, 'operator',
    coalesce(p_content_type, 'text'), p_rich_content, v_thread.id);
end;
$$;

-- Marks an operator thread read up to a seq (default: everything). Only moves forward; safe
-- to repeat.
create function chat.mark_thread_read(p_thread_id uuid, p_up_to_seq bigint default null)
returns chat.operator_threads
language plpgsql volatile
set search_path = ''
as $$
declare
  v_row chat.operator_threads;
begin
  perform chat_private.require_user();
  select * into v_row from chat.operator_threads t where t.id = p_thread_id;
  if v_row.id is null then
    perform chat_private.raise_error('not_found', 'Operator thread not found');
  end if;
  if greatest(v_row.last_read_seq, least(coalesce(p_up_to_seq, v_row.last_seq), v_row.last_seq)) = v_row.last_read_seq then
    return v_row;
  end if;
  update chat.operator_threads set last_read_seq = coalesce(p_up_to_seq, v_row.last_seq)
  where id = p_thread_id
  returning * into v_row;
  return v_row;
end;
$$;

-- Marks every operator thread of a session read (the sidebar's "mark read").
create function chat.mark_session_read(p_session_id uuid) returns chat.sessions
language plpgsql volatile
set search_path = ''
as $$
declare
  v_row chat.sessions;
begin
  perform chat_private.require_user();
  v_row := chat_private.visible_session(p_session_id);
  update chat.operator_threads set last_read_seq = last_seq
  where session_id = p_session_id and last_read_seq < last_seq and unread_count > 0;
  return chat_private.visible_session(p_session_id);
end;
$$;

---------------------------------------------------------------------------------------------
-- Change feed and purge
---------------------------------------------------------------------------------------------

-- Everything of the caller's that changed after p_since, in clock order: {version, has_more,
-- sessions, threads, messages, deleted}. Gap-free: pass `version` back as p_since; nothing that
-- commits later can carry a lower version (see chat_private.tick). Sessions moved to the trash
-- come back with deleted_at set; purged ones in `deleted`.
create function chat.changes_since(
  p_since bigint,
  p_limit integer default 500,
  p_include_messages boolean default true
) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_user uuid := chat_private.require_user();
  v_limit integer := chat_private.page_limit(p_limit, 1000);
  v_since bigint := greatest(coalesce(p_since, 0), 0);
  v_result jsonb;
begin
  -- Each source is an index range scan on (owner_id, sync_version > since): the owner and the
  -- cursor are plain values here, so both are index conditions.
  with s as (
    select x.sync_version as v, to_jsonb(x) - 'search_text' as j from chat.sessions x
    where x.owner_id = v_user and x.sync_version > v_since order by x.sync_version limit v_limit + 1
  ),
  t as (
    select x.sync_version as v, to_jsonb(x) as j from chat.operator_threads x
    where x.owner_id = v_user and x.sync_version > v_since order by x.sync_version limit v_limit + 1
  ),
  m as (
    select x.sync_version as v, to_jsonb(x) as j from chat.messages x
    where coalesce(p_include_messages, true)
      and x.owner_id = v_user and x.sync_version > v_since order by x.sync_version limit v_limit + 1
  ),
  d as (
    select x.sync_version as v, jsonb_build_object('entity', x.entity, 'id', x.entity_id) as j
    from chat.tombstones x
    where x.owner_id = v_user and x.sync_version > v_since order by x.sync_version limit v_limit + 1
  ),
  everything as (
    select v from s union all select v from t union all select v from m union all select v from d
  ),
  cut as (
    -- With more than a page waiting, the page ends at the v_limit-th smallest version.
    select case
      when (select count(*) from everything) > v_limit
        then (select v from everything order by v offset v_limit - 1 limit 1)
    end as upto
  ),
  bound as (
    select coalesce(cut.upto, greatest(v_since, coalesce(o.clock, 0))) as upto, cut.upto is not null as more
    from cut left join chat.owner_state o on o.owner_id = v_user
  )
  select jsonb_build_object(
    'version', bound.upto,
    'has_more', bound.more,
    'sessions', coalesce((select jsonb_agg(j order by v) from s where v <= bound.upto), '[]'),
    'threads', coalesce((select jsonb_agg(j order by v) from t where v <= bound.upto), '[]'),
    'messages', coalesce((select jsonb_agg(j order by v) from m where v <= bound.upto), '[]'),
    'deleted', coalesce((select jsonb_agg(j order by v) from d where v <= bound.upto), '[]')
  )
  into v_result
  from bound;
  return v_result;
end;
$$;

-- Hard-deletes sessions that have been in the trash longer than p_older_than, with their
-- messages and threads, in one transaction. Service role only (e.g. a nightly job). Returns
-- how many sessions were purged.
create function chat.purge_trash(p_older_than interval default interval '30 days') returns integer
language plpgsql volatile
set search_path = ''
as $$
declare
  v_count integer;
begin
  if p_older_than is null or p_older_than < interval '0' then
    perform chat_private.raise_error('validation', 'Purge takes a non-negative age, e.g. 30 days');
  end if;
  delete from chat.sessions where deleted_at is not null and deleted_at < now() - p_older_than;
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;
