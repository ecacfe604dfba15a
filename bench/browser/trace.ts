// Main-thread work of a timed action, from a Chromium trace: how long the renderer's main thread
// was busy between the action's start and the frame that showed its result, idle time excluded.
// The frame-paced times of the other tables include the wait for the next frame (headless
// Chromium produces frames at 60 Hz whatever the flags), so two actions that both finish inside
// one frame interval read alike there; this is what tells their costs apart.

/**
 * Trace categories recorded during a timed action: every task the renderer runs (`toplevel`, a
 * few events per task) and the page's `performance.mark` (`blink.user_timing`), nothing else.
 */
export const TRACE_CATEGORIES = ['toplevel', 'blink.user_timing'];

/** The mark the page sets when a timed action starts (bench/browser/pages/harness.ts). */
export const START_MARK = 'bench:start';

/** The top-level task event of Chromium's task scheduler. */
const TASK = 'ThreadControllerImpl::RunTask';

interface TraceEvent {
  readonly name?: string;
  readonly ph?: string;
  readonly pid?: number;
  readonly tid?: number;
  readonly ts?: number;
  readonly dur?: number;
}

/**
 * Milliseconds the thread that set {@link START_MARK} spent running tasks from the mark until
 * `durationMs` later (the action's own measured time): overlapping tasks are counted once, and
 * a task crossing either end only for its part inside.
 */
export function mainThreadWork(trace: Uint8Array, durationMs: number): number {
  const parsed = JSON.parse(Buffer.from(trace).toString('utf8')) as {
    traceEvents?: readonly TraceEvent[];
  };
  const events = parsed.traceEvents ?? [];
  const marks = events.filter((event) => event.name === START_MARK && event.ts !== undefined);
  if (marks.length !== 1)
    throw new Error(`the trace holds ${marks.length} "${START_MARK}" marks, expected one`);
  const { pid, tid, ts: start } = marks[0]!;
  const end = start! + durationMs * 1000;
  const tasks = events
    .filter(
      (event) =>
        event.name === TASK &&
        event.ph === 'X' &&
        event.pid === pid &&
        event.tid === tid &&
        event.ts !== undefined &&
        event.dur !== undefined,
    )
    .map((event) => [Math.max(event.ts!, start!), Math.min(event.ts! + event.dur!, end)] as const)
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
  let busy = 0;
  let reached = Number.NEGATIVE_INFINITY;
  for (const [from, to] of tasks) {
    if (to <= reached) continue;
    busy += to - Math.max(from, reached);
    reached = to;
  }
  return busy / 1000;
}
