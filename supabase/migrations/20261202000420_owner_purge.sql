-- Chat Sessions: "Delete forever" for one of the broker's own trashed sessions (issue 11,
-- item 6). Hard-deletes the session with its threads and messages and leaves a tombstone in
-- the owner's change feed (sessions_bookkeeping), exactly like the service role's purge_trash.
--
-- Brokers may delete from no table, and every API function runs as the caller, so the delete
-- itself is bookkeeping in a trigger: chat.purge_session inserts a request into
-- chat_private.purge_requests (the only privilege it needs), and that table's BEFORE INSERT
-- trigger, running as the owner, checks the session is the caller's and in the trash, deletes
-- it, and skips the row (nothing is ever stored in the table). chat_private is not exposed
-- through PostgREST, so this function is the only way in.

create table chat_private.purge_requests (
  session_id uuid not null
);
comment on table chat_private.purge_requests is
  'Never holds rows: inserting one asks to purge a trashed session of the caller (see chat.purge_session).';

alter table chat_private.purge_requests enable row level security;
-- Defence in depth: the trigger skips every row before this check could apply.
create policy purge_requests_insert on chat_private.purge_requests for insert to authenticated
  with check (false);

create function chat_private.purge_requested_session() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_user uuid := auth.uid();
  v_session record;
begin
  if v_user is null then
    perform chat_private.raise_error('unauthenticated', 'Sign in first');
  end if;
  select s.id, s.deleted_at into v_session from chat.sessions s
  where s.id = new.session_id and s.owner_id = v_user
  for update;
  if v_session.id is null then
    perform chat_private.raise_error('not_found', 'Session not found',
      'It may have been purged from the trash, or belong to someone else');
  end if;
  if v_session.deleted_at is null then
    perform chat_private.raise_error('invalid_transition', 'Only a session in the trash can be deleted forever',
      'Move it to the trash first');
  end if;
  delete from chat.sessions where id = new.session_id;
  return null;
end;
$$;

create trigger purge before insert on chat_private.purge_requests
  for each row execute function chat_private.purge_requested_session();

-- Deletes one of the caller's trashed sessions forever, with its threads and messages.
-- Returns {id, version}: `version` is the change-feed position that includes the tombstone.
-- Refused with not_found for a session that is not the caller's (or is gone already) and with
-- invalid_transition for one that is not in the trash.
create function chat.purge_session(p_id uuid) returns jsonb
language plpgsql volatile
set search_path = ''
as $$
declare
  v_user uuid := chat_private.require_user();
begin
  if p_id is null then
    perform chat_private.raise_error('validation', 'Name the session to delete forever');
  end if;
  insert into chat_private.purge_requests (session_id) values (p_id);
  return jsonb_build_object(
    'id', p_id,
    'version', coalesce((select o.clock from chat.owner_state o where o.owner_id = v_user), 0)
  );
end;
$$;

revoke all on table chat_private.purge_requests from public, anon, authenticated, service_role;
grant insert (session_id) on chat_private.purge_requests to authenticated;
revoke all on function chat_private.purge_requested_session() from public, anon, authenticated, service_role;
revoke all on function chat.purge_session(uuid) from public, anon, authenticated, service_role;
grant execute on function chat.purge_session(uuid) to authenticated, service_role;
