// End to end, in Chromium, against what `npm start` runs (over PostgreSQL): a broker searches by
// an airport's city and by words of a message, and the tabs show where else the search finds
// something (#11 item 9; the database side is 20261203000300_search_indexes.sql).
import { describe, it } from 'node:test';
import {
  card,
  cards,
  expectCount,
  expectTabCounts,
  inFreshContext,
  openDemo,
  openTab,
} from '../support/e2e-browser.js';
import { demoSuite } from '../support/e2e-suite.js';

// The demo seed (supabase/seed.sql): two active trips from Teterboro (KTEB), an archived one
// (MDW ⇄ TEB); the Hartley trip's first message says "Client prefers a super-midsize", which
// is neither its title nor its last message.
const HARTLEY = 'a0000000-0000-4000-8000-000000000001';
const CARIBBEAN = 'a0000000-0000-4000-8000-000000000005';
const CHICAGO = 'a0000000-0000-4000-8000-000000000011';

const demo = demoSuite();

describe('search (npm start, PostgreSQL)', () => {
  it('search by city and by message text across tabs', { timeout: 90_000 }, () =>
    inFreshContext(demo.browser, demo.server, async ({ page }) => {
      await openDemo(page, demo.server);
      const search = page.locator('chat-sidebar [part~="search"]');

      // A city: "Teterboro" is no code, title or message of these sessions; their legs are.
      await search.click();
      await search.pressSequentially('Teterboro');
      await expectTabCounts(page, { active: 2, completed: 0, archived: 1 });
      await card(page, HARTLEY).waitFor();
      await card(page, CARIBBEAN).waitFor();
      await expectCount(cards(page), 2, 'the two active Teterboro trips');

      // The count on Archived leads to the match there.
      await openTab(page, 'archived');
      await card(page, CHICAGO).waitFor();
      await expectCount(cards(page), 1, 'the archived Teterboro trip');

      // Message text, typed on Archived: nothing there, the count says Active has it.
      await search.fill('');
      await search.pressSequentially('prefers a super');
      await expectTabCounts(page, { active: 1, completed: 0, archived: 0 });
      await expectCount(cards(page), 0, 'no archived session says it');
      await openTab(page, 'active');
      await card(page, HARTLEY).waitFor();
      await expectCount(cards(page), 1, 'the session whose first message says it');
    }),
  );
});
