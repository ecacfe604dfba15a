// The list and message pages stay index range scans with bounded buffers on a large tenant:
// 100 000 sessions for one broker, 50 000 messages in one session. Checked on the plans of the
// statements the API functions really run (auto_explain, nested statements), as the
// `authenticated` role under RLS. Exact quantities only: node types and buffer counts.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import {
  explainAsUser,
  planNodes,
  sharedBuffers,
  type ExplainedStatement,
} from '../support/explain.js';

const broker = '5a000000-0000-4000-8000-000000000001';
const neighbour = '5a000000-0000-4000-8000-000000000002';
const longSession = '5b000000-0000-4000-8000-000000000001';
const claims = { sub: broker, role: 'authenticated' };
// A page of 50 rows touches at most its rows' heap pages plus a few index pages.
const pageBufferBudget = 120;

function pageStatement(
  plans: ExplainedStatement[],
  table: 'sessions' | 'messages',
): ExplainedStatement {
  const found = plans.filter(
    (p) => p.query.includes(`from chat.${table} `) && p.query.includes('limit $'),
  );
  assert.ok(
    found.length > 0,
    `no page query on chat.${table} among: ${plans.map((p) => p.query).join(' | ')}`,
  );
  return found[0]!;
}

function assertIndexRangeScan(statement: ExplainedStatement, index: string): void {
  const nodes = planNodes(statement.plan);
  const types = nodes.map((n) => n['Node Type']);
  assert.ok(!types.includes('Seq Scan'), `sequential scan in ${JSON.stringify(types)}`);
  assert.ok(
    !types.includes('Sort'),
    `sort node in ${JSON.stringify(types)}: the index should give the order`,
  );
  assert.ok(
    nodes.some(
      (n) =>
        (n['Node Type'] === 'Index Scan' || n['Node Type'] === 'Index Only Scan') &&
        n['Index Name'] === index,
    ),
    `expected an index scan on ${index}, got ${JSON.stringify(nodes.map((n) => [n['Node Type'], n['Index Name']]))}`,
  );
  const buffers = sharedBuffers(statement.plan);
  assert.ok(buffers > 0, 'buffer counts are reported');
  assert.ok(
    buffers <= pageBufferBudget,
    `page read ${buffers} buffers (budget ${pageBufferBudget})`,
  );
}

