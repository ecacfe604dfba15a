-- Chat Sessions: the same rules on the table path as on the RPC path.
--
-- On Supabase, PostgREST serves the tables of `chat` as well as its functions, so a broker can
-- send `PATCH /rest/v1/sessions?id=eq.…` instead of calling `transition_session`. The API
-- functions are SECURITY INVOKER (row-level security applies inside them), so `authenticated`
-- must keep the table privileges they use; the rules therefore live in triggers that cannot tell
-- (and need not tell) which path a write took. Every write an API role makes must be one some
-- sequence of API calls could make. The earlier triggers already hold most rules; this
-- migration closes what the direct path still allowed:
--
-- * an outcome changes only by completing an active or paused session (a completed session's
--   outcome was rewritable in place, and unarchiving could swap it);
-- * a resume time changes only by pausing an active session (a paused session's resume time
--   was rewritable, and archiving could clear it);
-- * an operator thread's status is the operator integration's (service role): no broker-facing
--   function sets it, so a broker cannot either.
--
-- It also adds input hygiene for every path: bidirectional control characters are stripped
-- from titles and operator names, combining marks are capped per character, and a message
-- must hold more than whitespace.

comment on schema chat is 'Chat Sessions: one conversation per flight request or general chat. Exposed through PostgREST: the functions are the API; the tables are reachable too and hold the same rules (triggers, grants, RLS).';

---------------------------------------------------------------------------------------------
-- Text hygiene helpers
---------------------------------------------------------------------------------------------

-- Removes the Unicode bidirectional controls (embeddings and overrides U+202A–U+202E,
-- isolates U+2066–U+2069, the marks U+200E, U+200F and U+061C). A title like
-- "invoice<U+202E>gpj.exe" would otherwise render as "invoiceexe.jpg" wherever it is shown.
-- Stripped rather than refused: brokers paste titles and operator names from mails and PDFs,
-- where right-to-left text routinely carries these marks, and a one-line label needs none of
-- them (the elements isolate each label with dir="auto").
create function chat_private.strip_bidi_controls(p_text text) returns text
language sql immutable parallel safe
set search_path = ''
as $$
  select regexp_replace(p_text, '[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]', '', 'g')
$$;

-- At most this many combining diacritical marks may follow one character. Real text needs
-- one to three (Vietnamese stacks two on a vowel); "Zalgo" text stacks dozens and paints
-- over the lines around it in every list that shows it.
create function chat_private.max_combining_marks() returns integer
language sql immutable parallel safe
set search_path = ''
as $$ select 4 $$;

-- Raises `validation` when more than max_combining_marks() combining marks follow one
-- character. The ranges are the general-purpose combining blocks (diacritical marks,
-- extended, supplement, for symbols, half marks); script-specific marks (Hebrew points,
-- Devanagari signs, …) are not counted, so no script's ordinary text is refused.
create function chat_private.check_combining_marks(p_text text, p_what text) returns void
language plpgsql immutable
set search_path = ''
as $$
begin
  if p_text ~ ('[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]{'
               || (chat_private.max_combining_marks() + 1) || ',}') then
    perform chat_private.raise_error('validation',
      format('%s stacks more than %s combining marks on one character', p_what, chat_private.max_combining_marks()),
      'Remove the repeated accents');
  end if;
end;
$$;

-- True when a text holds nothing but white space (Unicode spaces, line breaks, zero-width
-- space and the byte-order mark included): such a message shows as an empty bubble.
create function chat_private.is_blank(p_text text) returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
  select p_text ~ '^[\s\u0085\u00a0\u1680\u180e\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]*$'
$$;

---------------------------------------------------------------------------------------------
-- Sessions
---------------------------------------------------------------------------------------------

-- Before a_guard, which trims and validates the title: strip first, so a title that is only
-- controls and spaces trims to empty.
create function chat_private.sessions_text_rules() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.title := chat_private.strip_bidi_controls(new.title);
  perform chat_private.check_combining_marks(new.title, 'A title');
  return new;
