-- Chat Sessions: schema `chat` (tables, constraints, indexes) and `chat_private` (helpers and
-- trigger functions that the API must not expose). Every rule the database enforces lives in
-- these migrations; the SDK mirrors some of them for UI affordances only.

create schema if not exists chat;
create schema if not exists chat_private;

comment on schema chat is 'Chat Sessions: one conversation per flight request or general chat. Exposed through PostgREST (RPC only).';
comment on schema chat_private is 'Chat Sessions internals: validation helpers and trigger functions. Never exposed.';

-- Per-broker bookkeeping: the change-feed clock and the counts behind the sidebar tabs.
-- The row is locked by every write of its owner, which serialises that owner's writers: a
-- change with a lower sync version always commits first, so the change feed is gap-free.
create table chat.owner_state (
  owner_id uuid primary key,
  clock bigint not null default 0,
  active_count integer not null default 0,
  paused_count integer not null default 0,
  completed_count integer not null default 0,
  archived_count integer not null default 0,
  trash_count integer not null default 0,
  unread_count integer not null default 0
);
comment on table chat.owner_state is 'Per-owner change-feed clock and tab counts, maintained by triggers.';

-- Airports of the legs, as searchable text ("TEB VNY VNY TEB").
create function chat_private.legs_search_text(p_legs jsonb) returns text
language sql immutable parallel safe
set search_path = ''
as $$
  select coalesce(string_agg((leg ->> 'from') || ' ' || (leg ->> 'to'), ' '), '')
  from jsonb_array_elements(case when jsonb_typeof(p_legs) = 'array' then p_legs else '[]'::jsonb end) as leg
$$;

create table chat.sessions (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  kind text not null,
  status text not null default 'active',
  status_before_archive text,
  title text not null default '',
  trip_type text,
  legs jsonb not null default '[]'::jsonb,
  passengers integer,
  stage text,
  outcome text,
  pinned boolean not null default false,
  resume_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_activity_at timestamptz not null default now(),
  completed_at timestamptz,
  archived_at timestamptz,
  deleted_at timestamptz,
  departs_on date,
  last_message_preview text,
  message_count integer not null default 0,
  unread_count integer not null default 0,
  thread_count integer not null default 0,
  replied_thread_count integer not null default 0,
  last_seq bigint not null default 0,
  metadata jsonb not null default '{}'::jsonb,
  external_ref text,
  version integer not null default 1,
  sync_version bigint not null default 0,
  tab text generated always as (
    case when status in ('active', 'paused') then 'active' else status end
  ) stored,
  search_text text generated always as (
    lower(title || ' ' || chat_private.legs_search_text(legs) || ' ' || coalesce(last_message_preview, ''))
  ) stored,

  constraint sessions_kind_check check (kind in ('flight_request', 'general')),
  constraint sessions_status_check check (status in ('active', 'paused', 'completed', 'archived')),
  constraint sessions_status_before_archive_check check (
    (status = 'archived') = (status_before_archive is not null)
    and (status_before_archive is null or status_before_archive in ('active', 'paused', 'completed'))
  ),
  constraint sessions_title_length check (char_length(title) <= 200),
  constraint sessions_trip_type_check check (trip_type in ('one_way', 'round_trip', 'multi_leg')),
  constraint sessions_legs_is_array check (jsonb_typeof(legs) = 'array' and jsonb_array_length(legs) <= 12),
  constraint sessions_passengers_range check (passengers between 1 and 999),
  constraint sessions_stage_check check (stage in (
    'understanding_request', 'searching_aircraft', 'requesting_quotes', 'analyzing_options',
    'proposal_ready', 'proposal_sent', 'contract_generated', 'contract_sent', 'payment_pending',
    'closed_won'
  )),
  constraint sessions_flight_fields_only_for_flight_requests check (
    kind = 'flight_request'
    or (trip_type is null and passengers is null and stage is null and legs = '[]'::jsonb)
  ),
  constraint sessions_flight_request_has_stage check (kind <> 'flight_request' or stage is not null),
  constraint sessions_outcome_check check (outcome in ('won', 'lost', 'cancelled')),
  constraint sessions_outcome_when_completed check (
    (outcome is not null) = (status = 'completed' or coalesce(status_before_archive = 'completed', false))
  ),
  constraint sessions_resume_only_when_paused check (
    resume_at is null or status = 'paused' or coalesce(status_before_archive = 'paused', false)
  ),
  constraint sessions_metadata_is_object check (
    jsonb_typeof(metadata) = 'object' and pg_column_size(metadata) <= 16384
  ),
  constraint sessions_external_ref_length check (char_length(external_ref) between 1 and 200),
  constraint sessions_counters_non_negative check (
    message_count >= 0 and unread_count >= 0 and thread_count >= 0
    and replied_thread_count between 0 and thread_count and last_seq >= 0
  ),
  constraint sessions_external_ref_unique unique (owner_id, external_ref)
);
comment on table chat.sessions is 'One conversation: a flight request or a general chat, with everything its card shows.';

