// Browser benchmark of <chat-sidebar>: first render, tab switch, a burst of incoming changes,
// DOM size, heap, and mount/unmount leaks, against two baselines measured in the same run (the
// same cards in a Lit `repeat` list, and hand-built DOM cards, neither virtualized).
//
//   node --conditions=@chat-sessions/source --import tsx bench/browser/run.ts
//
// Debian's Chromium through puppeteer-core, production builds, a fresh page per sample, variants
// and sizes interleaved in a new shuffled order every round, after a dropped warm-up sample of
// each variant. Prints the results and writes bench/browser/RESULTS.md, bench/results/browser.md
// (for bench/run.sh) and, run alone, the Browser section of bench/RESULTS.md.
//
// Environment: BENCH_BROWSER_SAMPLES (measured rounds, default 15), CHROMIUM_PATH (default
// /usr/bin/chromium), BENCH_BROWSER_VERBOSE (log every sample), BENCH_RESULTS_DIR (set by
// bench/run.sh: where browser.md goes; run.sh then assembles bench/RESULTS.md itself).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, {
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Page,
} from 'puppeteer-core';
import { buildPages, VARIANTS, writeSessions, type Variant } from './build.js';
import { serveFolder } from './serve.js';
import { mainThreadWork, TRACE_CATEGORIES } from './trace.js';
import {
  CAPS,
  leakPassed,
  machine,
  publishResults,
  report,
  type LeakCheck,
  type Sample,
} from './report.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SIZES = [100, 1_000, 10_000] as const;
/** The list the burst of incoming changes is applied to. */
const BURST_SIZE = 10_000;
const SAMPLES = Number(process.env['BENCH_BROWSER_SAMPLES'] ?? 15);
const MOUNT_CYCLES = 20;
const LEAK_WARM_UP_CYCLES = 10;
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** Time a timed action may take to start (a `gc()` and a frame) on top of its cap. */
const START_ALLOWANCE_MS = 300;

// FIELD-NOTES' flags for Chromium here, plus: a page never counts as backgrounded (timers and
// frames at full rate), and `gc()` for a collection before each timed action.
const CHROMIUM_ARGS = [
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
  '--js-flags=--expose-gc',
  // A page navigated away from must go, not wait in the back/forward cache.
  '--disable-features=BackForwardCache',
];

function log(message: string): void {
  process.stderr.write(`[bench:browser] ${message}\n`);
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** The same shuffle for the same round: reproducible, but no variant always runs first. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = (seed * 2_654_435_761 + 1) >>> 0;
  for (let index = result.length - 1; index > 0; index -= 1) {
    state = (Math.imul(state ^ (state >>> 15), 2_246_822_519) + 0x9e3779b9) >>> 0;
    const other = state % (index + 1);
    [result[index], result[other]] = [result[other]!, result[index]!];
  }
  return result;
}

/**
 * The tab samples run in. Every sample navigates it to a new document (a fresh page: DOM, JS
 * realm, store, all new), in the renderer of the previous sample (a new renderer per sample
 * costs about a second here, times 135 samples). A sample that passes its cap leaves the
 * renderer busy: the tab's browser context is then closed, and the next sample opens a new one.
 */
class SampleTab {
  private context: BrowserContext | null = null;
  private current: Page | null = null;
  private errors: string[] = [];
  private loads = 0;

  constructor(
    private readonly browser: Browser,
    private readonly origin: string,
  ) {}

  /** A fresh document of `variant`'s page. */
  async load(variant: Variant): Promise<Page> {
    if (!this.current) {
      this.context = await this.browser.createBrowserContext();
      const page = await this.context.newPage();
      await page.setViewport({ width: 800, height: 600 });
      page.on('pageerror', (error) => this.errors.push(String(error)));
      page.on('console', (message) => {
        // The virtualizer's ResizeObserver message is expected (FIELD-NOTES); anything else is not.
        if (message.type() === 'error' && !message.text().includes('ResizeObserver'))
          this.errors.push(message.text());
      });
      this.current = page;
    }
    this.errors = [];
    this.loads += 1;
    await this.current.goto(`${this.origin}/index.html?variant=${variant}&load=${this.loads}`);
    await this.current.waitForSelector('html[data-ready="true"]');
    return this.current;
  }

