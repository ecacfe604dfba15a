-- Supabase Realtime as the live path: after each transaction that moves a broker's change-feed
-- clock (chat.owner_state.clock, advanced by chat_private.tick), a Broadcast "nudge" goes to
-- that broker's private topic `chat:<owner id>`. The nudge carries only the new version: the
-- page answers it by polling chat.changes_since, which stays the only source of truth, so a
-- lost or duplicated nudge costs latency, never correctness.
--
-- Where the `realtime` schema does not exist (PGlite, plain PostgreSQL) this does nothing
-- visible: the trigger function checks for `realtime.send` each time it runs (not only here,
-- at migration time), so writes keep working without it, and a database that gains the schema
-- later (Realtime enabled afterwards, or the pgTAP stand-in) starts nudging without a new
-- migration. The policy on realtime.messages can only be created where that table exists, so
-- it is created here when it does (re-running this file creates it later).
--
-- Re-runnable: create or replace, drop … if exists.

-- One nudge per broker per transaction, carrying the clock as it is at commit. The trigger is
-- deferred to the end of the transaction, so a write that ticks several times (a message moves
-- the message, its session and maybe a thread) sends one nudge; the events queued for the same
-- broker after the first find the version already sent (recorded in a transaction-local
-- setting) and do nothing. The trigger's WHEN looks for realtime.send as each row changes (a
-- constraint trigger's WHEN is not deferred), so without Realtime no event is even queued: the
-- cost there is one catalog lookup per clock tick. The function checks again at commit.
create or replace function chat_private.realtime_nudge() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_clock bigint;
  v_sent jsonb;
begin
  if to_regprocedure('realtime.send(jsonb,text,text,boolean)') is null then
    return null;
  end if;
  select o.clock into v_clock from chat.owner_state o where o.owner_id = new.owner_id;
  if v_clock is null then
    return null;
  end if;
  v_sent := coalesce(nullif(current_setting('chat.realtime_nudged', true), ''), '{}')::jsonb;
  if (v_sent ->> new.owner_id::text)::bigint >= v_clock then
    return null;
  end if;
  perform set_config('chat.realtime_nudged',
    jsonb_set(v_sent, array[new.owner_id::text], to_jsonb(v_clock))::text, true);
  perform realtime.send(
    jsonb_build_object('version', v_clock),
    'changed',
    'chat:' || new.owner_id::text,
    true
  );
  return null;
end;
$$;

comment on function chat_private.realtime_nudge() is
  'Sends a Realtime Broadcast {version} to the private topic chat:<owner id> when a transaction moved the owner''s change-feed clock; does nothing where realtime.send does not exist.';

revoke all on function chat_private.realtime_nudge() from public, anon, authenticated, service_role;

drop trigger if exists realtime_nudge on chat.owner_state;
create constraint trigger realtime_nudge
  after insert or update of clock on chat.owner_state
  deferrable initially deferred
  for each row
  when (pg_catalog.to_regprocedure('realtime.send(jsonb,text,text,boolean)') is not null)
  execute function chat_private.realtime_nudge();

-- Who may receive a nudge: a signed-in broker joins a private channel only on their own topic
-- (Realtime checks this policy, with realtime.topic() set to the channel's topic, when the
-- channel is joined). No insert policy: brokers receive, only the database sends.
do $$
begin
  if to_regclass('realtime.messages') is null then
    raise notice 'No realtime.messages here (not a Supabase project): the nudge policy is skipped';
    return;
  end if;
  execute 'drop policy if exists chat_broker_receives_own_nudges on realtime.messages';
  execute $policy$
    create policy chat_broker_receives_own_nudges on realtime.messages
    for select to authenticated
    using (
      realtime.messages.extension = 'broadcast'
      and (select realtime.topic()) = 'chat:' || (select auth.uid())::text
    )
  $policy$;
end;
$$;
