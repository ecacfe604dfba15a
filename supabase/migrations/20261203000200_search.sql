-- Search finds what a broker types (#11 item 9): the title, the legs' airport codes, the legs'
-- airport NAMES and CITIES ("Teterboro", "Van Nuys", from chat_private.airports, see
-- 20261203000150_airports.sql), the last message preview and the text of every message. One
-- predicate (chat_private.session_matches) serves the list and the per-tab match counts.
--
-- Indexes: the list stays a keyset index scan on the owner's tab (sessions_*_idx), the search a
-- filter on it; airport names are matched once per call (one scan of 21k small rows, giving the
-- codes), then each candidate's legs are compared with those codes; message text is an EXISTS on
-- messages_session_search_idx (owner_id, session_id), so only the candidate's messages are read.

-- Reference data, the same for everyone: readable by the API roles (the search runs as the
-- caller), written only by migrations.
alter table chat_private.airports enable row level security;
create policy airports_read on chat_private.airports for select to authenticated, service_role using (true);
grant select on chat_private.airports to authenticated, service_role;

create index messages_session_search_idx on chat.messages (owner_id, session_id);

-- The LIKE pattern for a search, or null when the search is blank. Validates the length.
create function chat_private.search_pattern(p_search text) returns text
language plpgsql immutable
set search_path = ''
as $$
begin
  if p_search is not null and char_length(p_search) > 200 then
    perform chat_private.raise_error('validation', 'A search has at most 200 characters');
  end if;
  if nullif(btrim(p_search), '') is null then
    return null;
  end if;
  return '%' || replace(replace(replace(lower(btrim(p_search)), '\', '\\'), '%', '\%'), '_', '\_') || '%';
end;
$$;

-- The IATA and ICAO codes of the airports whose name or city matches the pattern.
create function chat_private.search_airport_codes(p_pattern text) returns text[]
language sql stable
set search_path = ''
as $$
  select coalesce(array_agg(distinct c.code), '{}')
  from chat_private.airports a
  cross join lateral (values (a.iata), (a.icao)) as c (code)
  where c.code is not null
    and lower(a.name || ' ' || coalesce(a.city, '')) like p_pattern
$$;

-- Whether a session matches a search: its search text (title, leg codes, preview), a leg at an
-- airport the search names, or one of its messages. A null pattern matches everything.
create function chat_private.session_matches(
  p_id uuid, p_owner uuid, p_search_text text, p_legs jsonb, p_pattern text, p_codes text[]
) returns boolean
language sql stable
set search_path = ''
as $$
  select p_pattern is null
    or p_search_text like p_pattern
    or (cardinality(p_codes) > 0 and exists (
      select 1 from jsonb_array_elements(p_legs) as leg
      where (leg ->> 'from') = any (p_codes) or (leg ->> 'to') = any (p_codes)))
    or exists (
      select 1 from chat.messages m
      where m.owner_id = p_owner and m.session_id = p_id and lower(m.content) like p_pattern)
$$;

-- Same as 20261202000410_attention_reasons.sql, with the search predicate above.
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
  v_codes text[];
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
  v_pattern := chat_private.search_pattern(p_search);
  if v_pattern is not null then
    v_codes := chat_private.search_airport_codes(v_pattern);
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
  -- $6 cursor id, $7 today (UTC), $8 rows wanted, $9 attention bucket, $10 airport codes the search names.
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
      v_where := v_where || ' and chat_private.session_matches(s.id, s.owner_id, s.search_text, s.legs, $3, $10)';
    end if;
    v_sql := format(
      'select coalesce(jsonb_agg((to_jsonb(s) - ''search_text'')%3$s order by %2$s), ''[]'') '
      'from (select * from chat.sessions s where %1$s order by %2$s limit $8) s',
      v_where, v_order, v_reason);
    execute v_sql into v_page
      using v_user, p_tab, v_pattern, v_c_pinned, v_c_time, v_c_id, v_today,
            v_limit + 1 - jsonb_array_length(v_items), v_bucket, v_codes;

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

-- How many sessions match a search in each tab (active includes paused; trash is the deleted
-- ones), so a search typed on one tab shows where else it finds something. Runs as the caller:
-- only their own sessions are counted.
create function chat.search_counts(p_search text) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_user uuid := chat_private.require_user();
  v_pattern text := chat_private.search_pattern(p_search);
  v_codes text[];
  v_counts jsonb;
begin
  if v_pattern is not null then
    v_codes := chat_private.search_airport_codes(v_pattern);
  end if;
  select jsonb_build_object(
    'active', count(*) filter (where s.deleted_at is null and s.tab = 'active'),
    'completed', count(*) filter (where s.deleted_at is null and s.tab = 'completed'),
    'archived', count(*) filter (where s.deleted_at is null and s.tab = 'archived'),
    'trash', count(*) filter (where s.deleted_at is not null),
    'version', coalesce((select o.clock from chat.owner_state o where o.owner_id = v_user), 0)
  ) into v_counts
  from chat.sessions s
  where s.owner_id = v_user
    and chat_private.session_matches(s.id, s.owner_id, s.search_text, s.legs, v_pattern, v_codes);
  return v_counts;
end;
$$;

revoke all on function
  chat_private.search_pattern(text),
  chat_private.search_airport_codes(text),
  chat_private.session_matches(uuid, uuid, text, jsonb, text, text[]),
  chat.search_counts(text)
from public, anon, authenticated, service_role;
grant execute on function
  chat_private.search_pattern(text),
  chat_private.search_airport_codes(text),
  chat_private.session_matches(uuid, uuid, text, jsonb, text, text[]),
  chat.search_counts(text)
to authenticated, service_role;
