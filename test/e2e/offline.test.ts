// The fault test of issue #14, in Chromium against what `npm start` runs: the server goes away
// (the CLI is stopped; its port refuses connections) while a broker makes 20 changes across two
// tabs of one browser, one tab is reloaded while the server is away, then the server comes back
// on the same port over the same database. Every change must reach the database exactly once,
// in the order it was made, and both tabs must settle without a click: nothing pending, no
// error, the status region having said "offline" and then "back online".
//
// Order and "exactly once" are read from the database itself: before the outage a recording
// trigger (test instrumentation, AFTER row triggers into a table of its own) is put on the
// tables the changes write, so every transaction the server commits is seen, with its rows.
//
// While the server is away, the page's own files (/demo/, /dist/ and the demo's sign-in
// answers) are served from what the browser loaded before, as a CDN or a service worker would
// serve a host's page; Supabase's API (/rest/v1/) is never served from anywhere but the server,
// so every write really fails and really waits.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import type { BrowserContext, Locator, Page, Route } from 'playwright-core';
import pg from 'pg';
import {
  card,
  eventually,
  expectCount,
  inFreshContext,
  openDemo,
  revealCard,
  sessionMenuAction,
  transcriptTexts,
  view,
  waitForList,
} from '../support/e2e-browser.js';
import { demoSuite } from '../support/e2e-suite.js';

/**
 * How long the server stays away. The issue asks for 30 s; the whole flow (two tabs, 20
 * changes, a reload, the restart and the checks) then takes about 50–60 s here, so 30 s stays.
 */
const OUTAGE_MS = 30_000;
const FLOW_TIMEOUT_MS = 150_000;

/** Ava's seeded sessions this flow changes (titles as the database has them). */
const SEED = {
  hartley: {
    id: 'a0000000-0000-4000-8000-000000000001',
    title: 'Hartley family — LA for the holidays',
  },
  lutonNice: { id: 'a0000000-0000-4000-8000-000000000002', title: 'Luton to Nice, Cannes Lions' },
  palmBeach: { id: 'a0000000-0000-4000-8000-000000000003', title: 'Palm Beach golf weekend' },
  vegas: { id: 'a0000000-0000-4000-8000-000000000004', title: 'Vegas conference, tomorrow' },
  caribbean: { id: 'a0000000-0000-4000-8000-000000000005', title: 'Caribbean island hop' },
  geneva: { id: 'a0000000-0000-4000-8000-000000000007', title: 'Geneva watch fair' },
  losCabos: { id: 'a0000000-0000-4000-8000-000000000008', title: 'Los Cabos anniversary' },
  catering: {
    id: 'a0000000-0000-4000-8000-000000000012',
    title: 'Catering standards for Gulfstream flights',
  },
  insurance: {
    id: 'a0000000-0000-4000-8000-000000000014',
    title: 'Insurance requirements for EU operators',
  },
  vail: { id: 'a0000000-0000-4000-8000-000000000016', title: 'Vail Christmas ski trip' },
  deIcing: { id: 'a0000000-0000-4000-8000-000000000017', title: 'Question about de-icing fees' },
} as const;
type Seeded = (typeof SEED)[keyof typeof SEED];

const demo = demoSuite();

// ─── The database's record of what was written ───────────────────────────────────────────────

const AUDIT_SQL = `
  create schema if not exists e2e_audit;
  create table if not exists e2e_audit.writes (
    n bigserial primary key,
    tx bigint not null default txid_current(),
    tbl text not null,
    op text not null,
    old jsonb,
    new jsonb
  );
  create or replace function e2e_audit.record() returns trigger
  language plpgsql security definer set search_path = '' as $$
  begin
    insert into e2e_audit.writes (tbl, op, old, new)
    values (tg_table_name, tg_op,
            case when tg_op <> 'INSERT' then to_jsonb(old) end,
            case when tg_op <> 'DELETE' then to_jsonb(new) end);
    return null;
  end $$;
  create trigger zz_e2e_audit after insert or update or delete on chat.sessions
    for each row execute function e2e_audit.record();
  create trigger zz_e2e_audit after insert or update or delete on chat.messages
    for each row execute function e2e_audit.record();
  create trigger zz_e2e_audit after insert or update or delete on chat.operator_threads
    for each row execute function e2e_audit.record();
`;

interface AuditRow {
  n: string;
  tx: string;
  tbl: string;
  op: string;
  old: Record<string, unknown> | null;
  new: Record<string, unknown> | null;
}

async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = demo.server.databaseUrl;
  assert.ok(url, 'the demo runs over PostgreSQL');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const titles = new Map<string, string>(Object.values(SEED).map((s) => [s.id, s.title]));
const titleOf = (id: unknown): string => titles.get(String(id)) ?? String(id);

