// Reload to first card, with the local cache and without (#14 item 3): the real SDK and
// supabase-js in Debian's Chromium against the local gateway over PostgreSQL 15, <chat-sidebar>
// showing a broker's Active list of 40 sessions.
//
//   bash test/harness/with-postgres.sh node --conditions=@chat-sessions/source --import tsx bench/browser/cache-reload.ts
//
// Each sample is a fresh browser context (empty IndexedDB and HTTP cache): the page is loaded
// once (which fills the cache when it is on, and the HTTP cache either way), then reloaded, and
// the reload is measured: ms from navigation start to the first card in the sidebar's DOM, and
// to the list being settled (caught up with the server). Variants alternate in a shuffled order
// each round after a dropped warm-up of each; medians with bootstrap 95 % intervals, and the
// ratio measured in the same run. Writes bench/results/reload.md (the `reload` section of bench/run.sh) and its section of
// bench/RESULTS.md.
//
// Environment: BENCH_CACHE_SAMPLES (rounds, default 15), CHROMIUM_PATH (default /usr/bin/chromium).
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createChatSessions } from '@chat-sessions/sdk';
import { createClient, type WebSocketLikeConstructor } from '@supabase/supabase-js';
import { build } from 'esbuild';
import puppeteer, { type Browser } from 'puppeteer-core';
import WebSocket from 'ws';
import { estimate, ratio, table } from '../lib/format.js';
import { medianWithInterval, ratioOfMedians, seededRandom, shuffled } from '../lib/stats.js';
import { keepDefineFiles } from './build.js';
import { serveFolder } from './serve.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const SAMPLES = Number(process.env['BENCH_CACHE_SAMPLES'] ?? 15);
const SESSIONS = 40;
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-features=BackForwardCache',
];
const VARIANTS = ['cache', 'network'] as const;
type Variant = (typeof VARIANTS)[number];
/** Loopback, and a network 100 ms away (each request waits that long before it is sent). */
const LATENCIES = [0, 100] as const;

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>chat-sessions reload bench</title>
<style>html, body { margin: 0; } #box { position: fixed; top: 0; left: 0; width: 360px; height: 560px; display: flex; background: #fff; }</style>
</head>
<body><div id="box"></div><script type="module" src="./cache-reload.js"></script></body>
</html>
`;

function log(message: string): void {
  process.stderr.write(`[bench:cache-reload] ${message}\n`);
}

interface Backend {
  url: string;
  anonKey: string;
  broker(): Promise<{ userId: string; token: string }>;
  stop(): Promise<void>;
}

/** The browser specs' backend process (a private database, the gateway, any origin allowed). */
async function startBackend(): Promise<Backend> {
  if (!process.env['PG_ADMIN_URL'])
    throw new Error('run under test/harness/with-postgres.sh (PG_ADMIN_URL is not set)');
  const child = spawn(
    'node',
    [
      '--conditions=@chat-sessions/source',
      '--import',
      'tsx',
      'test/browser-backend/backend-process.ts',
    ],
    { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const waiting = new Map<number, (result: unknown) => void>();
  let next = 0;
  const ready = new Promise<{ url: string; anonKey: string }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the backend exited (${code})`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      let message: { type?: string; id?: number; result?: unknown; url?: string; anonKey?: string };
      try {
        message = JSON.parse(line) as typeof message;
      } catch {
        return;
      }
      if (message.type === 'ready')
        resolve({ url: message.url ?? '', anonKey: message.anonKey ?? '' });
      else if (message.id !== undefined) waiting.get(message.id)?.(message.result);
    });
  });
  const { url, anonKey } = await ready;
  return {
    url,
    anonKey,
    broker: () =>
      new Promise((resolve) => {
        next += 1;
        waiting.set(next, (result) => resolve(result as { userId: string; token: string }));
        child.stdin.write(`${JSON.stringify({ id: next, op: 'broker' })}\n`);
      }),
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.end();
      await exited;
    },
  };
}

async function buildPage(outdir: string): Promise<void> {
  await build({
    entryPoints: { 'cache-reload': path.join(here, 'pages/cache-reload.ts') },
    outdir,
    bundle: true,
    format: 'esm',
    // The cache's working part stays a lazy chunk, as in the published package.
    splitting: true,
    minify: true,
    target: 'es2022',
    conditions: ['production', '@chat-sessions/source'],
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: path.join(here, 'tsconfig.json'),
    legalComments: 'none',
    plugins: [keepDefineFiles],
    logLevel: 'warning',
  });
  await writeFile(path.join(outdir, 'index.html'), PAGE);
}

interface Timings {
  firstCard: number;
  settled: number;
}

