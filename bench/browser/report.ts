// The browser benchmark's results as Markdown: the machine, the method, then one table per
// question, each timing as a median with its 95 % interval and as ratios against the baselines.
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Variant } from './build.js';
import { factor, ms, number } from './format.js';
import { goalLines, workLines } from './goals.js';
import { estimate, ratio, type Estimate } from './stats.js';

/**
 * How long a timed action may take before the sample stops waiting (and abandons the page): a
 * list that shows nothing for 1.5 s has failed its broker whatever the exact figure, and without
 * a cap one non-virtualized 10 000-card sample takes minutes on a busy 2-core machine.
 */
export const CAPS = { renderMs: 1_500, burstMs: 10_000 };

/**
 * A time in ms; `Infinity` when it passed its cap (the sample ended there); null when not
 * reached (an earlier step of the sample passed its cap) or not measured at this size.
 */
export type Timing = number | null;

/** One sample of one variant at one size (times in ms, heap in bytes). */
export interface Sample {
  readonly variant: Variant;
  readonly size: number;
  /** A page measured for its DOM and heap only (where the timed samples stopped at a cap). */
  readonly untimed: boolean;
  firstRender: Timing;
  tabSwitch: Timing;
  burst: Timing;
  /**
   * ms the renderer's main thread was busy during each timed action (null where the time is
   * null or capped): bench/browser/trace.ts.
   */
  work: { firstRender: number | null; tabSwitch: number | null; burst: number | null };
  /** The whole list checked after the burst (in three rounds). */
  burstCheck: { readonly problems: readonly string[]; readonly checkedPositions: number } | null;
  /** Measured in three rounds. */
  memory: {
    /** Nodes in the list's box, shadow roots included. */
    readonly nodes: number;
    /** JS heap after GC with the list shown. */
    readonly heapMounted: number;
    /** What unmounting the list gave back (heap after GC, shown minus removed). */
    readonly heapOfList: number;
  } | null;
}

/** Renderer counters after GC. */
export interface Counters {
  readonly heap: number;
  readonly nodes: number;
  readonly listeners: number;
}

/** Memory before and after mounting and unmounting the sidebar `cycles` times. */
export interface LeakCheck {
  readonly size: number;
  readonly cycles: number;
  readonly warmUpCycles: number;
  readonly before: Counters;
  readonly after: Counters;
  readonly documentBefore: number;
  readonly documentAfter: number;
  /** Listeners left on the store after the last unmount. */
  readonly subscribers: number;
  /** Sidebar and card instances still in the heap after the last unmount and GC. */
  readonly elementsAlive: number;
}

export interface Run {
  readonly samples: readonly Sample[];
  readonly leaks: readonly LeakCheck[];
  readonly sizes: readonly number[];
  readonly burstSize: number;
  readonly rounds: number;
  readonly chromium: string;
  readonly bundleBytes: Record<Variant, number>;
  readonly loadBefore: readonly number[];
  readonly loadAfter: readonly number[];
  readonly seconds: number;
}

/**
 * How far the heap may end from where it started after the mount/unmount cycles. It still grows
 * after the warm-up cycles, in steps: V8 code, Chromium's performance-timeline entries and the
 * growth of Blink's own hash tables (a heap-snapshot diff over 100 cycles showed nothing else,
 * no object of ours): 130–220 KiB over 20 cycles here. One sidebar showing 100 sessions holds
 * about 150 KiB, so a mount that leaked a tenth of one would exceed this within 20 cycles. The
 * exact checks are the node, listener and instance counts.
 */
export const HEAP_TOLERANCE_BYTES = 256 * 1024;

const NAMES: Record<Variant, string> = {
  sidebar: '`<chat-sidebar>` (virtualized)',
  repeat: 'Lit `repeat`, same cards',
  plain: 'hand-built DOM cards',
};

export function machine(): {
  cores: number;
  memoryGiB: number;
  cpu: string;
  loadAverage: number[];
} {
  return {
    cores: os.availableParallelism(),
    memoryGiB: os.totalmem() / 1024 ** 3,
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    loadAverage: os.loadavg(),
  };
}

