-- Quick create keeps the broker's words (#11 item 4).
--
-- 1. create_session takes the session's first message (p_first_message, with the client's id
--    for it in p_first_message_id): the session and the broker's message are written in one
--    transaction, so a create never leaves a request without the text it came from, and a
--    retry (same session id) returns the session without writing the message twice.
-- 2. An untitled general chat takes its title from the first broker message of its main
--    conversation, whatever path wrote the message (append_message, create_session, a direct
--    INSERT through the table endpoint): a trigger, so every client gets the same title.
--    chat_private.title_from_message is the SQL twin of the SDK's titleFromMessage (metadata/
--    titles.ts, default length 60): test/integration proves both agree.

-- The title a general chat takes from a message: whitespace collapsed, a leading greeting
-- ("Hi Anna, ") dropped, the first letter capitalized, cut at a word boundary with an ellipsis
-- past 60 characters. Empty when nothing is left.
create function chat_private.title_from_message(p_content text) returns text
language plpgsql immutable parallel safe
set search_path = ''
as $$
declare
  v_max constant integer := 60;
  v_title text := btrim(regexp_replace(coalesce(p_content, ''), '\s+', ' ', 'g'));
  v_cut text;
  v_space integer;
begin
  v_title := regexp_replace(v_title,
    '^(?:hi|hello|hey|dear|morning|good\s+(?:morning|afternoon|evening))\y[^,.!?:;\n]{0,30}[,.!?:;—–-]+\s+(?=\S)',
    '', 'i');
  if v_title = '' then
    return '';
  end if;
  v_title := upper(left(v_title, 1)) || substr(v_title, 2);
  if char_length(v_title) <= v_max then
    return v_title;
  end if;
  v_cut := left(v_title, v_max - 1);
  -- 0-based index of the last space in the cut, -1 when there is none (as String.lastIndexOf).
  v_space := case when position(' ' in v_cut) = 0 then -1
                  else char_length(v_cut) - position(' ' in reverse(v_cut)) end;
  -- Cut at the last word boundary (unless the cut already ends a word), but not when that
  -- throws most of the room away (one long word).
  if substr(v_title, v_max, 1) <> ' ' and v_space >= v_max / 3 then
    v_cut := left(v_cut, v_space);
  end if;
  v_cut := regexp_replace(v_cut, '[\s,;:.!?\-–—(/&+]+$', '');
  return coalesce(nullif(v_cut, ''), left(v_title, v_max - 1)) || '…';
end;
$$;

-- After a message is inserted: an untitled general chat takes its title from it when it is the
-- broker's, in the main conversation. Runs as the table owner, like the other bookkeeping.
create function chat_private.messages_title_untitled() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_title text;
begin
  if new.role <> 'broker' or new.thread_id is not null then
    return null;
  end if;
  v_title := chat_private.title_from_message(new.content);
  if v_title <> '' then
    update chat.sessions set title = v_title
    where id = new.session_id and kind = 'general' and title = '';
  end if;
  return null;
end;
$$;

create trigger z_title_untitled after insert on chat.messages
  for each row execute function chat_private.messages_title_untitled();

revoke all on function chat_private.title_from_message(text) from public, anon, authenticated, service_role;
revoke all on function chat_private.messages_title_untitled() from public, anon, authenticated, service_role;

-- create_session, with the first message. Dropped and created again (a new parameter makes a
-- new signature; two overloads would make named calls ambiguous for PostgREST).
drop function chat.create_session(uuid, text, text, text, jsonb, integer, text, jsonb, text, boolean);

-- Creates a session, and with p_first_message the broker's first message in its main
-- conversation, in one transaction. Idempotent on the client-supplied id: retrying returns the
-- same row (and writes no second message).
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
  p_pinned boolean default false,
  p_first_message text default null,
  p_first_message_id uuid default null
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
  if p_first_message_id is not null and p_first_message is null then
    perform chat_private.raise_error('validation', 'A first message id comes with the first message');
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
    -- A concurrent retry of the same create won the race (and wrote the message, if any).
    select * into v_row from chat.sessions where id = p_id;
    if v_row.id is null or v_row.kind <> p_kind then
      perform chat_private.raise_error('conflict', 'This session id or external reference is taken');
    end if;
    return v_row;
  end;
  if p_first_message is not null then
    perform chat.append_message(coalesce(p_first_message_id, gen_random_uuid()), p_id, p_first_message, 'broker');
    -- The message moved the counters, the preview and (for an untitled general chat) the title.
    select * into v_row from chat.sessions where id = p_id;
  end if;
  return v_row;
end;
$$;

revoke all on function chat.create_session(uuid, text, text, text, jsonb, integer, text, jsonb, text, boolean, text, uuid)
  from public, anon;
grant execute on function chat.create_session(uuid, text, text, text, jsonb, integer, text, jsonb, text, boolean, text, uuid)
  to authenticated, service_role;
