import pg from 'pg';
import type { DatasetShape } from './shape.js';

/**
 * Generates the benchmark's data set with set-based SQL, as a superuser, into a freshly migrated
 * database.
 *
 * Rows are written with `session_replication_role = replica`, so the per-row triggers (guards,
 * seq assignment, counters, change-feed clock) don't run. Everything they would have
 * maintained is then derived from the rows themselves: each session's and thread's counters
 * come from a recount of its messages, each broker's tab counts and clock from its sessions.
 * A final check compares the counters with a recount, as the triggers guarantee at all times,
 * and fails the run if anything differs.
 *
 * Everything is a function of a row number `n` (1 … sessions), so ids and contents are
 * reproducible: broker 1 owns sessions 1 … bigBrokerSessions (session 1, the most recent, holds
 * the long conversation); the other brokers take the remaining sessions in turn.
 */

/**
 * One named step of the generation, timed on its own. Its parts cover disjoint ranges of rows
 * and run concurrently, one connection each (the two big inserts are CPU-bound).
 */
export interface GenerationStep {
  name: string;
  parts: string[];
}

/** How long each step took, and the resulting sizes. */
export interface GenerationReport {
  steps: Array<{ name: string; seconds: number }>;
  totalSeconds: number;
  rows: { sessions: number; operatorThreads: number; messages: number; brokers: number };
  /** On-disk size of the `chat` schema's tables and indexes. */
  databaseBytes: number;
}

const airports = [
  'TEB',
  'VNY',
  'HPN',
  'LAS',
  'MIA',
  'OPF',
  'ASE',
  'SDL',
  'BCT',
  'PBI',
  'SFO',
  'SJC',
  'DAL',
  'HOU',
  'MDW',
  'DCA',
  'IAD',
  'BOS',
  'EGLL',
  'LFMN',
  'LSGG',
  'LIML',
  'EHAM',
  'LEBL',
];
const stages = [
  'understanding_request',
  'searching_aircraft',
  'requesting_quotes',
  'analyzing_options',
  'proposal_ready',
  'proposal_sent',
  'contract_generated',
  'contract_sent',
  'payment_pending',
  'closed_won',
];
const operators = [
  'Summit Aviation',
  'Blue Harbor Jets',
  'Redline Charter',
  'Northstar Air',
  'Coastal Executive',
  'Meridian Flight',
  'Alpine Jet Services',
  'Harbor Point Aviation',
];

function sqlArray(values: string[]): string {
  return `array[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')}]`;
}