  /** Throws what went wrong in the page since it was loaded. */
  checkErrors(variant: Variant): void {
    if (this.errors.length > 0)
      throw new Error(`${variant}: page errors: ${this.errors.join(' | ')}`);
  }

  /** Closes the context (and so its renderer, even one stuck in a long task). */
  async discard(): Promise<void> {
    const context = this.context;
    this.context = null;
    this.current = null;
    await context?.close();
  }
}

/** A timed action's result: its time to the frame showing it, and the main thread's work in it. */
interface Timed {
  /** ms; Infinity when it took longer than its cap. */
  readonly time: number;
  /** ms the renderer's main thread was busy meanwhile (bench/browser/trace.ts); null if capped. */
  readonly work: number | null;
}

/**
 * Runs a timed action in the page, recording a trace of the renderer's tasks meanwhile; its time,
 * or Infinity when it took longer than `cap` ms (the tab is then discarded: a non-virtualized
 * list of 10 000 cards can keep the renderer busy for tens of seconds, and the run has to fit in
 * minutes), and the main thread's work in it.
 */
async function timedAction(
  tab: SampleTab,
  page: Page,
  action: (page: Page) => Promise<number>,
  cap: number,
): Promise<Timed> {
  await page.evaluate(() => window.benchPage!.quiet());
  await page.tracing.start({ categories: TRACE_CATEGORIES });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const running = action(page);
  running.catch(() => {}); // Rejects when the tab is discarded under it.
  const outcome = await Promise.race([
    running,
    new Promise<'cap'>((resolve) => {
      timer = setTimeout(() => resolve('cap'), cap + START_ALLOWANCE_MS);
    }),
  ]);
  clearTimeout(timer);
  if (outcome === 'cap') {
    await tab.discard(); // The trace goes with the page.
    return { time: Number.POSITIVE_INFINITY, work: null };
  }
  const trace = await page.tracing.stop();
  if (outcome > cap) return { time: Number.POSITIVE_INFINITY, work: null };
  if (!trace) throw new Error('the trace of a timed action came back empty');
  return { time: outcome, work: mainThreadWork(trace, outcome) };
}

/** Collects garbage (twice: finalizers may free more) and reads the renderer's counters. */
async function afterGarbageCollection(
  cdp: CDPSession,
): Promise<{ heap: number; nodes: number; listeners: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) =>
    metrics.find((entry) => entry.name === name)?.value ?? Number.NaN;
  return {
    heap: metric('JSHeapUsedSize'),
    nodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
  };
}

/**
 * One sample: a fresh page, first render, tab switch, and at 10 000 the burst. A step over its
 * cap ends the sample (the later steps are "not reached": null). With `memory`, afterwards: the
 * full check of the list after the burst, DOM size and heap (exact or nearly: three samples say
 * enough, and unmounting 10 000 cards is slow).
 */
async function measure(
  tab: SampleTab,
  variant: Variant,
  size: number,
  memory: boolean,
): Promise<Sample> {
  const page = await tab.load(variant);
  const sample: Sample = {
    variant,
    size,
    untimed: false,
    firstRender: null,
    tabSwitch: null,
    burst: null,
    work: { firstRender: null, tabSwitch: null, burst: null },
    burstCheck: null,
    memory: null,
  };
  await page.evaluate((count) => window.benchPage!.prepare(count), size);
  const first = await timedAction(
    tab,
    page,
    (target) => target.evaluate(() => window.benchPage!.firstRender()),
    CAPS.renderMs,
  );
  sample.firstRender = first.time;
  sample.work.firstRender = first.work;
  if (first.time === Number.POSITIVE_INFINITY) return sample;
  const tabSwitch = await timedAction(
    tab,
    page,
    (target) => target.evaluate(() => window.benchPage!.switchTab()),
    CAPS.renderMs,
  );
  sample.tabSwitch = tabSwitch.time;
  sample.work.tabSwitch = tabSwitch.work;
  if (tabSwitch.time === Number.POSITIVE_INFINITY) return sample;
  if (size === BURST_SIZE) {
    const burst = await timedAction(
      tab,
      page,
      (target) => target.evaluate(() => window.benchPage!.burst()),
      CAPS.burstMs,
    );
    sample.burst = burst.time;
    sample.work.burst = burst.work;
    if (burst.time === Number.POSITIVE_INFINITY) return sample;
  }
  if (memory) {
    if (size === BURST_SIZE)
      sample.burstCheck = await page.evaluate(() => window.benchPage!.checkBurst());
    sample.memory = await memoryOf(page);
  }
  tab.checkErrors(variant);
  return sample;
}

