// The conversation pane (<chat-session-view> with the composer, messages and operator threads)
// stays out of the browser bundle's first load: a lazy chunk of its own, loaded by the
// autoloader (src/autoload.ts) the first time one of its tags is in the page, and by
// <chat-workspace> itself. So does the <chat-workspace> shell (a page that shows only the list
// never needs it): a chunk of its own, loaded by the autoloader. Checked on the Rollup output,
// then in Chromium on the built bundle.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { rollup, type RollupOutput } from 'rollup';
import { browserBundleOptions, LAZY_BUNDLE_ELEMENTS } from '../../rollup.config.mjs';
import { ROOT } from '../../scripts/package-entries.mjs';
import { launchChromium } from '../support/e2e-browser.js';
import { withBuiltPackages } from './support.js';

// The conversation pane's tags (LAZY_BUNDLE_ELEMENTS also holds <chat-workspace> and
// <chat-connection-status>, each a chunk of its own, checked below).
const lazyTags = Object.keys(LAZY_BUNDLE_ELEMENTS).filter(
  (tag) => tag !== 'chat-workspace' && tag !== 'chat-connection-status',
);
const conversationFolders =
  /\/src\/(?:chat-session-view|chat-composer|chat-message|operator-thread-list)\//;

type Chunk = Extract<RollupOutput['output'][number], { type: 'chunk' }>;

/** The chunks of the elements' browser bundle, built once for the tests below. */
async function bundleChunks(): Promise<Chunk[]> {
  const { output, ...input } = browserBundleOptions({
    parts: ['elements'],
    thirdPartyExternal: true,
  });
  const bundle = await rollup({ ...input, onwarn: () => {} });
  try {
    const { output: files } = await bundle.generate({ ...output, sourcemap: false });
    return files.filter((file): file is Chunk => file.type === 'chunk');
  } finally {
    await bundle.close();
  }
}

describe('lazy chunks of the browser bundle', () => {
  let chunks: Chunk[] = [];
  before(
    async () => {
      chunks = await bundleChunks();
    },
    { timeout: 180_000 },
  );

  it('the conversation pane is not in the bundle entry, and is one lazy chunk the entry imports dynamically', () => {
    const paneModules = (chunk: Chunk) =>
      Object.keys(chunk.modules).filter(
        (id) => conversationFolders.test(id) || id.endsWith('/src/internal/chat-transcript.ts'),
      );
    const [entry] = chunks.filter((chunk) => chunk.isEntry);
    assert.ok(entry, 'the bundle has an entry');
    assert.deepEqual(paneModules(entry), [], 'no conversation-pane module in the entry');
    for (const loader of ['/src/autoload.ts', '/src/internal/lazy-elements.ts']) {
      assert.ok(
        Object.keys(entry.modules).some((id) => id.endsWith(loader)),
        `the entry holds ${loader}`,
      );
    }
    const lazy = chunks.filter((chunk) => !chunk.isEntry && paneModules(chunk).length > 0);
    assert.equal(lazy.length, 1, 'one lazy chunk holds the conversation pane');
    const held = paneModules(lazy[0]!);
    for (const tag of lazyTags) {
      assert.ok(
        held.some((id) => id.endsWith(`/src/${tag}/define.ts`)),
        `the chunk defines <${tag}>`,
      );
    }
    assert.ok(held.some((id) => id.endsWith('/src/internal/chat-transcript.ts')));
    assert.ok(entry.dynamicImports.includes(lazy[0]!.fileName));
    // The lazy classes are not exported by the bundle (their types are).
    for (const name of Object.values(LAZY_BUNDLE_ELEMENTS))
      assert.ok(!entry.exports.includes(name), `${name} is not a value export of the entry`);
    assert.ok(entry.exports.includes('loadElements'));
    assert.ok(entry.exports.includes('ChatSidebar'));
  });

  it('keeps <chat-workspace> in a lazy chunk of its own that the entry imports dynamically', () => {
    const workspaceModules = (chunk: Chunk) =>
      Object.keys(chunk.modules).filter((id) => id.includes('/src/chat-workspace/'));
    const [entry] = chunks.filter((chunk) => chunk.isEntry);
    assert.ok(entry, 'the bundle has an entry');
    assert.deepEqual(workspaceModules(entry), [], 'no workspace module in the entry');
    const lazy = chunks.filter((chunk) => !chunk.isEntry && workspaceModules(chunk).length > 0);
    assert.equal(lazy.length, 1, 'one lazy chunk holds the workspace');
    assert.ok(
      workspaceModules(lazy[0]!).some((id) => id.endsWith('/src/chat-workspace/define.ts')),
    );
    assert.ok(entry.dynamicImports.includes(lazy[0]!.fileName));
    assert.ok(
      !workspaceModules(lazy[0]!).some((id) => conversationFolders.test(id)),
      'the conversation pane is not in the workspace chunk',
    );
    assert.ok(!entry.exports.includes('ChatWorkspace'), 'a type export only');
  });
});

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript',
  '.html': 'text/html',
  '.map': 'application/json',
};

