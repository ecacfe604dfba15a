-- Chat Sessions: the rules every write obeys, whatever path it takes (RPC or a direct write):
-- validation with clear errors, lifecycle transitions, protected columns, counters and the
-- change-feed clock. Guards run as the caller (SECURITY INVOKER, so row-level security applies
-- to what they read); bookkeeping triggers run as the table owner because users may not write
-- counters themselves.

-- Raises a domain error that PostgREST turns into an HTTP status (PTxyz → xyz), with a stable
-- code in `details` (validation, not_found, conflict, invalid_transition, in_trash, forbidden)
-- and a human hint.
create function chat_private.raise_error(p_code text, p_message text, p_hint text default null)
returns void
language plpgsql
set search_path = ''
as $$
declare
  v_state text := case p_code
    when 'validation' then 'PT400'
    when 'not_found' then 'PT404'
    when 'conflict' then 'PT409'
    when 'invalid_transition' then 'PT409'
    when 'in_trash' then 'PT409'
    when 'forbidden' then '42501'
    when 'unauthenticated' then '42501'
    else 'P0001'
  end;
begin
  if p_hint is null then
    raise exception using errcode = v_state, message = p_message, detail = p_code;
  end if;
  raise exception using errcode = v_state, message = p_message, detail = p_code, hint = p_hint;
end;
$$;

-- True when the current role is one of the API roles (anon, authenticated, service_role), i.e.
-- a write coming from outside; false inside bookkeeping triggers and for migrations or seeds.
create function chat_private.is_api_role() returns boolean
language sql stable
set search_path = ''
as $$ select current_user in ('anon', 'authenticated', 'service_role') $$;

-- One-line preview of a message for cards and thread lists.
create function chat_private.preview(p_content text) returns text
language sql immutable parallel safe
set search_path = ''
as $$ select left(btrim(regexp_replace(p_content, '\s+', ' ', 'g')), 280) $$;

-- Validates flight-request legs: at most 12; each {from, to, date?, time?}; airport codes of 3
-- (IATA) or 4 (ICAO) upper-case letters; real dates that never go backwards; times HH:MM.
create function chat_private.check_legs(p_legs jsonb) returns void
language plpgsql stable
set search_path = ''
as $$
declare
  v_leg jsonb;
  v_index integer := 0;
  v_key text;
  v_date date;
  v_previous date;
  v_side text;
begin
  if p_legs is null or jsonb_typeof(p_legs) <> 'array' then
    perform chat_private.raise_error('validation', 'Legs must be a JSON array of {from, to, date, time} objects');
  end if;
  if jsonb_array_length(p_legs) > 12 then
    perform chat_private.raise_error('validation',
      format('A flight request has at most 12 legs (got %s)', jsonb_array_length(p_legs)));
  end if;
  for v_leg in select value from jsonb_array_elements(p_legs) loop
    v_index := v_index + 1;
    if jsonb_typeof(v_leg) <> 'object' then
      perform chat_private.raise_error('validation', format('Leg %s must be an object {from, to, date, time}', v_index));
    end if;
    for v_key in select jsonb_object_keys(v_leg) loop
      if v_key not in ('from', 'to', 'date', 'time') then
        perform chat_private.raise_error('validation', format('Leg %s has an unknown field "%s"', v_index, v_key),
          'A leg has the fields from, to, date and time');
      end if;
    end loop;
    foreach v_side in array array['from', 'to'] loop
      if jsonb_typeof(v_leg -> v_side) is distinct from 'string' or (v_leg ->> v_side) !~ '^[A-Z]{3,4}$' then
        perform chat_private.raise_error('validation',
          format('Leg %s: the "%s" airport must be a 3-letter IATA or 4-letter ICAO code in capitals (got %s)',
            v_index, v_side, coalesce(v_leg -> v_side, 'null'::jsonb)));
      end if;
    end loop;
    if v_leg ->> 'from' = v_leg ->> 'to' then
      perform chat_private.raise_error('validation',
        format('Leg %s departs from and arrives at the same airport (%s)', v_index, v_leg ->> 'from'));
    end if;
    if coalesce(jsonb_typeof(v_leg -> 'date'), 'null') <> 'null' then
      if jsonb_typeof(v_leg -> 'date') <> 'string' or (v_leg ->> 'date') !~ '^\d{4}-\d{2}-\d{2}$' then
        perform chat_private.raise_error('validation',
          format('Leg %s: the date must be written YYYY-MM-DD (got %s)', v_index, v_leg -> 'date'));
      end if;
      begin
        v_date := (v_leg ->> 'date')::date;
      exception when others then
        perform chat_private.raise_error('validation',
          format('Leg %s: %s is not a calendar date', v_index, v_leg ->> 'date'));
      end;
      if v_previous is not null and v_date < v_previous then
        perform chat_private.raise_error('validation',
          format('Leg %s departs on %s, before the previous leg (%s): a return cannot be before the departure',
            v_index, v_date, v_previous));
      end if;
      v_previous := v_date;
    end if;
    if coalesce(jsonb_typeof(v_leg -> 'time'), 'null') <> 'null'
       and (jsonb_typeof(v_leg -> 'time') <> 'string' or (v_leg ->> 'time') !~ '^([01][0-9]|2[0-3]):[0-5][0-9]$') then
      perform chat_private.raise_error('validation',
        format('Leg %s: the time must be written HH:MM, 24-hour (got %s)', v_index, v_leg -> 'time'));
    end if;
  end loop;