describe('query plans on a 100k-session tenant', () => {
  let db: TestDatabase;
  let client: pg.Client;

  before(async () => {
    db = await createTestDatabase('plans');
    client = new pg.Client({ connectionString: db.adminUrl });
    await client.connect();
    await client.query(
      `insert into auth.users (id, email) values ($1, 'big@example.test'), ($2, 'other@example.test')`,
      [broker, neighbour],
    );
    // Bulk generation skips the per-row triggers; the plans depend on the rows, not counters.
    await client.query(`set session_replication_role = replica`);
    await client.query(
      `
      insert into chat.sessions (id, owner_id, kind, status, status_before_archive, outcome, title, trip_type, legs,
                                 passengers, stage, pinned, last_activity_at, unread_count, departs_on)
      select gen_random_uuid(), o.owner, case when g % 3 = 0 then 'general' else 'flight_request' end,
             s.status, case when s.status = 'archived' then 'active' end,
             case when s.status = 'completed' then 'won' end,
             'Session ' || g, case when g % 3 = 0 then null else 'one_way' end,
             case when g % 3 = 0 then '[]'::jsonb else '[{"from":"TEB","to":"VNY","date":"2027-01-10"}]'::jsonb end,
             case when g % 3 = 0 then null else 1 + g % 12 end,
             case when g % 3 = 0 then null else 'requesting_quotes' end,
             g % 997 = 0, now() - g * interval '1 minute', case when g % 50 = 0 then 1 else 0 end,
             case when g % 3 = 0 then null else date '2027-01-10' end
      from (values ($1::uuid, 100000), ($2::uuid, 20000)) o (owner, n)
      cross join lateral generate_series(1, o.n) g
      cross join lateral (select (array['active','active','active','paused','completed','archived'])[1 + g % 6] as status) s`,
      [broker, neighbour],
    );
    await client.query(
      `
      insert into chat.sessions (id, owner_id, kind, title, last_seq, message_count)
      values ($1, $2, 'general', 'The very long conversation', 50000, 50000)`,
      [longSession, broker],
    );
    await client.query(
      `
      insert into chat.messages (session_id, owner_id, seq, role, content, created_at)
      select $1, $2, g, case when g % 2 = 0 then 'assistant' else 'broker' end, 'Message number ' || g,
             now() - (50000 - g) * interval '1 second'
      from generate_series(1, 50000) g`,
      [longSession, broker],
    );
    await client.query(`insert into chat.owner_state (owner_id, clock) values ($1, 1), ($2, 1)`, [
      broker,
      neighbour,
    ]);
    // The cards trigger zz_card would have written (as the benchmark's generator does).
    await client.query(
      `update chat.sessions s set card = chat_private.session_card_of(s), card_version = s.sync_version`,
    );
    await client.query(`set session_replication_role = origin`);
    await client.query('vacuum analyze chat.sessions');
    await client.query('analyze chat.messages');
  });

  after(async () => {
    await client?.end();
    await db?.drop();
  });

  async function listPage(sort: 'recent' | 'attention', cursor: unknown) {
    return explainAsUser(
      client,
      claims,
      `select chat.list_sessions('active', $1, null, $2::jsonb, 50)`,
      [sort, cursor === null ? null : JSON.stringify(cursor)],
    );
  }

  it('first list page, recent order: index range scan on sessions_list_idx', async () => {
    const statement = pageStatement(await listPage('recent', null), 'sessions');
    assertIndexRangeScan(statement, 'sessions_list_idx');
  });

  it('deep list page (past 60 000 rows), recent order: the same bounded index range scan', async () => {
    const deep = await client.query<{ pinned: boolean; at: string; id: string }>(
      `
      select pinned, last_activity_at as at, id from chat.sessions
      where owner_id = $1 and tab = 'active' and deleted_at is null
      order by pinned desc, last_activity_at desc, id desc offset 60000 limit 1`,
      [broker],
    );
    const row = deep.rows[0];
    assert.ok(row, 'the tenant has more than 60 000 active sessions');
    const statement = pageStatement(
      await listPage('recent', { pinned: row.pinned, at: row.at, id: row.id }),
      'sessions',
    );
    assertIndexRangeScan(statement, 'sessions_list_idx');
  });

  it('first list page, needs-attention order: unread bucket from its partial index', async () => {
    const plans = await listPage('attention', null);
    const statement = pageStatement(plans, 'sessions');
    assertIndexRangeScan(statement, 'sessions_unread_idx');
  });

  it('deep list page, needs-attention order (rest bucket): bounded index range scan', async () => {
    const deep = await client.query<{ pinned: boolean; at: string; id: string }>(
      `
      select pinned, last_activity_at as at, id from chat.sessions
      where owner_id = $1 and tab = 'active' and deleted_at is null and unread_count = 0
      order by pinned desc, last_activity_at desc, id desc offset 50000 limit 1`,
      [broker],
    );
    const row = deep.rows[0];
    assert.ok(row);
    const plans = await listPage('attention', {
      bucket: 3,
      pinned: row.pinned,
      at: row.at,
      id: row.id,
    });
    const statement = pageStatement(plans, 'sessions');
    assertIndexRangeScan(statement, 'sessions_list_idx');
  });

  it('newest message page: index range scan on messages_main_page_idx', async () => {
    const plans = await explainAsUser(
      client,
      claims,
      `select chat.list_messages($1, null, null, null, 50)`,
      [longSession],
    );
    assertIndexRangeScan(pageStatement(plans, 'messages'), 'messages_main_page_idx');
  });

  it('deep message page (before seq 1 000 of 50 000): the same bounded scan', async () => {
    const plans = await explainAsUser(
      client,
      claims,
      `select chat.list_messages($1, null, 1000, null, 50)`,
      [longSession],
    );
    assertIndexRangeScan(pageStatement(plans, 'messages'), 'messages_main_page_idx');
  });

  it('change feed poll with nothing new: index range scans on the sync indexes, bounded buffers', async () => {
    const plans = await explainAsUser(client, claims, `select chat.changes_since(1, 500)`);
    const feed = plans.find((p) => p.query.includes('from chat.messages x'));
    assert.ok(feed, `no feed statement among: ${plans.map((p) => p.query).join(' | ')}`);
    const nodes = planNodes(feed.plan);
    // Threads and tombstones are empty here, where a sequential scan is the planner's right
    // choice; the two large tables must be read through their sync indexes.
    const seqScans = nodes
      .filter((n) => n['Node Type'] === 'Seq Scan')
      .map((n) => n['Relation Name']);
    assert.ok(
      !seqScans.includes('sessions') && !seqScans.includes('messages'),
      `sequential scans: ${seqScans.join(', ')}`,
    );
    for (const index of ['sessions_sync_idx', 'messages_sync_idx']) {
      assert.ok(
        nodes.some((n) => n['Index Name'] === index),
        `uses ${index}`,
      );
    }
    const buffers = sharedBuffers(feed.plan);
    assert.ok(buffers <= pageBufferBudget, `a poll with nothing new read ${buffers} buffers`);
  });

  it('the pages return what they claim (the plans above are of working queries)', async () => {
    await client.query('begin');
    try {
      await client.query(`select set_config('request.jwt.claims', $1, true)`, [
        JSON.stringify(claims),
      ]);
      await client.query('set local role authenticated');
      const page = await client.query<{
        page: { items: Array<{ seq: number }>; has_more: boolean };
      }>(`select chat.list_messages($1, null, 1000, null, 50) as page`, [longSession]);
      assert.deepEqual(
        page.rows[0]!.page.items.map((m) => m.seq),
        Array.from({ length: 50 }, (_, i) => 950 + i),
      );
      assert.equal(page.rows[0]!.page.has_more, true);
      const list = await client.query<{ page: { items: unknown[]; next_cursor: unknown } }>(
        `select chat.list_sessions('active', 'recent', null, null, 50) as page`,
      );
      assert.equal(list.rows[0]!.page.items.length, 50);
      assert.ok(list.rows[0]!.page.next_cursor);
    } finally {
      await client.query('rollback');
    }
  });
});