/** What one committed transaction did, in the words of the actions the flow makes. */
function describeTransaction(rows: AuditRow[]): string {
  const message = rows.find(
    (row) => row.tbl === 'messages' && row.op === 'INSERT' && row.new?.['role'] === 'broker',
  );
  if (message) return `send “${String(message.new?.['content'])}”`;
  const sessions = rows.filter((row) => row.tbl === 'sessions' && row.op === 'UPDATE');
  for (const row of sessions) {
    const [from, to] = [row.old?.['status'], row.new?.['status']];
    if (from !== to) return `${String(from)} → ${String(to)}: ${titleOf(row.new?.['id'])}`;
  }
  for (const row of sessions) {
    if (row.old?.['pinned'] !== row.new?.['pinned'])
      return `${row.new?.['pinned'] ? 'pin' : 'unpin'}: ${titleOf(row.new?.['id'])}`;
  }
  for (const row of sessions) {
    if (row.old?.['unread_count'] !== row.new?.['unread_count'] && row.new?.['unread_count'] === 0)
      return `mark read: ${titleOf(row.new?.['id'])}`;
  }
  return `other: ${rows.map((row) => `${row.op} ${row.tbl}`).join(', ')}`;
}

/** The transactions committed since the recording began, in commit order, described. */
async function committedWrites(): Promise<{ described: string[]; messageIds: string[] }> {
  const rows = await withDatabase(
    async (client) =>
      (await client.query<AuditRow>('select * from e2e_audit.writes order by n')).rows,
  );
  const byTransaction = new Map<string, AuditRow[]>();
  for (const row of rows) byTransaction.set(row.tx, [...(byTransaction.get(row.tx) ?? []), row]);
  const messageIds = rows
    .filter(
      (row) => row.tbl === 'messages' && row.op === 'INSERT' && row.new?.['role'] === 'broker',
    )
    .map((row) => String(row.new?.['id']));
  return { described: [...byTransaction.values()].map(describeTransaction), messageIds };
}

// ─── The page's files while the server is away ───────────────────────────────────────────────

interface Kept {
  status: number;
  contentType: string;
  body: Buffer;
}

/** A content type from a path, for an answer whose headers were not recorded. */
function typeOf(pathname: string): string {
  if (/\.m?js$/.test(pathname)) return 'text/javascript';
  if (pathname.endsWith('.css')) return 'text/css';
  if (pathname.endsWith('/') || pathname.endsWith('.html')) return 'text/html';
  if (pathname.startsWith('/demo-api/')) return 'application/json';
  return 'application/octet-stream';
}

/**
 * Keeps every same-origin answer the tabs get that is not the API, and serves them (by path)
 * while the server is away, as a CDN would; the API is left to fail.
 */
async function keepPageFiles(context: BrowserContext, origin: string) {
  const kept = new Map<string, Kept>();
  const isPageFile = (url: URL) =>
    url.origin === origin &&
    !url.pathname.startsWith('/rest/') &&
    url.pathname !== '/demo-api/events';
  context.on('response', (response) => {
    const url = new URL(response.url());
    if (!isPageFile(url) || response.status() !== 200) return;
    void response.body().then(
      async (body) =>
        kept.set(url.pathname, {
          status: 200,
          contentType: (await response.headerValue('content-type')) ?? typeOf(url.pathname),
          body,
        }),
      () => undefined,
    );
  });
  const serve = (route: Route) => {
    const url = new URL(route.request().url());
    // The demo's sign-in: its cookie from before is still in the browser.
    if (url.pathname === '/demo-api/session') return route.fulfill({ status: 204 });
    const file = kept.get(url.pathname);
    return file
      ? route.fulfill({ status: file.status, contentType: file.contentType, body: file.body })
      : route.abort('connectionrefused');
  };
  return {
    kept,
    serveWhileAway: () => context.route(isPageFile, serve),
    stopServing: () => context.unroute(isPageFile, serve),
  };
}

// ─── Page helpers ────────────────────────────────────────────────────────────────────────────

function statusRegion(page: Page): Locator {
  return page.locator('chat-sidebar chat-connection-status [role="status"]');
}

