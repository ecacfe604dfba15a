-- Indexed search (#11 item 9, #16): the same matches as 20261203000200_search.sql
-- (chat_private.session_matches stays the one definition), found through indexes when the
-- search is rare instead of by testing every session of the tab.
--
-- Two ways to fill a page, same rows in the same order:
--   walk   the tab's keyset index (sessions_list_idx …) tested row by row with session_matches:
--          cheap when matches are dense (a common word fills the page within a few rows);
--   index  the caller's matching session ids, from
--            - sessions.search_text   trigram GIN (pg_trgm), `like '%…%'`
--            - the legs' airport codes   GIN on chat_private.leg_codes(legs) (core, no extension)
--            - messages.content        trigram GIN on lower(content)
--          then the page is those sessions of the tab after the cursor, in the tab's order.
-- list_sessions walks a bounded number of rows (2 000) first and switches to the index only when that
-- walk did not fill the page; search_counts always counts from the ids.
--
-- pg_trgm: Supabase and Debian's PostgreSQL ship it; PGlite loads it when the backend passes it
-- (packages/dev-backend). Where it cannot be created the migration still applies: no trigram
-- indexes, and the functions keep walking (the results are the same, only slower). The LIKE
-- predicates are plain core operators either way; the indexes only speed them up.
--
-- Row-level security: `like` is not leakproof, so PostgreSQL would not use a trigram index
-- under the caller's RLS policies. The ids therefore come from one SECURITY DEFINER function
-- in chat_private that filters every branch on the caller's own id (auth.uid(), never an
-- argument): it can only ever return the caller's sessions.
-- The legs' airport codes ("from" and "to" of every leg), for the GIN index below.
create function chat_private.leg_codes(p_legs jsonb) returns text[]
language sql immutable parallel safe
set search_path = ''
as $$
  select coalesce(array_agg(c.code) filter (where c.code is not null), '{}')
  from jsonb_array_elements(case when jsonb_typeof(p_legs) = 'array' then p_legs else '[]'::jsonb end) as leg
  cross join lateral (values (leg ->> 'from'), (leg ->> 'to')) as c (code)
$$;

do $$
declare
  v_name text;
  v_trgm text;
  v_owner text;
begin
  foreach v_name in array array['pg_trgm', 'btree_gin'] loop
    if not exists (select 1 from pg_extension where extname = v_name) then
      begin
        create schema if not exists extensions;
        execute format('create extension %I with schema extensions', v_name);
      exception when others then
        raise notice '% is not available here (%): search works without its indexes', v_name, sqlerrm;
      end;
    end if;
  end loop;
  select n.nspname into v_trgm
  from pg_extension e join pg_namespace n on n.oid = e.extnamespace
  where e.extname = 'pg_trgm';
  -- With btree_gin the owner is the GIN indexes' first column, so another broker's matches are
  -- never read; without it, single-column indexes (the same results, more rows rechecked).
  v_owner := case when exists (select 1 from pg_extension where extname = 'btree_gin') then 'owner_id, ' else '' end;
  execute format('create index sessions_leg_codes_idx on chat.sessions using gin (%s chat_private.leg_codes(legs))',
    v_owner);
  if v_trgm is not null then
    execute format('create index sessions_search_trgm_idx on chat.sessions using gin (%s search_text %I.gin_trgm_ops)',
      v_owner, v_trgm);
    execute format('create index messages_content_trgm_idx on chat.messages using gin (%s lower(content) %I.gin_trgm_ops)',
      v_owner, v_trgm);
    execute format($f$create index airports_place_trgm_idx on chat_private.airports
      using gin ((lower(name || ' ' || coalesce(city, ''))) %I.gin_trgm_ops)$f$, v_trgm);
  end if;
end
$$;

-- Whether the trigram indexes exist (pg_trgm was available when the migrations ran), and the
-- search has three letters or digits in a row (a trigram index cannot narrow a shorter one).
create function chat_private.search_indexed(p_search text) returns boolean
language sql stable
set search_path = ''
as $$
  select p_search ~ '[[:alnum:]]{3}' and to_regclass('chat.messages_content_trgm_idx') is not null
$$;

-- How many messages (all brokers) the planner expects to contain the pattern, from its
-- statistics of lower(content) (gathered for the expression index). Decides whether message
-- matches are read from the index (rare) or tested session by session (common: the page
-- fills within a few sessions). SECURITY DEFINER: the estimate of the whole table, not of the
-- caller's RLS view.
-- (Volatile only because EXPLAIN may not run in a stable function; it reads nothing else.)
create function chat_private.search_message_estimate(p_pattern text) returns double precision
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  v_plan jsonb;
begin
  execute 'explain (format json) select 1 from chat.messages m where lower(m.content) like '
    || quote_literal(p_pattern) into v_plan;
  return (v_plan -> 0 -> 'Plan' ->> 'Plan Rows')::double precision;
