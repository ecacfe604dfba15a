import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { count } from '../lib/format.js';
import type { DatasetShape } from './shape.js';

/**
 * What the database benchmark measures: each API path a broker's screen uses, on the biggest
 * broker's data, and the baselines it is compared with (the same page done with OFFSET, the
 * counts done by a recount).
 */

/** Where the measurements point: ids and cursors found in the generated data. */
export interface Fixtures {
  broker: string;
  /** Broker 1's session with the long conversation. */
  longConversation: string;
  /** Sessions (broker 1's most recent) that receive the appended messages, in turn. */
  appendTargets: string[];
  /** Operator threads (of broker 1's most recent sessions) that get a reply, then are read. */
  readTargets: Array<{ session: string; thread: string }>;
  /** Rows skipped to reach the deep list pages. */
  listDepth: number;
  /** The cursors that continue after `listDepth` rows, as list_sessions returns them. */
  recentCursor: { pinned: boolean; at: string; id: string };
  attentionCursor: { bucket: number; pinned: boolean; at: string; id: string };
  /** Messages newer than the deep message page (it ends just before seq `deepBeforeSeq`). */
  messageDepth: number;
  deepBeforeSeq: number;
}

/** One measured statement. */
export interface Variant {
  key: string;
  /** What a reader sees in the results. */
  label: string;
  /** Runs as the broker (authenticated); reads its arguments as $1[1], $1[2], … */
  statement: string;
  /** The arguments of the i-th sample. */
  args(sample: number): string[];
  /** Samples per round: cheap statements get more; slow ones (tens of ms and up) one. */
  perRound: number;
  /** Untimed work before each sample, as the operator integration (service role). */
  setup?: { statement: string; args(sample: number): string[] };
}

/** A ratio the results report: median of `numerator` over median of `denominator`. */
export interface Comparison {
  label: string;
  numerator: string;
  denominator: string;
}

const recentOrder = 's.pinned desc, s.last_activity_at desc, s.id desc';
const activeTab = `s.owner_id = auth.uid() and s.tab = 'active' and s.deleted_at is null`;
// The "needs attention" order of list_sessions, written as one ORDER BY: unread replies first,
// then departures within 48 hours, then paused sessions due to resume, then the rest (pinned
// first); newest first inside each bucket.
const attentionBucket = `case
    when s.unread_count > 0 then 0
    when s.departs_on between (now() at time zone 'utc')::date and (now() at time zone 'utc')::date + 2 then 1
    when s.status = 'paused' and s.resume_at <= now() then 2
    else 3 end`;
const attentionOrder = `${attentionBucket}, case when ${attentionBucket} = 3 then s.pinned end desc nulls last,
    s.last_activity_at desc, s.id desc`;

/** A page of sessions as list_sessions builds it (the rows' cards), from any `where … order by …
 * limit/offset` tail. */
function sessionsPage(order: string, tail: string): string {
  return `select coalesce(json_agg(s.card order by ${order}), '[]')
    from (select * from chat.sessions s where ${tail}) s`;
}

/** A page of messages as list_messages builds it. */
function messagesPage(tail: string): string {
  return `select coalesce(jsonb_agg(to_jsonb(m) order by m.seq), '[]')
    from (select * from chat.messages m where ${tail}) m`;
}

