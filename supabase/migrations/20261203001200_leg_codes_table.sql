-- Search counts for a place (#16): "Teterboro" names KTEB and TEB, which are in the legs of 3 261
-- of broker 1's 100 000 sessions. The GIN index on chat_private.leg_codes(legs) finds them, but
-- counting them per tab must then read each session's heap page (3 261 pages, about 7 ms warm
-- and several times that on a busy machine): a bitmap scan never answers from the index alone.
--
-- chat_private.session_leg_codes keeps one row per (session, airport code) with where the session
-- sits ('active', 'completed', 'archived' or 'trash'), kept by a trigger on chat.sessions. Its
-- primary key (owner_id, code, session_id) includes the bucket, so the matches of a code and
-- their buckets are an index-only range scan: a few dozen index pages for those 3 261 sessions.
--
-- Least privilege: no API role may read or write the table (row-level security on, no policy,
-- no grant); only the SECURITY DEFINER search helpers read it, always for require_user() alone,
-- and only the trigger (SECURITY DEFINER) writes it.
create table chat_private.session_leg_codes (
  owner_id uuid not null,
  code text not null,
  session_id uuid not null references chat.sessions (id) on delete cascade,
  bucket text not null,
  primary key (owner_id, code, session_id) include (bucket)
);
create index session_leg_codes_session_idx on chat_private.session_leg_codes (session_id);
alter table chat_private.session_leg_codes enable row level security;
revoke all on chat_private.session_leg_codes from public, anon, authenticated, service_role;
comment on table chat_private.session_leg_codes is
  'Each session''s airport codes (chat_private.leg_codes) with its bucket (tab, or trash), kept by trigger sessions_leg_codes; read by the search helpers only.';

-- Where a session sits for the search counts.
create function chat_private.session_bucket(p_tab text, p_deleted_at timestamptz) returns text
language sql immutable parallel safe
set search_path = ''
as $$
  select case when p_deleted_at is not null then 'trash' else p_tab end
$$;

-- AFTER trigger: the generated tab is known here. Rewrites the session's rows when its legs or
-- bucket changed (most writes, e.g. a new message, change neither).
create function chat_private.sessions_leg_codes() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and old.legs = new.legs
     and chat_private.session_bucket(old.tab, old.deleted_at) = chat_private.session_bucket(new.tab, new.deleted_at) then
    return null;
  end if;
  if tg_op = 'UPDATE' then
    delete from chat_private.session_leg_codes l where l.session_id = new.id;
  end if;
  insert into chat_private.session_leg_codes (owner_id, code, session_id, bucket)
  select distinct new.owner_id, c.code, new.id, chat_private.session_bucket(new.tab, new.deleted_at)
  from unnest(chat_private.leg_codes(new.legs)) as c (code);
  return null;
end;
$$;

create trigger sessions_leg_codes after insert or update on chat.sessions
  for each row execute function chat_private.sessions_leg_codes();

insert into chat_private.session_leg_codes (owner_id, code, session_id, bucket)
select distinct s.owner_id, c.code, s.id, chat_private.session_bucket(s.tab, s.deleted_at)
from chat.sessions s
cross join lateral unnest(chat_private.leg_codes(s.legs)) as c (code);

-- Same as 20261203001100_search_speed.sql, the legs' matches from the table above.
create or replace function chat_private.search_session_buckets(p_pattern text, p_codes text[])
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
    select s.id, chat_private.session_bucket(s.tab, s.deleted_at) as bucket
    from chat.sessions s
    where s.owner_id = v_user and s.search_text like v_narrow and (s.search_text || '') like p_pattern
    union all
    select l.session_id, l.bucket
    from chat_private.session_leg_codes l
    where l.owner_id = v_user and l.code = any (p_codes)
    union all
    select s.id, chat_private.session_bucket(s.tab, s.deleted_at)
    from chat.sessions s
    where s.owner_id = v_user and s.id = any (v_message_ids)
  ) x
  group by x.id;
end;
$$;

-- Same as 20261203001100_search_speed.sql, the legs' matches from the table above.
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
    select l.session_id from chat_private.session_leg_codes l
    where l.owner_id = v_user and l.code = any (p_codes)
    union all
    -- Ids handed in are kept only when they are the caller's own sessions too.
    select s.id from chat.sessions s
    where s.owner_id = v_user
      and s.id = any(coalesce(p_message_ids, chat_private.search_message_session_ids(p_pattern)))
  ) x;
  return v_ids;
end;
$$;

revoke all on function
  chat_private.session_bucket(text, timestamptz),
  chat_private.sessions_leg_codes()
from public, anon, authenticated, service_role;
