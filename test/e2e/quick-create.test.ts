// End to end, in Chromium, against what `npm start` runs (over PostgreSQL): a broker types
// "London to Dubai 10 Jan 4 pax" into quick create, corrects what the preview understood (which
// London, which Dubai, one more passenger) and presses Enter; the request is created as
// corrected, with the typed text as its first message, and stays so after a reload.
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

describe('quick create (npm start, PostgreSQL)', () => {
  it('creates from free text with a correction in the preview', { timeout: 90_000 }, () =>
    inFreshContext(demo.browser, demo.server, async ({ page }) => {
      await openDemo(page, demo.server);
      const known = new Set(
        await cards(page).evaluateAll((nodes) =>
          nodes.map((node) => node.getAttribute('data-session-id')),
        ),
      );
      const input = page.locator('chat-sidebar [part~="quick-create-input"]');
      await input.pressSequentially('London to Dubai 10 Jan 4 pax');

      // The preview: a flight request, London and Dubai still to pick.
      const preview = page.locator('chat-sidebar chat-quick-create-preview');
      await expectText(preview.locator('[part~="kind"]'), 'Flight request');
      await expectText(preview.locator('[part~="summary"]'), '2 things to check');
      const choice = (code: string) =>
        preview.locator('[part~="choice"]').filter({ has: page.locator(`input[value="${code}"]`) });
      await choice('LCY').waitFor();

      // Corrections: London City (by pointer), Al Maktoum (by keyboard), 5 passengers.
      await choice('LCY').click();
      await choice('DXB').locator('input').focus();
      await page.keyboard.press('ArrowRight');
      assert.equal(await choice('DWC').locator('input').isChecked(), true);
      await expectText(preview.locator('[part~="summary"]'), 'Looks complete');
      const passengers = preview.locator('[part~="passengers"]');
      await passengers.fill('5');
      await passengers.press('Enter');

      const id = await eventually(
        async () => urlParams(page).get('session') ?? '',
        (session) => session !== '' && !known.has(session),
        'the created session to be selected',
      );
      assert.equal(await input.inputValue(), '', 'quick create clears its field');
      assert.equal(await preview.count(), 0, 'and closes its preview');
      const created = card(page, id);
      await expectText(created.locator('[part~="route"]'), /^LCY\s*→\s*DWC$/);
      await expectText(created.locator('[part~="passengers"]'), '5 pax');
      // The broker's words are the first message of the transcript.
      await expectText(
        view(page).locator('chat-message [part~="content"]').first(),
        'London to Dubai 10 Jan 4 pax',
      );

      // Stored as corrected: after a reload the deep link brings it back.
      await page.reload();
      await waitForList(page);
      await expectText(card(page, id).locator('[part~="route"]'), /^LCY\s*→\s*DWC$/);
      await expectText(card(page, id).locator('[part~="passengers"]'), '5 pax');
      await expectText(
        view(page).locator('chat-message [part~="content"]').first(),
        'London to Dubai 10 Jan 4 pax',
      );
    }),
  );
});