/** Reads the fixtures from the generated data (superuser connection; RLS doesn't apply). */
export async function findFixtures(admin: pg.Client, shape: DatasetShape): Promise<Fixtures> {
  const ids = await admin.query<{ broker: string; long: string }>(
    `select bench.broker_id(1) as broker, bench.session_id(1) as long`,
  );
  const { broker, long } = ids.rows[0]!;
  // Broker 1's most recent sessions (n = 2 … 501; not the long conversation, not in the trash):
  // they already lead the list, so writing to them doesn't move the deep pages' rows.
  const targets = await admin.query<{ session: string; thread: string | null; open: boolean }>(
    `
    select s.id as session, t.id as thread, s.status in ('active', 'paused') as open
    from generate_series(2, least(501, $1::int)) n
    join chat.sessions s on s.id = bench.session_id(n) and s.deleted_at is null
    left join chat.operator_threads t on t.session_id = s.id and t.owner_id = s.owner_id
    order by n`,
    [shape.bigBrokerSessions],
  );
  const active = await admin.query<{ n: string }>(
    `select count(*) as n from chat.sessions s where s.owner_id = $1 and s.tab = 'active' and s.deleted_at is null`,
    [broker],
  );
  const listDepth = Math.min(50_000, Math.floor(Number(active.rows[0]!.n) * 0.8));

  const recent = await admin.query<{ cursor: Fixtures['recentCursor'] }>(
    `
    select jsonb_build_object('pinned', s.pinned, 'at', s.last_activity_at, 'id', s.id) as cursor
    from chat.sessions s where s.owner_id = $1 and s.tab = 'active' and s.deleted_at is null
    order by ${recentOrder} offset $2 - 1 limit 1`,
    [broker, listDepth],
  );
  const attention = await admin.query<{ cursor: Fixtures['attentionCursor'] }>(
    `
    select jsonb_build_object('bucket', ${attentionBucket}, 'pinned', s.pinned, 'at', s.last_activity_at, 'id', s.id) as cursor
    from chat.sessions s where s.owner_id = $1 and s.tab = 'active' and s.deleted_at is null
    order by ${attentionOrder} offset $2 - 1 limit 1`,
    [broker, listDepth],
  );

  // The deep message page holds the oldest 1 % of the conversation (at least a full page and one).
  const messageDepth =
    shape.longConversation - Math.max(Math.floor(shape.longConversation / 100), 51);
  return {
    broker,
    longConversation: long,
    // Completed and archived sessions take no broker messages (session_closed).
    appendTargets: targets.rows.filter((r) => r.open).map((r) => r.session),
    readTargets: targets.rows.flatMap((r) =>
      r.thread ? [{ session: r.session, thread: r.thread }] : [],
    ),
    listDepth,
    recentCursor: recent.rows[0]!.cursor,
    attentionCursor: attention.rows[0]!.cursor,
    messageDepth,
    deepBeforeSeq: shape.longConversation - messageDepth + 1,
  };
}

