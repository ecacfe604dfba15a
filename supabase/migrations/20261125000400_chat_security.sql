-- Chat Sessions: who may do what. Row-level security on every table (a user sees and changes
-- only their own rows, and writes under a parent only when the parent is theirs), column-level
-- grants (counters, owner, seq, versions and timestamps are the database's), and EXECUTE on the
-- API for authenticated users and the service role only. `anon` gets nothing.

alter table chat.owner_state enable row level security;
alter table chat.sessions enable row level security;
alter table chat.operator_threads enable row level security;
alter table chat.messages enable row level security;
alter table chat.tombstones enable row level security;

create policy owner_state_select on chat.owner_state for select to authenticated
  using (owner_id = (select auth.uid()));

create policy sessions_select on chat.sessions for select to authenticated
  using (owner_id = (select auth.uid()));
create policy sessions_insert on chat.sessions for insert to authenticated
  with check (owner_id = (select auth.uid()));
create policy sessions_update on chat.sessions for update to authenticated
  using (owner_id = (select auth.uid()))
  with check (owner_id = (select auth.uid()));

create policy threads_select on chat.operator_threads for select to authenticated
  using (owner_id = (select auth.uid()));
create policy threads_insert on chat.operator_threads for insert to authenticated
  with check (
    owner_id = (select auth.uid())
    and exists (
      select 1 from chat.sessions s
      where s.id = session_id and s.owner_id = (select auth.uid())
    )
  );
create policy threads_update on chat.operator_threads for update to authenticated
  using (owner_id = (select auth.uid()))
  with check (owner_id = (select auth.uid()));

create policy messages_select on chat.messages for select to authenticated
  using (owner_id = (select auth.uid()));
create policy messages_insert on chat.messages for insert to authenticated
  with check (
    owner_id = (select auth.uid())
    and role <> 'operator'
    and exists (
      select 1 from chat.sessions s
      where s.id = session_id and s.owner_id = (select auth.uid())
    )
    and (
      thread_id is null
      or exists (
        select 1 from chat.operator_threads t
        where t.id = thread_id and t.session_id = messages.session_id and t.owner_id = (select auth.uid())
      )
    )
  );

create policy tombstones_select on chat.tombstones for select to authenticated
  using (owner_id = (select auth.uid()));

-- Schemas: the API roles may use `chat`; `chat_private` only so that guards running as the
-- caller can call their helpers (it is never exposed through PostgREST).
revoke all on schema chat from public;
revoke all on schema chat_private from public;
grant usage on schema chat to authenticated, service_role;
grant usage on schema chat_private to authenticated, service_role;

-- Tables.
revoke all on all tables in schema chat from public, anon, authenticated, service_role;
grant select on chat.sessions, chat.operator_threads, chat.messages, chat.owner_state, chat.tombstones
  to authenticated;
grant insert (id, kind, title, trip_type, legs, passengers, stage, pinned, metadata, external_ref)
  on chat.sessions to authenticated;
grant update (title, trip_type, legs, passengers, stage, status, outcome, pinned, resume_at, metadata,
              external_ref, deleted_at)
  on chat.sessions to authenticated;
grant insert (id, session_id, operator_name, external_ref) on chat.operator_threads to authenticated;
grant update (status, last_read_seq) on chat.operator_threads to authenticated;
grant insert (id, session_id, thread_id, role, content, content_type, rich_content)
  on chat.messages to authenticated;
grant select, insert, update, delete on all tables in schema chat to service_role;

-- Functions: nothing for PUBLIC or anon; the API for authenticated and the service role;
-- the operator integration and purge for the service role only.
revoke all on all functions in schema chat from public, anon, authenticated, service_role;
revoke all on all functions in schema chat_private from public, anon, authenticated, service_role;

grant execute on function
  chat.create_session(uuid, text, text, text, jsonb, integer, text, jsonb, text, boolean),
  chat.update_session(uuid, jsonb, integer),
  chat.transition_session(uuid, text, text, timestamptz, integer),
  chat.set_session_pinned(uuid, boolean),
  chat.delete_session(uuid),
  chat.restore_session(uuid),
  chat.get_session(uuid),
  chat.list_sessions(text, text, text, jsonb, integer),
  chat.session_counts(),
  chat.append_message(uuid, uuid, text, text, text, jsonb, uuid),
  chat.list_messages(uuid, uuid, bigint, bigint, integer),
  chat.list_operator_threads(uuid),
  chat.open_operator_thread(uuid, uuid, text, text),
  chat.mark_thread_read(uuid, bigint),
  chat.mark_session_read(uuid),
  chat.changes_since(bigint, integer, boolean)
to authenticated, service_role;

grant execute on function
  chat.record_operator_message(uuid, uuid, text, uuid, text, text, text, jsonb),
  chat.purge_trash(interval)
to service_role;

-- Helpers the guards (running as the caller) use. Trigger functions need no grant.
grant execute on function
  chat_private.raise_error(text, text, text),
  chat_private.is_api_role(),
  chat_private.preview(text),
  chat_private.check_legs(jsonb),
  chat_private.legs_search_text(jsonb),
  chat_private.validate_session_fields(chat.sessions),
  chat_private.apply_transition(chat.sessions, chat.sessions),
  chat_private.page_limit(integer, integer),
  chat_private.require_user(),
  chat_private.visible_session(uuid)
to authenticated, service_role;

-- Functions created later in `chat` get no implicit EXECUTE for PUBLIC.
alter default privileges in schema chat revoke execute on functions from public;
alter default privileges in schema chat_private revoke execute on functions from public;
