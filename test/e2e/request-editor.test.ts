// End to end, in Chromium, against what `npm start` runs (over PostgreSQL): a broker fixes a
// request the parser got wrong ("BED to MVY Dec 18") with the request editor, names the deal,
// moves its stage with the stepper, and finds it all on the card, in the header and in the
// transcript, after a reload too.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  card,
  cards,
  eventually,
  expectText,
  inFreshContext,
  openDemo,
  urlParams,
  view,
  waitForList,
} from '../support/e2e-browser.js';
import { demoSuite } from '../support/e2e-suite.js';

const demo = demoSuite();

describe('request editor (npm start, PostgreSQL)', () => {
  it(
    'fixes "BED to MVY Dec 18" in the editor, names the deal and moves its stage',
    { timeout: 90_000 },
    () =>
      inFreshContext(demo.browser, demo.server, async ({ page }) => {
        await openDemo(page, demo.server);
        const known = new Set(
          await cards(page).evaluateAll((nodes) =>
            nodes.map((node) => node.getAttribute('data-session-id')),
          ),
        );
        const input = page.locator('chat-sidebar [part~="quick-create-input"]');
        await input.fill('BED to MVY Dec 18');
        await input.press('Enter');
        const id = await eventually(
          async () => urlParams(page).get('session') ?? '',
          (session) => session !== '' && !known.has(session),
          'the created session to be selected',
        );

        // Edit request, from the header.
        const editButton = view(page).locator('[part~="edit-request-button"]');
        await editButton.click();
        const editor = view(page).locator('chat-request-editor');
        const title = editor.locator('#title');
        await title.waitFor();
        await title.fill('Hartley family — Vineyard weekend');
        await editor.locator('#passengers').fill('3');

        // Whatever the parser made of the legs, start them over: one leg, BED → MVY, Dec 18.
        const removeButtons = editor.locator('[part~="remove-leg-button"]');
        while ((await removeButtons.count()) > 0) await removeButtons.first().click();
        await editor.locator('[part~="add-leg-button"]').click();
        const [from, to] = [
          editor.locator('chat-airport-picker').nth(0).locator('input'),
          editor.locator('chat-airport-picker').nth(1).locator('input'),
        ];
        // By city (Bedford's airports; the second is Hanscom Field, BED) and by name.
        await from.pressSequentially('bedford');
        await editor.locator('[part~="option"][data-code="BED"]').waitFor();
        await from.press('ArrowDown');
        await from.press('Enter');
        await to.click();
        await to.pressSequentially('martha');
        await editor.locator('[part~="option"][data-code="MVY"]').waitFor();
        await to.press('Enter');
        await editor.locator('input[type="date"]').fill('2026-12-18');
        await editor.locator('[part~="save-button"]').click();
        await editor.waitFor({ state: 'detached' });

        // The header and the card lead with the deal's name, the route under it.
        await expectText(
          view(page).locator('header [part~="deal-name"]'),
          'Hartley family — Vineyard weekend',
        );
        await expectText(view(page).locator('header [part~="route"]'), /^BED\s*→\s*MVY$/);
        await expectText(
          card(page, id).locator('[part~="deal-name"]'),
          'Hartley family — Vineyard weekend',
        );
        await expectText(card(page, id).locator('[part~="route"]'), /^BED\s*→\s*MVY$/);
        await expectText(card(page, id).locator('[part~="passengers"]'), '3 pax');

        // The stage, in one key press from the stepper; the transcript keeps the history.
        const steps = view(page).locator('[part~="stage-step"]');
        await steps.nth(0).focus();
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('Enter');
        await expectText(view(page).locator('header [part~="stage-badge"]'), 'Searching aircraft');
        await expectText(
          view(page).locator('chat-message [part~="event"] [part~="content"]').last(),
          'Stage → Searching aircraft',
        );
        await expectText(card(page, id).locator('[part~="stage-badge"]'), 'Searching aircraft');

        // Stored: after a reload the deep link brings it all back.
        await page.reload();
        await waitForList(page);
        await expectText(
          view(page).locator('header [part~="deal-name"]'),
          'Hartley family — Vineyard weekend',
        );
        await expectText(view(page).locator('header [part~="dates"]'), /18 December|December 18/);
        await expectText(view(page).locator('header [part~="stage-badge"]'), 'Searching aircraft');
        assert.equal(await card(page, id).locator('[part~="deal-name"]').count(), 1);
      }),
  );
});
