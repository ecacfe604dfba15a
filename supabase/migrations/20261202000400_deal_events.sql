-- Chat Sessions: the deal's history in its transcript, messages by lifecycle status, and the
-- stage a won deal ends on (issue 11, items 2 and 5). Rules in triggers, so the RPC path and
-- the direct table path (PATCH /sessions, POST /messages) behave the same.
--
-- * Completing a flight request as won sets its stage to `closed_won`.
-- * Each stage change and each lifecycle change (pause, resume, complete with its outcome,
--   reopen, archive, unarchive, trash, restore) appends an event line to the session's main
--   conversation: a `chat.messages` row with role `system`, content_type `event`, an English
--   `content` ("Stage → Proposal sent", "Completed · Won") and a machine-readable
--   `rich_content` {event, from, to, outcome} the UI localizes. Only the database writes event
--   lines. They take a seq and count in message_count, like every row of the transcript, but
--   leave last_message_preview and last_activity_at alone: the card keeps showing the last
--   real message, the recent order does not reshuffle on an archive, and a search for "won"
--   does not match every won deal's preview. They are never unread (only operator replies are).
-- * A broker message to a paused session resumes it (as an operator reply already wakes it),
--   leaving a "Resumed" line before the message; a broker message to a completed or archived
--   session is refused with `session_closed` (PT409) and nothing is written. Assistant and
--   system messages are not refused (an assistant's answer finishing after completion, or a
--   host's summary line, must not be lost), nor are operator replies (the service role's
--   integration records what operators send, whatever the session's status).

---------------------------------------------------------------------------------------------
-- Error codes: session_closed
---------------------------------------------------------------------------------------------

-- Same as before, with `session_closed` (a message to a completed or archived session).
create or replace function chat_private.raise_error(p_code text, p_message text, p_hint text default null)
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
    when 'session_closed' then 'PT409'
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

---------------------------------------------------------------------------------------------
-- Event lines: the shape
---------------------------------------------------------------------------------------------

alter table chat.messages drop constraint messages_content_type_check;
alter table chat.messages add constraint messages_content_type_check
  check (content_type in ('text', 'markdown', 'quote', 'event'));
alter table chat.messages add constraint messages_event_lines check (
  content_type <> 'event'
  or (role = 'system' and thread_id is null and jsonb_typeof(rich_content) = 'object' and rich_content ? 'event')
);

-- The English label of a stage, as the elements show it (the seed's labels).
create function chat_private.stage_label(p_stage text) returns text
language sql immutable parallel safe
set search_path = ''
as $$
  select case p_stage
    when 'understanding_request' then 'Understanding request'
    when 'searching_aircraft' then 'Searching aircraft'
    when 'requesting_quotes' then 'Requesting quotes'
    when 'analyzing_options' then 'Analyzing options'
    when 'proposal_ready' then 'Proposal ready'
    when 'proposal_sent' then 'Proposal sent'
    when 'contract_generated' then 'Contract generated'
    when 'contract_sent' then 'Contract sent'
    when 'payment_pending' then 'Payment pending'
    when 'closed_won' then 'Closed won'
    else p_stage
  end
$$;

---------------------------------------------------------------------------------------------
-- Messages: the guard (event lines are the database's; broker messages by status)
---------------------------------------------------------------------------------------------

-- Same as before, but content_type `event` is accepted from the database only.
create or replace function chat_private.messages_guard() returns trigger
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
    if new.content_type = 'event' then
      perform chat_private.raise_error('forbidden',
        'Event lines are written by the database when a session changes',
        'Change the stage or the status; the line follows');
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
  if new.content_type is null or new.content_type not in ('text', 'markdown', 'quote', 'event') then
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

-- After the guard and the text rules, before z_assign counts the message: a broker message to
-- a completed or archived session is refused; one to a paused session resumes it first (so the
-- "Resumed" line comes before the message). Runs as the caller: resuming is what the broker
-- could do with transition_session, and goes through the same session triggers. A retried
-- insert of a message saved already changes nothing (z_assign lets it fail or be skipped).
create function chat_private.messages_status_rules() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_status text;
  v_deleted_at timestamptz;
begin
  if new.role <> 'broker' or not chat_private.is_api_role() then
    return new;
  end if;
  if exists (select 1 from chat.messages m where m.id = new.id) then
    return new;
  end if;
  select s.status, s.deleted_at into v_status, v_deleted_at from chat.sessions s where s.id = new.session_id;
  if v_status = 'completed' then
    perform chat_private.raise_error('session_closed', 'This session is completed: it takes no new messages',
      'Reopen it to reply');
  elsif v_status = 'archived' then
    perform chat_private.raise_error('session_closed', 'This session is archived: it takes no new messages',
      'Unarchive it to reply');
  elsif v_status = 'paused' and v_deleted_at is null then
    -- (Only the service role reaches here for a trashed session; the trash freezes its status.)
    update chat.sessions set status = 'active', resume_at = null where id = new.session_id;
  end if;
  return new;
end;
$$;

create trigger y_status_rules before insert on chat.messages
  for each row execute function chat_private.messages_status_rules();

-- Same as before, except that event lines leave the preview and the activity time alone.
create or replace function chat_private.messages_assign() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_inbound boolean := new.role = 'operator';
  v_event boolean := new.content_type = 'event';
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
      last_message_preview = case when v_event then last_message_preview else chat_private.preview(new.content) end,
      last_activity_at = case when v_event then last_activity_at else greatest(last_activity_at, new.created_at) end
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

---------------------------------------------------------------------------------------------
-- Sessions: the stage of a won deal, and the event lines
---------------------------------------------------------------------------------------------

-- After a_guard has applied the transition (and b_path_rules has checked the outcome), before
-- z_stamp: completing a flight request as won closes its pipeline.
create function chat_private.sessions_deal_rules() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.kind = 'flight_request' and new.status = 'completed' and old.status in ('active', 'paused')
     and new.outcome = 'won' then
    new.stage := 'closed_won';
  end if;
  return new;
end;
$$;

create trigger c_deal_rules before update on chat.sessions
  for each row execute function chat_private.sessions_deal_rules();

-- Appends one event line to a session's main conversation. Runs as the table owner (called
-- from a bookkeeping trigger), so the line passes as the database's own.
create function chat_private.append_event_line(p_session_id uuid, p_content text, p_event jsonb) returns void
language sql volatile
security definer
set search_path = ''
as $$
  insert into chat.messages (session_id, role, content, content_type, rich_content)
  values (p_session_id, 'system', p_content, 'event', jsonb_strip_nulls(p_event))
$$;

-- The event lines of one session update: the lifecycle change first, then the stage (unless
-- the stage only followed the completion as won, which the "Completed · Won" line says), then
-- the trash.
create function chat_private.sessions_event_lines() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_event text;
  v_content text;
begin
  if new.status is distinct from old.status then
    v_event := case
      when old.status = 'archived' then 'unarchived'
      when new.status = 'archived' then 'archived'
      when new.status = 'paused' then 'paused'
      when new.status = 'completed' then 'completed'
      when old.status = 'completed' then 'reopened'
      else 'resumed'
    end;
    v_content := case v_event
      when 'unarchived' then 'Unarchived'
      when 'archived' then 'Archived'
      when 'paused' then 'Paused'
      when 'completed' then 'Completed · ' || initcap(new.outcome)
      when 'reopened' then 'Reopened'
      else 'Resumed'
    end;
    perform chat_private.append_event_line(new.id, v_content, jsonb_build_object(
      'event', v_event, 'from', old.status, 'to', new.status,
      'outcome', case when v_event = 'completed' then new.outcome end,
      'resume_at', case when v_event = 'paused' then new.resume_at end));
  end if;
  if new.stage is distinct from old.stage and new.stage is not null
     and not (v_event = 'completed' and new.stage = 'closed_won') then
    perform chat_private.append_event_line(new.id, 'Stage → ' || chat_private.stage_label(new.stage),
      jsonb_build_object('event', 'stage_changed', 'from', old.stage, 'to', new.stage));
  end if;
  if new.deleted_at is distinct from old.deleted_at then
    if new.deleted_at is not null then
      perform chat_private.append_event_line(new.id, 'Moved to trash', jsonb_build_object('event', 'trashed'));
    else
      perform chat_private.append_event_line(new.id, 'Restored from trash', jsonb_build_object('event', 'restored'));
    end if;
  end if;
  return null;
end;
$$;

create trigger event_lines after update on chat.sessions
  for each row
  when (old.status is distinct from new.status or old.stage is distinct from new.stage
        or old.deleted_at is distinct from new.deleted_at)
  execute function chat_private.sessions_event_lines();

revoke all on function
  chat_private.stage_label(text),
  chat_private.messages_status_rules(),
  chat_private.sessions_deal_rules(),
  chat_private.append_event_line(uuid, text, jsonb),
  chat_private.sessions_event_lines()
from public, anon, authenticated, service_role;