function integer(value: number, name: string): string {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer`);
  return String(value);
}

/** Splits 1 … count into `parts` contiguous ranges [first, last]. */
function ranges(count: number, parts: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let k = 0; k < parts; k++) {
    const first = Math.floor((count * k) / parts) + 1;
    const last = Math.floor((count * (k + 1)) / parts);
    if (last >= first) out.push([first, last]);
  }
  return out;
}

/** The columns of chat.sessions the generator writes (all but the generated ones and the card). */
const sessionColumns = `id, owner_id, kind, status, status_before_archive, title, trip_type, legs,
          passengers, stage, outcome, pinned, resume_at, created_at, updated_at, last_activity_at, completed_at,
          archived_at, deleted_at, departs_on, last_message_preview, message_count, unread_count, thread_count,
          replied_thread_count, last_seq, metadata, external_ref, version, sync_version`;

/** The generation steps for a shape, the big inserts split into `parallelism` parts. */
export function generationSteps(shape: DatasetShape, parallelism = 1): GenerationStep[] {
  const S = integer(shape.sessions, 'sessions');
  const B = integer(shape.brokers, 'brokers');
  const Sb = integer(shape.bigBrokerSessions, 'bigBrokerSessions');
  const M = integer(shape.messages, 'messages');
  const L = integer(shape.longConversation, 'longConversation');
  // Messages of the other sessions, and the most any of them gets (their seqs are 1 … c).
  const rest = shape.messages - shape.longConversation;
  const perSession = Math.ceil(rest / (shape.sessions - 1));
  const c = integer(perSession, 'messages per session');
  // Change-feed versions are unique per broker. Broker 1's follow the story of its data (its long
  // conversation, then its other messages, threads, and sessions, the most recent session last);
  // the others' only need to be unique. Every broker's sessions carry its highest versions, so
  // its clock is the highest version of its sessions.
  const bigThreadBase = shape.longConversation + shape.bigBrokerSessions * perSession;
  const bigSessionBase = bigThreadBase + shape.bigBrokerSessions;

  return [
    {
      name: 'helpers (schema bench: reproducible ids, layout, contents)',
      parts: [
        `
        create schema bench;

        -- A version-4-shaped uuid derived from a label, so every id is reproducible.
        create function bench.uuid_of(p_label text) returns uuid
        language sql immutable parallel safe
        as $$ select overlay(overlay(md5(p_label) placing '4' from 13) placing '8' from 17)::uuid $$;

        create function bench.broker_id(p_broker integer) returns uuid
        language sql immutable parallel safe as $$ select bench.uuid_of('broker:' || p_broker::text) $$;
        create function bench.session_id(p_n integer) returns uuid
        language sql immutable parallel safe as $$ select bench.uuid_of('session:' || p_n::text) $$;
        create function bench.thread_id(p_n integer) returns uuid
        language sql immutable parallel safe as $$ select bench.uuid_of('thread:' || p_n::text) $$;

        -- Which broker owns session n, and its rank among that broker's sessions (1 = most recent).
        create function bench.owner_of(p_n integer) returns integer
        language sql immutable parallel safe
        as $$ select case when p_n <= ${Sb} then 1 else 2 + (p_n - ${Sb} - 1) % (${B} - 1) end $$;
        create function bench.rank_of(p_n integer) returns integer
        language sql immutable parallel safe
        as $$ select case when p_n <= ${Sb} then p_n else (p_n - ${Sb} - 1) / (${B} - 1) + 1 end $$;

        -- When session n was last active: each broker's sessions spread over the last 700 days.
        create function bench.anchor_of(p_n integer) returns timestamptz
        language sql stable parallel safe
        as $$
          select now() - interval '700 days' * (bench.rank_of(p_n)::float8
            / case when p_n <= ${Sb} then ${Sb} else ceil((${S} - ${Sb})::float8 / (${B} - 1)) end)
        $$;

        create function bench.kind_of(p_n integer) returns text
        language sql immutable parallel safe
        as $$ select case when p_n % 4 = 0 then 'general' else 'flight_request' end $$;

        -- Flight requests n ≡ 5 (mod 10) have one operator thread: messages 2, 3, … go there.
        create function bench.has_thread(p_n integer) returns boolean
        language sql immutable parallel safe as $$ select p_n > 1 and p_n % 10 = 5 $$;

        -- Whether the broker has read the operator's replies in session n's thread (half have not).
        create function bench.thread_read(p_n integer) returns boolean
        language sql immutable parallel safe as $$ select p_n % 20 <> 5 $$;

        create function bench.message_count_of(p_n integer) returns integer
        language sql immutable parallel safe
        as $$
          select case when p_n = 1 then ${L}
            else ${rest} / (${S} - 1) + case when p_n - 2 < ${rest} % (${S} - 1) then 1 else 0 end end
        $$;

        create function bench.role_of(p_n integer, p_seq integer) returns text
        language sql immutable parallel safe
        as $$
          select case
            when bench.has_thread(p_n) and p_seq >= 2 then case when p_seq % 2 = 0 then 'broker' else 'operator' end
            when p_seq % 2 = 1 then 'broker'
            else 'assistant'
          end
        $$;

        create function bench.text_of(p_n integer, p_seq integer, p_role text) returns text
        language sql immutable parallel safe
        as $$
          select case p_role
            when 'broker' then 'Please check availability and pricing for request #' || p_n::text
              || ' (note ' || p_seq::text || ').'
            when 'assistant' then 'I found three aircraft for request #' || p_n::text
              || ': Citation XLS+, Challenger 350 and Praetor 600. Shall I send quote requests? ('
              || p_seq::text || ')'
            else 'Quote for request #' || p_n::text || ': Challenger 350, USD '
              || (18000 + (p_n * 37) % 40000)::text || ' all-in, valid 48 hours.'
          end
        $$;

        create function bench.message_at(p_n integer, p_seq integer) returns timestamptz
        language sql stable parallel safe
        as $$
          select bench.anchor_of(p_n) - (bench.message_count_of(p_n) - p_seq)
            * case when p_n = 1 then interval '1 minute' else interval '2 minutes' end
        $$;
      `,
      ],
    },
    {
      name: `brokers (${shape.brokers})`,
      parts: [
        `
        insert into auth.users (id, email, raw_user_meta_data)
        select bench.broker_id(b), 'broker' || b || '@bench.example', jsonb_build_object('full_name', 'Broker ' || b)
        from generate_series(1, ${B}) b`,
      ],
    },
    {
      name: 'set indexes aside (rebuilt from their own definitions after the load)',
      // Every index of the three tables except those a foreign key relies on (the sessions' and
      // threads' primary keys): filling them row by row costs far more than building them once.
      parts: [
        `
        create table bench.set_aside as
        select i.indexrelid::regclass::text as name, i.indrelid::regclass::text as table_name,
               k.conname as constraint_name,
               case when k.oid is null then pg_get_indexdef(i.indexrelid)
                    else format('alter table %s add constraint %I %s', i.indrelid::regclass, k.conname,
                                pg_get_constraintdef(k.oid)) end as definition
        from pg_index i
        left join pg_constraint k on k.conindid = i.indexrelid and k.contype in ('p', 'u')
        where i.indrelid in ('chat.sessions'::regclass, 'chat.operator_threads'::regclass, 'chat.messages'::regclass)
          and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = i.indexrelid);
        do $$
        declare
          v_index record;
        begin
          for v_index in select * from bench.set_aside loop
            if v_index.constraint_name is null then
              execute 'drop index ' || v_index.name;
            else
              execute format('alter table %s drop constraint %I', v_index.table_name, v_index.constraint_name);
            end if;
          end loop;
        end
        $$`,
      ],
    },
    {
      name: `messages (${shape.messages}; ${shape.longConversation} in one conversation)`,
      parts: ranges(rest, parallelism).map(
        ([first, last], part) => `
        insert into chat.messages (id, session_id, thread_id, owner_id, seq, role, content, content_type,
                                   created_at, sync_version)
        select gen_random_uuid(), bench.session_id(m.n),
               case when bench.has_thread(m.n) and m.seq >= 2 then bench.thread_id(m.n) end,
               bench.broker_id(bench.owner_of(m.n)), m.seq, m.role, bench.text_of(m.n, m.seq, m.role), 'text',
               bench.message_at(m.n, m.seq), m.version
        from (
          select 1 as n, seq, bench.role_of(1, seq) as role, seq::bigint as version
          from generate_series(1, ${part === 0 ? L : 0}) seq
          union all
          -- Message i of the others goes to session 2 + i mod (sessions - 1), as its seq-th.
          select p.n, p.seq, bench.role_of(p.n, p.seq),
                 case when p.n <= ${Sb} then ${L}::bigint + (p.n - 2)::bigint * ${c} + p.seq else i + 1 end
          from generate_series(${first - 1}, ${last - 1}) i
          cross join lateral (select 2 + i % (${S} - 1) as n, 1 + i / (${S} - 1) as seq) p
        ) m`,
      ),
    },
    {
      name: 'recount messages per session and per thread',
      parts: [
        `
        create table bench.session_totals as
        select session_id,
               count(*) filter (where thread_id is null)::integer as main_count,
               max(seq) filter (where thread_id is null) as main_last_seq,
               max(seq) as last_seq,
               max(created_at) as last_at,
               count(*) filter (where thread_id is not null)::integer as thread_messages,
               count(*) filter (where role = 'operator')::integer as inbound_count
        from chat.messages group by session_id;

        create table bench.thread_totals as
        select thread_id,
               count(*)::integer as message_count,
               (count(*) filter (where role = 'operator'))::integer as inbound_count,
               max(seq) as last_seq,
               max(seq) filter (where role = 'operator') as last_inbound_seq,
               max(created_at) as last_at
        from chat.messages where thread_id is not null group by thread_id;
        -- No indexes: the inserts below hash-join these (an index would invite a lookup per row).
        analyze bench.session_totals;
        analyze bench.thread_totals;`,
      ],
    },
    {
      name: 'operator threads (counters from the recount; half of them with an unread reply)',
      parts: [
        `
        insert into chat.operator_threads (id, session_id, owner_id, operator_name, external_ref, status,
          last_message_preview, last_message_at, last_seq, last_read_seq, message_count, inbound_count,
          unread_count, created_at, updated_at, sync_version)
        select t.thread_id, bench.session_id(n), bench.broker_id(bench.owner_of(n)),
               (${sqlArray(operators)})[1 + n % ${operators.length}], 'op-' || n,
               case when t.inbound_count > 0 then 'quoted' else 'open' end,
               bench.text_of(n, t.last_seq::integer, bench.role_of(n, t.last_seq::integer)),
               t.last_at, t.last_seq, r.read_seq, t.message_count, t.inbound_count,
               -- Operator replies after the read cursor: all of them, or none.
               case when r.read_seq = 0 then t.inbound_count else 0 end,
               bench.anchor_of(n) - interval '1 day', t.last_at,
               case when n <= ${Sb} then ${bigThreadBase}::bigint + n else ${M}::bigint + n end
        from generate_series(2, ${S}) n
        join bench.thread_totals t on t.thread_id = bench.thread_id(n)
        cross join lateral (select case when bench.thread_read(n) then t.last_seq else 0 end as read_seq) r
        where bench.has_thread(n);
        analyze chat.operator_threads`,
      ],
    },
    {
      name: `sessions (${shape.sessions}; ${shape.bigBrokerSessions} of broker 1), counters from the recount`,
      parts: ranges(shape.sessions, parallelism).map(
        ([first, last]) => `
        insert into chat.sessions (${sessionColumns}, card, card_version)
        -- The card (the row as the API returns it) as trigger zz_card would write it.
        select r.*, chat_private.session_card(to_jsonb(r)), r.sync_version from (
        select d.id, d.owner_id, d.kind, st.status, st.before_archive,
               case when d.flight then d.from_code || ' → ' || d.to_code || ', ' || (1 + n % 14) || ' pax'
                    else 'General chat #' || bench.rank_of(n) end,
               case when not d.flight then null when n % 3 = 0 then 'round_trip' else 'one_way' end,
               case when not d.flight then '[]'::jsonb
                    when n % 3 = 0 then jsonb_build_array(
                      jsonb_build_object('from', d.from_code, 'to', d.to_code, 'date', to_char(d.departs, 'YYYY-MM-DD')),
                      jsonb_build_object('from', d.to_code, 'to', d.from_code, 'date', to_char(d.departs + 3, 'YYYY-MM-DD')))
                    else jsonb_build_array(
                      jsonb_build_object('from', d.from_code, 'to', d.to_code, 'date', to_char(d.departs, 'YYYY-MM-DD')))
               end,
               case when d.flight then 1 + n % 14 end,
               case when d.flight then (${sqlArray(stages)})[1 + (n / 7) % ${stages.length}] end,
               case when st.status = 'completed' or st.before_archive = 'completed'
                    then (array['won', 'lost', 'cancelled'])[1 + n % 3] end,
               n % 997 = 0 and not st.deleted,
               case when st.status = 'paused' and n % 3 = 0 then now() - interval '1 hour' * (n % 48)
                    when st.status = 'paused' and n % 3 = 1 then now() + interval '1 hour' * (n % 400) end,
               d.at - interval '2 days', d.at, greatest(d.at, tot.last_at),
               case when st.status = 'completed' or st.before_archive = 'completed' then d.at end,
               case when st.status = 'archived' then d.at end,
               case when st.deleted then d.at + interval '1 minute' end,
               case when d.flight then d.departs end,
               -- The generated texts are single-spaced and short, so chat_private.preview() would
               -- return them unchanged (and costs a function call per row); the check proves it.
               bench.text_of(n, tot.main_last_seq::integer, bench.role_of(n, tot.main_last_seq::integer)),
               coalesce(tot.main_count, 0),
               -- The thread's counters, as the threads step derives them from the same recount.
               case when bench.thread_read(n) then 0 else coalesce(tot.inbound_count, 0) end,
               case when tot.thread_messages > 0 then 1 else 0 end,
               case when tot.inbound_count > 0 then 1 else 0 end,
               coalesce(tot.last_seq, 0),
               case when n % 5 = 0 then jsonb_build_object('crmDealId', 'D-' || n) else '{}'::jsonb end,
               case when n % 2 = 1 then 'trip-' || n end,
               1 + n % 4,
               case when n <= ${Sb} then ${bigSessionBase}::bigint + (${Sb} + 1 - n) else ${M}::bigint + ${S} + n end
        from generate_series(${first}, ${last}) n
        -- "offset 0" keeps each derived value computed once per row (a pulled-up subquery would
        -- copy its expressions into every place that uses them).
        cross join lateral (
          select bench.session_id(n) as id, bench.broker_id(bench.owner_of(n)) as owner_id, x.at,
                 bench.kind_of(n) as kind, bench.kind_of(n) = 'flight_request' as flight,
                 (${sqlArray(airports)})[1 + n % ${airports.length}] as from_code,
                 (${sqlArray(airports)})[1 + (n % ${airports.length} + 1 + (n / ${airports.length}) % ${airports.length - 1}) % ${airports.length}] as to_code,
                 (x.at + interval '1 day' * (n % 21))::date as departs
          from (select bench.anchor_of(n) as at offset 0) x
          offset 0
        ) d
        cross join lateral (
          select case when h < 55 then 'active' when h < 67 then 'paused' when h < 87 then 'completed' else 'archived' end as status,
                 case when h >= 87 then case when h % 2 = 0 then 'active' else 'completed' end end as before_archive,
                 (n::bigint * 104729) % 1000 < 10 as deleted
          from (select ((n::bigint * 7919) % 100)::integer as h) x
          offset 0
        ) st
        left join bench.session_totals tot on tot.session_id = d.id
        ) r (${sessionColumns})`,
      ),
    },
    {
      name: 'airport codes per session (for the search counts), as trigger sessions_leg_codes writes them',
      parts: [
        `
        insert into chat_private.session_leg_codes (owner_id, code, session_id, bucket)
        select distinct s.owner_id, c.code, s.id, chat_private.session_bucket(s.tab, s.deleted_at)
        from chat.sessions s
        cross join lateral unnest(chat_private.leg_codes(s.legs)) as c (code)`,
      ],
    },
    {
      name: 'owner state (tab counts, unread total and clock per broker, from the sessions)',
      parts: [
        `
        insert into chat.owner_state (owner_id, clock, active_count, paused_count, completed_count, archived_count,
                                      trash_count, unread_count)
        select owner_id, max(sync_version),
               count(*) filter (where deleted_at is null and status = 'active'),
               count(*) filter (where deleted_at is null and status = 'paused'),
               count(*) filter (where deleted_at is null and status = 'completed'),
               count(*) filter (where deleted_at is null and status = 'archived'),
               count(*) filter (where deleted_at is not null),
               coalesce(sum(unread_count) filter (where deleted_at is null), 0)
        from chat.sessions group by owner_id`,
      ],
    },
    {
      name: 'rebuild the indexes set aside',
      // With two connections, the messages' indexes build beside the others.
      parts: (parallelism >= 2 ? [`= 'chat.messages'`, `<> 'chat.messages'`] : ['is not null']).map(
        (which) => `
        do $$
        declare
          v_definition text;
        begin
          for v_definition in select definition from bench.set_aside where table_name ${which} loop
            execute v_definition;
          end loop;
        end
        $$`,
      ),
    },
    {
      name: 'drop the work tables',
      parts: ['drop table bench.session_totals, bench.thread_totals, bench.set_aside'],
    },
  ];
}

/**
 * Checks what the triggers guarantee, on the generated rows: counters equal a recount (for
 * every session, thread and broker), previews are those of the last messages (broker 1), no row
 * is ahead of its broker's clock, seqs are 1 … last_seq without gaps (broker 1). Throws on any
 * mismatch.
 */
export async function verifyConsistency(client: pg.Client, bigBroker: string): Promise<void> {
  const checks: Array<{ name: string; sql: string; params?: unknown[] }> = [
    {
      name: 'broker 1: session counters equal a recount of their messages and threads',
      sql: `
        select count(*)::int as bad from chat.sessions s
        left join (select session_id, count(*) filter (where thread_id is null) as main, max(seq) as last_seq
                   from chat.messages where owner_id = $1 group by session_id) m on m.session_id = s.id
        left join (select session_id, count(*) as threads, count(*) filter (where inbound_count > 0) as replied,
                          sum(unread_count) as unread
                   from chat.operator_threads where owner_id = $1 group by session_id) t on t.session_id = s.id
        where s.owner_id = $1 and ((s.message_count, s.last_seq, s.thread_count, s.replied_thread_count, s.unread_count)
              is distinct from (coalesce(m.main, 0)::int, coalesce(m.last_seq, 0), coalesce(t.threads, 0)::int,
                                coalesce(t.replied, 0)::int, coalesce(t.unread, 0)::int))`,
      params: [bigBroker],
    },
    {
      name: 'broker 1: every card is the one trigger zz_card would write',
      sql: `
        select count(*)::int as bad from chat.sessions s
        where s.owner_id = $1 and (s.card_version is distinct from s.sync_version
          or s.card::jsonb is distinct from chat_private.session_card_of(s)::jsonb)`,
      params: [bigBroker],
    },
    {
      name: 'broker 1: the airport codes per session are those of its legs, with its bucket',
      sql: `
        select count(*)::int as bad from (
          (select s.owner_id, c.code, s.id, chat_private.session_bucket(s.tab, s.deleted_at)
           from chat.sessions s cross join lateral unnest(chat_private.leg_codes(s.legs)) as c (code)
           where s.owner_id = $1
           except
           select l.owner_id, l.code, l.session_id, l.bucket from chat_private.session_leg_codes l where l.owner_id = $1)
          union all
          (select l.owner_id, l.code, l.session_id, l.bucket from chat_private.session_leg_codes l where l.owner_id = $1
           except
           select s.owner_id, c.code, s.id, chat_private.session_bucket(s.tab, s.deleted_at)
           from chat.sessions s cross join lateral unnest(chat_private.leg_codes(s.legs)) as c (code)
           where s.owner_id = $1)) d`,
      params: [bigBroker],
    },
    {
      name: 'broker 1: thread counters equal a recount of their messages',
      sql: `
        select count(*)::int as bad from chat.operator_threads t
        join (select thread_id, count(*) as n, count(*) filter (where role = 'operator') as inbound, max(seq) as last_seq
              from chat.messages where owner_id = $1 and thread_id is not null group by thread_id) m on m.thread_id = t.id
        where t.owner_id = $1 and ((t.message_count, t.inbound_count, t.last_seq) is distinct from (m.n::int, m.inbound::int, m.last_seq)
           or t.unread_count <> (select count(*) from chat.messages x
                                 where x.owner_id = t.owner_id and x.thread_id = t.id
                                   and x.role = 'operator' and x.seq > t.last_read_seq))`,
      params: [bigBroker],
    },
    {
      name: 'broker tab counts and unread totals equal a recount of their sessions',
      sql: `
        select count(*)::int as bad from chat.owner_state o
        full join (select owner_id,
                          count(*) filter (where deleted_at is null and status = 'active') as active,
                          count(*) filter (where deleted_at is null and status = 'paused') as paused,
                          count(*) filter (where deleted_at is null and status = 'completed') as completed,
                          count(*) filter (where deleted_at is null and status = 'archived') as archived,
                          count(*) filter (where deleted_at is not null) as trash,
                          coalesce(sum(unread_count) filter (where deleted_at is null), 0) as unread
                   from chat.sessions group by owner_id) r on r.owner_id = o.owner_id
        where (o.active_count, o.paused_count, o.completed_count, o.archived_count, o.trash_count, o.unread_count)
              is distinct from (r.active::int, r.paused::int, r.completed::int, r.archived::int, r.trash::int, r.unread::int)`,
    },
    {
      name: 'no row is ahead of its broker clock',
      sql: `
        select count(*)::int as bad from chat.owner_state o
        where exists (select 1 from chat.messages m where m.owner_id = o.owner_id and m.sync_version > o.clock)
           or exists (select 1 from chat.operator_threads t where t.owner_id = o.owner_id and t.sync_version > o.clock)
           or exists (select 1 from chat.sessions s where s.owner_id = o.owner_id and s.sync_version > o.clock)`,
    },
    {
      name: "broker 1: previews are the last messages' and seqs have no gaps",
      sql: `
        select count(*)::int as bad from chat.sessions s
        left join (select session_id, count(*) as n, count(distinct seq) as seqs, max(seq) as last_seq
                   from chat.messages where owner_id = $1 group by session_id) m on m.session_id = s.id
        where s.owner_id = $1 and (
          s.last_message_preview is distinct from (
            select chat_private.preview(x.content) from chat.messages x
            where x.owner_id = s.owner_id and x.session_id = s.id and x.thread_id is null order by x.seq desc limit 1)
          or (coalesce(m.n, 0), coalesce(m.seqs, 0), coalesce(m.last_seq, 0)) <> (s.last_seq, s.last_seq, s.last_seq))`,
      params: [bigBroker],
    },
  ];
  for (const check of checks) {
    const result = await client.query<{ bad: number }>(check.sql, check.params);
    const bad = result.rows[0]?.bad ?? -1;
    if (bad !== 0)
      throw new Error(`generated data is inconsistent: ${check.name} (${bad} rows differ)`);
  }
}

/**
 * Generates the data set into an empty, migrated database (`adminUrl`: a superuser's), verifies
 * it, then freezes and analyzes the tables (so the measurements don't pay for hint bits, and
 * the planner knows the data). Big steps run on `parallelism` connections. `log` receives one
 * line per step.
 */
export async function generateDataset(
  adminUrl: string,
  shape: DatasetShape,
  log: (line: string) => void,
  parallelism = 2,
): Promise<GenerationReport> {
  const connections = await Promise.all(
    Array.from({ length: Math.max(1, parallelism) }, async () => {
      const client = new pg.Client({
        connectionString: adminUrl,
        application_name: 'bench-generate',
      });
      await client.connect();
      await client.query(`set work_mem = '512MB'`);
      await client.query(`set maintenance_work_mem = '1GB'`);
      await client.query('set jit = off');
      return client;
    }),
  );
  const main = connections[0]!;
  const steps: GenerationReport['steps'] = [];
  const started = performance.now();
  const timed = async (name: string, work: () => Promise<unknown>) => {
    const t0 = performance.now();
    await work();
    const seconds = (performance.now() - t0) / 1000;
    steps.push({ name, seconds });
    log(`  ${seconds.toFixed(1).padStart(6)} s  ${name}`);
  };

  try {
    for (const client of connections) await client.query('set session_replication_role = replica');
    for (const step of generationSteps(shape, connections.length)) {
      await timed(step.name, () =>
        Promise.all(step.parts.map((sql, i) => connections[i]!.query(sql))),
      );
    }
    for (const client of connections) await client.query('set session_replication_role = origin');
    await timed('vacuum (freeze, analyze)', () =>
      main.query(
        'vacuum (freeze, analyze) auth.users, chat.sessions, chat.operator_threads, chat.messages, chat.owner_state, ' +
          'chat_private.session_leg_codes',
      ),
    );
    const bigBroker = (await main.query<{ id: string }>('select bench.broker_id(1) as id')).rows[0]!
      .id;
    await timed('verify: counters equal a recount, nothing ahead of the clock', () =>
      verifyConsistency(main, bigBroker),
    );

    const sizes = await main.query<{
      sessions: string;
      threads: string;
      messages: string;
      brokers: string;
      bytes: string;
    }>(`
      select (select count(*) from chat.sessions) as sessions,
             (select count(*) from chat.operator_threads) as threads,
             (select count(*) from chat.messages) as messages,
             (select count(*) from auth.users) as brokers,
             (select sum(pg_total_relation_size(c.oid)) from pg_class c
               where c.relnamespace = 'chat'::regnamespace and c.relkind = 'r') as bytes`);
    const row = sizes.rows[0]!;
    return {
      steps,
      totalSeconds: (performance.now() - started) / 1000,
      rows: {
        sessions: Number(row.sessions),
        operatorThreads: Number(row.threads),
        messages: Number(row.messages),
        brokers: Number(row.brokers),
      },
      databaseBytes: Number(row.bytes),
    };
  } finally {
    await Promise.all(connections.map((client) => client.end()));
  }
}
