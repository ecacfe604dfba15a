-- Faster indexed search (#16): the same matches as 20261203000300_search_indexes.sql, with two
-- costs found by EXPLAIN (ANALYZE, BUFFERS) at 100 000 sessions / 3 M messages (broker 1):
--
-- 1. Message text "request #4321": the trigram GIN index read 1 477 pages (17 ms warm) for 46
--    candidates. A LIKE needs every trigram of the pattern, and GIN checks each candidate against
--    each trigram's posting tree: the common ones ("req", "que", "est", " 43" …, in most messages)
--    cost a descent per candidate. The rarest word alone ('%4321%': two trigrams) read 123 pages.
--    So the index is asked for the rarest word of the search (by the planner's estimate of each
--    word, from the statistics of lower(content)) and the whole pattern is rechecked on the rows
--    it returns (through an expression the index cannot serve, so it stays a recheck).
-- 2. Counts ("Teterboro": 3 261 sessions with a leg at KTEB/TEB): search_session_ids visited each
--    matching session's page to collect distinct ids, then search_counts read every id again by
--    its primary key to learn its tab. Now one pass: each branch returns the id with its tab, and
--    the counts are taken from their union.
--
-- 3. The sessions' search text has the same common trigrams (the last message preview): its
--    trigram index is asked for the rarest word too (by the planner's estimate on search_text,
--    chat_private.search_session_fraction of 20261203001000_session_cards.sql).
-- 4. list_sessions walked 2 000 rows of the tab before using the ids even when the planner
--    could tell the matches were rare (12 ms of the 25 ms of "request #4321"); it now goes
--    straight to the ids when no airport is named, the message matches are few and the
--    estimate says the walk would not fill a page (see 20261203001000_session_cards.sql).
--
-- Row-level security as before: SECURITY DEFINER helpers in chat_private that filter every
-- branch on require_user() (never an argument), so they can only ever see the caller's rows.

-- The LIKE pattern the trigram index is asked for: '%<word>%' for the word (three or more letters
-- or digits in a row) of the pattern that the planner expects in the fewest messages; the pattern
-- itself when it has no such word. (Volatile: search_message_estimate runs EXPLAIN.)
create function chat_private.search_message_narrow(p_pattern text) returns text
language plpgsql volatile
set search_path = ''
as $$
declare
  v_word text;
  v_rows double precision;
  v_best double precision;
  v_narrow text := p_pattern;
begin
  for v_word in select distinct w[1] from regexp_matches(p_pattern, '[[:alnum:]]{3,}', 'g') as w loop
    v_rows := chat_private.search_message_estimate('%' || v_word || '%');
    if v_best is null or v_rows < v_best then
      v_best := v_rows;
      v_narrow := '%' || v_word || '%';
    end if;
  end loop;
  return v_narrow;
end;
$$;

-- As search_message_narrow, for the sessions' search text.
create function chat_private.search_session_narrow(p_pattern text) returns text
language plpgsql volatile
set search_path = ''
as $$
declare
  v_word text;
  v_share double precision;
  v_best double precision;
  v_narrow text := p_pattern;
begin
  for v_word in select distinct w[1] from regexp_matches(p_pattern, '[[:alnum:]]{3,}', 'g') as w loop
    v_share := chat_private.search_session_fraction('%' || v_word || '%');
    if v_best is null or v_share < v_best then
      v_best := v_share;
      v_narrow := '%' || v_word || '%';
    end if;
  end loop;
  return v_narrow;
end;
$$;

-- Same as 20261203000300_search_indexes.sql, the search text read through its rarest word.
create or replace function chat_private.search_session_ids(p_pattern text, p_codes text[], p_message_ids uuid[] default null)
returns uuid[]
language plpgsql stable
security definer
set search_path = ''
as $$
declare
  v_user uuid := chat_private.require_user();
  v_narrow text := chat_private.search_session_narrow(p_pattern);
  v_ids uuid[];
begin
  select coalesce(array_agg(distinct x.id), '{}') into v_ids
  from (
    select s.id from chat.sessions s
    where s.owner_id = v_user and s.search_text like v_narrow and (s.search_text || '') like p_pattern
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

-- Same as 20261203000300_search_indexes.sql, asking the index for the rarest word only.
create or replace function chat_private.search_message_session_ids(p_pattern text) returns uuid[]
language plpgsql stable
security definer
set search_path = ''
as $$
declare
  v_user uuid := chat_private.require_user();
  v_narrow text := chat_private.search_message_narrow(p_pattern);
  v_ids uuid[];
begin
  -- `|| ''`: the whole pattern is a recheck of the index's rows, never an index condition.
  select coalesce(array_agg(distinct m.session_id), '{}') into v_ids
  from chat.messages m
  where m.owner_id = v_user and lower(m.content) like v_narrow
    and (lower(m.content) || '') like p_pattern;
  return v_ids;
end;
$$;

-- The caller's matching sessions (any tab, trash included) with where each sits: 'active',
-- 'completed', 'archived' or 'trash'. Exactly those for which chat_private.session_matches is
-- true, each once. SECURITY DEFINER, only the caller's own rows (see the top).
create function chat_private.search_session_buckets(p_pattern text, p_codes text[])
returns table (id uuid, bucket text)
language plpgsql stable
security definer
set search_path = ''
as $$
declare
  v_user uuid := chat_private.require_user();
  v_message_ids uuid[] := chat_private.search_message_session_ids(p_pattern);
  v_narrow text := chat_private.search_session_narrow(p_pattern);
begin
  return query
  select x.id, min(x.bucket)
  from (
    select s.id, case when s.deleted_at is not null then 'trash' else s.tab end as bucket
    from chat.sessions s
    where s.owner_id = v_user and s.search_text like v_narrow and (s.search_text || '') like p_pattern
    union all
    select s.id, case when s.deleted_at is not null then 'trash' else s.tab end
    from chat.sessions s
    where s.owner_id = v_user and cardinality(p_codes) > 0 and chat_private.leg_codes(s.legs) && p_codes
    union all
    select s.id, case when s.deleted_at is not null then 'trash' else s.tab end
    from chat.sessions s
    where s.owner_id = v_user and s.id = any (v_message_ids)
  ) x
  group by x.id;
end;
$$;

-- Same as 20261203000300_search_indexes.sql, counting in one pass over the matches.
create or replace function chat.search_counts(p_search text) returns jsonb
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
  if v_pattern is not null and chat_private.search_indexed(p_search) then
    select jsonb_build_object(
      'active', count(*) filter (where b.bucket = 'active'),
      'completed', count(*) filter (where b.bucket = 'completed'),
      'archived', count(*) filter (where b.bucket = 'archived'),
      'trash', count(*) filter (where b.bucket = 'trash')
    ) into v_counts
    from chat_private.search_session_buckets(v_pattern, v_codes) as b;
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
  chat_private.search_session_narrow(text),
  chat_private.search_message_narrow(text),
  chat_private.search_session_buckets(text, text[])
from public, anon, authenticated, service_role;
grant execute on function
  chat_private.search_session_narrow(text),
  chat_private.search_message_narrow(text),
  chat_private.search_session_buckets(text, text[])
to authenticated, service_role;
