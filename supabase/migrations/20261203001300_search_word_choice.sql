-- Cheaper choice of the rarest word (#16). 20261203001100_search_speed.sql asks the trigram
-- indexes for the rarest word of a search, chosen per word: one EXPLAIN on chat.messages
-- (search_message_estimate) or one call of search_session_fraction (a `language sql` function
-- reading pg_stats) for each word. Neither plan is kept: EXPLAIN plans its statement on every
-- call, and a SQL function that cannot be inlined (SECURITY DEFINER, SET search_path) plans its
-- body again for each statement that calls it, so a title search paid a planning of the pg_stats
-- view (≈ 0.5 ms) per word and per helper, twice or three times per request.
--
-- Now:
-- - a search with one word (or none) is narrowed to it without any statistics (the choice
--   among one word needs none: the same narrowing as before);
-- - with more words, search_rarest_word reads the statistics once (one row of pg_stats, in
--   PL/pgSQL, so its plan is kept for the session) and ranks every word in one statement: the
--   share of the histogram that contains the word, as the planner estimates LIKE '%word%',
--   plus the most common values that contain it. For the messages these are the statistics
--   of the trigram index's expression lower(content) (ANALYZE gathers them for expression
--   indexes), the very numbers the EXPLAIN estimate came from. Ties (commonly: no sampled
--   row holds either word, both are rare) go to the word typed first: for "chat #4321" in
--   the bench, "chat" (in none of broker 1's messages) rather than "4321" (in 82);
-- - search_session_fraction is the same computation in PL/pgSQL (its plan kept).
-- The matches are unchanged: the index is asked for one word of the pattern and the whole
-- pattern is rechecked on every row it returns, whichever word is chosen.

-- The word of p_words (letters and digits, no LIKE wildcard) that the statistics expect in
-- the fewest rows (the first of p_words on a tie): of chat.messages' lower(content) when
-- p_messages, else of chat.sessions.search_text. SECURITY DEFINER: pg_stats shows only what
-- the caller may read (nothing of a table under row-level security); it reads statistics
-- only, never a row, and only for a signed-in caller.
create function chat_private.search_rarest_word(p_words text[], p_messages boolean) returns text
language plpgsql stable
security definer
set search_path = ''
as $$
declare
  v_user uuid := chat_private.require_user();
  v_hist text[];
  v_common text[];
  v_freqs real[];
  v_rest double precision;
  v_word text;
begin
  select st.histogram_bounds::text::text[], st.most_common_vals::text::text[], st.most_common_freqs,
    1 - st.null_frac - coalesce((select sum(f) from unnest(st.most_common_freqs) as f), 0)
  into v_hist, v_common, v_freqs, v_rest
  from pg_catalog.pg_stats st
  where st.schemaname = 'chat'
    and st.tablename = case when p_messages then 'messages_content_trgm_idx' else 'sessions' end
    and st.attname = case when p_messages then 'lower' else 'search_text' end
    and v_user is not null
  limit 1;
  select w.word into v_word
  from unnest(p_words) with ordinality as w (word, n)
  order by
    coalesce((select sum(c.freq) from unnest(v_common, v_freqs) as c (value, freq)
              where c.value like '%' || w.word || '%'), 0)
    + coalesce(v_rest, 1) * coalesce((select count(*) filter (where h.value like '%' || w.word || '%')::double precision
                                      / nullif(count(*), 0) from unnest(v_hist) as h (value)), 1),
    w.n
  limit 1;
  return v_word;
end;
$$;

-- The LIKE pattern a trigram index is asked for: '%<word>%' for the pattern's rarest word (of
-- chat.messages' lower(content) when p_messages, else of the sessions' search text), the
-- pattern itself when it has no word.
create function chat_private.search_narrow(p_pattern text, p_messages boolean) returns text
language plpgsql stable
set search_path = ''
as $$
declare
  -- The words: three or more letters or digits in a row, each once, in the order typed.
  v_words text[] := array(select m.w[1] from regexp_matches(p_pattern, '[[:alnum:]]{3,}', 'g') with ordinality as m (w, n)
                           group by m.w[1] order by min(m.n));
begin
  if cardinality(v_words) = 0 then
    return p_pattern;
  elsif cardinality(v_words) = 1 then
    return '%' || v_words[1] || '%';
  end if;
  return '%' || chat_private.search_rarest_word(v_words, p_messages) || '%';
end;
$$;

-- Same as 20261203001100_search_speed.sql, for message text.
create or replace function chat_private.search_message_narrow(p_pattern text) returns text
language plpgsql stable
set search_path = ''
as $$
begin
  return chat_private.search_narrow(p_pattern, true);
end;
$$;

-- As search_message_narrow, for the sessions' search text.
create or replace function chat_private.search_session_narrow(p_pattern text) returns text
language plpgsql stable
set search_path = ''
as $$
begin
  return chat_private.search_narrow(p_pattern, false);
end;
$$;

-- Same as 20261203001000_session_cards.sql, in PL/pgSQL so that its plan is kept.
create or replace function chat_private.search_session_fraction(p_pattern text) returns double precision
language plpgsql stable
security definer
set search_path = ''
as $$
declare
  v_hist text[];
begin
  select st.histogram_bounds::text::text[] into v_hist
  from pg_catalog.pg_stats st
  where st.schemaname = 'chat' and st.tablename = 'sessions' and st.attname = 'search_text'
  limit 1;
  return coalesce((select count(*) filter (where h.value like p_pattern)::double precision / nullif(count(*), 0)
                   from unnest(v_hist) as h (value)), 1);
end;
$$;

revoke all on function
  chat_private.search_rarest_word(text[], boolean),
  chat_private.search_narrow(text, boolean)
from public, anon, authenticated, service_role;
grant execute on function
  chat_private.search_rarest_word(text[], boolean),
  chat_private.search_narrow(text, boolean)
to authenticated, service_role;

-- Custom plans for the union of the matches. PL/pgSQL keeps the plan of search_session_buckets'
-- RETURN QUERY (and of search_session_ids' select) and, from the sixth call of a session on,
-- may switch to a generic plan that knows neither the LIKE pattern nor the airport codes: at
-- 100 000 sessions / 3 M messages (broker 1) search_counts('Teterboro') took 8.7 ms with it
-- against 2.2 ms with a plan per call, the title search's buckets 7.2 against 1.8 ms (the
-- "fresh transaction" cost of the bench: its first calls were fast, every later one slow).
alter function chat_private.search_session_buckets(text, text[]) set plan_cache_mode = force_custom_plan;
alter function chat_private.search_session_ids(text, text[], uuid[]) set plan_cache_mode = force_custom_plan;