/** One sample: a fresh context, a first load (fills the caches), then the measured reload. */
async function sample(
  browser: Browser,
  address: string,
  variant: Variant,
  latency: number,
): Promise<Timings> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${address}&latency=${latency}&cache=${variant === 'cache' ? 'on' : 'off'}`);
    await page.waitForFunction(() => window.__settled !== undefined, { timeout: 20_000 });
    if (variant === 'cache') {
      await page.evaluate(() => window.__cacheSaved?.());
      await page.waitForFunction(
        async () =>
          (await indexedDB.databases()).some((info) =>
            info.name?.startsWith('chat-sessions-cache:'),
          ) &&
          (await new Promise<boolean>((resolve) => {
            const name = `chat-sessions-cache:${new URLSearchParams(location.search).get('user') ?? ''}`;
            const open = indexedDB.open(name);
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('contents')) {
                resolve(false);
                return;
              }
              const read = db.transaction('contents').objectStore('contents').get('current');
              read.onsuccess = () => {
                db.close();
                resolve(read.result !== undefined);
              };
            };
            open.onerror = () => resolve(false);
          })),
        { timeout: 20_000 },
      );
    }
    await page.reload();
    await page.waitForFunction(
      () => window.__settled !== undefined && window.__firstCard !== undefined,
      {
        timeout: 20_000,
      },
    );
    const timings = await page.evaluate(() => ({
      firstCard: window.__firstCard ?? Number.NaN,
      settled: window.__settled ?? Number.NaN,
    }));
    if (errors.length > 0) throw new Error(`${variant}: ${errors.join(' | ')}`);
    return timings;
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadBefore = loadavg()[0] ?? 0;
  const backend = await startBackend();
  const outdir = await mkdtemp(path.join(tmpdir(), 'chat-sessions-bench-cache-'));
  const server = await serveFolder(outdir);
  let browser: Browser | null = null;
  try {
    await buildPage(outdir);
    const { userId, token } = await backend.broker();
    const chat = createChatSessions({
      supabase: createClient(backend.url, backend.anonKey, {
        auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
        realtime: { transport: WebSocket as unknown as WebSocketLikeConstructor },
        accessToken: async () => token,
      }),
    });
    for (let i = 0; i < SESSIONS; i += 1) {
      const { error } = await chat.sessions.create({ kind: 'general', title: `Charter ${i + 1}` });
      if (error) throw error;
    }
    const query = new URLSearchParams({
      url: backend.url,
      key: backend.anonKey,
      token,
      user: userId,
    });
    const address = `${server.origin}/index.html?${query.toString()}`;
    browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    const chromium = await browser.version();
    for (const variant of VARIANTS) await sample(browser, address, variant, 0); // warm-up, dropped
    const results = new Map<string, Timings[]>();
    const combinations = LATENCIES.flatMap((latency) =>
      VARIANTS.map((variant) => ({ latency, variant })),
    );
    const random = seededRandom(7);
    for (let round = 0; round < SAMPLES; round += 1) {
      for (const { latency, variant } of shuffled(combinations, random)) {
        const key = `${variant}:${latency}`;
        results.set(key, [
          ...(results.get(key) ?? []),
          await sample(browser, address, variant, latency),
        ]);
      }
      log(`round ${round + 1}/${SAMPLES}`);
    }
    const of = (variant: Variant, latency: number, pick: (t: Timings) => number) =>
      (results.get(`${variant}:${latency}`) ?? []).map(pick);
    const row = (label: string, latency: number, pick: (t: Timings) => number) => [
      label,
      estimate(medianWithInterval(of('cache', latency, pick))),
      estimate(medianWithInterval(of('network', latency, pick))),
      ratio(ratioOfMedians(of('cache', latency, pick), of('network', latency, pick))),
    ];
    const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
    const markdown = `## Reload to first card: local cache against the network (#14)

Measured ${when} UTC, ${chromium}, ${cpus().length} cores, load ${loadBefore.toFixed(2)} → ${(loadavg()[0] ?? 0).toFixed(2)}, ${SAMPLES} rounds (+1 dropped warm-up), ${((Date.now() - started) / 1000).toFixed(0)} s. \`bash test/harness/with-postgres.sh node --conditions=@chat-sessions/source --import tsx bench/browser/cache-reload.ts\`

A broker with ${SESSIONS} sessions; <chat-sidebar> on the runtime's Active list, real SDK and supabase-js against the local gateway over PostgreSQL 15 on this machine: on loopback (a round trip of a few ms), and with every request held 100 ms first, as on a network farther away. Each sample is a fresh browser context: one load, then the measured reload. *First card*: ms from navigation start to the first card in the sidebar's DOM. *Settled*: to the list caught up with the server (with the cache: painted, then the delta applied).

${table(
  [
    'ms from navigation start (median, 95 % CI)',
    'with the cache',
    'network only',
    'cache / network',
  ],
  LATENCIES.flatMap((latency) => {
    const where = latency === 0 ? 'loopback' : `+${latency} ms per request`;
    return [
      row(`first card, ${where}`, latency, (t) => t.firstCard),
      row(`settled, ${where}`, latency, (t) => t.settled),
    ];
  }),
  ['l', 'r', 'r', 'r'],
)}
`;
    process.stdout.write(`${markdown}\n`);
    const resultsDir = process.env['BENCH_RESULTS_DIR'] ?? path.join(root, 'bench/results');
    await mkdir(resultsDir, { recursive: true });
    await writeFile(path.join(resultsDir, 'reload.md'), markdown);
    if (!process.env['BENCH_RESULTS_DIR']) await publish(markdown);
  } finally {
    await browser?.close();
    await server.close();
    await rm(outdir, { recursive: true, force: true });
    await backend.stop();
  }
}

/** Replaces (or appends) this section of bench/RESULTS.md. */
async function publish(markdown: string): Promise<void> {
  const file = path.join(root, 'bench/RESULTS.md');
  const current = await readFile(file, 'utf8');
  const heading = '## Reload to first card';
  const start = current.indexOf(heading);
  if (start < 0) {
    await writeFile(file, `${current.trimEnd()}\n\n${markdown}`);
    return;
  }
  const next = current.indexOf('\n## ', start + heading.length);
  const rest = next < 0 ? '' : current.slice(next);
  await writeFile(file, `${current.slice(0, start)}${markdown.trimEnd()}\n${rest}`);
}

await main();