/** The measured variants. Deep pages skip `listDepth` sessions / `messageDepth` messages. */
export function variants(f: Fixtures): Variant[] {
  const none = () => [];
  return [
    {
      key: 'list-first-recent',
      label: 'List, first page, recent order (list_sessions)',
      statement: `select chat.list_sessions('active', 'recent', null, null, 50)`,
      args: none,
      perRound: 16,
    },
    {
      key: 'list-first-attention',
      label: 'List, first page, attention order (list_sessions)',
      statement: `select chat.list_sessions('active', 'attention', null, null, 50)`,
      args: none,
      perRound: 16,
    },
    {
      key: 'list-deep-recent',
      label: `List, page after ${count(f.listDepth)} rows, recent order (list_sessions, keyset)`,
      statement: `select chat.list_sessions('active', 'recent', null, $1[1]::jsonb, 50)`,
      args: () => [JSON.stringify(f.recentCursor)],
      perRound: 16,
    },
    {
      key: 'list-deep-recent-keyset-sql',
      label: 'List, same deep page, recent order (plain SQL, keyset)',
      statement: sessionsPage(
        recentOrder,
        `${activeTab}
        and (s.pinned, s.last_activity_at, s.id) < ($1[1]::boolean, $1[2]::timestamptz, $1[3]::uuid)
        order by ${recentOrder} limit 51`,
      ),
      args: () => [String(f.recentCursor.pinned), f.recentCursor.at, f.recentCursor.id],
      perRound: 16,
    },
    {
      key: 'list-deep-recent-keyset-ids',
      label:
        'List, same deep page, recent order (plain SQL, keyset, ids only: the index walk without the JSON)',
      statement: `select array_agg(s.id) from (select s.id from chat.sessions s where ${activeTab}
        and (s.pinned, s.last_activity_at, s.id) < ($1[1]::boolean, $1[2]::timestamptz, $1[3]::uuid)
        order by ${recentOrder} limit 51) s`,
      args: () => [String(f.recentCursor.pinned), f.recentCursor.at, f.recentCursor.id],
      perRound: 16,
    },
    {
      key: 'list-deep-recent-offset',
      label: `List, same deep page, recent order (plain SQL, OFFSET ${count(f.listDepth)})`,
      statement: sessionsPage(
        recentOrder,
        `${activeTab} order by ${recentOrder} offset ${f.listDepth} limit 51`,
      ),
      args: none,
      perRound: 1,
    },
    {
      key: 'list-deep-attention',
      label: `List, page after ${count(f.listDepth)} rows, attention order (list_sessions, keyset)`,
      statement: `select chat.list_sessions('active', 'attention', null, $1[1]::jsonb, 50)`,
      args: () => [JSON.stringify(f.attentionCursor)],
      perRound: 16,
    },
    {
      key: 'list-deep-attention-offset',
      label: `List, same deep page, attention order (plain SQL, OFFSET ${count(f.listDepth)})`,
      statement: sessionsPage(
        attentionOrder,
        `${activeTab} order by ${attentionOrder} offset ${f.listDepth} limit 51`,
      ),
      args: none,
      perRound: 1,
    },
    ...searchVariants(),
    {
      key: 'counts',
      label: 'Counts per tab (session_counts, kept by triggers)',
      statement: 'select chat.session_counts()',
      args: none,
      perRound: 16,
    },
    {
      key: 'counts-recount',
      label: "Counts per tab (plain SQL, recount of the broker's sessions)",
      statement: `select jsonb_build_object(
          'active', count(*) filter (where s.deleted_at is null and s.status = 'active'),
          'paused', count(*) filter (where s.deleted_at is null and s.status = 'paused'),
          'completed', count(*) filter (where s.deleted_at is null and s.status = 'completed'),
          'archived', count(*) filter (where s.deleted_at is null and s.status = 'archived'),
          'trash', count(*) filter (where s.deleted_at is not null),
          'unread', coalesce(sum(s.unread_count) filter (where s.deleted_at is null), 0))
        from chat.sessions s where s.owner_id = auth.uid()`,
      args: none,
      perRound: 1,
    },
    {
      key: 'messages-first',
      label: 'Messages, newest page (list_messages)',
      statement: 'select chat.list_messages($1[1]::uuid, null, null, null, 50)',
      args: () => [f.longConversation],
      perRound: 16,
    },
    {
      key: 'messages-deep',
      label: `Messages, page after ${count(f.messageDepth)} newer ones (list_messages, keyset)`,
      statement: 'select chat.list_messages($1[1]::uuid, null, $1[2]::bigint, null, 50)',
      args: () => [f.longConversation, String(f.deepBeforeSeq)],
      perRound: 16,
    },
    {
      key: 'messages-deep-offset',
      label: `Messages, same deep page (plain SQL, OFFSET ${count(f.messageDepth)})`,
      statement:
        messagesPage(`m.owner_id = auth.uid() and m.session_id = $1[1]::uuid and m.thread_id is null
        order by m.seq desc offset ${f.messageDepth} limit 51`),
      args: () => [f.longConversation],
      perRound: 1,
    },
    {
      key: 'append',
      label: 'Append a message (append_message)',
      statement: 'select chat.append_message($1[1]::uuid, $1[2]::uuid, $1[3])',
      args: (i) => [
        randomUUID(),
        f.appendTargets[i % f.appendTargets.length]!,
        `Please hold the Challenger 350 until Friday and send the contract (benchmark ${i}).`,
      ],
      perRound: 6,
    },
    {
      key: 'mark-read',
      label: 'Mark an operator thread read, after a new reply (mark_thread_read)',
      statement: 'select chat.mark_thread_read($1[1]::uuid)',
      args: (i) => [f.readTargets[i % f.readTargets.length]!.thread],
      perRound: 6,
      setup: {
        statement:
          'select chat.record_operator_message($1[1]::uuid, $1[2]::uuid, $1[3], $1[4]::uuid)',
        args: (i) => {
          const target = f.readTargets[i % f.readTargets.length]!;
          return [
            randomUUID(),
            target.session,
            `Revised quote ${i}: USD 41,200 all-in, valid 24 hours.`,
            target.thread,
          ];
        },
      },
    },
    {
      key: 'feed-idle',
      label: 'Change feed, nothing new (changes_since the clock)',
      statement: `select chat.changes_since((select o.clock from chat.owner_state o where o.owner_id = auth.uid()))`,
      args: none,
      perRound: 1,
    },
    {
      key: 'feed-behind',
      label: 'Change feed, 100 versions behind (changes_since clock − 100)',
      statement: `select chat.changes_since((select o.clock from chat.owner_state o where o.owner_id = auth.uid()) - 100)`,
      args: none,
      perRound: 1,
    },
  ];
}

/** What the search benchmark types (#11 item 9): a city (its airport codes are in ~3 % of the
 * legs), a title (rare: "General chat #4321" and #43210…), message text (rare: one request
 * number's messages). */
export const searches = [
  { key: 'place', label: 'city "Teterboro"', text: 'Teterboro' },
  { key: 'title', label: 'title "chat #4321"', text: 'chat #4321' },
  { key: 'message', label: 'message text "request #4321"', text: 'request #4321' },
] as const;

