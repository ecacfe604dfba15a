// Chromium for the end-to-end tests (playwright-core with the system's /usr/bin/chromium, never
// a downloaded browser), and the few page helpers the flows share. Playwright's CSS locators
// pierce open shadow roots, so `chat-sidebar #tab-active` reaches into the element.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import type { DemoServer } from './e2e-server.js';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** How long one expectation may take to come true (the box is a busy 2-core machine). */
export const EXPECT_TIMEOUT_MS = 15_000;

/** Chromium flags for this closed, headless, root-run environment (see FIELD-NOTES.md). */
const CHROMIUM_ARGS = [
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
}

/** A page in its own browser context, with what the page threw collected for the verdict. */
export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and unhandled rejections of the page. */
  pageErrors: string[];
  /** Console output, for failure messages. */
  console: string[];
}

/** The one message a ResizeObserver's use may produce (a notice, not a thrown error); harmless. */
const BENIGN_ERRORS = [/ResizeObserver loop/];

export async function newTestPage(browser: Browser): Promise<TestPage> {
  const context = await browser.newContext({
    locale: 'en-US',
    timezoneId: 'UTC',
    viewport: { width: 1280, height: 860 },
  });
  context.setDefaultTimeout(EXPECT_TIMEOUT_MS);
  const consoleLines: string[] = [];
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => {
    if (!BENIGN_ERRORS.some((pattern) => pattern.test(error.message)))
      pageErrors.push(error.stack ?? error.message);
  });
  page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
  return { context, page, pageErrors, console: consoleLines };
}

let failureCount = 0;

/**
 * Runs one flow in a fresh context and closes it. On failure the error carries a screenshot's
 * path, the page's console and the server's last output; the flow also fails when the page threw.
 */