-- The sidebar list (recent order: pinned first, then last activity), keyset-paginated.
create index sessions_list_idx on chat.sessions (owner_id, tab, pinned, last_activity_at, id)
  where deleted_at is null;
-- "Needs attention" buckets.
create index sessions_unread_idx on chat.sessions (owner_id, tab, last_activity_at, id)
  where deleted_at is null and unread_count > 0;
create index sessions_departs_idx on chat.sessions (owner_id, tab, departs_on)
  where deleted_at is null and departs_on is not null;
create index sessions_resume_idx on chat.sessions (owner_id, tab, resume_at)
  where deleted_at is null and status = 'paused' and resume_at is not null;
-- The trash, per owner (newest first) and across owners (purge).
create index sessions_trash_idx on chat.sessions (owner_id, deleted_at, id)
  where deleted_at is not null;
create index sessions_purge_idx on chat.sessions (deleted_at) where deleted_at is not null;
-- The change feed.
create index sessions_sync_idx on chat.sessions (owner_id, sync_version);

create table chat.operator_threads (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references chat.sessions (id) on delete cascade,
  owner_id uuid not null,
  operator_name text not null,
  external_ref text,
  status text not null default 'open',
  last_message_preview text,
  last_message_at timestamptz,
  last_seq bigint not null default 0,
  last_read_seq bigint not null default 0,
  message_count integer not null default 0,
  inbound_count integer not null default 0,
  unread_count integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  sync_version bigint not null default 0,

  constraint operator_threads_name_length check (char_length(btrim(operator_name)) between 1 and 200),
  constraint operator_threads_external_ref_length check (char_length(external_ref) between 1 and 200),
  constraint operator_threads_status_check check (status in ('open', 'quoted', 'declined', 'closed')),
  constraint operator_threads_counters check (
    message_count >= 0 and inbound_count between 0 and message_count
    and unread_count between 0 and inbound_count and last_read_seq >= 0
  ),
  constraint operator_threads_external_ref_unique unique (session_id, external_ref)
);
comment on table chat.operator_threads is 'One conversation with an aircraft operator contacted for a flight request.';

create index operator_threads_session_idx on chat.operator_threads (owner_id, session_id, created_at, id);
create index operator_threads_sync_idx on chat.operator_threads (owner_id, sync_version);

create table chat.messages (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references chat.sessions (id) on delete cascade,
  thread_id uuid references chat.operator_threads (id) on delete cascade,
  owner_id uuid not null,
  seq bigint not null,
  role text not null,
  content text not null,
  content_type text not null default 'text',
  rich_content jsonb,
  created_at timestamptz not null default now(),
  sync_version bigint not null default 0,

  constraint messages_role_check check (role in ('broker', 'assistant', 'system', 'operator')),
  constraint messages_operator_only_in_threads check (role <> 'operator' or thread_id is not null),
  constraint messages_thread_roles check (thread_id is null or role in ('broker', 'operator')),
  constraint messages_content_length check (char_length(content) between 1 and 32000),
  constraint messages_content_type_check check (content_type in ('text', 'markdown', 'quote')),
  constraint messages_rich_content_check check (
    rich_content is null
    or (jsonb_typeof(rich_content) in ('object', 'array') and pg_column_size(rich_content) <= 65536)
  )
);
comment on table chat.messages is 'Messages of a session: the main conversation (thread_id null) and its operator threads.';

-- Message pages by seq: the main conversation, and each operator thread (also its unread
-- recount). Two partial indexes, because `thread_id is null` is not an equality the planner
-- can order by. Seqs are unique per session by construction (assigned under the session's row
-- lock, see chat_private.messages_assign); the tests check it.
create index messages_main_page_idx on chat.messages (owner_id, session_id, seq) where thread_id is null;
create index messages_thread_page_idx on chat.messages (owner_id, thread_id, seq) where thread_id is not null;
create index messages_sync_idx on chat.messages (owner_id, sync_version);

-- Hard deletions (purge), so other devices drop what no longer exists.
create table chat.tombstones (
  owner_id uuid not null,
  sync_version bigint not null,
  entity text not null,
  entity_id uuid not null,
  deleted_at timestamptz not null default now(),
  primary key (owner_id, sync_version),
  constraint tombstones_entity_check check (entity in ('session', 'thread', 'message'))
);
comment on table chat.tombstones is 'Records of hard-deleted rows for the change feed.';
