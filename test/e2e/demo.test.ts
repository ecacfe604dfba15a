// End to end, in Chromium, against what `npm start` runs (the real CLI as a child process, over
// a fresh clone of the migrated PostgreSQL database, seeded by the CLI itself): the broker
// workspace (examples/demo) and the host CRM page (examples/crm-embed).
//
// Every flow gets a fresh browser context and works on sessions no other flow touches (the seed's
// ids below), so the flows stay independent without resetting the data between them (a reset
// costs seconds here). The flows of this file run one after another; tab counts are compared
// before and after each action.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  arrowDownTo,
  card,
  cards,
  eventually,
  expectAttribute,
  expectCount,
  expectTabCounts,
  expectText,
  focused,
  inFreshContext,
  openDemo,
  openTab,
  revealCard,
  sessionMenuAction,
  tab,
  tabCounts,
  tabUntil,
  transcriptTexts,
  urlParams,
  view,
  waitForList,
} from '../support/e2e-browser.js';
import { AVA, BEN } from '../support/e2e-server.js';
import { demoSuite } from '../support/e2e-suite.js';

/** Ava's seeded sessions, one (or two) per flow. */
const SEED = {
  hartley: 'a0000000-0000-4000-8000-000000000001', // TEB ⇄ VNY, 6 pax, CRM deal D-1042, pinned
  lutonNice: 'a0000000-0000-4000-8000-000000000002', // LTN → NCE, no operator threads yet
  vegas: 'a0000000-0000-4000-8000-000000000004', // VNY → LAS, active
  geneva: 'a0000000-0000-4000-8000-000000000007', // LFPB → LSGG, active
  losCabos: 'a0000000-0000-4000-8000-000000000008', // SFO ⇄ SJD, active
  chicago: 'a0000000-0000-4000-8000-000000000011', // MDW ⇄ TEB, archived
  vail: 'a0000000-0000-4000-8000-000000000016', // SCF ⇄ EGE, active
  deIcing: 'a0000000-0000-4000-8000-000000000017', // general chat, 2 messages
};

const FLOW_TIMEOUT_MS = 60_000;

const demo = demoSuite();

/** Text unique to one run, so a match can only come from this flow. */
function unique(label: string): string {
  return `${label} ${randomUUID().slice(0, 8)}`;
}