export async function inFreshContext(
  browser: Browser,
  server: DemoServer,
  flow: (test: TestPage) => Promise<void>,
): Promise<void> {
  const test = await newTestPage(browser);
  try {
    await flow(test);
    assert.deepEqual(test.pageErrors, [], 'the page threw');
  } catch (error) {
    const folder = path.join(tmpdir(), 'chat-sessions-e2e');
    await mkdir(folder, { recursive: true });
    const shot = path.join(folder, `failure-${process.pid}-${(failureCount += 1)}.png`);
    const saved = await test.page.screenshot({ path: shot, fullPage: true, timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    const html = await test.page.content().catch(() => '');
    if (html) await writeFile(shot.replace(/\.png$/, '.html'), html).catch(() => undefined);
    const detail = [
      saved ? `screenshot: ${shot}` : 'no screenshot',
      `url: ${test.page.url()}`,
      `page errors:\n${test.pageErrors.join('\n') || '(none)'}`,
      `console (last 30):\n${test.console.slice(-30).join('\n') || '(none)'}`,
      `server (last 2000 chars):\n${server.output().slice(-2000)}`,
    ].join('\n');
    if (error instanceof Error) {
      error.message = `${error.message}\n--- e2e diagnostics ---\n${detail}`;
      throw error;
    }
    throw new Error(`${String(error)}\n--- e2e diagnostics ---\n${detail}`, { cause: error });
  } finally {
    await test.context.close().catch(() => undefined);
  }
}

/**
 * Polls `probe` until `accept` holds, then returns the value; fails with the last value seen.
 * For conditions Playwright's own waiting can't express (numbers, the URL, focus).
 */
export async function eventually<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
  timeoutMs = EXPECT_TIMEOUT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (let delay = 50; ; delay = Math.min(delay * 2, 400)) {
    try {
      last = await probe();
      lastError = undefined;
      if (accept(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const seen = lastError
        ? `error: ${lastError instanceof Error ? lastError.message : JSON.stringify(lastError)}`
        : JSON.stringify(last);
      throw new assert.AssertionError({
        message: `timed out waiting for ${what}; last seen: ${seen}`,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/** Waits until the locator's text (whitespace collapsed) matches. */
export async function expectText(
  locator: Locator,
  expected: string | RegExp,
  what?: string,
): Promise<string> {
  const matches = (text: string) =>
    typeof expected === 'string' ? text === expected : expected.test(text);
  return eventually(
    async () => (await locator.innerText({ timeout: 2_000 })).replace(/\s+/g, ' ').trim(),
    matches,
    what ?? `${locator.toString()} to have text ${String(expected)}`,
  );
}

/** Waits until the locator matches exactly `count` elements. */
export async function expectCount(locator: Locator, count: number, what?: string): Promise<void> {
  await eventually(
    () => locator.count(),
    (n) => n === count,
    what ?? `${locator.toString()} to match ${count} element(s)`,
  );
}

export async function expectAttribute(
  locator: Locator,
  name: string,
  value: string | null,
  what?: string,
): Promise<void> {
  await eventually(
    () => locator.getAttribute(name, { timeout: 2_000 }),
    (actual) => actual === value,
    what ?? `${locator.toString()} to have ${name}=${String(value)}`,
  );
}

// ─── The demo workspace ──────────────────────────────────────────────────────────────────────

export type SidebarTab = 'active' | 'completed' | 'archived';

/** Opens the broker workspace (`/demo/`), optionally with URL parameters, and waits for the list. */
export async function openDemo(
  page: Page,
  server: DemoServer,
  params: Record<string, string> = {},
): Promise<void> {
  const query = new URLSearchParams(params).toString();
  await page.goto(`${server.url}/demo/${query ? `?${query}` : ''}`);
  await waitForList(page);
}

/** Waits for the sidebar's first page: cards, or the empty state. */
export async function waitForList(page: Page, sidebar = 'chat-sidebar'): Promise<void> {
  await page
    .locator(`${sidebar} [role="listbox"] [data-session-id], ${sidebar} [part~="empty"]`)
    .first()
    .waitFor();
  // Counts are shown once the first page arrived.
  await page.locator(`${sidebar} #tab-active [part~="tab-count"]`).waitFor();
}

/** A session's card in the sidebar (rendered only while in the virtual list's range). */
export function card(page: Page, sessionId: string, sidebar = 'chat-sidebar'): Locator {
  return page.locator(`${sidebar} [role="listbox"] [data-session-id="${sessionId}"]`);
}

/** Every card the sidebar renders. */
export function cards(page: Page, sidebar = 'chat-sidebar'): Locator {
  return page.locator(`${sidebar} [role="listbox"] [data-session-id]`);
}

export function tab(page: Page, name: SidebarTab, sidebar = 'chat-sidebar'): Locator {
  return page.locator(`${sidebar} #tab-${name}`);
}

/** The number a tab shows. */
export async function tabCount(
  page: Page,
  name: SidebarTab,
  sidebar = 'chat-sidebar',
): Promise<number> {
  const text = await page.locator(`${sidebar} #tab-${name} [part~="tab-count"]`).innerText();
  const count = Number(text.replace(/[^\d]/g, ''));
  assert.ok(
    Number.isInteger(count) && text.trim() !== '',
    `tab ${name} shows a count, not ${JSON.stringify(text)}`,
  );
  return count;
}

export async function tabCounts(
  page: Page,
  sidebar = 'chat-sidebar',
): Promise<Record<SidebarTab, number>> {
  return {
    active: await tabCount(page, 'active', sidebar),
    completed: await tabCount(page, 'completed', sidebar),
    archived: await tabCount(page, 'archived', sidebar),
  };
}

/** Waits until the tabs show exactly these counts. */
export async function expectTabCounts(
  page: Page,
  expected: Record<SidebarTab, number>,
  sidebar = 'chat-sidebar',
): Promise<void> {
  await eventually(
    () => tabCounts(page, sidebar),
    (counts) =>
      counts.active === expected.active &&
      counts.completed === expected.completed &&
      counts.archived === expected.archived,
    `tab counts ${JSON.stringify(expected)}`,
  );
}

/** Chooses a tab with the pointer and waits for its list. */
export async function openTab(
  page: Page,
  name: SidebarTab,
  sidebar = 'chat-sidebar',
): Promise<void> {
  await tab(page, name, sidebar).click();
  await expectAttribute(tab(page, name, sidebar), 'aria-selected', 'true');
  await page.locator(`${sidebar} [role="tabpanel"][aria-busy="false"]`).waitFor();
  await waitForList(page, sidebar);
}

/**
 * Scrolls the list to a session's card, as a broker would: the list is virtualized, so a card
 * far from the visible rows is not in the page until then. Through the sidebar's `focusSession`.
 */
export async function revealCard(
  page: Page,
  sessionId: string,
  sidebar = 'chat-sidebar',
): Promise<void> {
  // The session may still be on its way into the list (an undo, a reload): ask until it is.
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const found = await page
      .locator(sidebar)
      .first()
      .evaluate(
        (element, id) =>
          (element as HTMLElement & { focusSession(id: string): Promise<boolean> }).focusSession(
            id,
          ),
        sessionId,
      );
    if (found) {
      await card(page, sessionId, sidebar).waitFor();
      return;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`session ${sessionId} never showed in the list`);
}

/** Opens a session's action menu (the card's context menu) and picks an item by its action. */
export async function sessionMenuAction(
  page: Page,
  sessionId: string,
  action: string,
): Promise<void> {
  await revealCard(page, sessionId);
  await card(page, sessionId).click({ button: 'right' });
  const item = page.locator(
    `chat-sidebar [role="menu"] [role="menuitem"][data-action="${action}"]`,
  );
  await item.click();
}

/** The open session's view (inside the demo's <chat-workspace>; Playwright's CSS pierces shadow roots). */
export function view(page: Page): Locator {
  return page.locator('chat-session-view');
}

/** The texts of the messages in the open session's main conversation. */
export async function transcriptTexts(page: Page): Promise<string[]> {
  return page
    .locator('chat-session-view [part~="transcript"] chat-message [part~="content"]')
    .allInnerTexts();
}

/** The URL's search parameters, as the page has them now. */
export function urlParams(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

/** What has keyboard focus, through shadow roots: enough to recognise each stop of a Tab walk. */
export interface FocusedElement {
  tag: string;
  id: string;
  part: string;
  role: string;
  sessionId: string;
  action: string;
  /** Custom elements the focus is inside of, outermost first. */
  hosts: string[];
  text: string;
}

export function focused(page: Page): Promise<FocusedElement | null> {
  return page.evaluate(() => {
    let element: Element | null = document.activeElement;
    const hosts: string[] = [];
    while (element?.shadowRoot?.activeElement) {
      hosts.push(element.localName);
      element = element.shadowRoot.activeElement;
    }
    if (!element || element === document.body) return null;
    const html = element as HTMLElement;
    return {
      tag: element.localName,
      id: element.id,
      part: element.getAttribute('part') ?? '',
      role: element.getAttribute('role') ?? '',
      sessionId: html.dataset['sessionId'] ?? '',
      action: html.dataset['action'] ?? html.dataset['outcome'] ?? '',
      hosts,
      text: (html.innerText ?? '').replace(/\s+/g, ' ').trim().slice(0, 80),
    };
  });
}

/**
 * Presses Tab (or Shift+Tab) until focus is on an element `accept` recognises; fails after
 * `max` presses with the stops it went through.
 */
export async function tabUntil(
  page: Page,
  accept: (element: FocusedElement) => boolean,
  what: string,
  options: { backwards?: boolean; max?: number } = {},
): Promise<FocusedElement> {
  const stops: string[] = [];
  const max = options.max ?? 40;
  for (let press = 0; press < max; press += 1) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    const element = await focused(page);
    if (element && accept(element)) return element;
    stops.push(
      element
        ? `${[...element.hosts, element.tag].join('>')}${element.id ? `#${element.id}` : ''}[${element.part || element.role}] ${element.text}`
        : '(body)',
    );
  }
  throw new assert.AssertionError({
    message: `${what}: not reached in ${max} ${options.backwards ? 'Shift+Tab' : 'Tab'} presses; stops:\n${stops.join('\n')}`,
  });
}

/**
 * From a focused card, presses ArrowDown (one press at a time, each waited for) until the card
 * of `sessionId` has focus.
 */
export async function arrowDownTo(page: Page, sessionId: string, max = 30): Promise<void> {
  const passed: string[] = [];
  for (let press = 0; press <= max; press += 1) {
    const at = (await focused(page))?.sessionId ?? '';
    if (at === sessionId) return;
    assert.ok(
      at !== '',
      `focus left the list while looking for ${sessionId} (passed ${passed.join(', ')})`,
    );
    passed.push(at);
    await page.keyboard.press('ArrowDown');
    // Focus moves once the card is rendered; at the end of the list it stays.
    await eventually(
      async () => (await focused(page))?.sessionId ?? '',
      (id) => id !== at,
      `ArrowDown to move on from ${at}`,
      5_000,
    ).catch(() => {
      throw new assert.AssertionError({
        message: `${sessionId} not found below the focused card; passed ${passed.join(', ')}`,
      });
    });
  }
  throw new assert.AssertionError({
    message: `${sessionId} not reached in ${max} ArrowDown presses`,
  });
}