/**
 * DOM size and heap of the list shown, and what unmounting it gives back. The DevTools
 * protocol's domains are attached only now, after the timed work, and detached after.
 */
async function memoryOf(page: Page): Promise<NonNullable<Sample['memory']>> {
  const cdp = await page.createCDPSession();
  try {
    await cdp.send('Performance.enable');
    const mounted = await afterGarbageCollection(cdp);
    const nodes = await page.evaluate(() => window.benchPage!.nodes());
    await page.evaluate(() => window.benchPage!.unmount());
    const unmounted = await afterGarbageCollection(cdp);
    return { nodes, heapMounted: mounted.heap, heapOfList: mounted.heap - unmounted.heap };
  } finally {
    await cdp.detach();
  }
}

/**
 * DOM size and heap of a list whose samples stop at the cap (the non-virtualized lists at
 * 10 000): one page showing the Completed tab, as the timed samples do when measured, waited
 * for as long as it takes, nothing timed.
 */
async function memoryOnly(tab: SampleTab, variant: Variant, size: number): Promise<Sample> {
  const page = await tab.load(variant);
  try {
    await page.evaluate((count) => window.benchPage!.prepare(count, 'completed'), size);
    await page.evaluate(() => window.benchPage!.firstRender());
    const memory = await memoryOf(page);
    tab.checkErrors(variant);
    return {
      variant,
      size,
      untimed: true,
      firstRender: null,
      tabSwitch: null,
      burst: null,
      work: { firstRender: null, tabSwitch: null, burst: null },
      burstCheck: null,
      memory,
    };
  } finally {
    // Nothing more is measured in this document, and its renderer just held 10 000 cards.
    await tab.discard();
  }
}

/** Live instances of custom element classes (subclasses included) in the page's heap. */
async function liveInstances(page: Page, tags: readonly string[]): Promise<number> {
  let total = 0;
  for (const tag of tags) {
    const prototype = await page.evaluateHandle((name) => customElements.get(name)!.prototype, tag);
    const instances = await page.queryObjects(prototype);
    total += await page.evaluate((found) => found.length, instances);
    await Promise.all([prototype.dispose(), instances.dispose()]);
  }
  return total;
}

/**
 * Mounts and unmounts the sidebar `MOUNT_CYCLES` times over one store, after
 * `LEAK_WARM_UP_CYCLES` warm-up cycles (the numbers the report states); memory before and after.
 */
async function leakCheck(tab: SampleTab, size: number): Promise<LeakCheck> {
  const page = await tab.load('sidebar');
  await page.evaluate((count) => window.benchPage!.prepare(count), size);
  // Warm-up cycles first: templates, styles, formatters and optimized code are made once per
  // page, not per mount.
  await page.evaluate((times) => window.benchPage!.mountCycles(times), LEAK_WARM_UP_CYCLES);
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  const before = await afterGarbageCollection(cdp);
  const documentBefore = await page.evaluate(() => window.benchPage!.documentNodes());
  await page.evaluate((times) => window.benchPage!.mountCycles(times), MOUNT_CYCLES);
  const after = await afterGarbageCollection(cdp);
  const documentAfter = await page.evaluate(() => window.benchPage!.documentNodes());
  const subscribers = await page.evaluate(() => window.benchPage!.storeSubscribers());
  const elementsAlive = await liveInstances(page, [
    'chat-sidebar',
    'flight-request-card',
    'general-chat-card',
  ]);
  await cdp.detach();
  tab.checkErrors('sidebar');
  return {
    size,
    cycles: MOUNT_CYCLES,
    warmUpCycles: LEAK_WARM_UP_CYCLES,
    before,
    after,
    documentBefore,
    documentAfter,
    subscribers,
    elementsAlive,
  };
}