end;
$$;

-- The caller's sessions (any tab, trash included) with a message that matches. SECURITY
-- DEFINER so that the trigram index can be used (see above); only the caller's own rows.
create function chat_private.search_message_session_ids(p_pattern text) returns uuid[]
language sql stable
security definer
set search_path = ''
as $$
  select coalesce(array_agg(distinct m.session_id), '{}')
  from chat.messages m
  where m.owner_id = chat_private.require_user() and lower(m.content) like p_pattern
$$;

-- The caller's sessions (any tab, trash included) that match: exactly those for which
-- chat_private.session_matches is true. p_message_ids: search_message_session_ids, when
-- already read (filtered to the caller's sessions like everything else). SECURITY DEFINER,
-- only the caller's own rows, as above.
create function chat_private.search_session_ids(p_pattern text, p_codes text[], p_message_ids uuid[] default null)
returns uuid[]
language plpgsql stable
security definer
set search_path = ''
as $$
declare
  v_user uuid := chat_private.require_user();
  v_ids uuid[];
begin
  select coalesce(array_agg(distinct x.id), '{}') into v_ids
  from (
    select s.id from chat.sessions s
    where s.owner_id = v_user and s.search_text like p_pattern
    union all
    select s.id from chat.sessions s
    where s.owner_id = v_user and cardinality(p_codes) > 0 and chat_private.leg_codes(s.legs) && p_codes
    union all
    -- Ids handed in are kept only when they are the caller's own sessions too.
    select s.id from chat.sessions s
    where s.owner_id = v_user
      and s.id = any(coalesce(p_message_ids, chat_private.search_message_session_ids(p_pattern)))
  ) x;
  return v_ids;
end;
$$;

-- The codes of the airports whose name or city matches: as before (the trigram index is on the
-- same expression).
create or replace function chat_private.search_airport_codes(p_pattern text) returns text[]
language sql stable
set search_path = ''
as $$
  select coalesce(array_agg(distinct c.code), '{}')
  from chat_private.airports a
  cross join lateral (values (a.iata), (a.icao)) as c (code)
  where c.code is not null
    and lower(a.name || ' ' || coalesce(a.city, '')) like p_pattern
$$;

-- Same as 20261203000200_search.sql, except how a search fills the page (see the top).
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
  v_indexed boolean := false;
  v_message_ids uuid[];
  v_ids uuid[];
  v_match text;
  v_code_patterns text[];
  v_walk integer := 2000;
  v_walked integer;
  v_wanted integer;
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
  v_select text;
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
    v_indexed := chat_private.search_indexed(p_search);
  end if;
  if v_indexed then
    -- session_matches, written out so the messages come from the index when the pattern is rare
    -- among them (then at most a few thousand sessions), else from each walked session's rows.
    if chat_private.search_message_estimate(v_pattern) <= 20000 then
      v_message_ids := chat_private.search_message_session_ids(v_pattern);
    end if;
    -- A leg's code is also in search_text (lowercased, see legs_search_text; the legs' codes are
    -- always capitals, checked on every write): a LIKE on it spares most rows the call of leg_codes.
    v_code_patterns := array(select chat_private.search_pattern(c) from unnest(v_codes) as c);
    v_match := '(s.search_text like $3 or (s.search_text like any ($13) and chat_private.leg_codes(s.legs) && $10) or '
      || case when v_message_ids is not null then 's.id in (select unnest($12::uuid[])))'
         else 'exists (select 1 from chat.messages m where m.owner_id = s.owner_id and m.session_id = s.id '
           || 'and lower(m.content) like $3))' end;
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
  -- $6 cursor id, $7 today (UTC), $8 rows wanted, $9 attention bucket, $10 airport codes the
  -- search names, $11 rows the walk may test, $12 session ids (from messages in the walk; all
  -- matching ones in the index way), $13 LIKE patterns of those codes (the walk).
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
    v_select := format('select coalesce(jsonb_agg((to_jsonb(s) - ''search_text'')%2$s order by %1$s), ''[]'') ',
      v_order, v_reason);
    v_wanted := v_limit + 1 - jsonb_array_length(v_items);
    v_page := null;

    if v_pattern is not null and v_indexed then
      -- The walk, bounded: the first $11 rows of the tab after the cursor, tested one by one
      -- (the messages through $12 when they were read from the index).
      execute v_select || format(
        'from (select * from (select * from chat.sessions s where %1$s order by %2$s limit $11) s '
        'where %3$s order by %2$s limit $8) s', v_where, v_order, v_match) into v_page
        using v_user, p_tab, v_pattern, v_c_pinned, v_c_time, v_c_id, v_today, v_wanted, v_bucket, v_codes,
              v_walk, v_message_ids, v_code_patterns;
      if jsonb_array_length(v_page) < v_wanted then
        execute format('select count(*) from (select 1 from chat.sessions s where %1$s limit $11) s', v_where)
          into v_walked
          using v_user, p_tab, v_pattern, v_c_pinned, v_c_time, v_c_id, v_today, v_wanted, v_bucket, v_codes,
                v_walk;
        if v_walked >= v_walk then
          -- The walk ran out before the page was full: rare matches, read the ids from the indexes.
          if v_ids is null then
            v_ids := chat_private.search_session_ids(v_pattern, v_codes, v_message_ids);
          end if;
          -- Few ids: read each by its primary key and sort them. Many: walk the tab in order
          -- with the ids in a hash table (coalesce keeps the planner from turning it into a join);
          -- they are then dense enough to fill the page soon.
          execute v_select || format(
            'from (select * from chat.sessions s where %1$s and %3$s order by %2$s limit $8) s',
            v_where, v_order, case when cardinality(v_ids) <= 1000 then 's.id in (select unnest($12::uuid[]))'
              else 'coalesce(s.id in (select unnest($12::uuid[])), false)' end) into v_page
            using v_user, p_tab, v_pattern, v_c_pinned, v_c_time, v_c_id, v_today, v_wanted, v_bucket, v_codes,
                  v_walk, v_ids;
        end if;
      end if;
    else
      if v_pattern is not null then
        v_where := v_where || ' and chat_private.session_matches(s.id, s.owner_id, s.search_text, s.legs, $3, $10)';
      end if;
      execute v_select || format('from (select * from chat.sessions s where %1$s order by %2$s limit $8) s',
        v_where, v_order) into v_page
        using v_user, p_tab, v_pattern, v_c_pinned, v_c_time, v_c_id, v_today, v_wanted, v_bucket, v_codes;
    end if;

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

