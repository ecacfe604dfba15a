// End to end, in Chromium, against what `npm start` runs (over PostgreSQL): a broker moves a
// session to the trash, finds it in the Trash view (with its count), restores it to Active,
// trashes it again and deletes it forever behind the confirmation; after a reload it is gone
// from the trash, and its deep link finds nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  card,
  cards,
  eventually,
  expectCount,
  expectText,
  inFreshContext,
  openDemo,
  urlParams,
  waitForList,
} from '../support/e2e-browser.js';
import { demoSuite } from '../support/e2e-suite.js';

const demo = demoSuite();

const entry = (page: Page) => page.locator('chat-sidebar [part~="trash-entry"]');
const trashView = (page: Page) => page.locator('chat-sidebar chat-sidebar-trash');
const trashRow = (page: Page, id: string) =>
  trashView(page).locator(`[part~="trash-row"][data-session-id="${id}"]`);

/** The count the Trash entry shows. */
async function trashCount(page: Page): Promise<number> {
  const text = await entry(page).locator('[part~="trash-entry-count"]').innerText();
  return Number(text.replace(/[^\d]/g, ''));
}

/** Moves a session to the trash from its card: Delete, then the confirmation's Enter. */
async function trash(page: Page, id: string): Promise<void> {
  await card(page, id).focus();
  await page.keyboard.press('Delete');
  await page.locator('chat-sidebar dialog[open]').waitFor();
  await page.keyboard.press('Enter');
  await expectCount(card(page, id), 0, 'the card to leave the Active tab');
}

describe('trash (npm start, PostgreSQL)', () => {
  it('trash → restore → delete forever', { timeout: 120_000 }, () =>
    inFreshContext(demo.browser, demo.server, async ({ page }) => {
      await openDemo(page, demo.server);
      const known = new Set(
        await cards(page).evaluateAll((nodes) =>
          nodes.map((node) => node.getAttribute('data-session-id')),
        ),
      );
      const input = page.locator('chat-sidebar [part~="quick-create-input"]');
      await input.fill('TEB to VNY Dec 12, 6 pax');
      await input.press('Enter');
      const id = await eventually(
        async () => urlParams(page).get('session') ?? '',
        (session) => session !== '' && !known.has(session),
        'the created session to be selected',
      );
      await card(page, id).waitFor();
      await entry(page).locator('[part~="trash-entry-count"]').waitFor();
      const before = await trashCount(page);

      // Trash it; the entry counts it; the Trash view lists it.
      await trash(page, id);
      await eventually(
        () => trashCount(page),
        (n) => n === before + 1,
        'the trash count to grow',
      );
      await entry(page).click();
      await trashRow(page, id).waitFor();
      await expectText(trashView(page).locator('[part~="trash-heading"]'), `Trash ${before + 1}`);
      assert.equal(await page.locator('chat-sidebar [role="tab"]').count(), 0);

      // Restore (keyboard): it leaves the trash and is back in Active.
      await trashRow(page, id).locator('[part~="restore-button"]').focus();
      await page.keyboard.press('Enter');
      await expectCount(trashRow(page, id), 0, 'the restored row to leave the trash');
      await page.keyboard.press('Escape');
      await trashView(page).waitFor({ state: 'detached' });
      await card(page, id).waitFor();
      await eventually(
        () => trashCount(page),
        (n) => n === before,
        'the trash count to drop',
      );

      // Trash it again and delete it forever: Cancel first keeps it, then confirm.
      await trash(page, id);
      await entry(page).click();
      const purge = trashRow(page, id).locator('[part~="purge-button"]');
      await purge.click();
      const dialog = trashView(page).locator('dialog[open]');
      await expectText(dialog.locator('h2'), /forever\?$/);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
      await trashRow(page, id).waitFor();
      await purge.click();
      await dialog.getByRole('button', { name: 'Delete forever' }).click();
      await expectCount(trashRow(page, id), 0, 'the purged row to leave the trash');
      await expectText(trashView(page).locator('[part~="trash-heading"]'), `Trash ${before}`);

      // Stored: after a reload it is in no list, and its deep link finds nothing.
      await page.reload();
      await waitForList(page);
      await eventually(
        () => trashCount(page),
        (n) => n === before,
        'the trash count after reload',
      );
      await entry(page).click();
      await trashView(page).locator('[part~="trash-heading"]').waitFor();
      await page.waitForTimeout(300);
      assert.equal(await trashRow(page, id).count(), 0);
      assert.equal(await card(page, id).count(), 0);
    }),
  );
});
