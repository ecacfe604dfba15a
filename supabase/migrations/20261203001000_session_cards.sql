-- The list page from per-row JSON kept with the row (#16): list_sessions cost about 4× the bare
-- keyset walk of its rows, and almost all of the difference was building each row's JSON
-- (`to_jsonb(s) - 'search_text'`: every column converted, keys sorted, then copied again by
-- jsonb_agg) and converting the page to jsonb. Measured on 1 M sessions (broker 1: 100 000),
-- 51 rows of a deep page, in one transaction: walk with ids only 0.12 ms; whole rows 0.16 ms;
-- rows built as jsonb 1.0 ms; the same rows as json 0.38 ms; a stored json card per row,
-- aggregated with json_agg (which copies json text as is) 0.13 ms; that page cast to jsonb 0.56 ms.
--
-- So:
--   - chat.sessions.card holds the row as the API returns it (every column but search_text and
--     the card's own two; timestamps in UTC), written by the last BEFORE trigger of every insert
--     and update (zz_card, after z_stamp has set the versions), with card_version, the
--     sync_version it was built at. Writes with the triggers off (bulk loads, the demo reset's
--     renumbering of sync_version) leave it behind: a row whose card_version is not its
--     sync_version is built on the spot instead (chat_private.session_card_of), so a stale or
--     missing card is never served;
--   - list_sessions returns json (the same document; PostgREST and supabase-js see no
--     difference) assembled from the cards without parsing them: json_agg copies their text;
--   - changes_since takes its session rows from the cards too.
-- The card is the full row, so the SDK's SessionRowSchema is unchanged and there is no second
-- "full row" request to make.

-- The API's JSON of a session from the row's jsonb (to_jsonb of a chat.sessions row, or of a
-- record with the same column names): search_text and card dropped, tab derived from the status
-- (in a BEFORE trigger the generated columns still hold their old values). Kept as the jsonb's
-- text, so it is the document list_sessions returned before.
create function chat_private.session_card(p_row jsonb) returns json
language sql immutable parallel safe
set search_path = ''
as $$
  select ((p_row - 'search_text' - 'card' - 'card_version')
    || jsonb_build_object('tab', case when p_row ->> 'status' in ('active', 'paused') then 'active'
                                      else p_row ->> 'status' end))::text::json
$$;

-- A session row's card, timestamps rendered in UTC whatever the writer's TimeZone, so every
-- card of a list reads alike.
create function chat_private.session_card_of(p_session chat.sessions) returns json
language sql stable
set search_path = ''
set timezone = 'UTC'
as $$
  select chat_private.session_card(to_jsonb(p_session))
$$;

alter table chat.sessions add column card json, add column card_version bigint;

-- Existing rows: only the card is written (no guard, stamp, feed or event: nothing changed).
alter table chat.sessions disable trigger user;
update chat.sessions s set card = chat_private.session_card_of(s), card_version = s.sync_version;
alter table chat.sessions enable trigger user;

comment on column chat.sessions.card is
  'The row as the API returns it (JSON, timestamps in UTC), rewritten by trigger zz_card on every insert and update; list_sessions and changes_since serve it when card_version = sync_version.';
comment on column chat.sessions.card_version is
  'The sync_version the card was built at: another value (or null) means the row was written with the triggers off and the card is not used.';

create function chat_private.sessions_card() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.card := chat_private.session_card_of(new);
  new.card_version := new.sync_version;
  return new;
end;
$$;

-- BEFORE triggers fire in name order: zz_card after every rule and after z_stamp.
create trigger zz_card before insert or update on chat.sessions
  for each row execute function chat_private.sessions_card();

-- An attention row: the card with its `attention_reason` key (null in the last bucket), spliced
-- into the card's text (a card is always a JSON object, so its text ends with '}').
create function chat_private.card_with_attention(p_card json, p_reason jsonb) returns json
language sql immutable parallel safe
set search_path = ''
as $$
  select (left(p_card::text, -1) || ', "attention_reason": ' || coalesce(p_reason::text, 'null') || '}')::json
$$;

-- For list_sessions' choice between walking the tab and reading the ids (below) and for
-- 20261203001100_search_speed.sql: the share of the sessions (every broker's) whose search text
-- contains the pattern, as the planner would guess it: the share of the statistics' histogram
-- of search_text that matches (1 when there are no statistics yet). Read from pg_stats rather
-- than by EXPLAIN: planning a statement on chat.sessions, with its many indexes, cost more
-- than the searches it served. SECURITY DEFINER: pg_stats shows only what the caller may read.
create function chat_private.search_session_fraction(p_pattern text) returns double precision
language sql stable
security definer
set search_path = ''
as $$
  select coalesce((
    select count(*) filter (where v.value like p_pattern)::double precision / nullif(count(*), 0)
    from pg_catalog.pg_stats st
    cross join lateral unnest(st.histogram_bounds::text::text[]) as v (value)
    where st.schemaname = 'chat' and st.tablename = 'sessions' and st.attname = 'search_text'), 1)
$$;

-- Same as 20261203000300_search_indexes.sql, returning json assembled from the cards. Each
-- page query gives its rows' cards and keys as arrays (no per-row JSON work); the items are
-- json_agg of the first p_limit cards, the cursor the keys of the p_limit-th row.
drop function chat.list_sessions(text, text, text, jsonb, integer);
create function chat.list_sessions(
  p_tab text default 'active',
  p_sort text default 'recent',
  p_search text default null,
  p_cursor jsonb default null,
  p_limit integer default 50
) returns json
language plpgsql stable
set search_path = ''
as $$
declare
  -- auth.uid() and the usual limit inline (the helpers are PL/pgSQL calls with their own
  -- settings); require_user and page_limit still give the errors.
  v_user uuid := coalesce(auth.uid(), chat_private.require_user());
  v_limit integer := case when p_limit between 1 and 200 then p_limit else chat_private.page_limit(p_limit, 200) end;
  v_pattern text;
  v_codes text[];
  v_indexed boolean := false;
  v_message_ids uuid[];
  v_ids uuid[];
  v_match text;
  v_code_patterns text[];
  v_walk integer := 2000;
  v_skip_walk boolean := false;
  v_walked integer;
  v_wanted integer;
  v_cards json[] := '{}';
  v_page json[];
  v_page_ids uuid[];
  v_page_pinned boolean[];
  v_page_at timestamptz[];
  v_k integer;
  v_bucket integer;
  v_start_bucket integer := 0;
  v_c_pinned boolean;
  v_c_time timestamptz;
  v_c_id uuid;
  v_next jsonb;
  v_items json;
  v_clock bigint;
  v_from_pinned boolean;
  v_from_time timestamptz;
  v_from_id uuid;
  v_today date;
  v_where text;
  v_order text;
  v_select text;
  v_card text := 's.api_card';
  -- Each row's card (see the top): the stored one when current, else built now.
  v_current text := 'case when s.card_version = s.sync_version then s.card else chat_private.session_card_of(s) end as api_card';
begin
  if p_tab is null or p_tab not in ('active', 'completed', 'archived', 'trash') then
    perform chat_private.raise_error('validation', format('Unknown tab %s', coalesce(quote_literal(p_tab), 'null')),
      'Tabs: active, completed, archived, trash');
  end if;
  if p_sort is null or p_sort not in ('recent', 'attention') then
    perform chat_private.raise_error('validation', format('Unknown order %s', coalesce(quote_literal(p_sort), 'null')),
      'Orders: recent, attention');
  end if;
  if p_search is not null then
    v_pattern := chat_private.search_pattern(p_search);
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

  -- The common page (no search; recent order, or the trash): one statement gives the cards of
  -- the first p_limit rows and, when the page is full and another row follows its last one,
  -- the cursor (the last row's keys). The rows come from a subquery in the page's order with
  -- nothing joined after it, so json_agg sees them in that order. Without a cursor the page
  -- starts before the greatest possible key. The probe for a next row is a scalar subquery
  -- ordered like the page, so it reads the next entry of the same index (the planner drops the
  -- ORDER BY and LIMIT of an EXISTS, and may then scan the table). Static statements: PL/pgSQL plans them once per
  -- connection (planning a statement on chat.sessions, with its many indexes, costs about as
  -- much as running this page). p_limit ($5) is set to the clamped limit first.
  -- The bounds are plain variables in the statements: a generic plan keeps a row comparison with
  -- parameters as an index condition, but not one with coalesce(…) in it (it filtered 50 000 rows).
  p_limit := v_limit;
  v_from_pinned := coalesce(v_c_pinned, true);
  v_from_time := coalesce(v_c_time, 'infinity');
  v_from_id := coalesce(v_c_id, 'ffffffff-ffff-ffff-ffff-ffffffffffff');
  if v_pattern is null and p_tab = 'trash' then
    with page as (
      select case when s.card_version = s.sync_version then s.card else chat_private.session_card_of(s) end as card,
        s.deleted_at, s.id
      from chat.sessions s
      where s.owner_id = v_user and s.deleted_at is not null
        and (s.deleted_at, s.id) < (v_from_time, v_from_id)
      order by s.deleted_at desc, s.id desc limit $5
    ),
    last as (
      select json_agg(p.card) as items, count(*) as n, (array_agg(p.deleted_at))[$5] as at, (array_agg(p.id))[$5] as id
      from page p
    )
    select l.items, case when l.n = $5 and (
        select s.id from chat.sessions s
        where s.owner_id = v_user and s.deleted_at is not null and (s.deleted_at, s.id) < (l.at, l.id)
        order by s.deleted_at desc, s.id desc limit 1) is not null
      then jsonb_build_object('at', l.at, 'id', l.id) end
    into v_items, v_next
    from last l;
  elsif v_pattern is null and p_sort = 'recent' then
    with page as (
      select case when s.card_version = s.sync_version then s.card else chat_private.session_card_of(s) end as card,
        s.pinned, s.last_activity_at, s.id
      from chat.sessions s
      where s.owner_id = v_user and s.tab = p_tab and s.deleted_at is null
        and (s.pinned, s.last_activity_at, s.id) < (v_from_pinned, v_from_time, v_from_id)
      order by s.pinned desc, s.last_activity_at desc, s.id desc limit $5
    ),
    last as (
      select json_agg(p.card) as items, count(*) as n, (array_agg(p.pinned))[$5] as pinned,
        (array_agg(p.last_activity_at))[$5] as at, (array_agg(p.id))[$5] as id
      from page p
    )
    select l.items, case when l.n = $5 and (
        select s.id from chat.sessions s
        where s.owner_id = v_user and s.tab = p_tab and s.deleted_at is null
          and (s.pinned, s.last_activity_at, s.id) < (l.pinned, l.at, l.id)
        order by s.pinned desc, s.last_activity_at desc, s.id desc limit 1) is not null
      then jsonb_build_object('pinned', l.pinned, 'at', l.at, 'id', l.id) end
    into v_items, v_next
    from last l;
  end if;
  if v_pattern is null and (p_tab = 'trash' or p_sort = 'recent') then
    select o.clock into v_clock from chat.owner_state o where o.owner_id = v_user;
    return json_build_object('items', coalesce(v_items, '[]'::json), 'next_cursor', v_next,
      'version', coalesce(v_clock, 0));
  end if;

  v_today := (now() at time zone 'utc')::date;
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
    -- Rare everywhere (no airport named, few sessions with a matching message, and the planner
    -- expects fewer than 10 of the walked rows to match by their search text): the walk would
    -- not fill the page, so read the ids from the indexes at once.
    v_skip_walk := v_message_ids is not null and cardinality(v_message_ids) <= 1000 and cardinality(v_codes) = 0
      and chat_private.search_session_fraction(v_pattern) * v_walk < 10;
    v_match := '(s.search_text like $3 or (s.search_text like any ($13) and chat_private.leg_codes(s.legs) && $10) or '
      || case when v_message_ids is not null then 's.id in (select unnest($12::uuid[])))'
         else 'exists (select 1 from chat.messages m where m.owner_id = s.owner_id and m.session_id = s.id '
           || 'and lower(m.content) like $3))' end;
  end if;

  -- Parameters: $1 owner, $2 tab, $3 search pattern, $4 cursor pinned, $5 cursor time,
  -- $6 cursor id, $7 today (UTC), $8 rows wanted, $9 attention bucket, $10 airport codes the
  -- search names, $11 rows the walk may test, $12 session ids (from messages in the walk; all
  -- matching ones in the index way), $13 LIKE patterns of those codes (the walk).
  for v_bucket in v_start_bucket .. case when p_tab <> 'trash' and p_sort = 'attention' then 3 else v_start_bucket end loop
    exit when cardinality(v_cards) > v_limit;
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
        v_card := 'chat_private.card_with_attention(s.api_card, '
          || 'chat_private.attention_reason($9, s.unread_count, s.departs_on, s.resume_at, $7))';
      end if;
      if p_cursor is not null and v_bucket = v_start_bucket then
        v_where := v_where || case
          when p_sort = 'recent' or v_bucket = 3 then ' and (s.pinned, s.last_activity_at, s.id) < ($4, $5, $6)'
          else ' and (s.last_activity_at, s.id) < ($5, $6)'
        end;
      end if;
    end if;
    -- The rows come from a subquery in the page's order with nothing joined after it, so the
    -- aggregates see them in that order (no sort inside the aggregates).
    v_select := format('select coalesce(array_agg(%1$s), ''{}''), coalesce(array_agg(s.id), ''{}''), '
      'coalesce(array_agg(s.pinned), ''{}''), coalesce(array_agg(%2$s), ''{}'') ',
      v_card, case when p_tab = 'trash' then 's.deleted_at' else 's.last_activity_at' end);
    v_wanted := v_limit + 1 - cardinality(v_cards);
    v_page := null;

    if v_pattern is not null and v_indexed then
      -- The walk, bounded: the first $11 rows of the tab after the cursor, tested one by one
      -- (the messages through $12 when they were read from the index).
      if not v_skip_walk then
        execute v_select || format(
          'from (select * from (select s.*, ' || v_current
          || ' from chat.sessions s where %1$s order by %2$s limit $11) s '
          'where %3$s order by %2$s limit $8) s', v_where, v_order, v_match)
          into v_page, v_page_ids, v_page_pinned, v_page_at
          using v_user, p_tab, v_pattern, v_c_pinned, v_c_time, v_c_id, v_today, v_wanted, v_bucket, v_codes,
                v_walk, v_message_ids, v_code_patterns;
      end if;
      if v_skip_walk or cardinality(v_page) < v_wanted then
        if not v_skip_walk then
          execute format('select count(*) from (select 1 from chat.sessions s where %1$s limit $11) s', v_where)
            into v_walked
            using v_user, p_tab, v_pattern, v_c_pinned, v_c_time, v_c_id, v_today, v_wanted, v_bucket, v_codes,
                  v_walk;
        end if;
        if v_skip_walk or v_walked >= v_walk then
          -- The walk ran out before the page was full: rare matches, read the ids from the indexes.
          if v_ids is null then
            v_ids := chat_private.search_session_ids(v_pattern, v_codes, v_message_ids);
          end if;
          -- Few ids: read each by its primary key and sort them. Many: walk the tab in order
          -- with the ids in a hash table (coalesce keeps the planner from turning it into a join);
          -- they are then dense enough to fill the page soon.
          execute v_select || format(
            'from (select s.*, ' || v_current
            || ' from chat.sessions s where %1$s and %3$s order by %2$s limit $8) s',
            v_where, v_order, case when cardinality(v_ids) <= 1000 then 's.id in (select unnest($12::uuid[]))'
              else 'coalesce(s.id in (select unnest($12::uuid[])), false)' end)
            into v_page, v_page_ids, v_page_pinned, v_page_at
            using v_user, p_tab, v_pattern, v_c_pinned, v_c_time, v_c_id, v_today, v_wanted, v_bucket, v_codes,
                  v_walk, v_ids;
        end if;
      end if;
    else
      if v_pattern is not null then
        v_where := v_where || ' and chat_private.session_matches(s.id, s.owner_id, s.search_text, s.legs, $3, $10)';
      end if;
      execute v_select || format('from (select s.*, ' || v_current
        || ' from chat.sessions s where %1$s order by %2$s limit $8) s',
        v_where, v_order)
        into v_page, v_page_ids, v_page_pinned, v_page_at
        using v_user, p_tab, v_pattern, v_c_pinned, v_c_time, v_c_id, v_today, v_wanted, v_bucket, v_codes;
    end if;

    -- The cursor is the last row of the page (the v_limit-th overall), in whichever bucket it is.
    if v_next is null and cardinality(v_cards) + cardinality(v_page) >= v_limit then
      v_k := v_limit - cardinality(v_cards);
      v_next := case
        when p_tab = 'trash' then jsonb_build_object('at', v_page_at[v_k], 'id', v_page_ids[v_k])
        when p_sort = 'recent' then jsonb_build_object('pinned', v_page_pinned[v_k],
          'at', v_page_at[v_k], 'id', v_page_ids[v_k])
        else jsonb_build_object('bucket', v_bucket, 'pinned', v_page_pinned[v_k],
          'at', v_page_at[v_k], 'id', v_page_ids[v_k])
      end;
    end if;
    v_cards := v_cards || v_page;
  end loop;

  if cardinality(v_cards) <= v_limit then
    v_next := null;
  end if;
  select json_agg(c.card) into v_items from unnest(v_cards[1:v_limit]) as c (card);
  return json_build_object(
    'items', coalesce(v_items, '[]'::json),
    'next_cursor', v_next,
    'version', coalesce((select o.clock from chat.owner_state o where o.owner_id = v_user), 0)
  );
end;
$$;

revoke all on function chat.list_sessions(text, text, text, jsonb, integer) from public, anon, authenticated, service_role;
grant execute on function chat.list_sessions(text, text, text, jsonb, integer) to authenticated, service_role;
revoke all on function
  chat_private.sessions_card(),
  chat_private.session_card(jsonb),
  chat_private.session_card_of(chat.sessions),
  chat_private.card_with_attention(json, jsonb)
from public, anon, authenticated, service_role;
-- list_sessions and the trigger run as the caller (the functions only compute from their arguments).
revoke all on function chat_private.search_session_fraction(text) from public, anon, authenticated, service_role;
grant execute on function chat_private.search_session_fraction(text) to authenticated, service_role;
grant execute on function
  chat_private.session_card(jsonb),
  chat_private.session_card_of(chat.sessions),
  chat_private.card_with_attention(json, jsonb)
to authenticated, service_role;

-- Same as 20261125000300_chat_api.sql, the sessions' rows from their cards (when current).
-- Everything of the caller's that changed after p_since, in clock order: {version, has_more,
-- sessions, threads, messages, deleted}. Gap-free: pass `version` back as p_since; nothing that
-- commits later can carry a lower version (see chat_private.tick). Sessions moved to the trash
-- come back with deleted_at set; purged ones in `deleted`.
create or replace function chat.changes_since(
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
    select x.sync_version as v,
      case when x.card_version = x.sync_version then x.card else chat_private.session_card_of(x) end::jsonb as j
    from chat.sessions x
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