/** The same predicate as chat_private.session_matches, tested on every session (no index). */
const scanMatch = `chat_private.session_matches(s.id, s.owner_id, s.search_text, s.legs,
  chat_private.search_pattern($1[1]), chat_private.search_airport_codes(chat_private.search_pattern($1[1])))`;

/** Each search: the first page and the per-tab counts, against the unindexed scan. */
function searchVariants(): Variant[] {
  return searches.flatMap((search) => [
    {
      key: `search-${search.key}-list`,
      label: `Search ${search.label}, first page (list_sessions, indexed)`,
      statement: `select chat.list_sessions('active', 'recent', $1[1], null, 50)`,
      args: () => [search.text],
      perRound: 6,
    },
    {
      key: `search-${search.key}-list-scan`,
      label: `Search ${search.label}, same page (plain SQL: every session tested, no index)`,
      statement: sessionsPage(
        recentOrder,
        `${activeTab} and ${scanMatch} order by ${recentOrder} limit 51`,
      ),
      args: () => [search.text],
      perRound: 1,
    },
    {
      key: `search-${search.key}-counts`,
      label: `Search ${search.label}, counts per tab (search_counts, indexed)`,
      statement: `select chat.search_counts($1[1])`,
      args: () => [search.text],
      perRound: 6,
    },
    {
      key: `search-${search.key}-counts-scan`,
      label: `Search ${search.label}, counts per tab (plain SQL: every session tested, no index)`,
      statement: `select jsonb_build_object(
          'active', count(*) filter (where s.deleted_at is null and s.tab = 'active'),
          'completed', count(*) filter (where s.deleted_at is null and s.tab = 'completed'),
          'archived', count(*) filter (where s.deleted_at is null and s.tab = 'archived'),
          'trash', count(*) filter (where s.deleted_at is not null))
        from chat.sessions s where s.owner_id = auth.uid() and ${scanMatch}`,
      args: () => [search.text],
      perRound: 1,
    },
  ]);
}

/** The ratios reported next to the latencies. */
export const comparisons: Comparison[] = [
  ...searches.flatMap((search) => [
    {
      label: `Search ${search.label}, first page: indexed (list_sessions) / unindexed scan`,
      numerator: `search-${search.key}-list`,
      denominator: `search-${search.key}-list-scan`,
    },
    {
      label: `Search ${search.label}, counts: indexed (search_counts) / unindexed scan`,
      numerator: `search-${search.key}-counts`,
      denominator: `search-${search.key}-counts-scan`,
    },
  ]),
  {
    label: 'Deep list page, recent: keyset (list_sessions) / OFFSET',
    numerator: 'list-deep-recent',
    denominator: 'list-deep-recent-offset',
  },
  {
    label: 'Deep list page, recent: keyset (plain SQL) / OFFSET',
    numerator: 'list-deep-recent-keyset-sql',
    denominator: 'list-deep-recent-offset',
  },
  {
    label: 'Deep list page, recent: list_sessions / the bare keyset index walk (ids only)',
    numerator: 'list-deep-recent',
    denominator: 'list-deep-recent-keyset-ids',
  },
  {
    label: 'Deep list page, recent, plain SQL keyset: rows as JSON / ids only',
    numerator: 'list-deep-recent-keyset-sql',
    denominator: 'list-deep-recent-keyset-ids',
  },
  {
    label: 'Deep list page, attention: keyset (list_sessions) / OFFSET',
    numerator: 'list-deep-attention',
    denominator: 'list-deep-attention-offset',
  },
  {
    label: 'Deep message page: keyset (list_messages) / OFFSET',
    numerator: 'messages-deep',
    denominator: 'messages-deep-offset',
  },
  {
    label: 'Counts per tab: kept by triggers / recount',
    numerator: 'counts',
    denominator: 'counts-recount',
  },
  {
    label: 'List, recent: deep page / first page (keyset)',
    numerator: 'list-deep-recent',
    denominator: 'list-first-recent',
  },
  {
    label: 'Messages: deep page / newest page (keyset)',
    numerator: 'messages-deep',
    denominator: 'messages-first',
  },
];

/** The same page through keyset and OFFSET, which must hold the same rows. */
export const equivalentPages: Array<{ keyset: string; offset: string; path: 'items' | 'self' }> = [
  { keyset: 'list-deep-recent', offset: 'list-deep-recent-offset', path: 'items' },
  { keyset: 'list-deep-recent-keyset-sql', offset: 'list-deep-recent-offset', path: 'self' },
  { keyset: 'list-deep-attention', offset: 'list-deep-attention-offset', path: 'items' },
  { keyset: 'messages-deep', offset: 'messages-deep-offset', path: 'items' },
];