describe('demo workspace (npm start, PostgreSQL)', () => {
  it(
    'creates a flight request from quick-create text and shows the parsed route and passengers',
    { timeout: FLOW_TIMEOUT_MS },
    () =>
      inFreshContext(demo.browser, demo.server, async ({ page }) => {
        await openDemo(page, demo.server);
        const before = await tabCounts(page);
        const known = new Set(
          await cards(page).evaluateAll((nodes) =>
            nodes.map((node) => node.getAttribute('data-session-id')),
          ),
        );

        const input = page.locator('chat-sidebar [part~="quick-create-input"]');
        await input.fill('TEB to VNY Dec 12 6 pax, back on the 15th');
        await input.press('Enter');

        // The new session is selected: the URL names it, and it was not there before.
        const id = await eventually(
          async () => urlParams(page).get('session') ?? '',
          (session) => session !== '' && !known.has(session),
          'the created session to be selected',
        );
        await expectTabCounts(page, { ...before, active: before.active + 1 });
        assert.equal(await input.inputValue(), '', 'quick create clears its field');

        const created = card(page, id);
        assert.equal(await created.evaluate((node) => node.localName), 'flight-request-card');
        await expectText(
          created.locator('[part~="route"]'),
          /^TEB\s*⇄\s*VNY$/,
          'the card to show the round trip TEB ⇄ VNY',
        );
        await expectText(created.locator('[part~="passengers"]'), '6 pax');
        await expectText(
          created.locator('[part~="dates"]'),
          /Dec 12\b.*\b15\b/,
          'the card to show Dec 12 – 15',
        );
        await expectAttribute(created, 'aria-current', 'true', 'the new card to be the open one');

        // The view opened it too.
        await expectAttribute(
          view(page).locator('header [part~="heading"]'),
          'aria-label',
          'TEB to VNY, round trip',
        );
        await expectText(view(page).locator('header [part~="passengers"]'), '6 passengers');

        // It is stored: after a reload the deep link brings it back with the same data.
        await page.reload();
        await waitForList(page);
        await expectText(card(page, id).locator('[part~="route"]'), /^TEB\s*⇄\s*VNY$/);
        await expectText(card(page, id).locator('[part~="passengers"]'), '6 pax');
      }),
  );

  it('sends messages, and finds them again after a reload', { timeout: FLOW_TIMEOUT_MS }, () =>
    inFreshContext(demo.browser, demo.server, async ({ page }) => {
      await openDemo(page, demo.server);
      await card(page, SEED.deIcing).click();
      await expectText(
        view(page).locator('header [part~="heading"]'),
        'Question about de-icing fees',
      );
      await eventually(
        () => transcriptTexts(page),
        (texts) => texts.length === 2,
        'the two seeded messages',
      );

      const first = unique('Can we get the de-icing estimate in writing?');
      const second = unique('And copy the client on it, please.');
      const composer = view(page).locator('chat-composer textarea');
      await composer.fill(first);
      await composer.press('Enter');
      await eventually(
        () => composer.inputValue(),
        (value) => value === '',
        'the composer to clear after sending',
      );
      await composer.fill(second);
      await view(page).locator('chat-composer [part~="send-button"]').click();

      const sent = view(page).locator('[part~="transcript"] chat-message[delivery="sent"]');
      await expectCount(sent, 4, 'both messages to be sent (no longer pending)');
      assert.deepEqual((await transcriptTexts(page)).slice(-2), [first, second]);
      assert.equal(
        await view(page).locator('[part~="transcript"] chat-message[delivery="failed"]').count(),
        0,
      );

      await page.reload();
      await waitForList(page);
      assert.equal(urlParams(page).get('session'), SEED.deIcing);
      await eventually(
        () => transcriptTexts(page),
        (texts) => texts.length === 4 && texts[2] === first && texts[3] === second,
        'the sent messages, in order, after the reload',
      );
    }),
  );

  it('archives a session and the tab counts follow', { timeout: FLOW_TIMEOUT_MS }, () =>
    inFreshContext(demo.browser, demo.server, async ({ page }) => {
      await openDemo(page, demo.server);
      const before = await tabCounts(page);

      await sessionMenuAction(page, SEED.vegas, 'archive');
      await expectTabCounts(page, {
        ...before,
        active: before.active - 1,
        archived: before.archived + 1,
      });
      await expectCount(card(page, SEED.vegas), 0, 'the archived session to leave the Active list');

      await openTab(page, 'archived');
      await expectText(card(page, SEED.vegas).locator('[part~="status"]'), 'Archived');
      assert.equal(urlParams(page).get('tab'), 'archived');

      // The server has it too.
      await page.reload();
      await waitForList(page);
      await expectTabCounts(page, {
        ...before,
        active: before.active - 1,
        archived: before.archived + 1,
      });
      await card(page, SEED.vegas).waitFor();
    }),
  );

  it('deletes a session and undoes it', { timeout: FLOW_TIMEOUT_MS }, () =>
    inFreshContext(demo.browser, demo.server, async ({ page }) => {
      await openDemo(page, demo.server);
      const before = await tabCounts(page);

      await sessionMenuAction(page, SEED.geneva, 'delete');
      const dialog = page.locator('chat-sidebar dialog[open]');
      await expectText(dialog.locator('.dialog-title'), 'Move to trash?');
      await dialog.locator('button[type="submit"]').click();

      await expectCount(card(page, SEED.geneva), 0, 'the deleted session to leave the list');
      await expectTabCounts(page, { ...before, active: before.active - 1 });
      const toast = page.locator('chat-sidebar [part~="toast"]').filter({ hasText: 'Moved' });
      await expectText(toast.locator('.toast-message'), 'Moved “Geneva watch fair” to trash.');

      await toast.locator('[part~="toast-button"]', { hasText: 'Undo' }).click();
      await revealCard(page, SEED.geneva);
      await expectTabCounts(page, before);
      await expectCount(toast, 0, 'the undo toast to close');

      // Restored on the server, not only in this page.
      await page.reload();
      await waitForList(page);
      await revealCard(page, SEED.geneva);
      await expectTabCounts(page, before);
    }),
  );

  it('completes a session with an outcome', { timeout: FLOW_TIMEOUT_MS }, () =>
    inFreshContext(demo.browser, demo.server, async ({ page }) => {
      await openDemo(page, demo.server);
      const before = await tabCounts(page);

      await sessionMenuAction(page, SEED.losCabos, 'complete');
      const dialog = page.locator('chat-sidebar dialog[open]');
      await expectText(dialog.locator('.dialog-title'), 'Complete “Los Cabos anniversary”');
      await dialog.locator('label.outcome', { hasText: 'Lost' }).click();
      await dialog.locator('button[type="submit"]').click();

      await expectTabCounts(page, {
        ...before,
        active: before.active - 1,
        completed: before.completed + 1,
      });
      await expectCount(
        card(page, SEED.losCabos),
        0,
        'the completed session to leave the Active list',
      );

      await openTab(page, 'completed');
      const completed = card(page, SEED.losCabos);
      // Card and header write it the same way ("Completed · Lost", issue #11: one vocabulary).
      await expectText(completed.locator('[part~="status"]'), /^Completed · Lost$/);

      await completed.click();
      await expectText(view(page).locator('header [part~="status"]'), 'Completed · Lost');
      // A completed session may be reopened or archived, no longer completed or paused.
      const actions = await view(page)
        .locator('header [part~="action-button"]')
        .evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset['action']));
      assert.deepEqual(actions, ['reopen', 'archive']);
    }),
  );

  it(
    'works from the keyboard alone: select a session, send a message, archive it',
    { timeout: FLOW_TIMEOUT_MS },
    () =>
      inFreshContext(demo.browser, demo.server, async ({ page }) => {
        // Only Tab, Shift+Tab, arrows, Enter, Escape and typed text from here on; no pointer.
        await openDemo(page, demo.server);
        const before = await tabCounts(page);

        // Into the list: its one tab stop is a card.
        await tabUntil(page, (element) => element.sessionId !== '', 'a session card');
        await arrowDownTo(page, SEED.vail);
        await page.keyboard.press('Enter');
        await eventually(
          async () => urlParams(page).get('session'),
          (id) => id === SEED.vail,
          'Enter to open the session',
        );
        await expectAttribute(
          view(page).locator('header [part~="heading"]'),
          'aria-label',
          'Vail Christmas ski trip, SCF to EGE, round trip',
        );

        // To the composer, and send.
        await tabUntil(
          page,
          (element) => element.tag === 'textarea' && element.hosts.includes('chat-composer'),
          'the composer',
        );
        const message = unique('Holding the Citation X, please confirm by noon.');
        await page.keyboard.type(message);
        await page.keyboard.press('Enter');
        await eventually(
          () => transcriptTexts(page),
          (texts) => texts.at(-1) === message,
          'the typed message in the conversation',
        );
        await expectCount(
          view(page).locator('[part~="transcript"] chat-message[delivery="pending"]'),
          0,
          'the message to be sent',
        );

        // Back to the actions: Complete opens its outcome menu with Enter, Escape closes it.
        await tabUntil(page, (element) => element.action === 'complete', 'the Complete button', {
          backwards: true,
        });
        await page.keyboard.press('Enter');
        await eventually(
          async () => (await focused(page))?.role ?? '',
          (role) => role === 'menuitem',
          'focus in the outcome menu',
        );
        await page.keyboard.press('Escape');
        await eventually(
          async () => (await focused(page))?.action ?? '',
          (action) => action === 'complete',
          'Escape to return to Complete',
        );
        await expectCount(
          view(page).locator('header [role="menu"]'),
          0,
          'the outcome menu to close',
        );

        // Archive, from its button.
        await tabUntil(page, (element) => element.action === 'archive', 'the Archive button', {
          max: 3,
        });
        await page.keyboard.press('Enter');
        await expectText(view(page).locator('header [part~="status"]'), 'Archived');
        await expectTabCounts(page, {
          ...before,
          active: before.active - 1,
          archived: before.archived + 1,
        });
        await expectCount(
          card(page, SEED.vail),
          0,
          'the archived session to leave the Active list',
        );

        // Over to the Archived tab with the arrow keys, and find it there.
        await tabUntil(page, (element) => element.role === 'tab', 'the tab list', {
          backwards: true,
        });
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        await expectAttribute(tab(page, 'archived'), 'aria-selected', 'true');
        await waitForList(page);
        await tabUntil(page, (element) => element.sessionId !== '', 'a card of the Archived list', {
          max: 3,
        });
        await arrowDownTo(page, SEED.vail);
        assert.equal(urlParams(page).get('tab'), 'archived');
      }),
  );

  it(
    "shows the other broker none of the first broker's sessions",
    { timeout: FLOW_TIMEOUT_MS },
    async () => {
      const title = unique('Ava private charter');
      let avaIds: string[] = [];
      let created = '';
      await inFreshContext(demo.browser, demo.server, async ({ page }) => {
        await openDemo(page, demo.server, { broker: AVA });
        const input = page.locator('chat-sidebar [part~="quick-create-input"]');
        await input.fill(title);
        await input.press('Enter');
        created = await eventually(
          async () => urlParams(page).get('session') ?? '',
          (id) => id !== '',
          'the created session',
        );
        await card(page, created).waitFor();
        avaIds = await cards(page).evaluateAll((nodes) =>
          nodes.map((node) => node.getAttribute('data-session-id') ?? ''),
        );
        assert.ok(avaIds.includes(created) && avaIds.includes(SEED.hartley));
      });

      await inFreshContext(demo.browser, demo.server, async ({ page }) => {
        await openDemo(page, demo.server, { broker: BEN });
        assert.match(await page.locator('#broker option:checked').innerText(), /Ben Okafor/);
        const benIds: string[] = [];
        for (const name of ['active', 'completed', 'archived'] as const) {
          if (name !== 'active') await openTab(page, name);
          benIds.push(
            ...(await cards(page).evaluateAll((nodes) =>
              nodes.map((node) => node.getAttribute('data-session-id') ?? ''),
            )),
          );
        }
        assert.ok(benIds.length > 0, 'Ben has his own sessions');
        assert.deepEqual(
          benIds.filter((id) => avaIds.includes(id)),
          [],
          "none of Ava's sessions in Ben's lists",
        );

        // Searching for Ava's new session finds nothing.
        await openTab(page, 'active');
        await page.locator('chat-sidebar [part~="search"]').fill(title);
        await page.locator('chat-sidebar [part~="search"]').press('Enter');
        await page.locator('chat-sidebar [part~="empty"]').waitFor();
        await expectCount(cards(page), 0, "no results for Ava's session");

        // A deep link to Ava's session shows an error, never her session.
        await openDemo(page, demo.server, { broker: BEN, session: created });
        await view(page).locator('[part~="session-error"]').waitFor();
        assert.equal(
          await page.getByText(title).count(),
          0,
          "Ava's title appears nowhere on Ben's page",
        );
      });
    },
  );

  it('shows an unread badge after a simulated operator reply', { timeout: FLOW_TIMEOUT_MS }, () =>
    inFreshContext(demo.browser, demo.server, async ({ page }) => {
      await openDemo(page, demo.server);
      const session = card(page, SEED.lutonNice);
      await session.click();
      await expectAttribute(
        view(page).locator('header [part~="heading"]'),
        'aria-label',
        'Luton to Nice, Cannes Lions, LTN to NCE',
      );
      assert.equal(
        await session.locator('[part~="unread-badge"]').count(),
        0,
        'no unread replies before',
      );
      const unreadBefore = Number(
        ((
          await page
            .locator('chat-sidebar [part~="unread-total"]')
            .innerText()
            .catch(() => '0')
        ).match(/\d+/) ?? ['0'])[0],
      );

      await page.locator('#simulate').click();
      await expectText(page.locator('#status'), /^Operator reply recorded: /);

      await expectText(session.locator('[part~="unread-badge"]'), '1', "the card's unread badge");
      await expectText(
        page.locator('chat-sidebar [part~="unread-total"]'),
        `${unreadBefore + 1} unread`,
      );
      const toggle = view(page).locator('header [part~="threads-toggle"]');
      await expectText(toggle.locator('[part~="badge"]'), '1', "the Operators toggle's badge");
      await expectAttribute(toggle, 'aria-label', 'Operators, 1 unread reply');

      // "Needs attention" puts the sessions with unread replies first; this one is among them now.
      await page.locator('chat-sidebar [part~="sort"]').click();
      await expectAttribute(page.locator('chat-sidebar [part~="sort"]'), 'aria-pressed', 'true');
      await eventually(
        () =>
          cards(page).evaluateAll((nodes) =>
            nodes
              .map((node) => ({
                id: node.getAttribute('data-session-id'),
                position: Number(node.getAttribute('aria-posinset')),
                unread: node.shadowRoot?.querySelector('[part~="unread-badge"]') !== null,
              }))
              .sort((a, b) => a.position - b.position),
          ),
        (order) => {
          const firstRead = order.findIndex((entry) => !entry.unread);
          const at = order.findIndex((entry) => entry.id === SEED.lutonNice);
          return (
            at !== -1 &&
            firstRead > 0 &&
            at < firstRead &&
            order.slice(firstRead).every((entry) => !entry.unread)
          );
        },
        'the sessions with unread replies, this one included, to come first',
      );

      // The reply is in a new operator thread, with its own badge. The wide workspace shows a
      // flight request's threads beside the conversation already.
      await expectAttribute(toggle, 'aria-expanded', 'true');
      const thread = page.locator('chat-workspace operator-thread-list [part~="thread"]');
      await expectCount(thread, 1, 'one operator thread');
      await expectText(thread.locator('[part~="unread-badge"]'), '1');
    }),
  );

  it(
    'keeps the tab and the selected session in the URL across a reload',
    { timeout: FLOW_TIMEOUT_MS },
    () =>
      inFreshContext(demo.browser, demo.server, async ({ page }) => {
        await openDemo(page, demo.server);
        await openTab(page, 'archived');
        await card(page, SEED.chicago).click();
        await expectAttribute(
          view(page).locator('header [part~="heading"]'),
          'aria-label',
          'Chicago board meeting, MDW to TEB, round trip',
        );
        const params = urlParams(page);
        assert.equal(params.get('tab'), 'archived');
        assert.equal(params.get('session'), SEED.chicago);
        assert.equal(params.get('broker'), AVA);

        await page.reload();
        await waitForList(page);
        await expectAttribute(tab(page, 'archived'), 'aria-selected', 'true');
        await expectAttribute(tab(page, 'active'), 'aria-selected', 'false');
        await expectAttribute(
          card(page, SEED.chicago),
          'aria-current',
          'true',
          'the deep-linked card to be the open one',
        );
        await expectAttribute(
          view(page).locator('header [part~="heading"]'),
          'aria-label',
          'Chicago board meeting, MDW to TEB, round trip',
        );
        await expectText(view(page).locator('header [part~="status"]'), 'Archived');
      }),
  );
});

