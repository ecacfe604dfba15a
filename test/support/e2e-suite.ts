import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from './e2e-browser.js';
import { startDemoServer, type DemoServer } from './e2e-server.js';

/** What an end-to-end file runs against: `npm start` (over PostgreSQL) and one Chromium. */
export interface DemoSuite {
  readonly server: DemoServer;
  readonly browser: Browser;
}

/**
 * Starts `npm start` over a fresh PostgreSQL database and Chromium, both at once, before the
 * file's tests, and stops them after (whatever started is closed even if the other failed).
 * Call at the top level of a test file.
 */
export function demoSuite(): DemoSuite {
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  before(
    async (t) => {
      const [started, launched] = await Promise.allSettled([
        startDemoServer({ kind: 'postgres' }),
        launchChromium(),
      ]);
      if (started.status === 'fulfilled') server = started.value;
      if (launched.status === 'fulfilled') browser = launched.value;
      for (const result of [started, launched])
        if (result.status === 'rejected') throw result.reason;
      if (server && 'diagnostic' in t) t.diagnostic(`npm start ready in ${server.startupMs} ms`);
    },
    { timeout: 240_000 },
  );
  after(
    async () => {
      await browser?.close();
      await server?.stop();
    },
    { timeout: 60_000 },
  );
  return {
    get server() {
      if (!server) throw new Error('the demo server is not running (before() failed?)');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not running (before() failed?)');
      return browser;
    },
  };
}