async function statusText(page: Page): Promise<string> {
  return ((await statusRegion(page).textContent({ timeout: 2_000 })) ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Waits until the tab's status region says `count` changes are waiting. */
async function expectWaiting(page: Page, count: number): Promise<void> {
  const wanted =
    count === 1 ? '1 change waiting to be sent.' : `${count} changes waiting to be sent.`;
  await eventually(
    () => statusText(page),
    (text) => text.endsWith(wanted),
    `the status region to say “${wanted}”`,
  );
}

async function send(page: Page, text: string): Promise<void> {
  const composer = view(page).locator('chat-composer textarea');
  await composer.fill(text);
  await composer.press('Enter');
  await eventually(
    () => transcriptTexts(page),
    (texts) => texts.includes(text),
    `“${text}” in the conversation`,
  );
}

async function complete(page: Page, session: Seeded, outcome: 'Won' | 'Lost'): Promise<void> {
  await sessionMenuAction(page, session.id, 'complete');
  const dialog = page.locator('chat-sidebar dialog[open]');
  await dialog.locator('label.outcome', { hasText: outcome }).click();
  await dialog.locator('button[type="submit"]').click();
  await expectCount(dialog, 0, 'the complete dialog to close');
}

/** The delivery of each of the transcript's messages whose text is in `texts`. */
async function deliveries(page: Page, texts: readonly string[]): Promise<string[]> {
  const messages = view(page).locator('[part~="transcript"] chat-message');
  const found: string[] = [];
  for (const message of await messages.all()) {
    const text = (await message.locator('[part~="content"]').innerText()).trim();
    if (texts.includes(text))
      found.push(`${text}: ${(await message.getAttribute('delivery')) ?? 'sent'}`);
  }
  return found;
}

describe('offline: the server goes away for 30 s (npm start, PostgreSQL)', () => {
  it(
    'keeps 20 changes made in two tabs (one reloaded meanwhile) and applies each once, in order, when the server returns',
    { timeout: FLOW_TIMEOUT_MS },
    () =>
      inFreshContext(demo.browser, demo.server, async ({ context, page: one }) => {
        const flowStarted = Date.now();
        const files = await keepPageFiles(context, demo.server.url);
        const two = await context.newPage();
        const tag = randomUUID().slice(0, 6);
        const sent: string[] = [];
        const expected: string[] = [];
        const message = (n: number, where: string) => {
          const text = `Offline ${n} · ${where} · ${tag}`;
          sent.push(text);
          expected.push(`send “${text}”`);
          return text;
        };

        // Both tabs open a conversation (which loads the conversation pane) before the outage.
        await openDemo(one, demo.server, { session: SEED.lutonNice.id });
        await openDemo(two, demo.server, { session: SEED.deIcing.id });
        for (const page of [one, two]) {
          await view(page).locator('chat-composer textarea').waitFor();
        }
        // The outbox's IndexedDB part loads about a second after start; wait until both tabs have it.
        await eventually(
          async () =>
            [...files.kept.keys()].filter((path) => path.startsWith('/dist/chunks/')).length,
          (chunks) => chunks > 0,
          'the lazy chunks to load',
        );
        await one.waitForTimeout(1_500);
        await withDatabase((client) => client.query(AUDIT_SQL));

        // ── The server goes away ──
        await files.serveWhileAway();
        await demo.server.halt();
        const haltedAt = Date.now();
        let waiting = 0;
        const made = async (page: Page, description: string) => {
          expected.push(description);
          waiting += 1;
          await expectWaiting(page, waiting);
        };
        const sentIn = async (page: Page, text: string) => {
          await send(page, text);
          waiting += 1;
          await expectWaiting(page, waiting);
        };

        await sentIn(one, message(1, 'Luton'));
        await sessionMenuAction(two, SEED.vegas.id, 'pause');
        await made(two, `active → paused: ${SEED.vegas.title}`);
        // The other tab shows it too, as waiting.
        await revealCard(one, SEED.vegas.id);
        await eventually(
          () => card(one, SEED.vegas.id).locator('[part~="queued"]').count(),
          (n) => n === 1,
          'tab one to mark Vegas (paused in tab two) as waiting',
        );
        await sessionMenuAction(one, SEED.geneva.id, 'pin');
        await made(one, `pin: ${SEED.geneva.title}`);
        await sentIn(two, message(2, 'de-icing'));
        await sessionMenuAction(one, SEED.palmBeach.id, 'mark_read');
        await made(one, `mark read: ${SEED.palmBeach.title}`);
        await sessionMenuAction(two, SEED.caribbean.id, 'resume');
        await made(two, `paused → active: ${SEED.caribbean.title}`);
        await sentIn(one, message(3, 'Luton'));
        await complete(two, SEED.losCabos, 'Won');
        await made(two, `active → completed: ${SEED.losCabos.title}`);
        await sessionMenuAction(one, SEED.vail.id, 'archive');
        await made(one, `active → archived: ${SEED.vail.title}`);
        await sessionMenuAction(two, SEED.vegas.id, 'resume');
        await made(two, `paused → active: ${SEED.vegas.title}`);
        await sessionMenuAction(one, SEED.geneva.id, 'unpin');
        await made(one, `unpin: ${SEED.geneva.title}`);
        await sentIn(two, message(4, 'de-icing'));

        // Both tabs say the connection is gone (and the status region is a polite live region).
        for (const page of [one, two]) {
          await eventually(
            () => statusText(page),
            (text) => text.startsWith('Offline.'),
            'the status region to say “Offline.”',
          );
          assert.equal(await statusRegion(page).getAttribute('aria-live'), 'polite');
        }

        // ── Tab two reloads while the server is away: what waits is shown again as waiting ──
        const twoErrors: string[] = [];
        two.on('pageerror', (error) => twoErrors.push(error.message));
        await two.reload();
        await waitForList(two);
        await expectWaiting(two, waiting);
        await eventually(
          () => deliveries(two, sent),
          (found) => found.join('|') === [`${sent[1]}: pending`, `${sent[3]}: pending`].join('|'),
          'the reloaded conversation to show its two queued messages as pending',
        );
        // The queued list changes are shown as made: Los Cabos (completed) and Vail (archived)
        // have left the Active list; the resumed Caribbean and Vegas are there.
        await revealCard(two, SEED.caribbean.id);
        await revealCard(two, SEED.vegas.id);
        // Their cards say so: "Waiting to send", not the in-flight state.
        await eventually(
          () => card(two, SEED.vegas.id).locator('[part~="queued"]').innerText(),
          (text) => text.trim() === 'Waiting to send',
          'the Vegas card (paused then resumed, queued) to say “Waiting to send”',
        );
        await expectCount(
          card(two, SEED.losCabos.id),
          0,
          'Los Cabos (completed, queued) not in Active',
        );
        await expectCount(card(two, SEED.vail.id), 0, 'Vail (archived, queued) not in Active');

        await sentIn(two, message(5, 'de-icing'));
        await sessionMenuAction(one, SEED.catering.id, 'pin');
        await made(one, `pin: ${SEED.catering.title}`);
        await sessionMenuAction(two, SEED.insurance.id, 'archive');
        await made(two, `paused → archived: ${SEED.insurance.title}`);
        await sessionMenuAction(one, SEED.hartley.id, 'mark_read');
        await made(one, `mark read: ${SEED.hartley.title}`);
        await complete(two, SEED.palmBeach, 'Lost');
        await made(two, `active → completed: ${SEED.palmBeach.title}`);
        await sentIn(one, message(6, 'Luton'));
        await sessionMenuAction(two, SEED.vegas.id, 'pin');
        await made(two, `pin: ${SEED.vegas.title}`);
        await sentIn(one, message(7, 'Luton'));
        assert.equal(expected.length, 20, 'twenty changes made while the server was away');
        await expectWaiting(one, 20);
        await expectWaiting(two, 20);
        const actionsTookMs = Date.now() - haltedAt;

        // ── The server comes back on the same port, over the same database ──
        // Away for OUTAGE_MS, or longer if the changes took longer on a busy machine.
        await one.waitForTimeout(Math.max(0, OUTAGE_MS - actionsTookMs));
        await demo.server.restart();
        const restartedAt = Date.now();
        const outageMs = restartedAt - haltedAt;
        await files.stopServing();

        // Each tab says it is back once everything is saved, then falls quiet.
        for (const page of [one, two]) {
          await eventually(
            () => statusText(page),
            (text) => text === 'Back online. Everything is saved.',
            'the status region to say “Back online. Everything is saved.”',
            30_000,
          );
        }
        const settledMs = Date.now() - restartedAt;
        for (const page of [one, two]) {
          await eventually(
            () => statusText(page),
            (text) => text === '',
            'the status region to fall quiet',
          );
        }

        // The database: the 20 changes, each once, in the order they were made.
        const { described, messageIds } = await committedWrites();
        assert.deepEqual(described, expected);
        assert.equal(new Set(messageIds).size, 7, 'seven message rows, seven ids');

        // Nothing pending, no error, in either tab, without a click.
        for (const page of [one, two]) {
          await eventually(
            () =>
              page
                .locator(
                  'chat-session-view chat-message[delivery="pending"], chat-session-view chat-message[delivery="failed"]',
                )
                .count(),
            (n) => n === 0,
            'no message pending or failed',
          );
          await expectCount(page.locator('chat-sidebar [part~="queued"]'), 0, 'no card waiting');
          await eventually(
            () => page.locator('chat-sidebar [part~="toast"]').count(),
            (n) => n === 0,
            'no error left in the sidebar',
          );
        }
        assert.deepEqual(await deliveries(two, sent), [
          `${sent[1]}: sent`,
          `${sent[3]}: sent`,
          `${sent[4]}: sent`,
        ]);
        assert.deepEqual(await deliveries(one, sent), [
          `${sent[0]}: sent`,
          `${sent[2]}: sent`,
          `${sent[5]}: sent`,
          `${sent[6]}: sent`,
        ]);
        assert.deepEqual(twoErrors, [], 'the reloaded tab threw');
        const total = Date.now() - flowStarted;
        process.stdout.write(
          `# outage ${outageMs} ms (changes made in ${actionsTookMs} ms); settled ${settledMs} ms after the restart; flow ${total} ms\n`,
        );
      }),
  );
});