end;
$$;

-- After a_guard (which has refused invalid transitions and applied the valid one) and before
-- z_stamp: what is left to refuse is a change no API call makes.
create function chat_private.sessions_path_rules() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not chat_private.is_api_role() then
    return new;
  end if;
  -- transition_session('complete', outcome) is the only call that sets an outcome; the other
  -- transitions keep it (archive, unarchive) or clear it (reopen).
  if new.outcome is distinct from old.outcome and new.outcome is not null
     and not (old.status in ('active', 'paused') and new.status = 'completed') then
    perform chat_private.raise_error('validation', 'An outcome is recorded by completing the session',
      'Reopen the session and complete it again to record another outcome');
  end if;
  -- transition_session('pause', p_resume_at) is the only call that sets a resume time; resume
  -- and complete clear it, archive and unarchive keep it.
  if new.resume_at is distinct from old.resume_at
     and not (old.status = 'active' and new.status = 'paused')
     and not (new.resume_at is null and new.status in ('active', 'completed')) then
    perform chat_private.raise_error('validation', 'A resume time is set by pausing the session',
      'Resume the session and pause it again with the new time');
  end if;
  return new;
end;
$$;

create trigger a0_text_rules before insert or update on chat.sessions
  for each row execute function chat_private.sessions_text_rules();
create trigger b_path_rules before update on chat.sessions
  for each row execute function chat_private.sessions_path_rules();

---------------------------------------------------------------------------------------------
-- Operator threads
---------------------------------------------------------------------------------------------

create function chat_private.threads_text_rules() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.operator_name := chat_private.strip_bidi_controls(new.operator_name);
  perform chat_private.check_combining_marks(new.operator_name, 'An operator name');
  return new;
end;
$$;

-- After a_guard (an unknown status is its validation error): no broker-facing function sets a
-- thread's status; the operator integration (service role) records quotes and declines.
create function chat_private.threads_path_rules() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status is distinct from old.status and chat_private.is_api_role() and current_user <> 'service_role' then
    perform chat_private.raise_error('forbidden',
      'An operator thread''s status is recorded by the operator integration',
      'Statuses follow the operator''s quotes and declines');
  end if;
  return new;
end;
$$;

create trigger a0_text_rules before insert or update on chat.operator_threads
  for each row execute function chat_private.threads_text_rules();
create trigger b_path_rules before update on chat.operator_threads
  for each row execute function chat_private.threads_path_rules();

---------------------------------------------------------------------------------------------
-- Messages
---------------------------------------------------------------------------------------------

-- After a_guard (role, length, parent and trash errors come first), before z_assign counts it.
create function chat_private.messages_text_rules() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if chat_private.is_blank(new.content) then
    perform chat_private.raise_error('validation', 'A message needs some text, not only white space');
  end if;
  perform chat_private.check_combining_marks(new.content, 'A message');
  return new;
end;
$$;

create trigger b_text_rules before insert on chat.messages
  for each row execute function chat_private.messages_text_rules();

---------------------------------------------------------------------------------------------
-- Privileges: the guards run as the caller and call these helpers.
---------------------------------------------------------------------------------------------

revoke all on function
  chat_private.strip_bidi_controls(text),
  chat_private.max_combining_marks(),
  chat_private.check_combining_marks(text, text),
  chat_private.is_blank(text),
  chat_private.sessions_text_rules(),
  chat_private.sessions_path_rules(),
  chat_private.threads_text_rules(),
  chat_private.threads_path_rules(),
  chat_private.messages_text_rules()
from public, anon, authenticated, service_role;

grant execute on function
  chat_private.strip_bidi_controls(text),
  chat_private.max_combining_marks(),
  chat_private.check_combining_marks(text, text),
  chat_private.is_blank(text)
to authenticated, service_role;