end;
$$;

-- Advances the owner's change-feed clock and returns the new value. Locks the owner's row until
-- the transaction ends, so one owner's writers commit in clock order (a gap-free feed).
create function chat_private.tick(p_owner_id uuid) returns bigint
language sql volatile
security definer
set search_path = ''
as $$
  insert into chat.owner_state as s (owner_id, clock) values (p_owner_id, 1)
  on conflict (owner_id) do update set clock = s.clock + 1
  returning s.clock
$$;

-- Stamps a row with the next clock value of its owner.
create function chat_private.stamp_sync_version() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  new.sync_version := chat_private.tick(new.owner_id);
  return new;
end;
$$;

-- Messages and threads go away only with their session (purge, or the user's account): a
-- direct delete would leave the counters of their parents wrong. Cascaded deletes run inside
-- the foreign key's own trigger, one level deeper.
create function chat_private.forbid_direct_delete() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if pg_trigger_depth() > 1 then
    return old;
  end if;
  perform chat_private.raise_error('forbidden',
    format('Rows of %s are removed only with their session', tg_table_name),
    'Delete the session to the trash; purge removes it with everything under it');
  return null;
end;
$$;

---------------------------------------------------------------------------------------------
-- Sessions
---------------------------------------------------------------------------------------------

create function chat_private.validate_session_fields(p_new chat.sessions) returns void
language plpgsql stable
set search_path = ''
as $$
begin
  if p_new.kind is null or p_new.kind not in ('flight_request', 'general') then
    perform chat_private.raise_error('validation',
      format('Unknown session kind %s', coalesce(quote_literal(p_new.kind), 'null')),
      'A session is a flight_request or a general chat');
  end if;
  if p_new.title is null then
    perform chat_private.raise_error('validation', 'A title cannot be null; use an empty string');
  end if;
  if char_length(p_new.title) > 200 then
    perform chat_private.raise_error('validation',
      format('A title has at most 200 characters (got %s)', char_length(p_new.title)));
  end if;
  if p_new.passengers is not null and p_new.passengers not between 1 and 999 then
    perform chat_private.raise_error('validation',
      format('Passengers must be between 1 and 999 (got %s)', p_new.passengers));
  end if;
  if p_new.trip_type is not null and p_new.trip_type not in ('one_way', 'round_trip', 'multi_leg') then
    perform chat_private.raise_error('validation', format('Unknown trip type %s', quote_literal(p_new.trip_type)),
      'Trip types: one_way, round_trip, multi_leg');
  end if;
  if p_new.stage is not null and p_new.stage not in (
    'understanding_request', 'searching_aircraft', 'requesting_quotes', 'analyzing_options',
    'proposal_ready', 'proposal_sent', 'contract_generated', 'contract_sent', 'payment_pending',
    'closed_won'
  ) then
    perform chat_private.raise_error('validation', format('Unknown stage %s', quote_literal(p_new.stage)));
  end if;
  if p_new.kind = 'general' and (p_new.trip_type is not null or p_new.passengers is not null
      or p_new.stage is not null or p_new.legs <> '[]'::jsonb) then
    perform chat_private.raise_error('validation', 'A general chat has no flight-request fields');
  end if;
  perform chat_private.check_legs(p_new.legs);
  if p_new.metadata is null or jsonb_typeof(p_new.metadata) <> 'object' then
    perform chat_private.raise_error('validation', 'Metadata must be a JSON object');
  end if;
  if pg_column_size(p_new.metadata) > 16384 then
    perform chat_private.raise_error('validation', 'Metadata is limited to 16 KB');
  end if;
  if p_new.external_ref is not null and char_length(p_new.external_ref) not between 1 and 200 then
    perform chat_private.raise_error('validation', 'An external reference has 1 to 200 characters');
  end if;
  if p_new.outcome is not null and p_new.outcome not in ('won', 'lost', 'cancelled') then
    perform chat_private.raise_error('validation', format('Unknown outcome %s', quote_literal(p_new.outcome)),
      'Outcomes: won, lost, cancelled');
  end if;
end;
$$;

-- Applies a status change to the new row, or raises invalid_transition. The table of allowed
-- transitions is ARCHITECTURE.md's; packages/sdk/src/lifecycle mirrors it (a test compares).
create function chat_private.apply_transition(p_old chat.sessions, p_new inout chat.sessions)
language plpgsql stable
set search_path = ''
as $$
begin
  if p_old.status = 'archived' then
    if p_new.status is distinct from p_old.status_before_archive then
      perform chat_private.raise_error('invalid_transition',
        format('An archived session can only be unarchived, back to %s (asked for %s)',
          p_old.status_before_archive, p_new.status),
        'Use unarchive');
    end if;
    p_new.status_before_archive := null;
    p_new.archived_at := null;
  elsif p_new.status = 'archived' then
    p_new.status_before_archive := p_old.status;
    p_new.archived_at := now();
  elsif (p_old.status, p_new.status) not in (
    ('active', 'paused'), ('paused', 'active'), ('active', 'completed'), ('paused', 'completed'),
    ('completed', 'active')
  ) then
    perform chat_private.raise_error('invalid_transition',
      format('A %s session cannot become %s', p_old.status, p_new.status));
  end if;

  if p_old.status = 'archived' then
    -- Unarchiving restores the earlier status as it was: outcome, completion time, resume time.
    null;
  elsif p_new.status = 'completed' then
    if p_new.outcome is null then
      perform chat_private.raise_error('validation',
        'Completing a session records an outcome', 'Outcomes: won, lost, cancelled');
    end if;
    p_new.completed_at := now();
  elsif p_new.status in ('active', 'paused') then
    p_new.outcome := null;
    p_new.completed_at := null;
  end if;
  if p_new.status in ('active', 'completed') then
    p_new.resume_at := null;
  end if;
end;
$$;

create function chat_private.sessions_guard() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_api boolean := chat_private.is_api_role();
begin
  if tg_op = 'INSERT' then
    if v_api then
      if current_user <> 'service_role' or new.owner_id is null then
        new.owner_id := auth.uid();
      end if;
      if new.owner_id is null then
        perform chat_private.raise_error('unauthenticated', 'Sign in to create sessions');
      end if;
      if new.status is distinct from 'active' then
        perform chat_private.raise_error('validation', 'A new session starts active');
      end if;
      new.status_before_archive := null;
      new.outcome := null;
      new.resume_at := null;
      new.created_at := now();
      new.updated_at := now();
      new.last_activity_at := now();
      new.completed_at := null;
      new.archived_at := null;
      new.deleted_at := null;
      new.last_message_preview := null;
      new.message_count := 0;
      new.unread_count := 0;
      new.thread_count := 0;
      new.replied_thread_count := 0;
      new.last_seq := 0;
      new.version := 1;
    end if;
    new.title := btrim(coalesce(new.title, ''));
    if new.kind = 'flight_request' and new.stage is null then
      new.stage := 'understanding_request';
    end if;
    perform chat_private.validate_session_fields(new);
  else
    if v_api then
      -- What only the database writes.
      new.id := old.id;
      new.owner_id := old.owner_id;
      new.kind := old.kind;
      new.status_before_archive := old.status_before_archive;
      new.created_at := old.created_at;
      new.updated_at := old.updated_at;
      new.last_activity_at := old.last_activity_at;
      new.completed_at := old.completed_at;
      new.archived_at := old.archived_at;
      new.last_message_preview := old.last_message_preview;
      new.message_count := old.message_count;
      new.unread_count := old.unread_count;
      new.thread_count := old.thread_count;
      new.replied_thread_count := old.replied_thread_count;
      new.last_seq := old.last_seq;
      new.version := old.version;
      -- The API may move a session to the trash and back; the time is the database's.
      if new.deleted_at is distinct from old.deleted_at then
        new.deleted_at := case
          when new.deleted_at is null then null
          when old.deleted_at is not null then old.deleted_at
          else now()
        end;
      end if;
      if old.deleted_at is not null and new.deleted_at is not null
         and (new.title, new.trip_type, new.legs, new.passengers, new.stage, new.status, new.outcome,
              new.pinned, new.resume_at, new.metadata, new.external_ref)
             is distinct from
             (old.title, old.trip_type, old.legs, old.passengers, old.stage, old.status, old.outcome,
              old.pinned, old.resume_at, old.metadata, old.external_ref) then
        perform chat_private.raise_error('in_trash', 'This session is in the trash', 'Restore it first');
      end if;
    end if;

    if new.title is distinct from old.title then
      new.title := btrim(coalesce(new.title, ''));
    end if;
    -- Checked on what the caller asked for, before the transition clears the outcome (reopen).
    if new.outcome is distinct from old.outcome and new.status <> 'completed' then
      perform chat_private.raise_error('validation', 'An outcome is recorded by completing the session');
    end if;
    if new.status is distinct from old.status then
      new := chat_private.apply_transition(old, new);
    end if;
    if new.resume_at is not null and new.status <> 'paused'
       and new.resume_at is distinct from old.resume_at then
      perform chat_private.raise_error('validation', 'A resume time is only set on a paused session');
    end if;

    if (new.kind, new.title, new.trip_type, new.legs, new.passengers, new.stage, new.outcome,
        new.metadata, new.external_ref)
       is distinct from
       (old.kind, old.title, old.trip_type, old.legs, old.passengers, old.stage, old.outcome,
        old.metadata, old.external_ref) then
      perform chat_private.validate_session_fields(new);
    end if;

    if (new.title, new.trip_type, new.legs, new.passengers, new.stage, new.status, new.outcome,
        new.pinned, new.resume_at, new.metadata, new.external_ref, new.deleted_at)
       is distinct from
       (old.title, old.trip_type, old.legs, old.passengers, old.stage, old.status, old.outcome,
        old.pinned, old.resume_at, old.metadata, old.external_ref, old.deleted_at) then
      new.version := old.version + 1;
      new.updated_at := now();
    end if;
  end if;

  new.departs_on := (
    select (leg ->> 'date')::date
    from jsonb_array_elements(new.legs) with ordinality as l (leg, n)
    where coalesce(jsonb_typeof(leg -> 'date'), 'null') = 'string'
    order by n
    limit 1
  );
  return new;
end;
$$;

-- Keeps the per-owner tab counts and unread total, and records purges for the change feed.
create function chat_private.sessions_bookkeeping() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_old_bucket text;
  v_new_bucket text;
  v_old_unread integer := 0;
  v_new_unread integer := 0;
  v_owner uuid;
begin
  if tg_op in ('UPDATE', 'DELETE') then
    v_owner := old.owner_id;
    v_old_bucket := case when old.deleted_at is not null then 'trash' else old.status end;
    v_old_unread := case when old.deleted_at is null then old.unread_count else 0 end;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    v_owner := new.owner_id;
    v_new_bucket := case when new.deleted_at is not null then 'trash' else new.status end;
    v_new_unread := case when new.deleted_at is null then new.unread_count else 0 end;
  end if;

  if v_old_bucket is distinct from v_new_bucket or v_old_unread <> v_new_unread then
    update chat.owner_state set
      active_count = active_count
        + case when v_new_bucket = 'active' then 1 else 0 end - case when v_old_bucket = 'active' then 1 else 0 end,
      paused_count = paused_count
        + case when v_new_bucket = 'paused' then 1 else 0 end - case when v_old_bucket = 'paused' then 1 else 0 end,
      completed_count = completed_count
        + case when v_new_bucket = 'completed' then 1 else 0 end - case when v_old_bucket = 'completed' then 1 else 0 end,
      archived_count = archived_count
        + case when v_new_bucket = 'archived' then 1 else 0 end - case when v_old_bucket = 'archived' then 1 else 0 end,
      trash_count = trash_count
        + case when v_new_bucket = 'trash' then 1 else 0 end - case when v_old_bucket = 'trash' then 1 else 0 end,
      unread_count = unread_count + v_new_unread - v_old_unread
    where owner_id = v_owner;
  end if;

  if tg_op = 'DELETE' then
    insert into chat.tombstones (owner_id, sync_version, entity, entity_id)
    values (old.owner_id, chat_private.tick(old.owner_id), 'session', old.id);
  end if;
  return null;
end;
$$;

create trigger a_guard before insert or update on chat.sessions
  for each row execute function chat_private.sessions_guard();
create trigger z_stamp before insert or update on chat.sessions
  for each row execute function chat_private.stamp_sync_version();
create trigger bookkeeping after insert or update or delete on chat.sessions
  for each row execute function chat_private.sessions_bookkeeping();

---------------------------------------------------------------------------------------------
-- Operator threads
---------------------------------------------------------------------------------------------

create function chat_private.threads_guard() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_api boolean := chat_private.is_api_role();
  v_session record;
begin
  if tg_op = 'INSERT' then
    -- Read as the caller: a session that is not theirs is not found.
    select s.id, s.deleted_at, s.kind into v_session from chat.sessions s where s.id = new.session_id;
    if v_session.id is null then
      perform chat_private.raise_error('not_found', 'Session not found');
    end if;
    if v_session.deleted_at is not null and v_api and current_user <> 'service_role' then
      perform chat_private.raise_error('in_trash', 'This session is in the trash', 'Restore it first');
    end if;
    if v_api then
      new.status := coalesce(new.status, 'open');
      new.last_message_preview := null;
      new.last_message_at := null;
      new.last_seq := 0;
      new.last_read_seq := 0;
      new.message_count := 0;
      new.inbound_count := 0;
      new.unread_count := 0;
      new.created_at := now();
      new.updated_at := now();
    end if;
  else
    if v_api then
      new.id := old.id;
      new.session_id := old.session_id;
      new.owner_id := old.owner_id;
      new.last_message_preview := old.last_message_preview;
      new.last_message_at := old.last_message_at;
      new.last_seq := old.last_seq;
      new.message_count := old.message_count;
      new.inbound_count := old.inbound_count;
      new.unread_count := old.unread_count;
      new.created_at := old.created_at;
      new.updated_at := old.updated_at;
    end if;
    -- The read cursor only moves forward and never past the last message.
    new.last_read_seq := greatest(old.last_read_seq, least(coalesce(new.last_read_seq, old.last_read_seq), new.last_seq));
    if new.last_read_seq <> old.last_read_seq then
      new.unread_count := (
        select count(*) from chat.messages m
        where m.owner_id = new.owner_id and m.session_id = new.session_id and m.thread_id = new.id
          and m.role = 'operator' and m.seq > new.last_read_seq
      );
    end if;
    if (new.status, new.operator_name, new.external_ref, new.last_read_seq)
       is distinct from (old.status, old.operator_name, old.external_ref, old.last_read_seq) then
      new.updated_at := now();
    end if;
  end if;
  new.operator_name := btrim(new.operator_name);
  if new.operator_name is null or char_length(new.operator_name) not between 1 and 200 then
    perform chat_private.raise_error('validation', 'An operator name has 1 to 200 characters');
  end if;
  if new.external_ref is not null and char_length(new.external_ref) not between 1 and 200 then
    perform chat_private.raise_error('validation', 'An external reference has 1 to 200 characters');
  end if;
  if new.status not in ('open', 'quoted', 'declined', 'closed') then
    perform chat_private.raise_error('validation', format('Unknown thread status %s', quote_literal(new.status)),
      'Thread statuses: open, quoted, declined, closed');
  end if;
  return new;
end;
$$;

-- Sets the owner from the parent session (read as the table owner) and stamps the clock.
create function chat_private.threads_assign() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    select s.owner_id into new.owner_id from chat.sessions s where s.id = new.session_id;
    if new.owner_id is null then
      perform chat_private.raise_error('not_found', 'Session not found');
    end if;
  end if;
  new.sync_version := chat_private.tick(new.owner_id);
  return new;
end;
$$;

create function chat_private.threads_bookkeeping() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    update chat.sessions set thread_count = thread_count + 1 where id = new.session_id;
  elsif new.unread_count <> old.unread_count or (new.inbound_count > 0) <> (old.inbound_count > 0) then
    update chat.sessions set
      unread_count = unread_count + new.unread_count - old.unread_count,
      replied_thread_count = replied_thread_count
        + case when new.inbound_count > 0 then 1 else 0 end
        - case when old.inbound_count > 0 then 1 else 0 end
    where id = new.session_id;
  end if;
  return null;
end;
$$;

create trigger a_guard before insert or update on chat.operator_threads
  for each row execute function chat_private.threads_guard();
create trigger z_assign before insert or update on chat.operator_threads
  for each row execute function chat_private.threads_assign();
create trigger bookkeeping after insert or update on chat.operator_threads
  for each row execute function chat_private.threads_bookkeeping();
create trigger no_direct_delete before delete on chat.operator_threads
  for each row execute function chat_private.forbid_direct_delete();

---------------------------------------------------------------------------------------------
-- Messages
---------------------------------------------------------------------------------------------

create function chat_private.messages_guard() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_api boolean := chat_private.is_api_role();
  v_session record;
  v_thread record;
begin
  if tg_op = 'UPDATE' then
    perform chat_private.raise_error('forbidden', 'Messages are never changed', 'Send a new message instead');
  end if;
  if v_api then
    new.created_at := now();
    if new.role = 'operator' and current_user <> 'service_role' then
      perform chat_private.raise_error('forbidden',
        'Only the operator integration (service role) records operator messages');
    end if;
  end if;
  if new.role is null or new.role not in ('broker', 'assistant', 'system', 'operator') then
    perform chat_private.raise_error('validation', format('Unknown message role %s', coalesce(quote_literal(new.role), 'null')),
      'Roles: broker, assistant, system, operator');
  end if;
  if new.content is null or char_length(new.content) not between 1 and 32000 then
    perform chat_private.raise_error('validation',
      format('A message has 1 to 32000 characters (got %s)', coalesce(char_length(new.content), 0)));
  end if;
  if new.content_type is null or new.content_type not in ('text', 'markdown', 'quote') then
    perform chat_private.raise_error('validation', format('Unknown content type %s', coalesce(quote_literal(new.content_type), 'null')),
      'Content types: text, markdown, quote');
  end if;
  if new.rich_content is not null and (jsonb_typeof(new.rich_content) not in ('object', 'array')
      or pg_column_size(new.rich_content) > 65536) then
    perform chat_private.raise_error('validation', 'Rich content is a JSON object or array of at most 64 KB');
  end if;

  -- Read as the caller: a session or thread that is not theirs is not found.
  select s.id, s.deleted_at into v_session from chat.sessions s where s.id = new.session_id;
  if v_session.id is null then
    perform chat_private.raise_error('not_found', 'Session not found');
  end if;
  if v_session.deleted_at is not null and v_api and current_user <> 'service_role' then
    perform chat_private.raise_error('in_trash', 'This session is in the trash', 'Restore it first');
  end if;
  if new.thread_id is not null then
    select t.id, t.session_id into v_thread from chat.operator_threads t where t.id = new.thread_id;
    if v_thread.id is null then
      perform chat_private.raise_error('not_found', 'Operator thread not found');
    end if;
    if v_thread.session_id <> new.session_id then
      perform chat_private.raise_error('validation', 'The operator thread belongs to another session');
    end if;
    if new.role not in ('broker', 'operator') then
      perform chat_private.raise_error('validation', 'An operator thread holds broker and operator messages only');
    end if;
  elsif new.role = 'operator' then
    perform chat_private.raise_error('validation', 'Operator messages belong to an operator thread');
  end if;
  return new;
end;
$$;

-- Assigns the per-session seq, the owner and the clock, and keeps the counters of the parent
-- session and thread, all under the session's row lock (so seqs commit in order) and in one
-- update of each parent. A row whose id exists already is left to fail (or be skipped by
-- ON CONFLICT DO NOTHING) without counting: the check runs after the lock, so a concurrent
-- insert of the same id has committed or rolled back by then.
create function chat_private.messages_assign() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_inbound boolean := new.role = 'operator';
begin
  select s.owner_id into new.owner_id from chat.sessions s where s.id = new.session_id for update;
  if new.owner_id is null then
    perform chat_private.raise_error('not_found', 'Session not found');
  end if;
  if exists (select 1 from chat.messages m where m.id = new.id) then
    new.seq := 0;
    return new;
  end if;

  if new.thread_id is null then
    update chat.sessions set
      last_seq = last_seq + 1,
      message_count = message_count + 1,
      last_message_preview = chat_private.preview(new.content),
      last_activity_at = greatest(last_activity_at, new.created_at)
    where id = new.session_id
    returning last_seq into new.seq;
  else
    update chat.sessions set
      last_seq = last_seq + 1,
      last_activity_at = greatest(last_activity_at, new.created_at),
      -- An inbound operator reply wakes a paused session.
      status = case when v_inbound and status = 'paused' and deleted_at is null then 'active' else status end
    where id = new.session_id
    returning last_seq into new.seq;
    update chat.operator_threads set
      message_count = message_count + 1,
      inbound_count = inbound_count + case when v_inbound then 1 else 0 end,
      unread_count = unread_count + case when v_inbound and new.seq > last_read_seq then 1 else 0 end,
      last_seq = greatest(last_seq, new.seq),
      last_message_preview = chat_private.preview(new.content),
      last_message_at = greatest(coalesce(last_message_at, new.created_at), new.created_at),
      updated_at = now()
    where id = new.thread_id;
  end if;
  new.sync_version := chat_private.tick(new.owner_id);
  return new;
end;
$$;

create trigger a_guard before insert or update on chat.messages
  for each row execute function chat_private.messages_guard();
create trigger z_assign before insert on chat.messages
  for each row execute function chat_private.messages_assign();
create trigger no_direct_delete before delete on chat.messages
  for each row execute function chat_private.forbid_direct_delete();