-- Same as 20261203000200_search.sql, counting the ids the indexes give when they exist.
create or replace function chat.search_counts(p_search text) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_user uuid := chat_private.require_user();
  v_pattern text := chat_private.search_pattern(p_search);
  v_codes text[];
  v_ids uuid[];
  v_counts jsonb;
begin
  if v_pattern is not null then
    v_codes := chat_private.search_airport_codes(v_pattern);
    if chat_private.search_indexed(p_search) then
      v_ids := chat_private.search_session_ids(v_pattern, v_codes);
    end if;
  end if;
  if v_ids is not null then
    -- From the ids, each read by its primary key.
    select jsonb_build_object(
      'active', count(*) filter (where s.deleted_at is null and s.tab = 'active'),
      'completed', count(*) filter (where s.deleted_at is null and s.tab = 'completed'),
      'archived', count(*) filter (where s.deleted_at is null and s.tab = 'archived'),
      'trash', count(*) filter (where s.deleted_at is not null)
    ) into v_counts
    from unnest(v_ids) as i (id)
    join chat.sessions s on s.id = i.id and s.owner_id = v_user;
  else
    select jsonb_build_object(
      'active', count(*) filter (where s.deleted_at is null and s.tab = 'active'),
      'completed', count(*) filter (where s.deleted_at is null and s.tab = 'completed'),
      'archived', count(*) filter (where s.deleted_at is null and s.tab = 'archived'),
      'trash', count(*) filter (where s.deleted_at is not null)
    ) into v_counts
    from chat.sessions s
    where s.owner_id = v_user
      and chat_private.session_matches(s.id, s.owner_id, s.search_text, s.legs, v_pattern, v_codes);
  end if;
  v_counts := v_counts || jsonb_build_object('version',
    coalesce((select o.clock from chat.owner_state o where o.owner_id = v_user), 0));
  return v_counts;
end;
$$;

revoke all on function
  chat_private.leg_codes(jsonb),
  chat_private.search_indexed(text),
  chat_private.search_message_estimate(text),
  chat_private.search_message_session_ids(text),
  chat_private.search_session_ids(text, text[], uuid[])
from public, anon, authenticated, service_role;
grant execute on function
  chat_private.leg_codes(jsonb),
  chat_private.search_indexed(text),
  chat_private.search_message_estimate(text),
  chat_private.search_message_session_ids(text),
  chat_private.search_session_ids(text, text[], uuid[])
to authenticated, service_role;