describe('conversation pane autoloader in Chromium', () => {
  let server: Server;
  let origin = '';
  let browser: Browser;
  const pages = new Map<string, string>();

  before(
    async () => {
      await withBuiltPackages(async () => {});
      server = createServer((request, response) => {
        const path = new URL(request.url ?? '/', 'http://localhost').pathname;
        const page = pages.get(path);
        if (page !== undefined) {
          response.writeHead(200, { 'content-type': 'text/html' }).end(page);
          return;
        }
        const file = normalize(join(ROOT, path));
        if (!file.startsWith(join(ROOT, 'dist'))) {
          response.writeHead(404).end();
          return;
        }
        readFile(file).then(
          (body) =>
            response
              .writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'text/plain' })
              .end(body),
          () => response.writeHead(404).end(),
        );
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      browser = await launchChromium();
    },
    { timeout: 600_000 },
  );

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  const bundleScript = `<script type="module" src="/dist/chat-sessions.bundle.js"></script>`;

  async function open(path: string, body: string): Promise<{ page: Page; scripts: string[] }> {
    pages.set(
      path,
      `<!doctype html><html lang="en"><head>${bundleScript}</head><body>${body}</body></html>`,
    );
    const page = await browser.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${origin}${path}`);
    await page.waitForFunction(() => customElements.get('chat-sidebar') !== undefined);
    assert.deepEqual(errors, []);
    return { page, scripts };
  }

  it('defines <chat-session-view> written in the HTML', { timeout: 60_000 }, async () => {
    const { page } = await open(
      '/in-html',
      '<chat-session-view session-id=""></chat-session-view>',
    );
    try {
      await page.waitForFunction(() => customElements.get('chat-session-view') !== undefined);
      const upgraded = await page.evaluate(
        () => document.querySelector('chat-session-view')?.shadowRoot !== null,
      );
      assert.ok(upgraded, 'the element in the HTML was upgraded');
    } finally {
      await page.close();
    }
  });

  it(
    'loads nothing of the pane until one is added, then defines it, keeping properties set before',
    { timeout: 60_000 },
    async () => {
      const { page, scripts } = await open('/added-later', '<p>List only</p>');
      try {
        // The list's elements are defined at once; the conversation pane is not fetched.
        const before = await page.evaluate(
          (tags) => tags.map((tag) => customElements.get(tag) !== undefined),
          lazyTags,
        );
        assert.deepEqual(
          before,
          lazyTags.map(() => false),
        );
        assert.deepEqual(scripts, ['/dist/chat-sessions.bundle.js']);

        await page.evaluate(() => {
          const view = document.createElement('chat-session-view') as HTMLElement & {
            strings: unknown;
          };
          view.strings = { noMessages: 'Nothing here yet' };
          document.body.append(view);
        });
        await page.waitForFunction(() => customElements.get('chat-session-view') !== undefined);
        const kept = await page.evaluate(async () => {
          const view = document.querySelector('chat-session-view')!;
          await view.updateComplete;
          return (view.strings as Record<string, string> | undefined)?.noMessages;
        });
        assert.equal(kept, 'Nothing here yet', 'the property set before the upgrade reached it');
        assert.ok(scripts.some((script) => script.startsWith('/dist/chunks/')));
        const after = await page.evaluate(
          (tags) => tags.map((tag) => customElements.get(tag) !== undefined),
          lazyTags,
        );
        assert.deepEqual(
          after,
          lazyTags.map(() => true),
          'one chunk defines the four elements',
        );
      } finally {
        await page.close();
      }
    },
  );

  it(
    'defines <chat-workspace> written in the HTML; its list answers the keyboard at once',
    { timeout: 60_000 },
    async () => {
      const { page, scripts } = await open(
        '/workspace-in-html',
        '<chat-workspace heading-level="2"></chat-workspace>',
      );
      try {
        await page.waitForFunction(() => customElements.get('chat-workspace') !== undefined);
        assert.ok(scripts.some((script) => script.startsWith('/dist/chunks/')));
        // First try: Tab into the workspace's list, to its search field, and type.
        await page.evaluate(() => {
          document.addEventListener('chat-list-search', (event) => {
            (window as unknown as { searched: string }).searched = (
              event as Event & { search: string }
            ).search;
          });
        });
        const focusedPart = () =>
          page.evaluate(() => {
            let active: Element | null = document.activeElement;
            while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
            return active?.getAttribute('part') ?? '';
          });
        let part = '';
        for (let presses = 0; presses < 8 && part !== 'search'; presses++) {
          await page.keyboard.press('Tab');
          part = await focusedPart();
        }
        assert.equal(part, 'search', 'Tab reached the search field inside the workspace');
        await page.keyboard.type('TEB');
        await page.waitForFunction(
          () => (window as unknown as { searched?: string }).searched === 'TEB',
        );
      } finally {
        await page.close();
      }
    },
  );

  it(
    'loads no workspace chunk for a list-only page, and one when a workspace is added',
    { timeout: 60_000 },
    async () => {
      const { page, scripts } = await open('/sidebar-only', '<chat-sidebar></chat-sidebar>');
      try {
        await page.evaluate(() => document.querySelector('chat-sidebar')!.updateComplete);
        // The sidebar warms its status line's chunk (and its menus') while idle after its first
        // paint; the workspace's is not among them.
        await page.waitForFunction(
          () => customElements.get('chat-connection-status') !== undefined,
        );
        assert.equal(scripts[0], '/dist/chat-sessions.bundle.js');
        assert.equal(await page.evaluate(() => customElements.get('chat-workspace')), undefined);
        await page.evaluate(() => {
          const workspace = document.createElement('chat-workspace') as HTMLElement & {
            theme: string;
          };
          workspace.theme = 'dark';
          document.body.append(workspace);
        });
        await page.waitForFunction(() => customElements.get('chat-workspace') !== undefined);
        const theme = await page.evaluate(async () => {
          const workspace = document.querySelector('chat-workspace')!;
          await workspace.updateComplete;
          return workspace.getAttribute('theme');
        });
        assert.equal(theme, 'dark', 'the property set before the upgrade reached it');
      } finally {
        await page.close();
      }
    },
  );

  it(
    "the sidebar's status line: not in the first paint, warmed while idle, a failed load reported and retried",
    { timeout: 60_000 },
    async () => {
      pages.set(
        '/status-chunk-fails',
        `<!doctype html><html lang="en"><head>${bundleScript}</head><body><chat-sidebar></chat-sidebar></body></html>`,
      );
      const page = await browser.newPage();
      try {
        const errors: string[] = [];
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(message.text());
        });
        let statusFetches = 0;
        // The first fetch of the status line's chunk fails, as on a flaky network.
        await page.route('**/dist/chunks/**', async (route) => {
          const response = await route.fetch();
          const body = await response.text();
          if (body.includes('chat-connection-status') && statusFetches++ === 0) {
            await route.abort('connectionreset');
          } else {
            await route.fulfill({ response });
          }
        });
        await page.goto(`${origin}/status-chunk-fails`);
        await page.waitForFunction(() => customElements.get('chat-sidebar') !== undefined);
        const atFirstPaint = await page.evaluate(async () => {
          const sidebar = document.querySelector('chat-sidebar')!;
          await sidebar.updateComplete;
          const status = sidebar.shadowRoot!.querySelector('chat-connection-status');
          return {
            defined: customElements.get('chat-connection-status') !== undefined,
            display: status ? getComputedStyle(status).display : null,
          };
        });
        assert.deepEqual(atFirstPaint, { defined: false, display: 'contents' });
        await page.waitForFunction(
          () => customElements.get('chat-connection-status') !== undefined,
        );
        assert.ok(statusFetches >= 2, 'the failed chunk was fetched again');
        assert.ok(
          errors.some((text) =>
            /could not load <chat-connection-status>; trying again in \d+ ms/.test(text),
          ),
          `the failure was reported (${errors.join(' | ')})`,
        );
      } finally {
        await page.close();
      }
    },
  );

  it(
    'loadElements() defines them for hosts that use them in their own shadow roots',
    { timeout: 60_000 },
    async () => {
      const { page } = await open('/load-elements', '<div id="host"></div>');
      try {
        const defined = await page.evaluate(async () => {
          const url = '/dist/chat-sessions.bundle.js';
          const bundle = (await import(url)) as {
            loadElements: (tags?: string[]) => Promise<void>;
          };
          const root = document.querySelector('#host')!.attachShadow({ mode: 'open' });
          root.innerHTML = '<chat-message></chat-message>';
          await bundle.loadElements(['chat-message']);
          return root.querySelector('chat-message')?.shadowRoot !== null;
        });
        assert.ok(defined, '<chat-message> in a shadow root upgraded after loadElements()');
      } finally {
        await page.close();
      }
    },
  );
});
