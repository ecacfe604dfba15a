// Smoke test of `npm start` on its embedded default (PGlite, no DATABASE_URL) in Chromium: the
// first start migrates and seeds a new folder, the demo works, and what the broker wrote is still
// there after the server restarts on the same folder.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  card,
  eventually,
  expectCount,
  expectText,
  inFreshContext,
  launchChromium,
  openDemo,
  transcriptTexts,
  view,
} from '../support/e2e-browser.js';
import { startDemoServer, type DemoServer } from '../support/e2e-server.js';

const HARTLEY = 'a0000000-0000-4000-8000-000000000001';
const DE_ICING = 'a0000000-0000-4000-8000-000000000017';

describe('demo workspace (npm start, embedded PGlite)', () => {
  let folder: string;
  let browser: Browser;
  const servers: DemoServer[] = [];

  before(
    async () => {
      folder = await mkdtemp(path.join(tmpdir(), 'chat-sessions-e2e-pglite-'));
      browser = await launchChromium();
    },
    { timeout: 60_000 },
  );

  after(
    async () => {
      await browser?.close();
      for (const server of servers) await server.stop();
      if (folder) await rm(folder, { recursive: true, force: true });
    },
    { timeout: 60_000 },
  );

  it(
    'seeds a new folder, serves the demo, and keeps a sent message across a restart',
    { timeout: 150_000 },
    async (t) => {
      const dataDir = path.join(folder, 'pglite');
      const first = await startDemoServer({ kind: 'pglite', dir: dataDir });
      servers.push(first);
      t.diagnostic(`first start (new folder: migrate + seed): ${first.startupMs} ms`);
      assert.equal(first.kind, 'pglite');
      assert.match(
        first.output(),
        /loaded supabase\/seed\.sql/,
        'the first start seeds the demo data',
      );

      const message = `Please add a second catering order ${randomUUID().slice(0, 8)}`;
      await inFreshContext(browser, first, async ({ page }) => {
        await openDemo(page, first);
        await expectText(
          card(page, HARTLEY).locator('[part~="passengers"]'),
          '6 pax',
          'the seeded flight request',
        );
        await card(page, DE_ICING).click();
        const composer = view(page).locator('chat-composer textarea');
        await composer.fill(message);
        await composer.press('Enter');
        await eventually(
          () => transcriptTexts(page),
          (texts) => texts.at(-1) === message,
          'the sent message',
        );
        await expectCount(
          view(page).locator('[part~="transcript"] chat-message[delivery="sent"]'),
          3,
          'the message to be stored',
        );
      });
      await first.stop();
      servers.pop();

      const second = await startDemoServer({ kind: 'pglite', dir: dataDir });
      servers.push(second);
      t.diagnostic(`second start (same folder): ${second.startupMs} ms`);
      assert.doesNotMatch(
        second.output(),
        /loaded supabase\/seed\.sql/,
        'a folder is seeded only once',
      );
      await inFreshContext(browser, second, async ({ page }) => {
        await openDemo(page, second, { session: DE_ICING });
        await eventually(
          () => transcriptTexts(page),
          (texts) => texts.at(-1) === message,
          'the message after the restart',
        );
      });
    },
  );
});
