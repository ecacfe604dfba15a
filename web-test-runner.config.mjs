// Browser tests for the Lit elements: `npx web-test-runner --config web-test-runner.config.mjs`.
//
// Runs in the system's Debian Chromium through puppeteer-core (no package downloads a browser
// here), headless, and as root in CI. See /work/shared/FIELD-NOTES.md for why each flag is there.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { chatBackendPlugin } from './test/browser-backend/plugin.mjs';
import { networkPlugin } from './test/browser-backend/network-plugin.mjs';
import { pointerPlugin } from './test/browser-backend/pointer-plugin.mjs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const chromiumArgs = [
  // Root can't use the setuid sandbox.
  '--no-sandbox',
  // Small /dev/shm in containers makes the renderer crash on big pages.
  '--disable-dev-shm-usage',
  '--disable-gpu',
  // The network is closed: anything Chromium fetches on its own only produces failed connections.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  // One locale and one time zone for every machine, so "the viewer's locale" is the same in CI
  // and on a laptop. Specs that test other locales set the element's `locale` property.
  '--lang=en-US',
];

// Browser errors that are not failures. Code that changes layout inside a ResizeObserver
// callback (as @lit-labs/virtualizer did; the sidebar's own virtual list avoids it) makes Chromium report "ResizeObserver loop completed with
// undelivered notifications" (a benign notice, not a thrown error); mocha would otherwise fail
// whichever test is running. Only that exact message is swallowed.
const benignErrorPatterns = ['ResizeObserver loop completed with undelivered notifications'];

// Runs before mocha installs its `window.onerror`, so stopping the event here keeps it from
// mocha. Anything else still reaches mocha and fails the test. What was swallowed is kept in
// `window.__benignBrowserErrors` so a spec can prove the filter saw it.
const benignErrorFilter = `<script>
  (() => {
    const benign = ${JSON.stringify(benignErrorPatterns)};
    const swallowed = (window.__benignBrowserErrors = []);
    window.addEventListener('error', (event) => {
      const message = String(event.message ?? '');
      if (benign.some((pattern) => message.includes(pattern))) {
        swallowed.push(message);
        event.stopImmediatePropagation();
        event.preventDefault();
      }
    });
  })();
</script>`;

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  files: ['test/elements/**/*.spec.ts'],
  // '@chat-sessions/source' resolves workspace packages (the SDK) to their TypeScript sources, as
  // tsc's customConditions do, so specs never run a stale or missing dist/ build.
  nodeResolve: { exportConditions: ['@chat-sessions/source', 'development'] },
  // Keyboard and focus specs need the page under test to be the focused one; with one page at
  // a time Chromium never moves focus away mid-test.
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: {
    config: { ui: 'bdd', timeout: 5_000 },
  },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        headless: true,
        args: chromiumArgs,
        // Same time zone everywhere, for the same reason as --lang above.
        env: { ...process.env, TZ: 'UTC' },
      },
    }),
  ],
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'auto',
      // esbuild's transform API reads this file as is (no "extends"), so point it at the file that
      // holds experimentalDecorators and useDefineForClassFields: false.
      tsconfig: fileURLToPath(new URL('./tsconfig.base.json', import.meta.url)),
    }),
    a11ySnapshotPlugin(),
    // A real backend (the local gateway over PostgreSQL) for specs that drive the SDK end to end;
    // started on first use only.
    chatBackendPlugin(),
    // Requests made to fail (a lazy chunk offline), for the specs that ask.
    networkPlugin(),
    // A touch screen's or a mouse's pointer, for the touch-target specs.
    pointerPlugin(),
  ],
  filterBrowserLogs: ({ args }) =>
    !args.some(
      (arg) =>
        typeof arg === 'string' &&
        (arg.includes('Lit is in dev mode') ||
          benignErrorPatterns.some((pattern) => arg.includes(pattern))),
    ),
  testRunnerHtml: (testFramework) => `<!DOCTYPE html>
<html lang="en">
  <head>${benignErrorFilter}</head>
  <body>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};
