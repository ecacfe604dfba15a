-- Chat Sessions: why a session is where the attention order puts it (issue 11, item 7).
--
-- The attention order is four buckets, each a rule on a session's row: (0) unread operator
-- replies, (1) departs within two days (UTC dates), (2) paused and due to resume, (3) the rest.
-- The rules now live in one function, chat_private.attention_predicate, which list_sessions
-- composes into each bucket's query (still an index range scan per bucket), and every row a
-- bucket returns carries `attention_reason` built from that bucket number: the reason is the
-- rule that placed the row, never a second opinion about it.
--
--   {"kind": "unread", "count": 2}                                  2 new replies
--   {"kind": "departs_soon", "days": 1, "departs_on": "2026-12-03"}  departs tomorrow
--   {"kind": "resume_due", "resume_at": "…"}                          resume due
--   null                                                             (bucket 3: no reason)
--
-- `days` is whole UTC days from today (0, 1 or 2): the database stores leg dates and local
-- times without the airports' time zones, so hours would be a guess; the UI can refine with the
-- airport's zone. Rows of the recent order and of the trash carry no `attention_reason` key.

-- The SQL condition of attention bucket p_bucket, on a session aliased `s`, with $7 the UTC date
-- of today (list_sessions' parameter).
create function chat_private.attention_predicate(p_bucket integer) returns text
language sql immutable parallel safe
set search_path = ''
as $$
  select case p_bucket
    when 0 then 's.unread_count > 0'
    when 1 then 's.unread_count = 0 and s.departs_on between $7 and $7 + 2'
    when 2 then 's.unread_count = 0 and not coalesce(s.departs_on between $7 and $7 + 2, false)'
                || ' and s.status = ''paused'' and s.resume_at <= now()'
    else 's.unread_count = 0 and not coalesce(s.departs_on between $7 and $7 + 2, false)'
         || ' and not (s.status = ''paused'' and coalesce(s.resume_at <= now(), false))'
  end
$$;

-- The reason a row of attention bucket p_bucket shows (see the header of this file).
create function chat_private.attention_reason(
  p_bucket integer, p_unread integer, p_departs_on date, p_resume_at timestamptz, p_today date
) returns jsonb
language sql immutable parallel safe
set search_path = ''
as $$
  select case p_bucket
    when 0 then jsonb_build_object('kind', 'unread', 'count', p_unread)
    when 1 then jsonb_build_object('kind', 'departs_soon', 'days', p_departs_on - p_today, 'departs_on', p_departs_on)
    when 2 then jsonb_build_object('kind', 'resume_due', 'resume_at', p_resume_at)
    else 'null'::jsonb
  end
$$;

-- Same as before (20261125000300_chat_api.sql), with the bucket rules from
-- attention_predicate and each attention row's `attention_reason`.
create or replace function chat.list_sessions(
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
  v_reason text := '';
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
  -- $6 cursor id, $7 today (UTC), $8 rows wanted, $9 attention bucket.
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
        -- The bucket's rule, and the reason each of its rows carries, from one definition.
        v_where := v_where || ' and ' || chat_private.attention_predicate(v_bucket);
        v_reason := ' || jsonb_build_object(''attention_reason'', '
          || 'chat_private.attention_reason($9, s.unread_count, s.departs_on, s.resume_at, $7))';
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
      'select coalesce(jsonb_agg((to_jsonb(s) - ''search_text'')%3$s order by %2$s), ''[]'') '
      'from (select * from chat.sessions s where %1$s order by %2$s limit $8) s',
      v_where, v_order, v_reason);
    execute v_sql into v_page
      using v_user, p_tab, v_pattern, v_c_pinned, v_c_time, v_c_id, v_today,
            v_limit + 1 - jsonb_array_length(v_items), v_bucket;

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


revoke all on function
  chat_private.attention_predicate(integer),
  chat_private.attention_reason(integer, integer, date, timestamptz, date)
from public, anon, authenticated, service_role;
grant execute on function
  chat_private.attention_predicate(integer),
  chat_private.attention_reason(integer, integer, date, timestamptz, date)
to authenticated, service_role;