function measured(timings: readonly Timing[]): number[] {
  return timings.filter((value): value is number => value !== null);
}

/** "median [low–high]", with how many samples stopped at the cap or never got there. */
function timingCell(timings: readonly Timing[], cap: number): string {
  const values = measured(timings);
  const skipped = timings.length - values.length;
  if (values.length === 0) return `not reached (${skipped} samples)`;
  const capped = values.filter((value) => value === Number.POSITIVE_INFINITY).length;
  const { median, low, high } = estimate(values);
  const notes = [
    capped ? `${capped} over ${number.format(cap)}` : '',
    skipped ? `${skipped} not reached` : '',
    values.length < 15 ? `n = ${values.length}` : '',
  ].filter(Boolean);
  const main =
    median === Number.POSITIVE_INFINITY
      ? `> ${number.format(cap)}`
      : `${ms(median)} [${ms(low)}–${high === Number.POSITIVE_INFINITY ? `> ${number.format(cap)}` : ms(high)}]`;
  return notes.length ? `${main} (${notes.join(', ')})` : main;
}

/**
 * The sidebar's median over a baseline's, with its interval. A baseline sample past its cap is
 * counted as taking exactly the cap, so the ratio is then an upper bound ("≤").
 */
function ratioCell(sidebar: readonly Timing[], baseline: readonly Timing[], cap: number): string {
  const ours = measured(sidebar);
  const theirs = measured(baseline);
  if (ours.length === 0 || theirs.length === 0 || ours.includes(Number.POSITIVE_INFINITY))
    return '–';
  const bounded = theirs.some((value) => value === Number.POSITIVE_INFINITY);
  const value: Estimate = ratio(
    ours,
    theirs.map((time) => Math.min(time, cap)),
  );
  return `${bounded ? '≤ ' : ''}×${factor(value.median)} [${factor(value.low)}–${factor(value.high)}]`;
}

function of(samples: readonly Sample[], variant: Variant, size: number): Sample[] {
  return samples.filter((sample) => sample.variant === variant && sample.size === size);
}

function timed(samples: readonly Sample[], variant: Variant, size: number): Sample[] {
  return of(samples, variant, size).filter((sample) => !sample.untimed);
}

function timingTable(
  run: Run,
  pick: (sample: Sample) => Timing,
  sizes: readonly number[],
  cap: number,
): string[] {
  const unreached = run.samples.some(
    (sample) => !sample.untimed && sizes.includes(sample.size) && pick(sample) === null,
  );
  const lines = [
    `| Sessions | ${NAMES.sidebar}, ms | ${NAMES.repeat}, ms | ${NAMES.plain}, ms | sidebar ÷ repeat | sidebar ÷ hand-built |`,
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const size of sizes) {
    const timings = (variant: Variant) => timed(run.samples, variant, size).map(pick);
    lines.push(
      `| ${number.format(size)} | ${timingCell(timings('sidebar'), cap)} | ${timingCell(timings('repeat'), cap)} | ` +
        `${timingCell(timings('plain'), cap)} | ${ratioCell(timings('sidebar'), timings('repeat'), cap)} | ` +
        `${ratioCell(timings('sidebar'), timings('plain'), cap)} |`,
    );
  }
  if (unreached) {
    lines.push(
      '',
      '"Not reached": an earlier step of the sample (the first render, mostly) passed its cap, and the sample ended there.',
    );
  }
  return lines;
}

function mib(bytes: number): string {
  return Number.isNaN(bytes) ? '–' : `${(bytes / 1024 ** 2).toFixed(2)} MiB`;
}

function kib(bytes: number): string {
  return `${bytes >= 0 ? '+' : '−'}${number.format(Math.round(Math.abs(bytes) / 1024))} KiB`;
}

function load(values: readonly number[]): string {
  return values.map((value) => value.toFixed(2)).join(' / ');
}

