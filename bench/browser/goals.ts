// The browser section's main-thread work table and its goals table (issue #16): each goal
// against the figure measured in this run, with the frame-paced time and the main-thread work
// side by side where both exist.
import type { Run, Sample } from './report.js';
import { factor, ms, number } from './format.js';
import { estimate, ratio, type Estimate } from './stats.js';

type Step = 'firstRender' | 'tabSwitch' | 'burst';

/** The sidebar's timed samples at `size`. */
function sidebarAt(run: Run, size: number): Sample[] {
  return run.samples.filter(
    (sample) => sample.variant === 'sidebar' && sample.size === size && !sample.untimed,
  );
}

/** Frame-paced times of `step` (finite ones: a capped sidebar sample has no figure). */
function times(run: Run, size: number, step: Step): number[] {
  return sidebarAt(run, size)
    .map((sample) => sample[step])
    .filter((value): value is number => value !== null && Number.isFinite(value));
}

function works(run: Run, size: number, step: Step): number[] {
  return sidebarAt(run, size)
    .map((sample) => sample.work[step])
    .filter((value): value is number => value !== null);
}

function timeCell(values: readonly number[]): string {
  if (values.length === 0) return '–';
  const { median, low, high } = estimate(values);
  return `${ms(median)} [${ms(low)}–${ms(high)}]`;
}

function ratioOf(a: readonly number[], b: readonly number[]): Estimate | null {
  return a.length && b.length ? ratio(a, b) : null;
}

function ratioCell(value: Estimate | null): string {
  return value ? `${factor(value.median)} [${factor(value.low)}–${factor(value.high)}]` : '–';
}

/** The main-thread work table: each timed action of the sidebar, idle time excluded. */
export function workLines(run: Run): string[] {
  const lines = [
    "### Main-thread work: the sidebar's actions without the wait for the frame",
    '',
    'The same samples as above: a trace recorded during each timed action (categories `toplevel` and ' +
      "`blink.user_timing` only) gives the time the renderer's main thread spent running tasks from the action's start " +
      'to the end of its time above (JavaScript, style, layout, paint, the check of the screen), idle time excluded. ' +
      'Headless Chromium produces frames at 60 Hz here whatever the flags (`--disable-frame-rate-limit` and ' +
      '`--disable-gpu-vsync` leave the interval at 16.7 ms), and a timed action starts just after a frame: an action ' +
      'that finishes inside one frame interval still shows a full frame above. This table tells such actions apart.',
    '',
    `| Sessions | first render, ms | tab switch, ms | tab switch ÷ first render | burst of 50, ms |`,
    '| ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const size of run.sizes) {
    const first = works(run, size, 'firstRender');
    const tab = works(run, size, 'tabSwitch');
    const burst = size === run.burstSize ? timeCell(works(run, size, 'burst')) : '–';
    lines.push(
      `| ${number.format(size)} | ${timeCell(first)} | ${timeCell(tab)} | ${ratioCell(ratioOf(tab, first))} | ${burst} |`,
    );
  }
  return lines;
}

interface Goal {
  readonly figure: string;
  /** The frame-paced figure, as shown, and its value (null: not measured). */
  readonly paced: readonly [string, number | null];
  /** The main-thread work figure, as shown, and its value (null: none for this row). */
  readonly work: readonly [string, number | null];
  readonly goal: string;
  /** Whether a value meets the goal. */
  readonly meets: (value: number) => boolean;
  /** Which of the two figures the goal is judged on. */
  readonly judged: 'paced' | 'work';
}

function ratioGoal(
  figure: string,
  a: readonly [number, Step],
  b: readonly [number, Step],
  limit: number,
  run: Run,
): Goal {
  const paced = ratioOf(times(run, ...a), times(run, ...b));
  const work = ratioOf(works(run, ...a), works(run, ...b));
  return {
    figure,
    paced: [ratioCell(paced), paced?.median ?? null],
    work: [ratioCell(work), work?.median ?? null],
    goal: `≤ ${limit}`,
    meets: (value) => value <= limit,
    judged: 'work',
  };
}

/** Issue #16's goals for the sidebar against this run's figures. */
export function goalLines(run: Run): string[] {
  const nodes = run.samples
    .filter((sample) => sample.variant === 'sidebar' && sample.memory)
    .map((sample) => sample.memory!.nodes);
  const most = nodes.length ? Math.max(...nodes) : null;
  const largest = run.sizes[run.sizes.length - 1] ?? 0;
  const smallest = run.sizes[0] ?? 0;
  const tabAt = 1_000;
  const tabTime = times(run, tabAt, 'tabSwitch');
  const tabWork = works(run, tabAt, 'tabSwitch');
  const goals: Goal[] = [
    {
      figure: `Sidebar DOM nodes at any N (${run.sizes.map((size) => number.format(size)).join(' / ')}), after the burst`,
      paced: [most === null ? '–' : `${number.format(most)} at most`, most],
      work: ['', null],
      goal: '≤ 800',
      meets: (value) => value <= 800,
      judged: 'paced',
    },
    ratioGoal(
      `First render at ${number.format(largest)} ÷ at ${number.format(smallest)}`,
      [largest, 'firstRender'],
      [smallest, 'firstRender'],
      1.2,
      run,
    ),
    ratioGoal(
      `Burst of 50 at ${number.format(run.burstSize)} ÷ first render at ${number.format(run.burstSize)}`,
      [run.burstSize, 'burst'],
      [run.burstSize, 'firstRender'],
      2.5,
      run,
    ),
    {
      figure: `Tab switch at ${number.format(tabAt)}, ms`,
      paced: [timeCell(tabTime), tabTime.length ? estimate(tabTime).median : null],
      work: [timeCell(tabWork), tabWork.length ? estimate(tabWork).median : null],
      goal: '≤ 25 ms',
      meets: (value) => value <= 25,
      judged: 'paced',
    },
    ratioGoal(
      `Tab switch ÷ first render at ${number.format(tabAt)}`,
      [tabAt, 'tabSwitch'],
      [tabAt, 'firstRender'],
      0.6,
      run,
    ),
  ];
  const lines = [
    '### Goals (issue #16)',
    '',
    'Medians with 95 % intervals. An absolute goal is judged on the time to the frame showing the result (what the ' +
      'broker waits for); a ratio goal on the main-thread work, which measures what each action costs (in frame-paced ' +
      'times two actions that both finish inside one frame interval read about 1 whatever their costs).',
    '',
    '| Figure | Frame-paced | Main-thread work | Goal | Met |',
    '| --- | ---: | ---: | ---: | --- |',
  ];
  for (const goal of goals) {
    const value = goal[goal.judged][1];
    const met = value === null ? 'not measured' : goal.meets(value) ? 'yes' : 'no';
    lines.push(
      `| ${goal.figure} | ${goal.paced[0]} | ${goal.work[0] || '–'} | ${goal.goal} | ${met} (${goal.judged === 'work' ? 'work' : 'frame-paced'}) |`,
    );
  }
  return lines;
}