describe('CRM embed (npm start, PostgreSQL)', () => {
  it(
    'receives the select event and shows the request in its deal panel',
    { timeout: FLOW_TIMEOUT_MS },
    () =>
      inFreshContext(demo.browser, demo.server, async ({ page }) => {
        await page.goto(`${demo.server.url}/crm-embed/`);
        await waitForList(page, 'chat-workspace#sessions chat-sidebar');
        await expectText(page.locator('#crm-user'), 'Ava Morgan');
        assert.equal(
          await page.locator('#deal-fields').isVisible(),
          false,
          'no deal before a selection',
        );

        await card(page, SEED.hartley, 'chat-workspace#sessions chat-sidebar').click();
        await page.locator('#deal-fields').waitFor({ state: 'visible' });
        await expectText(page.locator('#deal-title'), 'Hartley family — LA for the holidays');
        await expectText(page.locator('#deal-route'), 'TEB → VNY → TEB');
        await expectText(page.locator('#deal-passengers'), '6');
        await expectText(page.locator('#deal-stage'), 'Requesting quotes');
        await expectText(page.locator('#deal-crm-id'), 'D-1042');
        await expectText(
          page.locator('#activity li').first(),
          new RegExp(`chat-session-select ${SEED.hartley}$`),
        );
        assert.equal(await page.locator('#deal-hint').isVisible(), false);
        await expectText(page.locator('#deal-status'), 'Active');

        // The panel follows the session's store (issue #11, item 10): a pause and a resume made
        // in the widget show there in the widget's words, with no new select event.
        const widget = view(page);
        const openActions = async () => {
          const toggle = widget.locator('[part~="actions-toggle"]');
          if (
            (await toggle.isVisible()) &&
            (await toggle.getAttribute('aria-expanded')) !== 'true'
          ) {
            await toggle.click();
          }
        };
        await openActions();
        await widget.locator('[part~="action-button"][data-action="pause"]').click();
        await expectText(page.locator('#deal-status'), 'Paused');
        await openActions();
        await widget.locator('[part~="action-button"][data-action="resume"]').click();
        await expectText(page.locator('#deal-status'), 'Active');
        // (The actions moved focus; the column's Back button is where the select put it.)
        await page
          .locator('chat-workspace#sessions [part~="back-button"]', { hasText: 'Sessions' })
          .focus();

        // The narrow column shows one pane at a time; after the tap, focus is on its Back
        // button, which returns to the list with focus on the card.
        await eventually(
          async () => (await focused(page))?.part ?? '',
          (part) => part === 'back-button',
          'focus on the Back button',
        );
        await page.keyboard.press('Enter');
        await eventually(
          async () => (await focused(page))?.sessionId ?? '',
          (id) => id === SEED.hartley,
          'focus back on the card',
        );

        // Another request, chosen from the keyboard: the panel follows.
        await page.keyboard.press('ArrowDown');
        await eventually(
          async () => (await focused(page))?.sessionId ?? '',
          (id) => id !== '' && id !== SEED.hartley,
          'focus on the next card',
        );
        const next = (await focused(page))!.sessionId;
        await page.keyboard.press('Enter');
        await expectText(
          page.locator('#activity li').first(),
          new RegExp(`chat-session-select ${next}$`),
        );
        await eventually(
          () => page.locator('#deal-title').innerText(),
          (title) => title !== 'Hartley family — LA for the holidays',
          'the panel to show the next request',
        );
        // The column now shows that conversation (the list is hidden until Back).
        await expectAttribute(page.locator('chat-workspace#sessions'), 'session-id', next);
      }),
  );
});