/** True when the heap came back within the tolerance and every node, listener and element went. */
export function leakPassed(check: LeakCheck): boolean {
  return (
    Math.abs(check.after.heap - check.before.heap) <= HEAP_TOLERANCE_BYTES &&
    check.after.nodes === check.before.nodes &&
    check.documentAfter === check.documentBefore &&
    check.after.listeners === check.before.listeners &&
    check.subscribers === 0 &&
    check.elementsAlive === 0
  );
}

function burstVerdict(run: Run): string {
  const checked = run.samples.filter((sample) => sample.burstCheck !== null);
  const problems = checked.flatMap((sample) =>
    sample.burstCheck!.problems.map((problem) => `${sample.variant}: ${problem}`),
  );
  if (checked.length === 0)
    return '**No burst was checked** (every burst sample stopped at its cap).';
  const checkedBy = (variant: Variant) =>
    checked.filter((sample) => sample.variant === variant).length;
  const screens = checked
    .filter((sample) => sample.variant === 'sidebar')
    .map((sample) => sample.burstCheck!.checkedPositions);
  const scope =
    `${checkedBy('sidebar')} sidebar, ${checkedBy('repeat')} repeat and ${checkedBy('plain')} hand-built bursts (the three ` +
    `memory rounds) were checked against the store's list after settling: every row of the non-virtualized lists; in the ` +
    `sidebar ${screens.length ? `${Math.min(...screens)}–${Math.max(...screens)}` : 'no'} screens each (the top, the end, ` +
    `seven places between, and where each changed session is and was: a dropped or repeated row shifts every row after it, so ` +
    `the end alone would show one), with \`aria-setsize\`, the tab counts and the unread total. Every timed burst already ` +
    `ended on a screen matching the store.`;
  return problems.length === 0
    ? `**No dropped or duplicated rows.** ${scope}`
    : `**Problems after the burst (${problems.length}):** ${[...new Set(problems)].slice(0, 8).join('; ')}. ${scope}`;
}