function describe(sample: Sample, started: number): string {
  const ms = (value: number | null) =>
    value === null ? '–' : value === Number.POSITIVE_INFINITY ? 'capped' : `${value.toFixed(1)} ms`;
  return (
    `  ${sample.variant} ${sample.size}: first ${ms(sample.firstRender)}, tab ${ms(sample.tabSwitch)}` +
    (sample.size === BURST_SIZE ? `, burst ${ms(sample.burst)}` : '') +
    (sample.burstCheck ? ` (${sample.burstCheck.problems.length} problems)` : '') +
    `${sample.memory ? `, ${sample.memory.nodes} nodes` : ''}, sample ${seconds(started)}`
  );
}

async function main(): Promise<void> {
  const started = Date.now();
  if (!Number.isInteger(SAMPLES) || SAMPLES < 1)
    throw new Error(`BENCH_BROWSER_SAMPLES must be a whole number ≥ 1 (got ${SAMPLES})`);
  const loadBefore = machine().loadAverage;
  const outdir = await mkdtemp(path.join(tmpdir(), 'chat-sessions-bench-browser-'));
  const server = await serveFolder(outdir);
  let browser: Browser | null = null;
  try {
    const bundleBytes = await buildPages(outdir);
    await writeSessions(outdir, SIZES);
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      defaultViewport: null,
    });
    const chromium = await browser.version();
    log(
      `${chromium}; pages and data ready in ${seconds(started)}; ${SAMPLES} rounds of ${SIZES.join(', ')} sessions`,
    );

    const combinations = SIZES.flatMap((size) => VARIANTS.map((variant) => ({ size, variant })));
    // Warm-up, dropped: every variant once at the smallest size (the browser, its caches, the
    // renderer and its compiled code for the three bundles).
    const tab = new SampleTab(browser, server.origin);
    for (const variant of shuffled(VARIANTS, 0)) await measure(tab, variant, SIZES[0], false);
    log(`warm-up done (${seconds(started)})`);
    const memoryRounds = new Set([0, Math.floor(SAMPLES / 2), SAMPLES - 1]);
    const samples: Sample[] = [];
    for (let round = 0; round < SAMPLES; round += 1) {
      const roundStarted = Date.now();
      for (const { size, variant } of shuffled(combinations, round + 1)) {
        const sampleStarted = Date.now();
        const sample = await measure(tab, variant, size, memoryRounds.has(round));
        samples.push(sample);
        if (process.env['BENCH_BROWSER_VERBOSE']) log(describe(sample, sampleStarted));
      }
      log(`round ${round + 1}/${SAMPLES}: ${seconds(roundStarted)} (total ${seconds(started)})`);
    }
    // Every size needs its DOM and heap: measure them untimed where every memory round was capped.
    for (const variant of VARIANTS) {
      for (const size of SIZES) {
        if (
          !samples.some(
            (sample) => sample.variant === variant && sample.size === size && sample.memory,
          )
        ) {
          samples.push(await memoryOnly(tab, variant, size));
        }
      }
    }
    log(`memory done (${seconds(started)})`);
    const leaks: LeakCheck[] = [];
    for (const size of SIZES) leaks.push(await leakCheck(tab, size));
    log(`mount/unmount checks done (${seconds(started)})`);

    const markdown = report({
      samples,
      leaks,
      sizes: [...SIZES],
      burstSize: BURST_SIZE,
      rounds: SAMPLES,
      chromium,
      bundleBytes,
      loadBefore,
      loadAfter: machine().loadAverage,
      seconds: (Date.now() - started) / 1000,
    });
    process.stdout.write(`${markdown}\n`);
    await publishResults(markdown, here);

    const problems = samples.flatMap((sample) => sample.burstCheck?.problems ?? []);
    if (problems.length > 0) {
      log(`burst check failed: ${problems.slice(0, 5).join('; ')}`);
      process.exitCode = 1;
    }
    const leaking = leaks.filter((check) => !leakPassed(check));
    if (leaking.length > 0) {
      log(
        `mount/unmount check failed at ${leaking.map((check) => check.size).join(', ')} sessions`,
      );
      process.exitCode = 1;
    }
  } finally {
    await browser?.close();
    await server.close();
    await rm(outdir, { recursive: true, force: true });
  }
}

await main();
