// End to end, in Chromium, against what `npm start` runs: <chat-workspace> in the demo at phone
// size (open a session, reply, open an operator thread, go back with the Back button and the
// browser's Back), and screenshots of every width and theme for a reviewer.
//
// Screenshots go to .cache/screenshots/ on every run, and to docs/screenshots/ (the folder the
// README names, committed) with UPDATE_SCREENSHOTS=1.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  card,
  eventually,
  expectText,
  inFreshContext,
  openDemo,
  transcriptTexts,
  urlParams,
  view,
} from '../support/e2e-browser.js';
import { repositoryRoot } from '../support/e2e-server.js';
import { demoSuite } from '../support/e2e-suite.js';

/** TEB ⇄ VNY, 6 pax, pinned, with operator threads (seed). */
const HARTLEY = 'a0000000-0000-4000-8000-000000000001';
const FLOW_TIMEOUT_MS = 90_000;
const SHOTS = path.join(
  repositoryRoot,
  process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : '.cache/screenshots',
);

const demo = demoSuite();

/** Which of the workspace's panes are laid out (not display: none). */
interface Panes {
  list: boolean;
  session: boolean;
  threads: boolean;
}

// Page scripts are strings: tsx names the functions of this file with a helper the page lacks.
const PANES_SCRIPT = `(() => {
  const root = document.querySelector('chat-workspace').shadowRoot;
  const shown = (name) => {
    const box = root.querySelector("[part~='" + name + "']")?.getBoundingClientRect();
    return Boolean(box && box.width > 0 && box.height > 0);
  };
  return { list: shown('list-pane'), session: shown('session-pane'), threads: shown('threads-pane') };
})()`;

function panes(page: Page): Promise<Panes> {
  return page.evaluate<Panes>(PANES_SCRIPT);
}

function pageWidth(page: Page): Promise<{ scroll: number; inner: number }> {
  return page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
}

function transcriptHeight(page: Page): Promise<number> {
  return view(page)
    .locator('[part~="transcript"]')
    .first()
    .evaluate((node) => node.getBoundingClientRect().height);
}

describe('<chat-workspace> in the demo (npm start, PostgreSQL)', () => {
  // First, so the screenshots show the seed as it is (the phone flow adds a reply).
  for (const theme of ['light', 'dark'] as const) {
    it(
      `writes screenshots of every width in the ${theme} theme, none scrolling sideways`,
      { timeout: FLOW_TIMEOUT_MS },
      () =>
        inFreshContext(demo.browser, demo.server, async ({ page }) => {
          await mkdir(SHOTS, { recursive: true });
          await page.emulateMedia({ colorScheme: theme });
          for (const [width, height] of [
            [320, 568],
            [375, 667],
            [768, 1024],
            [1280, 800],
            [1920, 1080],
          ] as const) {
            await page.setViewportSize({ width, height });
            // A deep link: on a phone it opens on the conversation, not the list.
            await page.goto(`${demo.server.url}/demo/?session=${HARTLEY}`);
            await view(page).locator('[part~="transcript"] chat-message').first().waitFor();
            if (width >= 1080) {
              await page
                .locator('chat-workspace operator-thread-list [part~="thread"]')
                .first()
                .waitFor();
            }
            await page.waitForTimeout(400);
            // Written before the checks, so a failing width can be looked at.
            await page.screenshot({ path: path.join(SHOTS, `workspace-${width}-${theme}.png`) });
            if (width < 640) {
              const transcript = await transcriptHeight(page);
              assert.ok(
                transcript >= height / 2,
                `${width}×${height}: the transcript is ${transcript} px tall, under half the screen`,
              );
            }
            const measured = await pageWidth(page);
            assert.ok(
              measured.scroll <= measured.inner,
              `${width} px: scrolls to ${measured.scroll}`,
            );
            if (width < 640) {
              // The list, one pane back.
              await page
                .locator('chat-workspace [part~="session-pane"] [part~="back-button"]')
                .click();
              await eventually(
                () => panes(page),
                (p) => p.list,
                'the list',
              );
              await page.waitForTimeout(300);
              await page.screenshot({
                path: path.join(SHOTS, `workspace-${width}-${theme}-list.png`),
              });
            }
          }
        }),
    );
  }

  it(
    'on a phone: open a session, reply, open an operator thread, go back',
    { timeout: FLOW_TIMEOUT_MS },
    () =>
      inFreshContext(demo.browser, demo.server, async ({ page }) => {
        await page.setViewportSize({ width: 375, height: 667 });
        await openDemo(page, demo.server);
        assert.deepEqual(await panes(page), { list: true, session: false, threads: false });
        const width = await pageWidth(page);
        assert.ok(width.scroll <= width.inner, `no sideways scrolling (${width.scroll} px)`);

        await card(page, HARTLEY).click();
        await eventually(
          () => panes(page),
          (p) => p.session && !p.list,
          'the conversation',
        );
        assert.equal(urlParams(page).get('session'), HARTLEY);
        await view(page).locator('[part~="transcript"] chat-message').first().waitFor();
        const height = await transcriptHeight(page);
        assert.ok(height >= 667 / 2, `the transcript is ${height} px tall, at least half of 667`);

        const reply = `Phone reply ${randomUUID().slice(0, 8)}`;
        const composer = view(page).locator('chat-composer textarea');
        await composer.fill(reply);
        await composer.press('Enter');
        await eventually(
          () => transcriptTexts(page),
          (texts) => texts.includes(reply),
          'the reply in the conversation',
        );

        await view(page).locator('header [part~="threads-toggle"]').click();
        await eventually(
          () => panes(page),
          (p) => p.threads && !p.session,
          'the threads pane',
        );
        const thread = page.locator('chat-workspace operator-thread-list [part~="thread"]').first();
        await thread.click();
        await page
          .locator('chat-workspace operator-thread-list [part~="thread-panel"] chat-composer')
          .waitFor();
        // One reply field on screen: the thread's.
        const composers = await page.evaluate<number>(`(() => {
          const all = [];
          const walk = (root) => {
            for (const element of root.querySelectorAll('*')) {
              if (element.localName === 'chat-composer') all.push(element);
              if (element.shadowRoot) walk(element.shadowRoot);
            }
          };
          walk(document);
          return all.filter((element) => element.getBoundingClientRect().height > 0).length;
        })()`);
        assert.equal(composers, 1, 'one composer visible');

        // The browser's Back: from the threads to the conversation.
        await page.goBack();
        await eventually(
          () => panes(page),
          (p) => p.session && !p.threads,
          'Back to the conversation',
        );
        assert.equal(urlParams(page).get('session'), HARTLEY);
        // The Back button: to the list, as it was before the session was opened.
        await page.locator('chat-workspace [part~="session-pane"] [part~="back-button"]').click();
        await eventually(
          () => panes(page),
          (p) => p.list && !p.session,
          'Back to the list',
        );
        assert.equal(urlParams(page).get('session'), null);
        // And Forward again, by the browser.
        await page.goForward();
        await eventually(
          () => panes(page),
          (p) => p.session,
          'Forward to the conversation',
        );
        await expectText(view(page).locator('header [part~="heading"]'), /TEB/);
      }),
  );
});