/** The section, starting with its `## Browser` heading. */
export function report(run: Run): string {
  const host = machine();
  const measuredAt = new Date().toISOString().replace('T', ' ').slice(0, 16);
  const kb = (variant: Variant) => number.format(Math.round(run.bundleBytes[variant] / 1024));
  const lines: string[] = [
    '## Browser',
    '',
    '<!-- Written by bench/browser/run.ts; replaced as a whole on each run. -->',
    '',
    `Measured ${measuredAt} UTC by \`bench/browser/run.ts\` in ${Math.round(run.seconds)} s: ${run.chromium} (Debian ` +
      `Chromium, headless, puppeteer-core), Node ${process.version}, ${host.cores} cores (${host.cpu}), ` +
      `${host.memoryGiB.toFixed(1)} GiB memory. Load average (1 / 5 / 15 min) ${load(run.loadBefore)} at the start, ` +
      `${load(run.loadAfter)} at the end: other work shared the machine, so read the ratios, not the milliseconds.`,
    '',
    `**Method.** Production builds (esbuild, Lit's \`production\` condition, minified; pages of ${kb('sidebar')} KiB ` +
      `(sidebar), ${kb('repeat')} KiB (repeat), ${kb('plain')} KiB (hand-built), most of it the SDK) served from ` +
      `127.0.0.1, in a 360 × 560 px box. The broker has *N* active and *N* completed sessions, generated and parsed by the ` +
      `SDK's \`SessionRowSchema\`, in an in-memory \`SessionListSource\` that keeps each tab sorted by the SDK's comparator ` +
      `(the store costs next to nothing). Every variant renders against a frozen clock. Every sample is a fresh page (a new ` +
      `document in the tab's renderer; a new renderer after a capped sample): first render, tab switch, at ` +
      `${number.format(run.burstSize)} the burst. ${run.rounds} rounds, ` +
      `each running every variant × size in a new shuffled order, after a dropped warm-up sample of each variant ` +
      `(at ${number.format(run.sizes[0] ?? 0)}). A time runs from \`performance.now()\` before the action to the first task after the first frame ` +
      `(requestAnimationFrame, style, layout, paint) whose viewport is filled with rendered cards that each show the session ` +
      `the store has at their position, with its unread badge (for the sidebar also the tab counts and unread total); ` +
      `\`gc()\` and a quiet page before each. An action past its cap (${number.format(CAPS.renderMs)} ms for render and ` +
      `tab switch, ${number.format(CAPS.burstMs)} ms for the burst) ends its sample: the page is abandoned, later steps ` +
      `are not reached. Medians with percentile-bootstrap 95 % intervals; ratios of medians, intervals from resampling both ` +
      `sides, a capped baseline sample counted at the cap (the ratio is then an upper bound, ≤). During a timed action ` +
      `the DevTools protocol records only a trace of the renderer's tasks (for the main-thread work below); its other ` +
      `domains are attached only after the timed work.`,
    '',
    `Baselines: **Lit \`repeat\`**: the sidebar's card elements with the attributes it gives them (less \`aria-posinset\` ` +
      `and \`aria-setsize\`, which only a virtualized list needs), every card in the DOM, following the store through ` +
      `the project's \`StoreController\`. **Hand-built**: the same card content made with \`document.createElement\`, one ` +
      `document stylesheet, no shadow roots; incoming rows patched in by hand (card rebuilt and moved).`,
    '',
    '### First render: mount until the first screen of cards shows',
    '',
    ...timingTable(run, (sample) => sample.firstRender, run.sizes, CAPS.renderMs),
    '',
    '### Tab switch: click Active → Completed until the Completed cards show (both tabs hold N sessions)',
    '',
    ...timingTable(run, (sample) => sample.tabSwitch, run.sizes, CAPS.renderMs),
    '',
    `### Burst of 50 incoming changes on a ${number.format(run.burstSize)}-session list`,
    '',
    'On the Completed tab: 30 new operator replies (unread badge up, the session moves to the top; five sessions get two), ' +
      '10 active sessions completed (they join the list where their last activity puts them), 10 completed sessions ' +
      'reopened (they leave it: from deep in the list, from the top, one just completed). Each change is its own task, back ' +
      "to back, as a feed pushing rows one by one would deliver them (the SDK's sync emits once per polled batch; this is " +
      'the harder case). Settled: the first frame showing the list, badges, tab counts and unread total as they are after all 50.',
    '',
    ...timingTable(run, (sample) => sample.burst, [run.burstSize], CAPS.burstMs),
    '',
    burstVerdict(run),
    '',
    ...workLines(run),
    '',
    '### DOM and heap',
    '',
    'Nodes in the box, shadow roots included (exact). Heap: `JSHeapUsedSize` after `HeapProfiler.collectGarbage` with the ' +
      'list shown (the page, its code and the 2 × N sessions included), and what removing the list gave back. Medians of the ' +
      'three memory rounds (first, middle, last), after the timed work: the Completed tab shown (at 10,000 after the burst). ' +
      'Where those samples stopped at a cap, one untimed page after the rounds, rendering the Completed tab directly. The ' +
      "heap is V8's: DOM nodes live in Blink's own heap, and show in the node counts.",
    '',
    '| Sessions | Variant | DOM nodes | Heap, list shown | Heap held by the list |',
    '| ---: | --- | ---: | ---: | ---: |',
  ];
  for (const size of run.sizes) {
    for (const variant of ['sidebar', 'repeat', 'plain'] as const) {
      const measuredIn = of(run.samples, variant, size).filter((sample) => sample.memory);
      const memory = measuredIn.map((sample) => sample.memory!);
      const untimed = measuredIn.some((sample) => sample.untimed) ? ' (untimed page)' : '';
      const nodes = [...new Set(memory.map((sample) => sample.nodes))];
      const median = (values: number[]) => (values.length ? estimate(values).median : Number.NaN);
      lines.push(
        `| ${number.format(size)} | ${NAMES[variant]}${untimed} | ${nodes.length ? nodes.map((value) => number.format(value)).join(' / ') : '–'} | ` +
          `${mib(median(memory.map((sample) => sample.heapMounted)))} | ${mib(median(memory.map((sample) => sample.heapOfList)))} |`,
      );
    }
  }
  const cycles = run.leaks[0]?.cycles ?? 20;
  lines.push(
    '',
    `### Mount / unmount ${cycles} times`,
    '',
    `The sidebar mounted on one store, shown, and removed ${cycles} times after ${run.leaks[0]?.warmUpCycles ?? 0} warm-up cycles; the renderer's ` +
      `counters after GC before and after. Passes when the heap is back within ${HEAP_TOLERANCE_BYTES / 1024} KiB (it ` +
      `still grows a little in steps: V8 code, Chromium's performance-timeline entries, Blink's hash tables; a mount ` +
      `leaking a tenth of a 100-session sidebar, about 15 KiB, would exceed it within 20 cycles) and, exactly: the ` +
      `renderer's live DOM nodes (\`Nodes\`), the ` +
      `document's nodes (shadow roots included) and the JS event listeners are as before, no listener is left on the store, ` +
      `and no sidebar or card instance is left in the heap (\`Runtime.queryObjects\` on their prototypes).`,
    '',
    '| Sessions | Heap before | Heap after | Δ heap | Live nodes | Document nodes | Event listeners | Store listeners left | Elements left | Result |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  );
  for (const check of run.leaks) {
    lines.push(
      `| ${number.format(check.size)} | ${mib(check.before.heap)} | ${mib(check.after.heap)} | ${kib(check.after.heap - check.before.heap)} | ` +
        `${number.format(check.before.nodes)} → ${number.format(check.after.nodes)} | ` +
        `${number.format(check.documentBefore)} → ${number.format(check.documentAfter)} | ` +
        `${check.before.listeners} → ${check.after.listeners} | ${check.subscribers} | ${check.elementsAlive} | ` +
        `${leakPassed(check) ? 'pass' : '**FAIL**'} |`,
    );
  }
  lines.push('', ...goalLines(run));
  return lines.join('\n');
}

/**
 * Writes bench/browser/RESULTS.md and this section's file for bench/run.sh
 * (`<BENCH_RESULTS_DIR or bench/results>/browser.md`, which run.sh assembles bench/RESULTS.md
 * from). Run alone, it also refreshes the Browser section of bench/RESULTS.md when that file is
 * committed (under run.sh, run.sh rewrites it).
 */
export async function publishResults(section: string, browserDir: string): Promise<void> {
  await writeFile(
    path.join(browserDir, 'RESULTS.md'),
    `# Browser benchmark results\n\n${section}\n`,
  );
  const benchDir = path.dirname(browserDir);
  const underRunner = process.env['BENCH_RESULTS_DIR'];
  const resultsDir = underRunner ?? path.join(benchDir, 'results');
  await mkdir(resultsDir, { recursive: true });
  await writeFile(path.join(resultsDir, 'browser.md'), `${section}\n`);
  if (underRunner) return;
  try {
    await promisify(execFile)('git', ['ls-files', '--error-unmatch', 'RESULTS.md'], {
      cwd: benchDir,
    });
  } catch {
    return; // Not committed: bench/run.sh makes it.
  }
  const combined = path.join(benchDir, 'RESULTS.md');
  const text = await readFile(combined, 'utf8');
  const start = text.search(/^## Browser\s*$/m);
  if (start < 0) {
    await writeFile(combined, `${text.trimEnd()}\n\n${section}\n`);
    return;
  }
  const next = text.slice(start + 1).search(/^## /m);
  const end = next < 0 ? text.length : start + 1 + next;
  await writeFile(
    combined,
    `${text.slice(0, start)}${section}\n${end < text.length ? `\n${text.slice(end)}` : ''}`,
  );
}
